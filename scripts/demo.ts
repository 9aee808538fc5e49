// `npm run demo`: builds the extension, serves the local portal-shaped pages with sample customers, imports
// the sample data through the options page, and opens Chromium with the extension loaded.
// `npm run demo -- --screenshots DIR` runs headless and writes PNGs of the list, a panel, the popup and options.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/harness';
import { DEMO_CUSTOMERS, sampleFiles } from './sample-data';

const args = process.argv.slice(2);
const at = args.indexOf('--screenshots');
const shotsDir = at >= 0 ? resolve(args[at + 1] ?? 'docs/screenshots') : undefined;

execSync('npm run build', { stdio: 'inherit' });
const h = await launch({ portal: { customers: DEMO_CUSTOMERS }, headless: !!shotsDir || !process.env.DISPLAY });
console.log(`Local portal on https://partner.microsoft.com (127.0.0.1:${h.portal.port}), extension ${h.extensionId}`);

// Staff name and sample data, the way a user would: through the options page.
const options = await h.openExtensionPage('options.html');
await options.locator('[data-testid="import-file"]').setInputFiles(sampleFiles());
await options.locator('[data-testid="import-confirm"]').click();
await options.locator('[data-testid="import-result"]').waitFor({ timeout: 30_000 });
await options.locator('[data-testid="settings-staff-name"]').fill('Demo User');
await options.locator('[data-testid="settings-save"]').click();
console.log('Sample data imported:', (await options.locator('[data-testid="import-result"]').innerText()).replace(/\s+/g, ' '));

const list = await h.openPortal('/dashboard/commerce2/customers/list');
await list.locator('tr[id^="row-"] [data-testid="risk-badge"]').first().waitFor({ timeout: 15_000 });
const panelPage = await h.openPortal(`/dashboard/commerce2/customers/${DEMO_CUSTOMERS[1].tenantId}/account`);
await panelPage.locator('[data-testid="risk-score"]').waitFor({ timeout: 15_000 });

if (shotsDir) {
  mkdirSync(shotsDir, { recursive: true });
  await list.waitForTimeout(500);
  await list.screenshot({ path: join(shotsDir, 'customers-list.png') });
  await panelPage.screenshot({ path: join(shotsDir, 'customer-panel.png') });
  const popup = await h.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 580, height: 620 });
  await popup.locator('[role="tab"]').first().waitFor();
  await popup.screenshot({ path: join(shotsDir, 'popup.png') });
  await options.bringToFront();
  await options.screenshot({ path: join(shotsDir, 'options.png'), fullPage: true });
  console.log(`Screenshots written to ${shotsDir}`);
  await h.close();
} else {
  await h.openExtensionPage('popup.html');
  console.log('Chromium is open with the extension: browse the customers list and a customer page. Ctrl+C to stop.');
  process.on('SIGINT', () => void h.close().then(() => process.exit(0)));
}

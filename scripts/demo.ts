// `npm run demo`: builds the extension, serves the local portal-shaped pages with sample customers, imports
// the sample data through the options page, and opens Chromium with the extension loaded (Chromium is needed:
// /usr/bin/chromium, or CHROMIUM_PATH).
// `npm run demo -- --screenshots [DIR]` runs headless and writes PNGs of the list, a panel (its checklist in
// view), the popup and options, in the light and the dark scheme, to DIR, or to a new temporary folder.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/harness';
import { DEMO_CUSTOMERS, sampleFiles } from './sample-data';

const args = process.argv.slice(2);
const at = args.indexOf('--screenshots');
const named = at >= 0 && args[at + 1] && !args[at + 1].startsWith('--') ? args[at + 1] : undefined;
const shotsDir = at < 0 ? undefined : named ? resolve(named) : mkdtempSync(join(tmpdir(), 'prl-screenshots-'));

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
// A few onboarding checks done, as staff would tick them, so that the checklist shows progress.
for (const id of ['phone-contact', 'sms-verification']) {
  const box = panelPage.locator(`[data-testid="checklist-item"][data-item-id="${id}"] input`);
  if (await box.count()) await box.first().click();
}

/** Waits until every page shows its data in the scheme just set (fonts and colours settle within a frame or two). */
const settle = (page: Page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

if (shotsDir) {
  mkdirSync(shotsDir, { recursive: true });
  const popup = await h.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 580, height: 620 });
  await popup.locator('[role="tab"]').first().waitFor();
  for (const scheme of ['light', 'dark'] as const) {
    const suffix = scheme === 'dark' ? '-dark' : '';
    for (const page of [list, panelPage, popup, options]) { await page.emulateMedia({ colorScheme: scheme }); await settle(page); }
    await list.screenshot({ path: join(shotsDir, `customers-list${suffix}.png`) });
    // The panel's picture shows its checklist: scrolled into the panel's view.
    await panelPage.locator('[data-testid="checklist-item"]').first().scrollIntoViewIfNeeded();
    await panelPage.screenshot({ path: join(shotsDir, `customer-panel${suffix}.png`) });
    await popup.screenshot({ path: join(shotsDir, `popup${suffix}.png`) });
    await options.bringToFront();
    await options.screenshot({ path: join(shotsDir, `options${suffix}.png`), fullPage: true });
  }
  console.log(`Screenshots written to ${shotsDir}`);
  await h.close();
} else {
  await h.openExtensionPage('popup.html');
  console.log('Chromium is open with the extension: browse the customers list and a customer page. Ctrl+C to stop.');
  process.on('SIGINT', () => void h.close().then(() => process.exit(0)));
}

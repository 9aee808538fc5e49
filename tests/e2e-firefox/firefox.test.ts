// The Firefox build in Debian's Firefox ESR (WebDriver BiDi, a temporary add-on) against the local portal: the
// options import, the popup's lists, the panel with ticking and reload, and badges in the shadow-root grid.
// One browser launch for the whole file; the tests run in order on one store.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, sampleFiles } from '../../scripts/sample-data';
import { EXTENSION_DIR, launchFirefox, waitUntil, type FirefoxHarness } from './harness';

let h: FirefoxHarness;
let files: string;
beforeAll(async () => {
  h = await launchFirefox({ portal: { customers: DEMO_CUSTOMERS } });
  files = mkdtempSync(join(tmpdir(), 'prl-ff-files-'));
});
afterAll(async () => {
  await h?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

const T = { timeout: 15_000 };
const [contoso, fabrikam, , tailspin, , adventure, litware, proseware] = DEMO_CUSTOMERS;

// Puppeteer's `>>>` is a descendant combinator that also enters open shadow roots (the panel's, the grid's,
// each badge's), as Playwright's CSS does in the Chromium suite.
const count = async (p: Page, sel: string) => (await p.$$(sel)).length;
const attr = async (p: Page, sel: string, name: string) => {
  const el = await p.$(sel);
  return el ? el.evaluate((e, n) => e.getAttribute(n), name) : undefined;
};
const attrs = async (p: Page, sel: string, name: string) =>
  Promise.all((await p.$$(sel)).map((el) => el.evaluate((e, n) => e.getAttribute(n), name)));
const text = async (p: Page, sel: string) => {
  const el = await p.$(sel);
  return el ? el.evaluate((e) => e.textContent) : undefined;
};
/** A trusted click (BiDi input actions at the element's centre), as a person clicks. */
const click = async (p: Page, sel: string) => (await p.waitForSelector(sel, T))!.click();
const reload = async (p: Page) => {
  await p.evaluate(() => { (window as unknown as { __before?: true }).__before = true; });
  await p.reload();
  await waitUntil(() => p.evaluate(() => !(window as unknown as { __before?: true }).__before && document.readyState === 'complete'));
};

describe('Firefox ESR', () => {
  it('is the MV3 build with its gecko id, declares no data collection, and asks for the portal only', () => {
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.host_permissions).toEqual(['https://partner.microsoft.com/*']);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });

  it('imports the sample files through the options page, each previewed with its kind and rows', async () => {
    for (const f of sampleFiles()) writeFileSync(join(files, f.name), f.buffer);
    const options = await h.openExtensionPage('options.html');
    const input = (await options.waitForSelector('[data-testid="import-file"]', T)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...sampleFiles().map((f) => join(files, f.name)));
    await expect.poll(() => count(options, '[data-testid="import-preview"]'), T).toBe(5);
    expect(await attrs(options, '[data-testid="import-preview"]', 'data-kind')).toEqual(['customers', 'invoices', 'spending', 'alerts', 'alerts']);
    expect(await attrs(options, '[data-testid="import-preview"]', 'data-valid')).toEqual(['8', '6', '6', '3', '1']);
    await click(options, '[data-testid="import-confirm"]');
    await options.waitForSelector('[data-testid="import-result"]', T);
    expect(await attr(options, '[data-testid="import-result"] [data-kind="customers"]', 'data-added')).toBe('8');
    expect(await attr(options, '[data-testid="import-result"] [data-kind="invoices"]', 'data-added')).toBe('6');
    await options.close();
  });

  it('links the privacy policy from the options page, and the page states what is sent: nothing', async () => {
    const options = await h.openExtensionPage('options.html');
    await click(options, '[data-testid="privacy-link"]');
    // The tab moves to privacy.html (no navigation event over BiDi for extension pages: poll the document).
    const policy = () => options.evaluate(() => document.querySelector('[data-testid="privacy-policy"] [data-section="sent"]')?.textContent ?? '')
      .catch(() => '');
    await expect.poll(policy, T).toMatch(/Nothing, to anyone/);
    expect(await options.evaluate(() => location.pathname)).toBe('/privacy.html');
    await options.close();
  });

  it('opens the popup in a tab with the overdue accounts most severe first, switches tabs by click, and the toolbar badge agrees', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => count(popup, '[data-testid="overdue-row"]'), T).toBe(4);
    expect(await attrs(popup, '[data-testid="overdue-row"]', 'data-tenant-id'))
      .toEqual([fabrikam.tenantId, adventure.tenantId, tailspin.tenantId, proseware.tenantId]);
    expect(await text(popup, '#tab-overdue')).toContain('(4)');
    await click(popup, '#tab-alerts');
    await expect.poll(() => count(popup, '[data-testid="alert-row"]'), T).toBeGreaterThan(0);
    // The background's toolbar badge counts what the popup says needs attention (it uses `browser.action`, which
    // an MV2 Firefox build would not have). Read through Firefox's own `browser` in the extension page.
    const attention = Number(/^\d+/.exec((await text(popup, '[data-testid="popup-attention"]')) ?? '')?.[0]);
    expect(attention).toBeGreaterThanOrEqual(5);
    const badgeText = () => popup.evaluate(() => (globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }).browser.action.getBadgeText({}));
    await expect.poll(badgeText, T).toBe(String(attention));
    await popup.close();
  });

  it('ticks in the panel, asks for the name, and keeps the ticks with their name through a reload', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${litware.tenantId}/account`);
    const item = (id: string) => `>>> [data-testid="checklist-item"][data-item-id="${id}"]`;
    await expect.poll(() => attr(page, '>>> [data-testid="risk-panel"]', 'data-tenant-id'), T).toBe(litware.tenantId);
    await expect.poll(() => attr(page, item('phone-contact'), 'data-done'), T).toBe('false');
    await click(page, `${item('phone-contact')} input[type="checkbox"]`);
    await expect.poll(() => attr(page, item('phone-contact'), 'data-done'), T).toBe('true');
    // No staff name yet: the panel asks for it; it is typed on the options page, out of the portal's reach.
    await expect.poll(() => count(page, '>>> [data-testid="staff-name-prompt"]'), T).toBe(1);
    const options = await h.openExtensionPage('options.html');
    await click(options, '[data-testid="settings-staff-name"]');
    await options.keyboard.type('Ana Silva');
    await click(options, '[data-testid="settings-save"]');
    // The open portal tab follows the change without a reload.
    await expect.poll(() => count(page, '>>> [data-testid="staff-name-prompt"]'), T).toBe(0);
    await options.close();

    await reload(page);
    await expect.poll(() => attr(page, item('phone-contact'), 'data-done'), T).toBe('true');
    await click(page, `${item('background-check')} input[type="checkbox"]`);
    await expect.poll(() => text(page, `${item('background-check')} [data-testid="checklist-who"]`), T).toContain('Ana Silva');
    await reload(page);
    await expect.poll(() => attr(page, item('background-check'), 'data-done'), T).toBe('true');
    expect(await count(page, '>>> [data-testid="risk-panel"]')).toBe(1);
    await page.close();
  });

  it('badges every customer row of the shadow-root grid once, with the imported state, names staying text', async () => {
    const list = await h.openPortal('/dashboard/commerce2/customers/list');
    const rowBadges = '>>> tr[id^="row-"] >>> [data-testid="risk-badge"]';
    await expect.poll(() => count(list, rowBadges), T).toBe(DEMO_CUSTOMERS.length);
    expect((await attrs(list, rowBadges, 'data-tenant-id')).sort()).toEqual(DEMO_CUSTOMERS.map((c) => c.tenantId).sort());
    const badge = (id: string) => `>>> tr[id="row-${id}"] >>> [data-testid="risk-badge"]`;
    await expect.poll(() => attr(list, badge(fabrikam.tenantId), 'data-overdue'), T).toBe('true');
    expect(await attr(list, badge(contoso.tenantId), 'data-overdue')).toBeNull();
    expect(await list.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await reload(list);
    await expect.poll(() => count(list, rowBadges), T).toBe(DEMO_CUSTOMERS.length);
    await list.close();
  });
});

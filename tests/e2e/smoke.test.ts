// The built extension in Debian's Chromium against the local portal: content script, popup and options.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });

const [contoso] = SAMPLE_CUSTOMERS;

describe('smoke', () => {
  it('asks for no broad host access: only the portal', () => {
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(['https://partner.microsoft.com/*']);
    expect(manifest.options_ui).toMatchObject({ open_in_tab: true }); // imports and settings need a full tab
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toContain('*://*/*');
    for (const cs of manifest.content_scripts) expect(cs.matches).toEqual(['https://partner.microsoft.com/*']);
  });

  it('runs the content script on a customer page and shows the risk panel', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    const panel = page.locator('[data-testid="risk-panel"]');
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    // An empty store: the customer is unknown, "No data" and no score.
    await expect.poll(() => page.locator('[data-testid="risk-level"]').textContent(), { timeout: 10_000 }).toBe('No data');
    expect(await panel.getAttribute('data-level')).toBe('unknown');
    expect(await panel.getAttribute('data-tenant-id')).toBe(contoso.tenantId);
    await page.close();
  });

  it('badges every customer row of the shadow-root grid once, and names with markup stay text', async () => {
    const page = await h.openPortal('/dashboard/commerce2/customers/list');
    const rowBadges = page.locator('tr[id^="row-"] [data-testid="risk-badge"]');
    await expect.poll(() => rowBadges.count(), { timeout: 15_000 }).toBe(SAMPLE_CUSTOMERS.length);
    const ids = await rowBadges.evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant-id')));
    expect(ids.sort()).toEqual(SAMPLE_CUSTOMERS.map((c) => c.tenantId).sort());
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('opens the popup and the options page', async () => {
    const popup = await h.openExtensionPage('popup.html');
    // Customers were seen in the portal above, so the popup shows its lists (all empty: nothing is overdue).
    await expect.poll(() => popup.locator('[role="tab"]').count(), { timeout: 10_000 }).toBe(6);
    expect(await popup.locator('[data-testid="popup-list-empty"]').count()).toBe(1);
    await popup.close();
    const options = await h.openExtensionPage('options.html');
    await expect.poll(() => options.locator('#app').innerText(), { timeout: 10_000 }).not.toBe('');
    await options.close();
  });
});

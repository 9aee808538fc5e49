// Injection payloads in every imported and scraped text field: none runs in the portal, the popup or the
// options page, and each shows as text. A web page cannot reach our background.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS } from '../fixtures/injection';
import { launch, type Harness } from './harness';
import type { PortalCustomer } from './portal-site/fixtures';

const guid = (i: number) => `${String(i).padStart(8, '0')}-aaaa-4aaa-8aaa-${String(i).padStart(12, '0')}`;
const customers: PortalCustomer[] = PAYLOADS.map((p, i) => ({ tenantId: guid(i), name: p, domain: `d${i}.example.com` }));
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
const T = { timeout: 20_000 };

let h: Harness;
const dialogs: string[] = [];
const watch = (p: Page) => { p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }); return p; };
const pwned = (p: Page) => p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

beforeAll(async () => {
  // The portal itself shows the payload names (as its own text) and the extension scrapes them.
  h = await launch({ portal: { customers } });
});
afterAll(async () => { await h?.close(); });

describe('injection corpus', () => {
  it(`imports ${PAYLOADS.length} payloads as names, notes, alert texts and bad cells, and shows them as text on the options page`, async () => {
    const options = watch(await h.openExtensionPage('options.html'));
    const customersCsv = ['Customer ID,Company name,Primary domain name,Tags', ...customers.map((c, i) => `${c.tenantId},${csvCell(c.name)},${c.domain},${csvCell(PAYLOADS[(i + 1) % PAYLOADS.length])}`)].join('\n');
    const invoicesCsv = ['Customer ID,Invoice number,Invoice date,Due date,Amount,Currency', ...customers.map((c, i) => `${c.tenantId},${csvCell(`INV ${PAYLOADS[i].slice(0, 80)}`)},2026-01-01,2026-02-01,100.00,USD`),
      `${csvCell(PAYLOADS[1])},X,2026-01-01,2026-02-01,1,USD`].join('\n');
    const alerts = JSON.stringify(PAYLOADS.slice(0, 5).map((p, i) => ({ eventId: `inj-${i}`, eventTime: new Date().toISOString(), customerTenantId: guid(i), eventStatus: 'Active', displayName: p, description: p, eventType: p.slice(0, 50), IsTest: 'false' })));
    await options.locator('[data-testid="import-file"]').setInputFiles([
      { name: '<img src=x onerror=window.__pwned=1>.csv', mimeType: 'text/csv', buffer: Buffer.from(customersCsv) },
      { name: 'invoices.csv', mimeType: 'text/csv', buffer: Buffer.from(invoicesCsv) },
      { name: 'alerts.json', mimeType: 'application/json', buffer: Buffer.from(alerts) },
    ]);
    await expect.poll(() => options.locator('[data-testid="import-preview"]').count(), T).toBe(3);
    // The bad cell is quoted in its error, as text.
    expect(await options.locator('[data-testid="import-error"]').first().textContent()).toContain(PAYLOADS[1]);
    expect(await options.locator('h3', { hasText: '<img src=x onerror=window.__pwned=1>.csv' }).count()).toBe(1);
    await options.locator('[data-testid="import-confirm"]').click();
    await options.locator('[data-testid="import-result"]').waitFor(T);
    expect(await pwned(options)).toBeUndefined();
    await options.close();
  });

  it('shows every payload as text in the popup', async () => {
    const popup = watch(await h.openExtensionPage('popup.html'));
    const rows = popup.locator('[data-testid="overdue-row"]');
    await expect.poll(() => rows.count(), T).toBe(PAYLOADS.length);
    const texts = await rows.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const p of PAYLOADS) expect(texts.some((t) => t.includes(p)), p.slice(0, 40)).toBe(true);
    await popup.locator('#tab-alerts').click();
    await expect.poll(() => popup.locator('[data-testid="alert-row"]').count(), T).toBe(5);
    expect(await popup.locator('img, iframe, svg, object, embed, video, marquee, details, base, template, style:not(:first-of-type)').count()).toBe(0);
    expect(await pwned(popup)).toBeUndefined();
    await popup.close();
  });

  it('shows scraped and imported names as text in the portal: badges on the list, the panel on each customer', async () => {
    const list = watch(await h.openPortal('/dashboard/commerce2/customers/list'));
    await expect.poll(() => list.locator('tr[id^="row-"] [data-testid="risk-badge"]').count(), T).toBe(PAYLOADS.length);
    expect(await pwned(list)).toBeUndefined();
    await list.close();
    for (const i of [0, 1, 2, 8, 12, 13, 24]) {
      const page = watch(await h.openPortal(`/dashboard/commerce2/customers/${guid(i)}/account`));
      const heading = page.locator('[data-testid="risk-panel"] h2.customer');
      await expect.poll(() => heading.textContent(), T).toBe(PAYLOADS[i]);
      expect(await page.locator('[data-testid="risk-panel"] img, [data-testid="risk-panel"] iframe, [data-testid="risk-panel"] a[href^="javascript"]').count()).toBe(0);
      expect(await pwned(page)).toBeUndefined();
      await page.close();
    }
  });

  it('gives a web page no way to our background: no runtime, and window messages are ignored', async () => {
    const page = watch(await h.openPortal(`/dashboard/commerce2/customers/${guid(3)}/account`));
    await page.locator('[data-testid="risk-score"]').waitFor(T);
    const reach = await page.evaluate(() => {
      const c = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof c?.runtime?.sendMessage;
    });
    expect(reach).toBe('undefined');
    await page.evaluate(() => {
      window.postMessage({ type: 'staff.setName', name: 'Mallory' }, '*');
      window.postMessage({ type: 'settings.set', settings: { staffName: 'Mallory' } }, '*');
      window.postMessage({ type: 'checklist.set', tenantId: '00000003-aaaa-4aaa-8aaa-000000000003', itemId: 'dunning', done: true }, '*');
    });
    // A person's tick made after those messages: once it shows, the page's messages (delivered first) have been
    // and gone. The tick is kept without a name, the overlay works, and the page's tick is not there.
    const item = page.locator('[data-testid="checklist-item"][data-item-id="phone-contact"]');
    await item.locator('input').click();
    await expect.poll(() => item.locator('[data-testid="checklist-who"]').textContent(), T).toContain('name not set');
    expect(await page.locator('[data-testid="checklist-item"][data-item-id="dunning"]').getAttribute('data-done')).toBe('false');
    const options = await h.openExtensionPage('options.html');
    await expect.poll(() => options.locator('[data-testid="settings-staff-name"]').inputValue(), T).toBe('');
    await options.close();
    await page.close();
    expect(dialogs).toEqual([]);
  });
});

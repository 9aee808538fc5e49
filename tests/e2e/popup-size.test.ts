// The popup at a partner's size: with 300 and 3,000 rows every row is whole and every visible button is the
// element under its own centre (nothing clipped or covered), at the top and after scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';

let h: Harness;
let popup: Page;
const T = { timeout: 60_000 };
const SHORT = { timeout: 15_000 };
const N = 3000;
const ALERTS = 300;
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

beforeAll(async () => {
  h = await launch();
  const now = Date.now();
  const day = (n: number) => new Date(now + n * 86_400_000).toLocaleDateString('en-CA');
  const customers = ['Customer ID,Company name'];
  const invoices = ['Customer ID,Invoice number,Invoice date,Due date,Amount,Currency'];
  for (let i = 0; i < N; i++) {
    customers.push(`${id(i)},Northwind Traders ${i} with a rather long company name for the row`);
    invoices.push(`${id(i)},INV-${i},${day(-40 - (i % 90))},${day(-10 - (i % 90))},${100 + i}.00,EUR`);
  }
  const alerts = Array.from({ length: ALERTS }, (_, i) => ({
    eventId: `fe-${i}`, eventTime: new Date(now - 3_600_000).toISOString(), customerTenantId: id(i), eventType: 'UsageAnomalyDetection',
    eventStatus: 'Active', severity: 'High', displayName: 'Usage anomaly detected on a virtual machine scale set', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
  }));
  const options = await h.openExtensionPage('options.html');
  await options.locator('[data-testid="import-file"]').setInputFiles([
    { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(customers.join('\n')) },
    { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(invoices.join('\n')) },
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(alerts)) },
  ]);
  await options.waitForFunction(() => document.querySelectorAll('[data-testid="import-preview"]').length === 3, undefined, T);
  await options.locator('[data-testid="import-confirm"]').click();
  await options.locator('[data-testid="import-result"]').waitFor(T);
  await options.close();
  popup = await h.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 560, height: 600 });
}, 180_000);
afterAll(async () => { await h?.close(); });

/** Problems with the rows in view: overlapping or clipped rows, buttons that are not under their own centre. */
function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const box = document.querySelector<HTMLElement>('[data-windowed="true"]');
    if (!box) return ['the list is not windowed'];
    const view = box.getBoundingClientRect();
    const rows = [...box.querySelectorAll<HTMLElement>('li.row')];
    let prevBottom = -Infinity;
    let checked = 0;
    for (const row of rows) {
      const r = row.getBoundingClientRect();
      if (r.top < prevBottom - 0.5) out.push(`row ${row.dataset.tenantId} overlaps the one before`);
      prevBottom = r.bottom;
      if (row.scrollHeight > row.clientHeight + 1) out.push(`row ${row.dataset.tenantId} is clipped`);
      if (r.bottom <= view.top || r.top >= view.bottom) continue;
      for (const b of row.querySelectorAll<HTMLElement>('button, input, a')) {
        const c = b.getBoundingClientRect();
        const x = c.left + c.width / 2, y = c.top + c.height / 2;
        if (y < view.top || y > view.bottom) continue; // scrolled out of the window at its edge
        checked++;
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(hit === b || b.contains(hit))) out.push(`${b.dataset.testid ?? b.tagName} of ${row.dataset.tenantId} is covered by ${hit?.outerHTML.slice(0, 60)}`);
      }
    }
    if (checked === 0) out.push('no button in view');
    return out;
  });
}

async function checkScrolled(page: Page) {
  await expect.poll(() => problems(page), SHORT).toEqual([]);
  const box = page.locator('[data-windowed="true"]');
  const b = (await box.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  for (const dy of [900, 5000, 40_000]) {
    await page.mouse.wheel(0, dy);
    await expect.poll(() => box.evaluate((e) => e.scrollTop), T).toBeGreaterThan(0);
    await expect.poll(() => problems(page), SHORT).toEqual([]);
  }
  // The end of the list: the last row is there, whole and usable.
  await box.evaluate((e) => { e.scrollTop = e.scrollHeight; });
  await expect.poll(() => problems(page), SHORT).toEqual([]);
}

describe('the popup at a partner’s size', () => {
  it(`3,000 overdue rows: every visible row whole, every button clickable, also after scrolling`, async () => {
    await expect.poll(() => popup.locator('#tab-overdue').textContent(), T).toContain(`(${N})`);
    await checkScrolled(popup);
    await expect.poll(() => popup.locator(`[data-testid="overdue-row"]`).last().getAttribute('data-tenant-id'), T).toMatch(/^0{8}-/);
  });

  it('300 alert rows (the tallest rows): every visible button clickable, and a click reaches its own row', async () => {
    await popup.locator('#tab-alerts').click();
    await expect.poll(() => popup.locator('#tab-alerts').textContent(), T).toContain(`(${ALERTS})`);
    await checkScrolled(popup);
    const last = popup.locator('[data-testid="alert-row"]').last();
    const alertId = await last.getAttribute('data-alert-id');
    await last.locator('[data-testid="alert-investigate"]').click();
    await expect.poll(() => popup.locator(`[data-alert-id="${alertId}"] [data-testid="alert-investigate"]`).count(), T).toBe(0);
  });

  it('search stays quick over 3,000 rows', async () => {
    await popup.locator('#tab-overdue').click();
    await popup.locator('[data-testid="popup-search"]').fill('Traders 2999 with');
    await expect.poll(() => popup.locator('[data-testid="overdue-row"]').count(), T).toBe(1);
  });
});

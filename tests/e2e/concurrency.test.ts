// Two portal tabs and the popup editing the same customer, 100 interleaved changes: none lost, each checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, readStore, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 30_000 };
const [contoso] = SAMPLE_CUSTOMERS;

describe('concurrency', () => {
  it('keeps every one of 100 interleaved changes from two tabs and the popup', { timeout: 120_000 }, async () => {
    // An overdue invoice, so that the customer has a row in the popup.
    const options = await h.openExtensionPage('options.html');
    await options.locator('[data-testid="import-file"]').setInputFiles([
      { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${contoso.tenantId},${contoso.name}\n`) },
      { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${contoso.tenantId},INV-1,2026-01-01,2026-02-01,10.00,USD\n`) },
    ]);
    await options.locator('[data-testid="import-confirm"]').click();
    await options.locator('[data-testid="import-result"]').waitFor(T);

    const path = `/dashboard/commerce2/customers/${contoso.tenantId}/account`;
    const a = await h.openPortal(path);
    const b = await h.openPortal(path);
    const popup = await h.openExtensionPage('popup.html');
    for (const p of [a, b]) await p.locator('[data-testid="checklist-item"]').first().waitFor(T);
    await popup.locator('[data-testid="overdue-row"]').waitFor(T);

    const items = ['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check', 'dunning'];
    const ack = popup.locator('[data-testid="overdue-row"] [data-testid="row-acknowledge"]');
    let ticks = 0;
    let acknowledged = false;
    for (let k = 0; k < 100; k++) {
      if (k % 5 === 4) {
        // Each of the 20 acknowledgements toggles the row, and the popup shows what the store now holds.
        await popup.bringToFront();
        await ack.click();
        acknowledged = !acknowledged;
        await expect.poll(() => ack.getAttribute('aria-pressed'), T).toBe(String(acknowledged));
      } else {
        const page = k % 2 ? a : b;
        // A person's click (trusted: the panel refuses a script's .click()) in the tab they switch to.
        await page.bringToFront();
        await page.locator(`[data-testid="checklist-item"][data-item-id="${items[k % items.length]}"] input`).click();
        ticks++;
      }
    }

    // Every tick is in the history; the two tabs end showing the same state as the store.
    const countHistory = () => options.evaluate(`new Promise((resolve, reject) => {
      const req = indexedDB.open('partner-risk-lens');
      req.onsuccess = () => {
        const tx = req.result.transaction(['checklistHistory', 'checklist'], 'readonly');
        const h = tx.objectStore('checklistHistory').getAll();
        const c = tx.objectStore('checklist').getAll();
        tx.oncomplete = () => { resolve({ history: h.result.length, state: Object.fromEntries(c.result.map((e) => [e.itemId, e.done])) }); req.result.close(); };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    })`) as Promise<{ history: number; state: Record<string, boolean> }>;
    await expect.poll(async () => (await countHistory()).history, T).toBe(ticks);
    // The store holds the row's triage record as the last acknowledgement left it (the 20th: not acknowledged).
    const triage = await readStore<{ tenantId: string; reason: string; acknowledgedAt?: string }>(options, 'triage');
    expect(triage).toEqual([{ tenantId: contoso.tenantId, reason: 'overdue' }]);
    const { state } = await countHistory();
    for (const p of [a, b]) {
      for (const item of items) {
        await expect.poll(() => p.locator(`[data-testid="checklist-item"][data-item-id="${item}"]`).getAttribute('data-done'), T).toBe(String(state[item] ?? false));
      }
    }
    await popup.close();
    await a.close();
    await b.close();
    await options.close();
  });
});

// Importing through the options page, then the popup's lists, the toolbar badge and the panel on that data.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, sampleFiles } from '../../scripts/sample-data';
import { launch, type Harness, importFiles } from './harness';

let h: Harness;
beforeAll(async () => { h = await launch({ portal: { customers: DEMO_CUSTOMERS } }); });
afterAll(async () => { await h?.close(); });

const T = { timeout: 15_000 };
const [contoso, fabrikam, northwind, tailspin, wide, adventure, , proseware] = DEMO_CUSTOMERS;

async function importSamples(options: Page) {
  await importFiles(options, sampleFiles(), 5, T);
  return options.locator('[data-testid="import-result"]');
}

describe('import, then triage', () => {
  it('previews each file with its kind and rows, imports in one go, and a second import changes nothing', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.locator('[data-testid="import-file"]').setInputFiles(sampleFiles());
    const previews = options.locator('[data-testid="import-preview"]');
    await expect.poll(() => previews.count(), T).toBe(5);
    const seen = await previews.evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-rows'), e.getAttribute('data-valid')]));
    expect(seen).toEqual([['customers', '8', '8'], ['invoices', '6', '6'], ['spending', '6', '6'], ['alerts', '3', '3'], ['alerts', '1', '1']]);
    await options.locator('[data-testid="import-confirm"]').click();
    const result = options.locator('[data-testid="import-result"]');
    await result.waitFor(T);
    expect(await result.locator('[data-kind="customers"]').getAttribute('data-added')).toBe('8');
    expect(await result.locator('[data-kind="invoices"]').getAttribute('data-added')).toBe('6');
    expect(await result.locator('[data-kind="alerts"]').getAttribute('data-added')).toBe('4');

    const again = await importSamples(options);
    expect(await again.locator('[data-kind="customers"]').getAttribute('data-added')).toBe('0');
    expect(await again.locator('[data-kind="customers"]').getAttribute('data-updated')).toBe('0');
    expect(await again.locator('[data-kind="invoices"]').getAttribute('data-unchanged')).toBe('6');
    await options.close();
  });

  it('lists overdue accounts most severe first, budget states, and security alerts by time left', async () => {
    const popup = await h.openExtensionPage('popup.html');
    const overdue = popup.locator('[data-testid="overdue-row"]');
    await expect.poll(() => overdue.count(), T).toBe(4);
    expect(await overdue.evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant-id'))))
      .toEqual([fabrikam.tenantId, adventure.tenantId, tailspin.tenantId, proseware.tenantId]);
    expect(await popup.locator('#tab-overdue').textContent()).toContain('(4)');

    await popup.locator('#tab-budget').click();
    const budget = popup.locator('[data-testid="budget-row"]');
    await expect.poll(() => budget.count(), T).toBeGreaterThanOrEqual(3);
    expect(await popup.locator(`[data-testid="budget-row"][data-tenant-id="${northwind.tenantId}"]`).getAttribute('data-state')).toBe('breached');
    expect(await popup.locator(`[data-testid="budget-row"][data-tenant-id="${wide.tenantId}"]`).getAttribute('data-state')).toBe('approaching');
    const states = await budget.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    const rank = { breached: 0, approaching: 1, forecast: 2 } as Record<string, number>;
    expect(states.map((s) => rank[s!])).toEqual([...states.map((s) => rank[s!])].sort());
    expect(await popup.locator('[data-testid="budget-coverage"]').textContent()).toMatch(/4\D+8/);

    await popup.locator('#tab-alerts').click();
    const alerts = popup.locator('[data-testid="alert-row"]');
    await expect.poll(() => alerts.count(), T).toBe(3); // the test alert never appears
    // Least time left first: 30 h old (overdue), the Graph alert 10 h old, the fraud event 3 h old.
    expect(await alerts.evaluateAll((els) => els.map((e) => [e.getAttribute('data-alert-id'), e.getAttribute('data-response'), e.getAttribute('data-tenant-id')])))
      .toEqual([['fe-0001', 'overdue', tailspin.tenantId], ['ga-0001', 'due', northwind.tenantId], ['fe-0002', 'due', fabrikam.tenantId]]);

    await popup.locator('[data-testid="popup-search"]').fill('tailsp');
    await expect.poll(() => alerts.count(), T).toBe(1);
    await popup.close();
  });

  it("counts on the toolbar badge the customers of the popup's lists, as the popup and the badge's tooltip say", async () => {
    type Action = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
    const action = () => h.worker.evaluate(async () => {
      const a = (globalThis as unknown as { chrome: { action: Action } }).chrome.action;
      return { text: await a.getBadgeText({}), title: await a.getTitle({}) };
    });
    // Nothing is acknowledged or snoozed yet: every customer with a row in a tab counts, once.
    const popup = await h.openExtensionPage('popup.html');
    const ids = new Set<string>();
    for (const tab of ['overdue', 'budget', 'risk', 'alerts']) {
      await popup.locator(`#tab-${tab}`).click();
      const rows = popup.locator('[role="tabpanel"] li[data-tenant-id]');
      const label = popup.locator(`#tab-${tab}`);
      await expect.poll(async () => Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]) === (await rows.count()), T).toBe(true);
      for (const id of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant-id')!))) ids.add(id);
    }
    expect(ids.size).toBeGreaterThanOrEqual(5); // fabrikam, adventure, tailspin, proseware (overdue), northwind (breached) at least
    await expect.poll(async () => (await action()).text, T).toBe(String(ids.size));
    expect((await action()).title).toMatch(new RegExp(`^Partner Risk Lens: ${ids.size} customers need attention: \\d+ overdue, .*\\(acknowledged and snoozed rows are not counted\\)$`));
    expect(await popup.locator('[data-testid="popup-attention"]').textContent()).toMatch(new RegExp(`^${ids.size} customers need attention`));
    await popup.close();
  });

  it('shows the imported facts on the customer\'s panel: overdue, the alert factor, the budget', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${tailspin.tenantId}/account`);
    await expect.poll(() => page.locator('[data-testid="risk-factor"][data-factor-id="microsoft-alert"]').count(), T).toBe(1);
    expect(await page.locator('[data-testid="risk-factor"][data-factor-id="overdue"]').count()).toBe(1);
    expect(await page.locator('[data-testid="risk-factor"][data-factor-id="high-risk-region"]').count()).toBe(1);
    expect(await page.locator('[data-testid="risk-panel"]').getAttribute('data-level')).toMatch(/high|critical/);
    await page.close();
    const list = await h.openPortal('/dashboard/commerce2/customers/list');
    const badge = list.locator(`tr[id="row-${fabrikam.tenantId}"] [data-testid="risk-badge"]`);
    await expect.poll(() => badge.getAttribute('data-overdue'), T).toBe('true');
    expect(await list.locator(`tr[id="row-${contoso.tenantId}"] [data-testid="risk-badge"]`).getAttribute('data-overdue')).toBeNull();
    await list.close();
  });

  it('orders alerts of mixed severities most severe first: least time left, then severity, then time observed', async () => {
    // More Graph alerts: four past their 24 hours, of every severity, observed at different times.
    const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    const graph = (id: string, tenantId: string, severity: string, hours: number) => ({
      id, displayName: `Alert ${id}`, alertType: 'ARM_SuspiciousOperations', severity, status: 'active', customerTenantId: tenantId,
      detectedDateTime: hoursAgo(hours), isTest: false,
    });
    const body = JSON.stringify({ value: [
      graph('mx-info', contoso.tenantId, 'informational', 60),
      graph('mx-low', wide.tenantId, 'low', 26),
      graph('mx-high', adventure.tenantId, 'high', 40),
      graph('mx-medium', proseware.tenantId, 'medium', 48),
    ] });
    const options = await h.openExtensionPage('options.html');
    await importFiles(options, { name: 'more-alerts.json', mimeType: 'application/json', buffer: Buffer.from(body) }, 1, T);
    await options.close();

    const popup = await h.openExtensionPage('popup.html');
    await popup.locator('#tab-alerts').click();
    const alerts = popup.locator('[data-testid="alert-row"]');
    await expect.poll(() => alerts.count(), T).toBe(7);
    // Past due (no time left): high (40 h, then the 30 h fraud event), medium, low, informational; then the due
    // ones by time left (the Graph alert 10 h old, the fraud event 3 h old).
    expect(await alerts.evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id'))))
      .toEqual(['mx-high', 'fe-0001', 'mx-medium', 'mx-low', 'mx-info', 'ga-0001', 'fe-0002']);
    await popup.close();
  });
});

// Triage per customer and reason in the real popup: a snooze hides only its own row, and the toolbar badge
// counts a customer while any of its rows is neither snoozed nor acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness, importFiles } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 15_000 };
const [contoso, fabrikam] = SAMPLE_CUSTOMERS;

type Action = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
const badgeText = () => h.worker.evaluate(() => (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getBadgeText({}));
const badgeTitle = () => h.worker.evaluate(() => (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getTitle({}));

describe('triage per customer and reason', () => {
  it("snoozing a customer's overdue row leaves its alert and budget rows, and the badge still counts it", async () => {
    const now = new Date();
    const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toLocaleDateString('en-CA'); // local YYYY-MM-DD
    const options = await h.openExtensionPage('options.html');
    await importFiles(options, [
      { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${contoso.tenantId},${contoso.name}\n${fabrikam.tenantId},${fabrikam.name}\n`) },
      { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${contoso.tenantId},INV-1,${day(-60)},${day(-30)},10.00,USD\n`) },
      { name: 's.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Monthly budget,Spend to date,As of,Currency\n${contoso.tenantId},100.00,250.00,${day(0)},USD\n`) },
      { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{
        eventId: 'fe-9001', eventTime: new Date(now.getTime() - 3 * 3_600_000).toISOString(), customerTenantId: contoso.tenantId, eventType: 'UsageAnomalyDetection',
        eventStatus: 'Active', severity: 'High', displayName: 'Usage anomaly', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
      }])) },
    ], 4, T);
    await expect.poll(badgeText, T).toBe('1');
    expect(await badgeTitle()).toMatch(/^Partner Risk Lens: 1 customer needs attention: 1 overdue, 1 over or near budget, (1 high risk, )?1 with a security alert \(/);

    const popup = await h.openExtensionPage('popup.html');
    const row = (kind: string) => popup.locator(`[data-testid="${kind}-row"][data-tenant-id="${contoso.tenantId}"]`);
    await row('overdue').waitFor(T);
    await row('overdue').locator('[data-testid="row-snooze"]').click();
    await expect.poll(() => row('overdue').count(), T).toBe(0);
    // The same customer's other rows stay where they were.
    await popup.locator('#tab-budget').click();
    await expect.poll(() => row('budget').getAttribute('data-state'), T).toBe('breached');
    await popup.locator('#tab-alerts').click();
    await expect.poll(() => row('alert').getAttribute('data-alert-id'), T).toBe('fe-9001');
    await popup.locator('#tab-snoozed').click();
    await expect.poll(() => row('snoozed').getAttribute('data-reason'), T).toBe('overdue');
    // The badge still counts the customer, as the popup says.
    await expect.poll(badgeText, T).toBe('1');
    expect(await popup.locator('[data-testid="popup-attention"]').textContent()).toMatch(/^One customer needs attention/);

    // An alert snoozed past its 24-hour response time says so before anything is snoozed.
    await popup.locator('#tab-alerts').click();
    const date = row('alert').locator('[data-testid="row-snooze-date"]');
    await date.fill(day(7));
    await expect.poll(() => row('alert').locator('[data-testid="row-snooze-warning"]').isVisible(), T).toBe(true);
    expect(await row('alert').locator('[data-testid="row-snooze-warning"]').textContent()).toMatch(/past the alert’s 24-hour response time/);

    // Acknowledging the alert leaves the budget row unacknowledged: still counted.
    await row('alert').locator('[data-testid="row-acknowledge"]').click();
    await expect.poll(() => row('alert').getAttribute('data-acknowledged'), T).toBe('true');
    await popup.locator('#tab-budget').click();
    expect(await row('budget').getAttribute('data-acknowledged')).toBeNull();
    await expect.poll(badgeText, T).toBe('1');
    await popup.close();
    await options.close();
  });

  it('resolving an alert as legitimate or ignored asks first, in the popup and in the panel, and "no" keeps it', async () => {
    const now = Date.now();
    const options = await h.openExtensionPage('options.html');
    const event = (eventId: string, tenantId: string) => ({
      eventId, eventTime: new Date(now - 3_600_000).toISOString(), customerTenantId: tenantId, eventType: 'UsageAnomalyDetection',
      eventStatus: 'Active', severity: 'High', displayName: 'Usage anomaly', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
    });
    await importFiles(options, { name: 'a.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([event('fe-9101', contoso.tenantId), event('fe-9102', fabrikam.tenantId)])) }, 1, T);
    await options.close();

    // The popup: "Resolve as legitimate" asks; "no" (and Escape) leave the alert listed; "yes" resolves it.
    const popup = await h.openExtensionPage('popup.html');
    await popup.locator('#tab-alerts').click();
    const alert = popup.locator('[data-testid="alert-row"][data-alert-id="fe-9101"]');
    await alert.locator('[data-testid="alert-resolve-legitimate"]').click();
    const ask = alert.locator('[data-testid="alert-legitimate-confirm"]');
    await expect.poll(() => ask.textContent(), T).toMatch(/^Resolve this alert as legitimate\? .*cannot be undone/);
    await alert.locator('[data-testid="alert-legitimate-confirm-no"]').click();
    await expect.poll(() => ask.count(), T).toBe(0);
    await alert.locator('[data-testid="alert-resolve-legitimate"]').click();
    // The question shows with the focus on the safe answer (a person reads it before pressing a key).
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid')), T).toBe('alert-legitimate-confirm-no');
    await popup.keyboard.press('Escape');
    await expect.poll(() => ask.count(), T).toBe(0);
    expect(await alert.count()).toBe(1);
    await alert.locator('[data-testid="alert-resolve-legitimate"]').click();
    await alert.locator('[data-testid="alert-legitimate-confirm-yes"]').click();
    await expect.poll(() => alert.count(), T).toBe(0);
    await popup.close();

    // The panel: "Resolve as ignored" asks too, and only the person's yes resolves it.
    const page = await h.openPortal(`/dashboard/commerce2/customers/${fabrikam.tenantId}/account`);
    const row = page.locator('[data-testid="panel-alert"][data-alert-id="fe-9102"]');
    await row.locator('[data-testid="alert-resolve-ignore"]').click();
    await row.locator('[data-testid="alert-ignore-confirm"]').waitFor(T);
    await row.locator('[data-testid="alert-ignore-confirm-no"]').click();
    await expect.poll(() => row.locator('[data-testid="alert-ignore-confirm"]').count(), T).toBe(0);
    expect(await row.locator('[data-testid="alert-staff"]').count()).toBe(0);
    await row.locator('[data-testid="alert-resolve-ignore"]').click();
    await row.locator('[data-testid="alert-ignore-confirm-yes"]').click();
    await expect.poll(() => row.locator('[data-testid="alert-staff"]').textContent(), T).toMatch(/^Resolved as ignored by /);
    await page.close();
  });
});

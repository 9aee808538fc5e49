// Decisions that stick (issue 23) in the real extension: a verdict that changes when risk rises, the Review
// tab, a promise to pay that passes unpaid, and the audit trail with every action and its member.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness, importFiles } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 15_000 };
const [contoso] = SAMPLE_CUSTOMERS;
const DAY = 86_400_000;

/** Moves the background's clock `ms` ahead (its `new Date()` and `Date.now()`), as time passing would. */
const shiftWorkerClock = (ms: number) => h.worker.evaluate((offset) => {
  const g = globalThis as unknown as { Date: DateConstructor; __realDate?: DateConstructor };
  const Real = g.__realDate ?? g.Date;
  g.__realDate = Real;
  class Shifted extends Real {
    constructor(...a: unknown[]) { if (a.length === 0) super(Real.now() + offset); else super(...(a as [string])); }
    static override now() { return Real.now() + offset; }
  }
  g.Date = Shifted as unknown as DateConstructor;
}, ms);

describe('decisions that stick', () => {
  it('an approved customer turns risky: the verdict is marked changed with the factors that moved, and the Review tab lists it', async () => {
    const now = new Date();
    const day = (n: number) => new Date(now.getTime() + n * DAY).toLocaleDateString('en-CA');
    const options = await h.openExtensionPage('options.html');
    await options.locator('[data-testid="settings-staff-name"]').fill('Ana Tester');
    await options.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => options.locator('[data-testid="settings-status"]').textContent(), T).toBe('Settings saved.');
    await importFiles(options, [
      { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${contoso.tenantId},${contoso.name}\n`) },
    ], 1, T);

    const page = await h.openPortal(`/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    const verdict = page.locator('[data-testid="verdict"]');
    await expect.poll(() => verdict.getAttribute('data-verdict'), T).toBe('none');
    const before = Number(await page.locator('[data-testid="risk-score"]').textContent());
    // A tick, for the audit trail.
    await page.locator('[data-testid="checklist-item"][data-item-id="phone-contact"] input[type="checkbox"]').click();
    await expect.poll(async () => Number(await page.locator('[data-testid="risk-score"]').textContent()), T).toBe(before - 3);
    await page.locator('[data-testid="verdict-set"]').selectOption('approved');
    await page.locator('[data-testid="verdict-reason"]').fill('Identity checked, prepaid');
    expect(await page.locator('[data-testid="verdict-review-date"]').inputValue()).toBe(day(90));
    await page.locator('[data-testid="verdict-save"]').click();
    await expect.poll(() => verdict.getAttribute('data-verdict'), T).toBe('approved');
    expect(await verdict.getAttribute('data-changed')).toBeNull();
    expect(await page.locator('[data-testid="verdict-history-item"]').count()).toBe(1);

    // An overdue invoice and a Microsoft alert arrive.
    await importFiles(options, [
      { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${contoso.tenantId},INV-7,${day(-70)},${day(-40)},250.00,USD\n`) },
      { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{
        eventId: 'fe-2301', eventTime: new Date(now.getTime() - 2 * 3_600_000).toISOString(), customerTenantId: contoso.tenantId, eventType: 'UsageAnomalyDetection',
        eventStatus: 'Active', severity: 'High', displayName: 'Usage anomaly', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
      }])) },
    ], 2, T);

    await expect.poll(() => verdict.getAttribute('data-changed'), T).toBe('true');
    const moved = await page.locator('[data-testid="verdict-change"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-factor-id')).sort());
    expect(moved).toEqual(['microsoft-alert', 'overdue']);
    expect(await page.locator('[data-testid="verdict-change"][data-factor-id="overdue"]').textContent()).toMatch(/0 → 20 points/);

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('#tab-review').textContent(), T).toMatch(/^Review \(1\)$/);
    await popup.locator('#tab-review').click();
    const row = popup.locator(`[data-testid="review-row"][data-tenant-id="${contoso.tenantId}"]`);
    await expect.poll(() => row.getAttribute('data-reason'), T).toBe('changed');
    // Triage actions for the audit: the review row acknowledged, the alert under investigation.
    // Acknowledged, taken back, acknowledged again: three actions, each its own row in the audit.
    for (const state of ['true', null, 'true']) {
      await row.locator('[data-testid="row-acknowledge"]').click();
      await expect.poll(() => row.getAttribute('data-acknowledged'), T).toBe(state);
    }
    await popup.locator('#tab-alerts').click();
    await popup.locator('[data-testid="alert-row"] [data-testid="alert-investigate"]').click();
    await expect.poll(() => popup.locator('[data-testid="alert-row"] [data-testid="alert-investigate"]').count(), T).toBe(0);
    await popup.locator('[data-testid="alert-row"] [data-testid="alert-resolve-legitimate"]').click();
    await popup.locator('[data-testid="alert-row"] [data-testid="alert-legitimate-confirm-yes"]').click(); // it asks first
    await expect.poll(() => popup.locator('[data-testid="alert-row"]').count(), T).toBe(0);
    await popup.close();

    // A promise to pay, live: dunning pauses and the overdue row says so.
    await page.locator('[data-testid="promise-amount"]').fill('250.00');
    await page.locator('[data-testid="promise-date"]').fill(day(1));
    await page.locator('[data-testid="promise-save"]').click();
    const promise = page.locator('[data-testid="promise"]');
    await expect.poll(() => promise.getAttribute('data-state'), T).toBe('live');
    const popup2 = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup2.locator(`[data-testid="overdue-row"][data-tenant-id="${contoso.tenantId}"]`).getAttribute('data-promise'), T).toBe('live');
    expect(await popup2.locator(`[data-testid="overdue-row"][data-tenant-id="${contoso.tenantId}"] [data-testid="row-promise"]`).textContent()).toMatch(/^promised for /);
    await popup2.close();
    const scoreLive = Number(await page.locator('[data-testid="risk-score"]').textContent());
    expect(await page.locator('[data-testid="risk-factor"][data-factor-id="broken-promise"]').count()).toBe(0);

    // Two days on, nothing paid: the promise is broken and the score rises by its factor.
    await shiftWorkerClock(2 * DAY);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="promise"]').getAttribute('data-state'), T).toBe('broken');
    await expect.poll(() => page.locator('[data-testid="risk-factor"][data-factor-id="broken-promise"]').count(), T).toBe(1);
    expect(Number(await page.locator('[data-testid="risk-score"]').textContent())).toBe(scoreLive + 10);
    await shiftWorkerClock(0);

    // The audit trail holds every action with its member.
    const [download] = await Promise.all([options.waitForEvent('download', T), options.locator('[data-testid="export-audit"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim()).data;
    expect(rows[0]).toEqual(['Time', 'Member', 'Customer', 'Customer ID', 'Action', 'From', 'To', 'Reason']);
    const actions = rows.slice(1);
    const of = (action: string) => actions.find((a) => a[4].startsWith(action));
    for (const action of ['checklist phone-contact', 'verdict', 'acknowledge review', 'alert fe-2301', 'promise to pay']) {
      expect(of(action), action).toBeDefined();
      expect(of(action)![1], action).toBe('Ana Tester');
      expect(of(action)![3], action).toBe(contoso.tenantId);
    }
    expect(of('verdict')!.slice(5, 7)).toEqual(['', 'approved']);
    expect(of('alert fe-2301')!.slice(5, 7)).toEqual(['active', 'investigating']);
    // Every change is a row, not only the latest of each: member, from, to (and the reason).
    expect(actions.filter((a) => a[4] === 'acknowledge review').map((a) => [a[1], a[5], a[6]])).toEqual([
      ['Ana Tester', 'not acknowledged', 'acknowledged'], ['Ana Tester', 'acknowledged', 'not acknowledged'], ['Ana Tester', 'not acknowledged', 'acknowledged'],
    ]);
    expect(actions.filter((a) => a[4] === 'alert fe-2301').map((a) => [a[1], a[5], a[6], a[7]])).toEqual([
      ['Ana Tester', 'active', 'investigating', ''], ['Ana Tester', 'investigating', 'resolved', 'legitimate'],
    ]);

    // The panel's evidence file: the customer, each checklist item with who and when, its changes, the verdict.
    const [evidence] = await Promise.all([page.waitForEvent('download', T), page.locator('[data-testid="evidence-export"]').click()]);
    expect(evidence.suggestedFilename()).toMatch(new RegExp(`^evidence-${contoso.tenantId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const [head, body] = readFileSync(await evidence.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n\r\n');
    expect(Papa.parse<string[]>(head).data).toEqual([['Customer', 'Customer ID'], [contoso.name, contoso.tenantId]]);
    const lines = Papa.parse<string[]>(body.trim()).data;
    expect(lines[0]).toEqual(['Section', 'Item', 'State', 'Member', 'Time', 'Note or reason']);
    const line = (section: string, item: string) => lines.find((l) => l[0] === section && l[1] === item);
    expect(line('checklist', 'phone-contact')!.slice(0, 4)).toEqual(['checklist', 'phone-contact', 'done', 'Ana Tester']);
    expect(line('checklist', 'phone-contact')![4]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(line('checklist', 'sms-verification')!.slice(0, 4)).toEqual(['checklist', 'sms-verification', 'not done', '']);
    expect(line('checklist change', 'phone-contact')!.slice(2, 4)).toEqual(['not done -> done', 'Ana Tester']);
    const approved = line('verdict', 'approved')!;
    expect(approved[2]).toMatch(new RegExp(`^score \\d+ \\((low|medium|high|critical)\\), review ${day(90)}$`));
    expect([approved[3], approved[5]]).toEqual(['Ana Tester', 'Identity checked, prepaid']);
    await page.close();
    await options.close();
  });

  it('the dunning actions log: an action recorded with its date moves the next action due, and the overdue tab sorts by it', async () => {
    const [, fabrikam, northwind] = SAMPLE_CUSTOMERS;
    const now = new Date();
    const day = (n: number) => new Date(now.getTime() + n * DAY).toLocaleDateString('en-CA');
    const shown = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const options = await h.openExtensionPage('options.html');
    await options.locator('[data-testid="settings-staff-name"]').fill('Ana Tester');
    await options.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => options.locator('[data-testid="settings-status"]').textContent(), T).toBe('Settings saved.');
    // Fabrikam 20 days past due, Northwind 10: by severity Fabrikam comes first.
    await importFiles(options, [
      { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${fabrikam.tenantId},${fabrikam.name}\n${northwind.tenantId},${northwind.name}\n`) },
      { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${fabrikam.tenantId},F-1,${day(-50)},${day(-20)},100.00,USD\n${northwind.tenantId},N-1,${day(-40)},${day(-10)},80.00,USD\n`) },
    ], 2, T);

    // The policy's first step (a reminder, a day after the due date) is due; staff record it, sent yesterday.
    const page = await h.openPortal(`/dashboard/commerce2/customers/${fabrikam.tenantId}/account`);
    const next = page.locator('[data-testid="panel-dunning-next"]');
    await expect.poll(() => next.textContent(), T).toContain(`Next dunning action due on ${shown(day(-19))}.`);
    expect(await page.locator('[data-testid="dunning-log-item"]').count()).toBe(0);
    await page.locator('[data-testid="dunning-action"]').selectOption('reminder-sent');
    await page.locator('[data-testid="dunning-action-date"]').fill(day(-1));
    await page.locator('[data-testid="dunning-action-save"]').click();
    const logged = page.locator('[data-testid="dunning-log-item"]');
    await expect.poll(() => logged.count(), T).toBe(1);
    expect(await logged.getAttribute('data-action')).toBe('reminder-sent');
    expect(await logged.textContent()).toBe(`Reminder sent — ${shown(day(-1))} (Ana Tester)`);
    // The next step the policy gives after yesterday: the final notice, 30 days after the due date.
    await expect.poll(() => next.textContent(), T).toContain(`Next dunning action due on ${shown(day(10))}.`);

    const popup = await h.openExtensionPage('popup.html');
    await popup.locator('#tab-overdue').click();
    const row = (c: { tenantId: string }) => popup.locator(`[data-testid="overdue-row"][data-tenant-id="${c.tenantId}"]`);
    await expect.poll(() => row(fabrikam).getAttribute('data-next-action'), T).toBe(day(10));
    expect(await row(northwind).getAttribute('data-next-action')).toBe(day(-9));
    const order = () => popup.locator('[data-testid="overdue-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant-id')));
    const before = await order();
    expect(before.indexOf(fabrikam.tenantId)).toBeLessThan(before.indexOf(northwind.tenantId));
    await popup.locator('[data-testid="popup-sort"]').selectOption('next-action');
    await expect.poll(async () => { const o = await order(); return o.indexOf(northwind.tenantId) < o.indexOf(fabrikam.tenantId); }, T).toBe(true);
    await popup.close();
    await page.close();
    await options.close();
  });

  it("budget thresholds: the list badge shows the highest crossed, and a customer's own thresholds set in the panel replace the team's", async () => {
    const [, , northwind] = SAMPLE_CUSTOMERS;
    const today = new Date().toLocaleDateString('en-CA');
    const options = await h.openExtensionPage('options.html');
    // 1,200.00 spent of a 1,000.00 budget: the team's 100 % (actual) is the highest crossed, whatever the forecast.
    await importFiles(options, [
      { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${northwind.tenantId},${northwind.name}\n`) },
      { name: 's.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Monthly budget,Spend to date,As of,Currency\n${northwind.tenantId},1000.00,1200.00,${today},USD\n`) },
    ], 2, T);
    await options.close();

    const list = await h.openPortal('/dashboard/commerce2/customers/list');
    const badge = list.locator(`tr[id="row-${northwind.tenantId}"] [data-testid="risk-badge"]`);
    await expect.poll(() => badge.getAttribute('data-threshold'), T).toBe('100-actual');
    expect(await badge.getAttribute('data-budget')).toBe('breached');
    expect(await badge.getAttribute('title')).toContain('100 % of budget spent');

    const page = await h.openPortal(`/dashboard/commerce2/customers/${northwind.tenantId}/account`);
    const part = page.locator('[data-testid="panel-thresholds"]');
    await expect.poll(() => part.getAttribute('data-thresholds'), T).toBe('80-actual,100-actual,100-forecast');
    expect(await part.getAttribute('data-own')).toBe('false');
    await page.locator('[data-testid="thresholds-edit"]').click();
    // A percentage that is none is refused with words, and nothing is saved.
    await page.locator('[data-testid="threshold-percent-0"]').fill('abc');
    await page.locator('[data-testid="thresholds-save"]').click();
    await expect.poll(() => page.locator('[data-testid="thresholds-error"]').textContent(), T).toMatch(/^Give from one to five thresholds/);
    expect(await part.getAttribute('data-own')).toBe('false');
    await page.locator('[data-testid="threshold-percent-0"]').fill('50');
    await page.locator('[data-testid="threshold-percent-1"]').fill('110');
    await page.locator('[data-testid="threshold-percent-2"]').fill('');
    await page.locator('[data-testid="thresholds-save"]').click();
    await expect.poll(() => part.getAttribute('data-own'), T).toBe('true');
    expect(await part.getAttribute('data-thresholds')).toBe('50-actual,110-actual');
    expect(await page.locator('[data-testid="threshold-crossed"]').getAttribute('data-threshold')).toBe('110-actual');
    await expect.poll(() => badge.getAttribute('data-threshold'), T).toBe('110-actual');
    expect(await badge.getAttribute('title')).toContain('110 % of budget spent');

    // Back to the team's.
    await page.locator('[data-testid="thresholds-clear"]').click();
    await expect.poll(() => part.getAttribute('data-own'), T).toBe('false');
    await expect.poll(() => badge.getAttribute('data-threshold'), T).toBe('100-actual');
    await page.close();
    await list.close();
  });
});

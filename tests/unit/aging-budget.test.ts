// Receivables (aging, totals per currency, dunning, severity order) and budgets (states, forecast, spike),
// with worked numbers and their boundaries.
import { describe, expect, it } from 'vitest';
import { budgetState, isSpike, runRate, spendingFacts } from '../../lib/budget';
import { daysInMonth, monthsBefore } from '../../lib/dates';
import { formatMinor, minorToDecimal } from '../../lib/money';
import { agingOf, bucketOf, compareOverdue, dunningStage, openInvoiceFacts, type OverdueKey } from '../../lib/receivables';
import { defaultSettings, type Invoice, type Spending } from '../../lib/schema';

const A = '11111111-1111-4111-8111-111111111111';
const inv = (number: string, dueOn: string, amount: number, paid = 0, currency = 'USD'): Invoice =>
  ({ tenantId: A, number, issuedOn: '2026-01-01', dueOn, amount, paid, currency });
const policy = defaultSettings().dunning;

describe('receivables', () => {
  it('keeps invoices with a balance left, oldest due first', () => {
    const open = openInvoiceFacts([inv('B', '2026-11-01', 100, 100), inv('C', '2026-10-01', 500, 200), inv('A', '2026-09-01', 50, 60)]);
    expect(open).toEqual([{ number: 'C', dueOn: '2026-10-01', balance: 300, currency: 'USD' }]);
  });

  it('ages by days past due in buckets and totals per currency, never adding currencies', () => {
    const open = openInvoiceFacts([
      inv('1', '2026-11-25', 1_000), inv('2', '2026-11-24', 2_000), inv('3', '2026-10-26', 3_000, 0, 'EUR'),
      inv('4', '2026-10-25', 4_000, 0, 'EUR'), inv('5', '2026-08-27', 5_000), inv('6', '2026-08-26', 6_000, 0, 'JPY'),
    ]);
    const a = agingOf(open, '2026-11-25');
    expect(a.overdue).toBe(true);
    expect(a.oldestDaysPastDue).toBe(91);
    expect(a.bucket).toBe('91+');
    expect(a.buckets).toEqual({ current: { USD: 1_000 }, '1-30': { USD: 2_000, EUR: 3_000 }, '31-60': { EUR: 4_000 }, '61-90': { USD: 5_000 }, '91+': { JPY: 6_000 } });
    expect(a.overdueByCurrency).toEqual({ USD: 7_000, EUR: 7_000, JPY: 6_000 });
    expect(a.openByCurrency).toEqual({ USD: 8_000, EUR: 7_000, JPY: 6_000 });
    expect([a.overdueCount, a.openCount]).toEqual([5, 6]);
  });

  it('is not overdue on the due date itself, and 1 day past due the day after', () => {
    expect(agingOf([{ number: 'x', dueOn: '2026-11-25', balance: 1, currency: 'USD' }], '2026-11-25')).toMatchObject({ overdue: false, oldestDaysPastDue: 0, bucket: 'current' });
    expect(agingOf([{ number: 'x', dueOn: '2026-11-24', balance: 1, currency: 'USD' }], '2026-11-25')).toMatchObject({ overdue: true, oldestDaysPastDue: 1, bucket: '1-30' });
    // Across a leap day: 2028-02-28 to 2028-03-01 is two days.
    expect(agingOf([{ number: 'x', dueOn: '2028-02-28', balance: 1, currency: 'USD' }], '2028-03-01').oldestDaysPastDue).toBe(2);
  });

  it.each([[0, 'current'], [1, '1-30'], [30, '1-30'], [31, '31-60'], [60, '31-60'], [61, '61-90'], [90, '61-90'], [91, '91+']] as const)('%i days is %s', (d, b) => {
    expect(bucketOf(d)).toBe(b);
  });

  it.each([
    [0, 'none', 'first-reminder', 1], [1, 'first-reminder', 'second-reminder', 14], [14, 'first-reminder', 'second-reminder', 1],
    [15, 'second-reminder', 'final-notice', 15], [29, 'second-reminder', 'final-notice', 1], [30, 'final-notice', 'suspension', 15],
    [44, 'final-notice', 'suspension', 1],
  ] as const)('at %i days past due the dunning stage is %s, then %s in %i days', (days, stage, next, inDays) => {
    expect(dunningStage(days, policy)).toEqual({ stage, next, daysUntilNext: inDays });
  });

  it('recommends suspension from day 45 on, with nothing after it, and follows the policy in the settings', () => {
    expect(dunningStage(45, policy)).toEqual({ stage: 'suspension' });
    expect(dunningStage(200, policy)).toEqual({ stage: 'suspension' });
    expect(dunningStage(10, { first: 5, second: 10, final: 20, suspend: 60 })).toEqual({ stage: 'second-reminder', next: 'final-notice', daysUntilNext: 10 });
  });

  it('orders by days past due, then the larger amount, then name', () => {
    const rows: OverdueKey[] = [
      { name: 'Zeta', oldestDaysPastDue: 10, overdueByCurrency: { USD: 100 } },
      { name: 'Beta', oldestDaysPastDue: 40, overdueByCurrency: { USD: 100 } },
      { name: 'Alpha', oldestDaysPastDue: 40, overdueByCurrency: { EUR: 50_000 } },
      { name: 'Gamma', oldestDaysPastDue: 40, overdueByCurrency: { USD: 100 } },
    ];
    expect([...rows].sort(compareOverdue).map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Gamma', 'Zeta']);
  });
});

describe('money', () => {
  it('formats minor units with the currency\'s own decimals and never loses a cent in sums', () => {
    expect(formatMinor(1_200_000, 'USD', 'en-US')).toBe('12,000.00 USD');
    expect(formatMinor(1234, 'JPY', 'en-US')).toBe('1,234 JPY');
    expect(formatMinor(12345, 'BHD', 'en-US')).toBe('12.345 BHD');
    expect(minorToDecimal(-5, 'EUR')).toBe('-0.05');
    const cents = Array.from({ length: 1000 }, () => 10); // 1000 × 0.10
    expect(minorToDecimal(cents.reduce((s, c) => s + c, 0), 'USD')).toBe('100.00');
  });
});

describe('budgets', () => {
  const s = defaultSettings();
  const snap = (spendToDate: number, asOf: string, budget: number | null = 100_000): Spending =>
    ({ tenantId: A, ...(budget !== null ? { budget } : {}), spendToDate, asOf, currency: 'USD' });
  const state = (snaps: Spending[], today: string) => budgetState(spendingFacts(snaps), s, today);

  it('is breached at exactly 100.0 %, approaching at exactly 80.0 %, not at 79.99 %', () => {
    expect(state([snap(100_000, '2026-11-10')], '2026-11-25')).toMatchObject({ state: 'breached', utilization: 1 });
    expect(state([snap(80_000, '2026-11-10')], '2026-11-25')).toMatchObject({ state: 'approaching', utilization: 0.8 });
    // 79.99 % on day 10 of 30: the projection (239.97 %) still says it will exceed.
    expect(state([snap(79_990, '2026-11-10')], '2026-11-25').state).toBe('forecast');
    expect(state([snap(79_990, '2026-11-30')], '2026-11-30').state).toBe('ok');
  });

  it('forecasts by the linear projection to month end, month lengths and leap years included', () => {
    // 30-day month, day 15: 50,000 → 100,000 projected: reaches 100 %.
    expect(state([snap(50_000, '2026-11-15')], '2026-11-25')).toMatchObject({ state: 'forecast', projected: 100_000 });
    expect(state([snap(49_999, '2026-11-15')], '2026-11-25').state).toBe('ok');
    // February 2028 has 29 days: 1,000 a day to the 28th projects 29,000.
    const feb = budgetState(spendingFacts([snap(28_000, '2028-02-28', 29_000)]), s, '2028-02-28');
    expect(feb).toMatchObject({ state: 'approaching', projected: 29_000 });
    expect(budgetState(spendingFacts([snap(28_000, '2027-02-28', 28_500)]), s, '2027-02-28').projected).toBe(28_000);
    expect([daysInMonth('2028-02-10'), daysInMonth('2027-02-10'), daysInMonth('2026-12-31')]).toEqual([29, 28, 31]);
  });

  it('reads the latest snapshot of the current month; an earlier month is stale, never a breach', () => {
    const snaps = [snap(150_000, '2026-10-31'), snap(10_000, '2026-11-05')];
    expect(state(snaps, '2026-11-25')).toMatchObject({ state: 'ok', utilization: 0.1, projected: 60_000 });
    expect(state([snap(150_000, '2026-10-31')], '2026-11-01').state).toBe('stale');
    expect(budgetState(undefined, s, '2026-11-25').state).toBe('no-data');
    expect(state([snap(10, '2026-11-05', null)], '2026-11-25').state).toBe('no-budget');
  });

  it('marks a spike at 3× the average run-rate of the three months before, and none without history', () => {
    const history = [snap(30_000, '2026-08-30'), snap(15_000, '2026-09-15'), snap(31_000, '2026-10-31'), snap(999_999, '2026-07-31')];
    const f = spendingFacts([...history, snap(30_000, '2026-11-10')])!;
    expect(f.priorRunRate).toBe(1_000); // July is more than three months before November
    expect(runRate(f.latest)).toBe(3_000);
    expect(isSpike(f, 3)).toBe(true);
    expect(isSpike(spendingFacts([...history, snap(29_990, '2026-11-10')])!, 3)).toBe(false);
    expect(isSpike(spendingFacts([snap(30_000, '2026-11-10')])!, 3)).toBe(false);
    expect(monthsBefore('2026-01', 3)).toBe('2025-10');
  });
});

// lib/receivables.ts: balances, overdue invoices, aging buckets, totals per currency, the dunning stage and the
// triage's severity order, with worked numbers and their boundaries (DECISIONS "Receivables and budgets").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates';
import {
  agingOf, BUCKETS, bucketOf, compareOverdue, dunningStage, invoiceBalance, openInvoiceFacts, type OpenInvoice, type OverdueKey,
} from '../../lib/receivables';
import { defaultSettings, type Invoice } from '../../lib/schema';

const TENANT = '11111111-1111-4111-8111-111111111111';
const TODAY = '2026-11-25';
const policy = defaultSettings().dunning;
const inv = (number: string, dueOn: string, amount: number, paid = 0, currency = 'USD'): Invoice =>
  ({ tenantId: TENANT, number, issuedOn: '2026-01-01', dueOn, amount, paid, currency });
const open = (dueOn: string, balance: number, currency = 'USD', number = dueOn): OpenInvoice => ({ number, dueOn, balance, currency });

describe('balances', () => {
  it('is amount minus paid, in minor units', () => {
    expect(invoiceBalance({ amount: 1_200_000, paid: 200_050 })).toBe(999_950);
    expect(invoiceBalance({ amount: 100, paid: 100 })).toBe(0);
    expect(invoiceBalance({ amount: 100, paid: 150 })).toBe(-50);
  });

  it('keeps only invoices with a balance left, oldest due first, then by number', () => {
    const facts = openInvoiceFacts([
      inv('INV-3', '2026-11-01', 500, 100), inv('PAID', '2026-09-01', 100, 100), inv('OVERPAID', '2026-08-01', 100, 120),
      inv('INV-2', '2026-10-01', 700, 0, 'EUR'), inv('INV-1', '2026-10-01', 300, 1),
    ]);
    expect(facts).toEqual([
      { number: 'INV-1', dueOn: '2026-10-01', balance: 299, currency: 'USD' },
      { number: 'INV-2', dueOn: '2026-10-01', balance: 700, currency: 'EUR' },
      { number: 'INV-3', dueOn: '2026-11-01', balance: 400, currency: 'USD' },
    ]);
  });
});

describe('aging', () => {
  it('does not count an invoice due today as overdue; due yesterday is 1 day past due', () => {
    expect(agingOf([open('2026-11-25', 100)], TODAY)).toMatchObject({
      overdue: false, oldestDaysPastDue: 0, bucket: 'current', overdueCount: 0, openCount: 1, overdueByCurrency: {}, openByCurrency: { USD: 100 },
    });
    expect(agingOf([open('2026-11-25', 100)], TODAY).oldestDueOn).toBeUndefined();
    expect(agingOf([open('2026-11-24', 100)], TODAY)).toMatchObject({
      overdue: true, oldestDaysPastDue: 1, bucket: '1-30', overdueCount: 1, overdueByCurrency: { USD: 100 }, oldestDueOn: '2026-11-24',
    });
  });

  it.each([
    // today 2026-11-25; October has 31 days, September 30, August 31.
    ['2026-12-01', 0, 'current'], ['2026-11-25', 0, 'current'], ['2026-11-24', 1, '1-30'], ['2026-10-26', 30, '1-30'],
    ['2026-10-25', 31, '31-60'], ['2026-09-26', 60, '31-60'], ['2026-09-25', 61, '61-90'], ['2026-08-27', 90, '61-90'],
    ['2026-08-26', 91, '91+'], ['2025-11-25', 365, '91+'],
  ] as const)('an invoice due %s is %i days past due, in bucket %s', (dueOn, days, bucket) => {
    const a = agingOf([open(dueOn, 1_200_000)], TODAY);
    expect(a.oldestDaysPastDue).toBe(days);
    expect(a.bucket).toBe(bucket);
    expect(a.buckets[bucket]).toEqual({ USD: 1_200_000 });
    for (const b of BUCKETS) if (b !== bucket) expect(a.buckets[b]).toEqual({});
  });

  it.each([[-5, 'current'], [0, 'current'], [1, '1-30'], [30, '1-30'], [31, '31-60'], [60, '31-60'], [61, '61-90'], [90, '61-90'], [91, '91+'], [1000, '91+']] as const)(
    'bucketOf(%i) is %s', (days, bucket) => {
      expect(bucketOf(days)).toBe(bucket);
    },
  );

  it('counts days across a leap day and a year end', () => {
    expect(agingOf([open('2028-02-28', 1)], '2028-03-01').oldestDaysPastDue).toBe(2); // 29 February 2028 in between
    expect(agingOf([open('2027-02-28', 1)], '2027-03-01').oldestDaysPastDue).toBe(1);
    expect(agingOf([open('2026-12-31', 1)], '2027-01-01').oldestDaysPastDue).toBe(1);
    // 30 days from 30 January 2028 over a 29-day February: still in 1-30 on 29 February, 31-60 on 1 March.
    expect(agingOf([open('2028-01-30', 1)], '2028-02-29')).toMatchObject({ oldestDaysPastDue: 30, bucket: '1-30' });
    expect(agingOf([open('2028-01-30', 1)], '2028-03-01')).toMatchObject({ oldestDaysPastDue: 31, bucket: '31-60' });
  });

  it('sorts every balance into its bucket, totals per currency, and names the oldest', () => {
    const a = agingOf(openInvoiceFacts([
      inv('1', '2026-11-30', 1_000), inv('2', '2026-11-24', 2_000), inv('3', '2026-10-26', 3_000, 0, 'EUR'),
      inv('4', '2026-10-25', 4_500, 500, 'EUR'), inv('5', '2026-08-27', 5_000), inv('6', '2026-08-26', 6_000, 0, 'JPY'),
      inv('7', '2026-01-01', 9_999, 9_999),
    ]), TODAY);
    expect(a).toEqual({
      overdue: true, oldestDaysPastDue: 91, bucket: '91+', oldestDueOn: '2026-08-26',
      buckets: { current: { USD: 1_000 }, '1-30': { USD: 2_000, EUR: 3_000 }, '31-60': { EUR: 4_000 }, '61-90': { USD: 5_000 }, '91+': { JPY: 6_000 } },
      overdueByCurrency: { USD: 7_000, EUR: 7_000, JPY: 6_000 },
      openByCurrency: { USD: 8_000, EUR: 7_000, JPY: 6_000 },
      overdueCount: 5, openCount: 6,
    });
  });

  it('never adds different currencies: 10 cents and 10 yen stay two totals', () => {
    const a = agingOf([open('2026-11-01', 10, 'USD', 'a'), open('2026-11-01', 10, 'JPY', 'b'), open('2026-11-02', 10, 'USD', 'c')], TODAY);
    expect(a.overdueByCurrency).toEqual({ USD: 20, JPY: 10 });
    expect(a.buckets['1-30']).toEqual({ USD: 20, JPY: 10 });
  });

  it('loses no cent over many invoices', () => {
    const many = Array.from({ length: 1000 }, (_, i) => open('2026-11-01', 10, 'USD', `n${i}`)); // 1000 × 0.10
    many.push(...Array.from({ length: 10 }, (_, i) => open('2026-10-01', 7, 'USD', `m${i}`))); // 10 × 0.07
    const a = agingOf(many, TODAY);
    expect(a.overdueByCurrency).toEqual({ USD: 10_070 });
    expect(a.buckets['1-30']).toEqual({ USD: 10_000 });
    expect(a.buckets['31-60']).toEqual({ USD: 70 });
  });

  it('ignores balances of zero or less, and has every bucket present when nothing is open', () => {
    expect(agingOf([open('2026-01-01', 0), open('2026-01-02', -100)], TODAY)).toMatchObject({ overdue: false, openCount: 0, overdueCount: 0, openByCurrency: {} });
    expect(agingOf([], TODAY).buckets).toEqual({ current: {}, '1-30': {}, '31-60': {}, '61-90': {}, '91+': {} });
  });

  it('property: the buckets hold every open balance once, and overdue is the sum of all but current', () => {
    const invoice = fc.record({
      number: fc.string({ minLength: 1, maxLength: 3 }), dueOn: fc.integer({ min: -200, max: 60 }).map((n) => addDays(TODAY, n)),
      balance: fc.integer({ min: -100, max: 1_000_000 }), currency: fc.constantFrom('USD', 'EUR', 'JPY'),
    });
    fc.assert(fc.property(fc.array(invoice, { maxLength: 20 }), (list) => {
      const a = agingOf(list, TODAY);
      const positive = list.filter((i) => i.balance > 0);
      const sum = (by: Record<string, number>[]) => by.reduce<Record<string, number>>((t, m) => {
        for (const [c, v] of Object.entries(m)) t[c] = (t[c] ?? 0) + v;
        return t;
      }, {});
      expect(sum(BUCKETS.map((b) => a.buckets[b]))).toEqual(a.openByCurrency);
      expect(sum(BUCKETS.filter((b) => b !== 'current').map((b) => a.buckets[b]))).toEqual(a.overdueByCurrency);
      expect(a.openCount).toBe(positive.length);
      const overdue = positive.filter((i) => i.dueOn < TODAY);
      expect(a.overdueCount).toBe(overdue.length);
      expect(a.overdue).toBe(overdue.length > 0);
      expect(a.oldestDueOn).toBe(overdue.map((i) => i.dueOn).sort()[0]);
    }), { numRuns: 200 });
  });
});

describe('dunning stage (default policy: 1, 15, 30, 45 days past due)', () => {
  it.each([
    [0, 'none', 'first-reminder', 1],
    [1, 'first-reminder', 'second-reminder', 14],
    [14, 'first-reminder', 'second-reminder', 1],
    [15, 'second-reminder', 'final-notice', 15],
    [29, 'second-reminder', 'final-notice', 1],
    [30, 'final-notice', 'suspension', 15],
    [44, 'final-notice', 'suspension', 1],
  ] as const)('at %i days past due: %s, then %s in %i days', (days, stage, next, inDays) => {
    expect(dunningStage(days, policy)).toEqual({ stage, next, daysUntilNext: inDays });
  });

  it('recommends suspension from day 45, with no stage after it', () => {
    expect(dunningStage(45, policy)).toEqual({ stage: 'suspension' });
    expect(dunningStage(46, policy)).toEqual({ stage: 'suspension' });
    expect(dunningStage(400, policy)).toEqual({ stage: 'suspension' });
  });

  it('counts down to the first reminder before the due date', () => {
    expect(dunningStage(-5, policy)).toEqual({ stage: 'none', next: 'first-reminder', daysUntilNext: 6 });
  });

  it('follows the policy in the settings', () => {
    const custom = { first: 7, second: 21, final: 40, suspend: 60 };
    expect(dunningStage(6, custom)).toEqual({ stage: 'none', next: 'first-reminder', daysUntilNext: 1 });
    expect(dunningStage(7, custom)).toEqual({ stage: 'first-reminder', next: 'second-reminder', daysUntilNext: 14 });
    expect(dunningStage(45, custom)).toEqual({ stage: 'final-notice', next: 'suspension', daysUntilNext: 15 });
    expect(dunningStage(60, custom)).toEqual({ stage: 'suspension' });
  });

  it('matches the aging of real invoices', () => {
    const days = agingOf([open(addDays(TODAY, -15), 100)], TODAY).oldestDaysPastDue;
    expect(dunningStage(days, policy)).toEqual({ stage: 'second-reminder', next: 'final-notice', daysUntilNext: 15 });
  });
});

describe('severity order', () => {
  const key = (name: string, oldestDaysPastDue: number, overdueByCurrency: Record<string, number>): OverdueKey => ({ name, oldestDaysPastDue, overdueByCurrency });
  const order = (rows: OverdueKey[]) => [...rows].sort(compareOverdue).map((r) => r.name);

  it('puts the oldest days past due first, whatever the amounts', () => {
    expect(order([key('Small old', 91, { USD: 1 }), key('Big new', 1, { USD: 100_000_000 }), key('Middle', 45, { USD: 500 })]))
      .toEqual(['Small old', 'Middle', 'Big new']);
  });

  it('then the larger overdue amount, compared as raw numbers across currencies', () => {
    // 10,000 JPY (10000) against 9,999.00 USD (9999) and 5,000.00 EUR: raw numbers, no exchange rate.
    expect(order([key('Euro', 30, { EUR: 500_000 }), key('Dollar', 30, { USD: 999_900 }), key('Yen', 30, { JPY: 10_000 })]))
      .toEqual(['Yen', 'Dollar', 'Euro']);
    // Several currencies: 1.00 USD + 2 JPY is 3, more than 2.50 EUR.
    expect(order([key('Euro', 30, { EUR: 250 }), key('Mixed', 30, { USD: 100, JPY: 2 })])).toEqual(['Mixed', 'Euro']);
  });

  it('then the name', () => {
    expect(order([key('Gamma', 30, { USD: 100 }), key('alpha', 30, { USD: 100 }), key('Beta', 30, { USD: 100 })])).toEqual(['alpha', 'Beta', 'Gamma']);
  });

  it('treats equal amounts as equal whatever order their currencies were added in', () => {
    // 0.10 + 0.20 + 0.30 and 0.30 + 0.20 + 0.10 differ as floats (0.6000000000000001 and 0.6): the name must decide.
    const beta = key('Beta', 30, { AUD: 10, CAD: 20, EUR: 30 });
    const alpha = key('Alpha', 30, { EUR: 30, CAD: 20, AUD: 10 });
    expect(order([beta, alpha])).toEqual(['Alpha', 'Beta']);
    expect(compareOverdue(alpha, beta)).toBeLessThan(0);
    expect(compareOverdue(beta, alpha)).toBeGreaterThan(0);
    expect(compareOverdue(beta, { ...alpha, name: 'Beta' })).toBe(0);
  });

  it('property: is a consistent order (antisymmetric, and permuting currencies changes nothing)', () => {
    const amounts = fc.dictionary(fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'GBP'), fc.integer({ min: 1, max: 10_000_000 }));
    const row = fc.record({ name: fc.constantFrom('A', 'B', 'C'), oldestDaysPastDue: fc.integer({ min: 1, max: 120 }), overdueByCurrency: amounts });
    fc.assert(fc.property(row, row, (a, b) => {
      expect(Math.sign(compareOverdue(a, b))).toBe(-Math.sign(compareOverdue(b, a)) || 0);
      const reversed = { ...a, overdueByCurrency: Object.fromEntries(Object.entries(a.overdueByCurrency).reverse()) };
      expect(compareOverdue(a, reversed)).toBe(0);
      if (a.oldestDaysPastDue !== b.oldestDaysPastDue) expect(Math.sign(compareOverdue(a, b))).toBe(a.oldestDaysPastDue > b.oldestDaysPastDue ? -1 : 1);
    }), { numRuns: 200 });
  });
});

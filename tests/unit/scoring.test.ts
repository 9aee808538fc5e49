// The risk score: each factor of the defaults table with its points and numbers, levels, and the properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, IDENTITY_ITEMS } from '../../lib/checklist';
import { levelOf, score, type Factor } from '../../lib/risk';
import { defaultSettings, emptyFacts, type Customer, type RiskFacts } from '../../lib/schema';

const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';
const settings = defaultSettings();
const base = (over: Partial<Customer> = {}): Customer => ({ tenantId: '11111111-1111-4111-8111-111111111111', name: 'Contoso', updatedAt: NOW, ...over });
const tick = (at = NOW) => ({ done: true, by: 'Ana', at });
const allTicked = (): RiskFacts['checklist'] => Object.fromEntries(CHECKLIST.map((i) => [i.id, tick()]));
const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({ ...emptyFacts(), checklist: allTicked(), ...over });
const ids = (fs: Factor[]) => fs.map((f) => f.id);
const factor = (fs: Factor[], id: string) => fs.find((f) => f.id === id);

describe('factors', () => {
  it('scores nothing for a customer with no signal and a completed checklist: low', () => {
    const r = score(base(), facts(), settings, TODAY, NOW);
    expect(r).toEqual({ score: 0, rawTotal: 0, level: 'low', factors: [] });
  });

  it('treats a missing fact as unknown: no instrument, pre-payment or admin access scores nothing', () => {
    const r = score(base({ paymentInstrument: undefined, prepaid: undefined, adminAccess: undefined, country: undefined }), facts(), settings, TODAY);
    expect(r.factors).toEqual([]);
  });

  it.each([
    [{ paymentInstrument: 'prepaid_card' as const }, 'prepaid-card', 25],
    [{ paymentInstrument: 'card' as const }, 'card-not-present', 10],
    [{ prepaid: false }, 'no-prepayment', 10],
    [{ country: 'KP' }, 'high-risk-region', 25],
    [{ country: 'VN' }, 'high-risk-region', 10],
  ])('%o gives %s for %i points', (over, id, points) => {
    const r = score(base(over), facts(), settings, TODAY);
    expect(r.factors.map((f) => [f.id, f.points])).toEqual([[id, points]]);
  });

  it('names the country and the list of a high-risk region', () => {
    expect(factor(score(base({ country: 'IR' }), facts(), settings, TODAY).factors, 'high-risk-region')!.data).toEqual({ country: 'IR', list: 'black', asOf: '2026-02-13' });
  });

  it.each([
    ['2026-11-24', 1, 10], ['2026-10-26', 30, 10], ['2026-10-25', 31, 20], ['2026-09-26', 60, 20], ['2026-09-25', 61, 30],
    ['2026-08-27', 90, 30], ['2026-08-26', 91, 40],
  ])('an invoice due %s is %i days past due: %i points', (dueOn, days, points) => {
    const r = score(base(), facts({ openInvoices: [{ number: 'A', dueOn, balance: 1_200_000, currency: 'USD' }] }), settings, TODAY);
    const f = factor(r.factors, 'overdue')!;
    expect(f.points).toBe(points);
    expect(f.data).toMatchObject({ days, amounts: { USD: 1_200_000 }, invoices: 1 });
  });

  it('does not count an invoice due today as overdue', () => {
    expect(score(base(), facts({ openInvoices: [{ number: 'A', dueOn: TODAY, balance: 100, currency: 'USD' }] }), settings, TODAY).factors).toEqual([]);
  });

  it('counts each unticked identity check at 3 points, in one factor naming them', () => {
    const checklist = allTicked();
    delete checklist['phone-contact'];
    checklist['sms-verification'] = { done: false, by: 'Ana', at: NOW };
    const f = factor(score(base(), facts({ checklist }), settings, TODAY).factors, 'unverified-identity')!;
    expect(f).toMatchObject({ points: 6, data: { count: 2, items: 'phone-contact,sms-verification' } });
  });

  it('flags services provisioned before the first payment, or with no payment yet, but not after pre-payment', () => {
    const subs = { count: 2, created: ['2026-11-01', '2026-11-03'] };
    expect(factor(score(base({ firstPaymentOn: '2026-11-02' }), facts({ subscriptions: subs }), settings, TODAY).factors, 'provisioned-before-payment')!.data)
      .toEqual({ firstCreated: '2026-11-01', firstPaymentOn: '2026-11-02' });
    expect(factor(score(base(), facts({ subscriptions: subs }), settings, TODAY).factors, 'provisioned-before-payment')!.points).toBe(10);
    expect(ids(score(base({ firstPaymentOn: '2026-10-30' }), facts({ subscriptions: subs }), settings, TODAY).factors)).toEqual([]);
    expect(ids(score(base({ prepaid: true }), facts({ subscriptions: subs }), settings, TODAY).factors)).toEqual([]);
    expect(ids(score(base(), facts(), settings, TODAY).factors)).toEqual([]); // no subscription data: nothing
  });

  it('flags fast purchasing: under 30 days old with 3 subscriptions within 7 days of creation', () => {
    const created = (d: string[]) => facts({ subscriptions: { count: d.length, created: d } });
    const young = base({ createdOn: '2026-11-10', firstPaymentOn: '2026-11-01' });
    expect(factor(score(young, created(['2026-11-10', '2026-11-12', '2026-11-17']), settings, TODAY).factors, 'fast-purchasing')!.points).toBe(15);
    expect(factor(score(young, created(['2026-11-10', '2026-11-12', '2026-11-18']), settings, TODAY).factors, 'fast-purchasing')).toBeUndefined();
    const thirty = base({ createdOn: '2026-10-26', firstPaymentOn: '2026-10-01' });
    expect(factor(score(thirty, created(['2026-10-26', '2026-10-27', '2026-10-28']), settings, TODAY).factors, 'fast-purchasing')).toBeUndefined();
    const day29 = base({ createdOn: '2026-10-27', firstPaymentOn: '2026-10-01' });
    expect(factor(score(day29, created(['2026-10-27', '2026-10-27', '2026-10-28']), settings, TODAY).factors, 'fast-purchasing')).toBeDefined();
  });

  it('caps abuse flags at 40 and notices with alerts at 45', () => {
    const flags = (kinds: string[]) => kinds.map((kind, i) => ({ id: `f${i}`, kind: kind as never }));
    const abuse = score(base(), facts({ openFlags: flags(['spam', 'ddos', 'malware']) }), settings, TODAY).factors;
    expect(factor(abuse, 'abuse-flag')).toMatchObject({ points: 40, data: { count: 3 } });
    const alerts = [0, 1, 2].map((i) => ({ id: `a${i}`, type: 'CryptoMining', name: 'Mining', detectedAt: `2026-11-2${i}T00:00:00Z`, open: true, fraud: false }));
    const r = score(base(), facts({ openFlags: flags(['microsoft_notice', 'microsoft_notice']), alerts }), settings, TODAY, NOW);
    expect(factor(r.factors, 'microsoft-notice')!.points).toBe(30);
    expect(r.factors.filter((f) => f.id === 'microsoft-alert').map((f) => f.points)).toEqual([15]);
    expect(r.rawTotal).toBe(45);
  });

  it('makes each unresolved alert a factor with its type, severity, detection and hours open; fraud leaves a lasting factor', () => {
    const alerts = [
      { id: 'a1', type: 'NetworkConnectionsToCryptoMiningPools', name: 'Mining', severity: 'High', detectedAt: '2026-11-24T06:00:00.000Z', open: true, fraud: false },
      { id: 'a2', type: 'UsageAnomalyDetection', name: 'Usage', detectedAt: '2026-11-01T00:00:00.000Z', open: false, fraud: true },
    ];
    const r = score(base(), facts({ alerts }), settings, TODAY, NOW);
    expect(factor(r.factors, 'microsoft-alert')).toEqual({
      id: 'microsoft-alert', points: 15, guidance: 'abuse-of-service',
      data: { type: 'NetworkConnectionsToCryptoMiningPools', name: 'Mining', severity: 'High', detectedAt: '2026-11-24T06:00:00.000Z', hoursOpen: 30 },
    });
    expect(factor(r.factors, 'confirmed-fraud')!.points).toBe(40);
  });

  it('scores full admin access only while the checklist is incomplete', () => {
    const incomplete = allTicked();
    delete incomplete['dunning'];
    expect(factor(score(base({ adminAccess: 'full' }), facts({ checklist: incomplete }), settings, TODAY).factors, 'full-admin-unchecked')).toMatchObject({ points: 10, data: { done: 13, total: 14 } });
    expect(score(base({ adminAccess: 'full' }), facts(), settings, TODAY).factors).toEqual([]);
  });

  it('scores a spending snapshot without a budget, and a spend spike', () => {
    const noBudget = facts({ spending: { latest: { spendToDate: 100, asOf: '2026-11-20', currency: 'USD' } } });
    expect(ids(score(base(), noBudget, settings, TODAY).factors)).toEqual(['no-budget']);
    const spike = facts({ spending: { latest: { budget: 1_000_000, spendToDate: 60_000, asOf: '2026-11-20', currency: 'USD' }, priorRunRate: 1_000 } });
    expect(factor(score(base(), spike, settings, TODAY).factors, 'spend-spike')).toMatchObject({ points: 15, data: { ratio: 3, factor: 3 } });
  });

  it('wants the activity logs reviewed within the interval', () => {
    const checklist = allTicked();
    checklist['activity-log-review'] = tick('2026-10-26T09:00:00Z'); // 30 days ago: still fine
    expect(score(base(), facts({ checklist }), settings, TODAY).factors).toEqual([]);
    checklist['activity-log-review'] = tick('2026-10-25T09:00:00Z'); // 31 days
    expect(factor(score(base(), facts({ checklist }), settings, TODAY).factors, 'activity-log-review')!.data).toEqual({ interval: 30, days: 31, last: '2026-10-25' });
    delete checklist['activity-log-review'];
    expect(factor(score(base(), facts({ checklist }), settings, TODAY).factors, 'activity-log-review')!.points).toBe(5);
  });

  it('counts review days on the staff\'s own calendar, not the UTC date of the time stamp', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const checklist = allTicked();
      // 03:00 UTC on 26 October is the evening of 25 October in California: 31 days before 25 November there.
      checklist['activity-log-review'] = tick('2026-10-26T03:00:00Z');
      expect(factor(score(base(), facts({ checklist }), settings, TODAY).factors, 'activity-log-review')!.data).toEqual({ interval: 30, days: 31, last: '2026-10-25' });
    } finally {
      process.env.TZ = before;
    }
  });

  it('follows weights from the settings', () => {
    const s = defaultSettings();
    s.weights['prepaid-card'] = 60;
    expect(score(base({ paymentInstrument: 'prepaid_card' }), facts(), s, TODAY)).toMatchObject({ score: 60, level: 'high' });
  });

  it('puts the worst new customer at least high', () => {
    const r = score(base({ paymentInstrument: 'prepaid_card', prepaid: false, adminAccess: 'full', createdOn: '2026-11-20' }), {
      ...emptyFacts(),
      openInvoices: [{ number: 'X', dueOn: '2026-08-27', balance: 500_000, currency: 'USD' }],
      spending: { latest: { budget: 100_000, spendToDate: 150_000, asOf: '2026-11-24', currency: 'USD' } },
    }, settings, TODAY);
    expect(['high', 'critical']).toContain(r.level);
  });
});

describe('levels', () => {
  it.each([[0, 'low'], [24, 'low'], [25, 'medium'], [49, 'medium'], [50, 'high'], [74, 'high'], [75, 'critical'], [100, 'critical']] as const)('%i is %s', (n, level) => {
    expect(levelOf(n, settings.levels)).toBe(level);
  });
});

// ---- properties ----
const GUIDS = ['11111111-1111-4111-8111-111111111111'];
const date = fc.integer({ min: 0, max: 500 }).map((n) => new Date(Date.UTC(2025, 8, 1) + n * 86_400_000).toISOString().slice(0, 10));
const customerArb = fc.record({
  tenantId: fc.constantFrom(...GUIDS), name: fc.string(), updatedAt: fc.constant(NOW),
  paymentInstrument: fc.option(fc.constantFrom('invoice', 'bank_transfer', 'direct_debit', 'card', 'prepaid_card', 'unknown'), { nil: undefined }),
  prepaid: fc.option(fc.boolean(), { nil: undefined }), adminAccess: fc.option(fc.constantFrom('none', 'limited', 'full'), { nil: undefined }),
  country: fc.option(fc.constantFrom('FR', 'US', 'KP', 'VN', 'IR', 'DE'), { nil: undefined }),
  createdOn: fc.option(date, { nil: undefined }), firstPaymentOn: fc.option(date, { nil: undefined }),
}, { requiredKeys: ['tenantId', 'name', 'updatedAt'] }) as fc.Arbitrary<Customer>;
const factsArb: fc.Arbitrary<RiskFacts> = fc.record({
  openInvoices: fc.array(fc.record({ number: fc.string({ minLength: 1, maxLength: 4 }), dueOn: date, balance: fc.integer({ min: 1, max: 10_000_000 }), currency: fc.constantFrom('USD', 'EUR', 'JPY') }), { maxLength: 4 }),
  checklist: fc.dictionary(fc.constantFrom(...CHECKLIST.map((i) => i.id)), fc.record({ done: fc.boolean(), by: fc.constant('Ana'), at: date.map((d) => `${d}T10:00:00.000Z`) })),
  openFlags: fc.array(fc.record({ id: fc.uuid(), kind: fc.constantFrom('spam', 'hacking', 'ddos', 'crypto_mining', 'malware', 'pirated_resale', 'microsoft_notice', 'other') }), { maxLength: 4 }),
  alerts: fc.array(fc.record({ id: fc.uuid(), type: fc.constantFrom('CryptoMining', 'ServiceHealthSecurityAdvisory'), name: fc.string(), detectedAt: date.map((d) => `${d}T01:00:00.000Z`), open: fc.boolean(), fraud: fc.boolean() }), { maxLength: 4 }),
  subscriptions: fc.option(fc.array(date, { minLength: 1, maxLength: 5 }).map((d) => ({ count: d.length, created: [...d].sort() })), { nil: undefined }),
  spending: fc.option(fc.record({
    latest: fc.record({ budget: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }), spendToDate: fc.integer({ min: 0, max: 2_000_000 }), asOf: fc.constantFrom('2026-11-24', '2026-10-31'), currency: fc.constant('USD') }, { requiredKeys: ['spendToDate', 'asOf', 'currency'] }),
    priorRunRate: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  }, { requiredKeys: ['latest'] }), { nil: undefined }),
}, { requiredKeys: ['openInvoices', 'checklist', 'openFlags', 'alerts'] }) as fc.Arbitrary<RiskFacts>;

/** One more risk signal on top of any input. */
const signalArb = fc.constantFrom(
  (c: Customer, f: RiskFacts) => [{ ...c, paymentInstrument: 'prepaid_card' as const }, f] as const,
  (c: Customer, f: RiskFacts) => [{ ...c, country: 'KP' }, f] as const,
  (c: Customer, f: RiskFacts) => [c, { ...f, openFlags: [...f.openFlags, { id: 'new', kind: 'spam' as const }] }] as const,
  (c: Customer, f: RiskFacts) => [c, { ...f, openFlags: [...f.openFlags, { id: 'new-n', kind: 'microsoft_notice' as const }] }] as const,
  (c: Customer, f: RiskFacts) => [c, { ...f, alerts: [...f.alerts, { id: 'new-a', type: 'CryptoMining', name: 'x', detectedAt: '2026-11-24T00:00:00.000Z', open: true, fraud: false }] }] as const,
  (c: Customer, f: RiskFacts) => [c, { ...f, openInvoices: [...f.openInvoices, { number: 'NEW', dueOn: '2025-01-01', balance: 100, currency: 'USD' }] }] as const,
);

describe('properties', () => {
  it('stays within 0..100, its factors add up to the total before the cap, and it is deterministic', () => {
    fc.assert(fc.property(customerArb, factsArb, (c, f) => {
      const r = score(c, f, settings, TODAY, NOW);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.factors.reduce((s, x) => s + x.points, 0)).toBe(r.rawTotal);
      expect(r.score).toBe(Math.min(100, r.rawTotal));
      expect(r.level).toBe(levelOf(r.score, settings.levels));
      expect(score(structuredClone(c), structuredClone(f), settings, TODAY, NOW)).toEqual(r);
    }), { numRuns: 300 });
  });

  it('never goes down when a risk signal is added', () => {
    fc.assert(fc.property(customerArb, factsArb, signalArb, (c, f, add) => {
      const [c2, f2] = add(c, f);
      expect(score(c2, f2, settings, TODAY, NOW).rawTotal).toBeGreaterThanOrEqual(score(c, f, settings, TODAY, NOW).rawTotal);
    }), { numRuns: 300 });
  });

  it('never goes up when a checklist item is ticked', () => {
    fc.assert(fc.property(customerArb, factsArb, fc.constantFrom(...CHECKLIST.map((i) => i.id)), (c, f, item) => {
      const ticked = { ...f, checklist: { ...f.checklist, [item]: { done: true, by: 'Ana', at: NOW } } };
      expect(score(c, ticked, settings, TODAY, NOW).rawTotal).toBeLessThanOrEqual(score(c, f, settings, TODAY, NOW).rawTotal);
    }), { numRuns: 300 });
  });

  it('counts exactly the unticked identity checks', () => {
    fc.assert(fc.property(factsArb, (f) => {
      const missing = IDENTITY_ITEMS.filter((id) => !f.checklist[id]?.done).length;
      const got = factor(score(base(), f, settings, TODAY).factors, 'unverified-identity');
      expect(got?.points ?? 0).toBe(3 * missing);
    }), { numRuns: 200 });
  });
});

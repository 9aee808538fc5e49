// lib/risk.ts: every factor of the DECISIONS "Risk defaults" table with its default points and its data, each
// silent when its fact is missing; level boundaries; the two cases of issue 3; fast-check properties; and the
// rule that lib/ imports no browser API.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetState } from '../../lib/budget';
import { CHECKLIST, IDENTITY_ITEMS } from '../../lib/checklist';
import { addDays } from '../../lib/dates';
import { formatMinor } from '../../lib/money';
import { FACTOR_IDS, levelOf, LEVELS, score, type Factor, type Level } from '../../lib/risk';
import { defaultSettings, emptyFacts, FATF_DEFAULT, type Customer, type RiskFacts, type Settings } from '../../lib/schema';

const TENANT = '11111111-1111-4111-8111-111111111111';
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';
const settings = defaultSettings();
const base = (over: Partial<Customer> = {}): Customer => ({ tenantId: TENANT, name: 'Contoso', updatedAt: NOW, ...over });
const tick = (at = NOW, done = true) => ({ done, by: 'Ana', at });
/** Every item ticked, the activity logs reviewed today. */
const complete = (): RiskFacts['checklist'] => Object.fromEntries(CHECKLIST.map((i) => [i.id, tick()]));
const without = (...ids: string[]): RiskFacts['checklist'] => {
  const c = complete();
  for (const id of ids) delete c[id];
  return c;
};
const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({ ...emptyFacts(), checklist: complete(), ...over });
const due = (daysAgo: number, balance = 1_200_000, currency = 'USD', number = `INV-${daysAgo}`) => ({ number, dueOn: addDays(TODAY, -daysAgo), balance, currency });
const alert = (id: string, type = 'CryptoMining', over: Partial<RiskFacts['alerts'][number]> = {}): RiskFacts['alerts'][number] =>
  ({ id, type, name: `alert ${id}`, detectedAt: '2026-11-24T06:00:00.000Z', open: true, fraud: false, ...over });
const pick = (fs: Factor[], id: string) => fs.filter((f) => f.id === id);
const pointsOf = (fs: Factor[]) => fs.map((f) => [f.id, f.points]);
const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, critical: 3 };

// ---------------------------------------------------------------------------------------------------------------
describe('a customer with no risk signal and a completed checklist', () => {
  it('scores 0: low, with no factor', () => {
    expect(score(base(), facts(), settings, TODAY, NOW)).toEqual({ score: 0, rawTotal: 0, level: 'low', factors: [] });
  });

  it('stays low with every known fact at its safe value', () => {
    const c = base({ paymentInstrument: 'invoice', prepaid: true, adminAccess: 'limited', country: 'FR', createdOn: '2025-01-10', firstPaymentOn: '2025-01-12' });
    const f = facts({
      openInvoices: [due(-10), due(0)], // due in 10 days, and due today: not overdue
      subscriptions: { count: 2, created: ['2025-01-15', '2025-03-01'] },
      spending: { latest: { budget: 100_000, spendToDate: 10_000, asOf: '2026-11-20', currency: 'USD' }, priorRunRate: 500 },
    });
    expect(score(c, f, settings, TODAY, NOW)).toEqual({ score: 0, rawTotal: 0, level: 'low', factors: [] });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('each factor of the defaults table fires with its default points and its data', () => {
  type Case = [name: string, customer: Partial<Customer>, facts: Partial<RiskFacts>, factor: Factor];
  const cases: Case[] = [
    ['prepaid card', { paymentInstrument: 'prepaid_card' }, {}, { id: 'prepaid-card', points: 25, guidance: 'theft-of-service', data: {} }],
    ['card not present', { paymentInstrument: 'card' }, {}, { id: 'card-not-present', points: 10, guidance: 'theft-of-service', data: {} }],
    ['no pre-payment', { prepaid: false }, {}, { id: 'no-prepayment', points: 10, guidance: 'theft-of-service', data: {} }],
    ['provisioned before the first payment', { firstPaymentOn: '2026-11-02' }, { subscriptions: { count: 2, created: ['2026-11-01', '2026-11-03'] } },
      { id: 'provisioned-before-payment', points: 10, guidance: 'theft-of-service', data: { firstCreated: '2026-11-01', firstPaymentOn: '2026-11-02' } }],
    ['provisioned with no payment yet', {}, { subscriptions: { count: 1, created: [] } },
      { id: 'provisioned-before-payment', points: 10, guidance: 'theft-of-service', data: { subscriptions: 1 } }],
    ['overdue 1 day', {}, { openInvoices: [due(1)] }, { id: 'overdue', points: 10, guidance: 'theft-of-service', data: { days: 1, bucket: '1-30', amounts: { USD: 1_200_000 }, invoices: 1 } }],
    ['overdue 95 days', {}, { openInvoices: [due(95)] }, { id: 'overdue', points: 40, guidance: 'theft-of-service', data: { days: 95, bucket: '91+', amounts: { USD: 1_200_000 }, invoices: 1 } }],
    ['one identity check unticked', {}, { checklist: without('digital-identity') },
      { id: 'unverified-identity', points: 3, guidance: 'theft-of-service', data: { count: 1, items: 'digital-identity' } }],
    ['FATF black list', { country: 'KP' }, {}, { id: 'high-risk-region', points: 25, guidance: 'transaction-risk', data: { country: 'KP', list: 'black', asOf: FATF_DEFAULT.asOf } }],
    ['FATF grey list', { country: 'VN' }, {}, { id: 'high-risk-region', points: 10, guidance: 'transaction-risk', data: { country: 'VN', list: 'grey', asOf: FATF_DEFAULT.asOf } }],
    // 15 days old, three subscriptions on days 0, 2 and 7; the first payment on the day of the first one (not before it).
    ['fast purchasing', { createdOn: '2026-11-10', firstPaymentOn: '2026-11-10' }, { subscriptions: { count: 3, created: ['2026-11-10', '2026-11-12', '2026-11-17'] } },
      { id: 'fast-purchasing', points: 15, guidance: 'transaction-risk', data: { subscriptions: 3, days: 7, age: 15 } }],
    ['an abuse flag', {}, { openFlags: [{ id: 'f1', kind: 'crypto_mining' }] }, { id: 'abuse-flag', points: 20, guidance: 'abuse-of-service', data: { count: 1, kinds: 'crypto_mining' } }],
    ['a Microsoft notice', {}, { openFlags: [{ id: 'n1', kind: 'microsoft_notice' }] }, { id: 'microsoft-notice', points: 15, guidance: 'abuse-of-service', data: { count: 1 } }],
    ['a Microsoft alert', {}, { alerts: [alert('a1', 'NetworkConnectionsToCryptoMiningPools', { severity: 'High' })] },
      { id: 'microsoft-alert', points: 15, guidance: 'abuse-of-service', data: { type: 'NetworkConnectionsToCryptoMiningPools', name: 'alert a1', detectedAt: '2026-11-24T06:00:00.000Z', severity: 'High' } }],
    // 60,000 by day 10 is 6,000 a day: 3 × the 2,000 of the months before.
    ['a spend spike', {}, { spending: { latest: { budget: 10_000_000, spendToDate: 60_000, asOf: '2026-11-10', currency: 'USD' }, priorRunRate: 2_000 } },
      { id: 'spend-spike', points: 15, guidance: 'abuse-of-service', data: { ratio: 3, factor: 3 } }],
    ['full admin access, checklist incomplete', { adminAccess: 'full' }, { checklist: without('dunning') },
      { id: 'full-admin-unchecked', points: 10, guidance: 'account-management', data: { done: 13, total: 14 } }],
    ['a snapshot without a budget', {}, { spending: { latest: { spendToDate: 100, asOf: '2026-11-20', currency: 'USD' } } },
      { id: 'no-budget', points: 5, guidance: 'account-management', data: {} }],
    ['activity logs never reviewed', {}, { checklist: without('activity-log-review') },
      { id: 'activity-log-review', points: 5, guidance: 'account-management', data: { interval: 30 } }],
    ['activity logs reviewed 31 days ago', {}, { checklist: { ...complete(), 'activity-log-review': tick('2026-10-25T09:00:00.000Z') } },
      { id: 'activity-log-review', points: 5, guidance: 'account-management', data: { interval: 30, days: 31, last: '2026-10-25' } }],
  ];

  it.each(cases)('%s', (_name, c, f, expected) => {
    const r = score(base(c), facts(f), settings, TODAY);
    expect(r.factors).toEqual([expected]);
    expect(r).toMatchObject({ score: expected.points, rawTotal: expected.points });
  });

  it('covers every factor id of the DECISIONS table', () => {
    const table = ['prepaid-card', 'card-not-present', 'no-prepayment', 'provisioned-before-payment', 'overdue', 'unverified-identity', 'high-risk-region',
      'fast-purchasing', 'abuse-flag', 'microsoft-notice', 'microsoft-alert', 'spend-spike', 'full-admin-unchecked', 'no-budget', 'activity-log-review'];
    expect(new Set(cases.map((c) => c[3].id))).toEqual(new Set(table));
    for (const id of table) expect(FACTOR_IDS).toContain(id);
  });

  it('has an en and a fr name for every factor id', () => {
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
    const fr = JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8'));
    for (const id of FACTOR_IDS) {
      const key = `factor_name_${id.replace(/-/g, '_')}`;
      expect(en[key]?.message, key).toBeTruthy();
      expect(fr[key]?.message, key).toBeTruthy();
    }
  });

  it('carries the evidence in numbers: "95 days past due, 12,000.00 USD"', () => {
    const f = pick(score(base(), facts({ openInvoices: [due(95)] }), settings, TODAY).factors, 'overdue')[0];
    const amounts = f.data.amounts as Record<string, number>;
    expect(`${f.data.days} days past due, ${Object.entries(amounts).map(([c, v]) => formatMinor(v, c, 'en-US')).join(', ')}`)
      .toBe('95 days past due, 12,000.00 USD');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('a missing fact scores nothing', () => {
  type Case = [name: string, customer: Partial<Customer>, facts: Partial<RiskFacts>];
  const cases: Case[] = [
    ['no payment instrument', { paymentInstrument: undefined }, {}],
    ['an unknown payment instrument', { paymentInstrument: 'unknown' }, {}],
    ['invoice, bank transfer, direct debit', { paymentInstrument: 'direct_debit' }, {}],
    ['pre-payment not known', { prepaid: undefined }, {}],
    ['pre-payment received', { prepaid: true }, {}],
    ['no subscription data, no first payment', { firstPaymentOn: undefined, createdOn: '2026-11-20' }, {}],
    ['no subscription at all', {}, { subscriptions: { count: 0, created: [] } }],
    ['subscriptions of unknown date, with a first payment', { firstPaymentOn: '2026-11-01' }, { subscriptions: { count: 2, created: [] } }],
    ['subscriptions after the first payment', { firstPaymentOn: '2026-11-01' }, { subscriptions: { count: 2, created: ['2026-11-01', '2026-11-05'] } }],
    ['subscriptions with no payment yet, but pre-paid', { prepaid: true }, { subscriptions: { count: 2, created: ['2026-11-01'] } }],
    ['no invoice', {}, { openInvoices: [] }],
    ['an invoice due today', {}, { openInvoices: [due(0)] }],
    ['an invoice due later', {}, { openInvoices: [due(-30)] }],
    ['a paid-up invoice past due', {}, { openInvoices: [due(95, 0)] }],
    ['no country', { country: undefined }, {}],
    ['a country on neither list', { country: 'FR' }, {}],
    ['no creation date, three quick subscriptions', { firstPaymentOn: '2026-11-01' }, { subscriptions: { count: 3, created: ['2026-11-10', '2026-11-11', '2026-11-12'] } }],
    ['no open flag, no alert', {}, { openFlags: [], alerts: [] }],
    ['an alert resolved, not as fraud', {}, { alerts: [alert('a1', 'CryptoMining', { open: false, fraud: false })] }],
    ['no spending snapshot', {}, { spending: undefined }],
    ['a budget and no spending history', {}, { spending: { latest: { budget: 10_000_000, spendToDate: 900_000, asOf: '2026-11-10', currency: 'USD' } } }],
    ['a spike last month (stale)', {}, { spending: { latest: { budget: 10_000_000, spendToDate: 900_000, asOf: '2026-10-10', currency: 'USD' }, priorRunRate: 1 } }],
    ['admin access not known, checklist incomplete', { adminAccess: undefined }, { checklist: without('dunning') }],
    ['limited admin access, checklist incomplete', { adminAccess: 'limited' }, { checklist: without('dunning') }],
    ['full admin access, checklist complete', { adminAccess: 'full' }, {}],
    ['activity logs reviewed exactly 30 days ago', {}, { checklist: { ...complete(), 'activity-log-review': tick('2026-10-26T23:59:00.000Z') } }],
  ];

  it.each(cases)('%s', (_name, c, f) => {
    expect(score(base(c), facts(f), settings, TODAY)).toEqual({ score: 0, rawTotal: 0, level: 'low', factors: [] });
  });

  it('a customer record with nothing but its id and name scores only the unticked checklist', () => {
    const r = score(base(), emptyFacts(), settings, TODAY);
    expect(pointsOf(r.factors)).toEqual([['unverified-identity', 15], ['activity-log-review', 5]]);
    expect(r).toMatchObject({ score: 20, level: 'low' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('factor details and boundaries', () => {
  it.each([[1, 10], [30, 10], [31, 20], [60, 20], [61, 30], [90, 30], [91, 40]])('overdue %i days: %i points', (days, points) => {
    const f = pick(score(base(), facts({ openInvoices: [due(days)] }), settings, TODAY).factors, 'overdue');
    expect(f).toHaveLength(1);
    expect(f[0].points).toBe(points);
    expect(f[0].data.days).toBe(days);
  });

  it('scores the oldest overdue invoice and totals the overdue amounts per currency', () => {
    const r = score(base(), facts({ openInvoices: [due(10, 5_000, 'EUR'), due(45, 1_000), due(5, 250), due(-3, 99_999)] }), settings, TODAY);
    expect(r.factors).toEqual([{ id: 'overdue', points: 20, guidance: 'theft-of-service', data: { days: 45, bucket: '31-60', amounts: { EUR: 5_000, USD: 1_250 }, invoices: 3 } }]);
  });

  it('counts 3 points for each unticked identity check, 0 to 5 of them', () => {
    for (let n = 0; n <= IDENTITY_ITEMS.length; n++) {
      const missing = IDENTITY_ITEMS.slice(0, n);
      const r = score(base(), facts({ checklist: without(...missing) }), settings, TODAY);
      expect(r.rawTotal).toBe(3 * n);
      if (n) expect(pick(r.factors, 'unverified-identity')[0].data).toEqual({ count: n, items: missing.join(',') });
    }
    // Unticked again (done: false) counts as unticked; other items are not identity checks.
    const r = score(base(), facts({ checklist: { ...complete(), 'card-fraud-check': tick(NOW, false) } }), settings, TODAY);
    expect(pointsOf(r.factors)).toEqual([['unverified-identity', 3]]);
    expect(score(base(), facts({ checklist: without('dunning', 'prepayment') }), settings, TODAY).factors).toEqual([]);
  });

  it('fast purchasing: under 30 days old, 3 subscriptions within 7 days of creation', () => {
    const fp = (createdOn: string, created: string[]) =>
      pick(score(base({ createdOn, firstPaymentOn: '2020-01-01' }), facts({ subscriptions: { count: created.length, created } }), settings, TODAY).factors, 'fast-purchasing');
    expect(fp('2026-10-27', ['2026-10-27', '2026-10-28', '2026-10-29'])).toHaveLength(1); // 29 days old
    expect(fp('2026-10-26', ['2026-10-26', '2026-10-27', '2026-10-28'])).toHaveLength(0); // 30 days old
    expect(fp('2026-11-10', ['2026-11-10', '2026-11-12', '2026-11-17'])).toHaveLength(1); // third on day 7
    expect(fp('2026-11-10', ['2026-11-10', '2026-11-12', '2026-11-18'])).toHaveLength(0); // third on day 8
    expect(fp('2026-11-10', ['2026-11-10', '2026-11-12'])).toHaveLength(0); // two only
    expect(fp('2026-11-10', ['2026-11-01', '2026-11-10', '2026-11-12'])).toHaveLength(0); // one before the account existed
    expect(fp('2026-11-26', ['2026-11-26', '2026-11-26', '2026-11-26'])).toHaveLength(0); // created tomorrow: age unknown
  });

  it('finds a subscription before the first payment whatever order the dates come in', () => {
    const r = score(base({ firstPaymentOn: '2026-11-02' }), facts({ subscriptions: { count: 2, created: ['2026-11-05', '2026-11-01'] } }), settings, TODAY);
    expect(r.factors).toEqual([{ id: 'provisioned-before-payment', points: 10, guidance: 'theft-of-service', data: { firstCreated: '2026-11-01', firstPaymentOn: '2026-11-02' } }]);
  });

  it.each([['spam'], ['hacking'], ['ddos'], ['crypto_mining'], ['malware'], ['pirated_resale']] as const)('an open %s flag is an abuse flag', (kind) => {
    expect(pointsOf(score(base(), facts({ openFlags: [{ id: 'f', kind }] }), settings, TODAY).factors)).toEqual([['abuse-flag', 20]]);
  });

  it('caps abuse flags at 40 and notices with alerts at 45', () => {
    const flags = (n: number, kind: 'spam' | 'microsoft_notice') => Array.from({ length: n }, (_, i) => ({ id: `${kind}${i}`, kind }));
    const at = (f: Partial<RiskFacts>) => score(base(), facts(f), settings, TODAY).factors;
    expect(pointsOf(at({ openFlags: flags(2, 'spam') }))).toEqual([['abuse-flag', 40]]);
    expect(pick(at({ openFlags: flags(3, 'spam') }), 'abuse-flag')[0]).toMatchObject({ points: 40, data: { count: 3, kinds: 'spam' } });
    expect(pointsOf(at({ openFlags: flags(3, 'microsoft_notice') }))).toEqual([['microsoft-notice', 45]]);
    expect(pointsOf(at({ openFlags: flags(4, 'microsoft_notice') }))).toEqual([['microsoft-notice', 45]]);
    const four = ['a1', 'a2', 'a3', 'a4'].map((id, i) => alert(id, 'CryptoMining', { detectedAt: `2026-11-2${i}T00:00:00.000Z` }));
    expect(pointsOf(at({ alerts: four }))).toEqual([['microsoft-alert', 15], ['microsoft-alert', 15], ['microsoft-alert', 15]]);
    // Two notices take 30; of two alerts the older one gets the 15 left.
    const r = at({ openFlags: flags(2, 'microsoft_notice'), alerts: [alert('late', 'CryptoMining', { detectedAt: '2026-11-24T00:00:00.000Z' }), alert('early', 'CryptoMining', { detectedAt: '2026-11-01T00:00:00.000Z' })] });
    expect(pointsOf(r)).toEqual([['microsoft-notice', 30], ['microsoft-alert', 15]]);
    expect(pick(r, 'microsoft-alert')[0].data.name).toBe('alert early');
  });

  it('files an alert under abuse of service or account management by its type, with hours open when now is given', () => {
    const r = score(base(), facts({ alerts: [alert('x', 'ServiceHealthSecurityAdvisory')] }), settings, TODAY, NOW);
    expect(r.factors).toEqual([{ id: 'microsoft-alert', points: 15, guidance: 'account-management', data: { type: 'ServiceHealthSecurityAdvisory', name: 'alert x', detectedAt: '2026-11-24T06:00:00.000Z', hoursOpen: 30 } }]);
  });

  it('keeps a confirmed fraud as a lasting factor (beyond the table: an alert resolved as fraud)', () => {
    const r = score(base(), facts({ alerts: [alert('x', 'UsageAnomalyDetection', { open: false, fraud: true })] }), settings, TODAY);
    expect(r.factors).toEqual([{ id: 'confirmed-fraud', points: 40, guidance: 'abuse-of-service', data: { count: 1 } }]);
  });

  it('spend spike at exactly 3x, not below, and not without history', () => {
    const spike = (spendToDate: number, priorRunRate?: number) => pick(score(base(), facts({
      spending: { latest: { budget: 10_000_000, spendToDate, asOf: '2026-11-10', currency: 'USD' }, ...(priorRunRate !== undefined ? { priorRunRate } : {}) },
    }), settings, TODAY).factors, 'spend-spike');
    expect(spike(60_000, 2_000)).toHaveLength(1);
    expect(spike(59_999, 2_000)).toHaveLength(0);
    expect(spike(60_000)).toHaveLength(0);
    expect(spike(90_000, 2_000)[0].data).toEqual({ ratio: 4.5, factor: 3 });
  });

  it('activity logs: reviewed 30 days ago is fine, 31 is not; the interval follows the settings', () => {
    const reviewed = (at: string, s: Settings = settings) =>
      pick(score(base(), facts({ checklist: { ...complete(), 'activity-log-review': tick(at) } }), s, TODAY).factors, 'activity-log-review');
    expect(reviewed('2026-10-26T00:00:00.000Z')).toHaveLength(0);
    expect(reviewed('2026-10-25T23:59:59.000Z')).toHaveLength(1);
    const weekly = { ...defaultSettings(), activityReviewDays: 7 };
    expect(reviewed('2026-11-18T10:00:00.000Z', weekly)).toHaveLength(0);
    expect(reviewed('2026-11-17T10:00:00.000Z', weekly)[0].data).toEqual({ interval: 7, days: 8, last: '2026-11-17' });
    // Unticked after a review: never reviewed as far as the score knows.
    const r = score(base(), facts({ checklist: { ...complete(), 'activity-log-review': tick(NOW, false) } }), settings, TODAY);
    expect(r.factors).toEqual([{ id: 'activity-log-review', points: 5, guidance: 'account-management', data: { interval: 30 } }]);
  });

  it('follows the weights and the regions list of the settings', () => {
    const s = defaultSettings();
    s.weights['prepaid-card'] = 60;
    s.weights.overdue['91+'] = 55;
    s.weights['unverified-identity'] = 0; // a weight of 0 drops the factor
    s.regions = { ...s.regions, grey: [...s.regions.grey, 'FR'], asOf: '2026-06-30' };
    const r = score(base({ paymentInstrument: 'prepaid_card', country: 'FR' }), facts({ openInvoices: [due(100)], checklist: without(...IDENTITY_ITEMS) }), s, TODAY);
    expect(pointsOf(r.factors)).toEqual([['prepaid-card', 60], ['overdue', 55], ['high-risk-region', 10]]);
    expect(pick(r.factors, 'high-risk-region')[0].data).toEqual({ country: 'FR', list: 'grey', asOf: '2026-06-30' });
    expect(r).toMatchObject({ score: 100, rawTotal: 125, level: 'critical' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('levels', () => {
  it.each([[0, 'low'], [24, 'low'], [25, 'medium'], [49, 'medium'], [50, 'high'], [74, 'high'], [75, 'critical'], [100, 'critical']] as const)(
    'a score of %i is %s', (points, level) => {
      expect(levelOf(points, settings.levels)).toBe(level);
      // The same through score(): one factor weighted to exactly that many points.
      const s = defaultSettings();
      s.weights['prepaid-card'] = points;
      const r = score(base({ paymentInstrument: 'prepaid_card' }), facts(), s, TODAY);
      expect(r).toMatchObject({ score: points, rawTotal: points, level });
    },
  );

  it('caps the score at 100 and keeps the total before the cap', () => {
    const c = base({ paymentInstrument: 'prepaid_card', prepaid: false, country: 'KP', adminAccess: 'full' });
    const f = facts({ openInvoices: [due(120)], openFlags: [{ id: 'a', kind: 'spam' }, { id: 'b', kind: 'ddos' }], checklist: {} });
    const r = score(c, f, settings, TODAY);
    // 25 + 10 + 40 + 15 + 25 + 40 + 10 + 5
    expect(r.rawTotal).toBe(170);
    expect(r).toMatchObject({ score: 100, level: 'critical' });
  });

  it('follows the level bounds of the settings', () => {
    const levels = { medium: 10, high: 20, critical: 30 };
    expect([9, 10, 19, 20, 29, 30].map((n) => levelOf(n, levels))).toEqual(['low', 'medium', 'medium', 'high', 'high', 'critical']);
    expect(LEVELS).toEqual(['low', 'medium', 'high', 'critical']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('the worst new customer: prepaid card, no pre-payment, full admin, 90 days overdue, budget breached', () => {
  const customer = base({ paymentInstrument: 'prepaid_card', prepaid: false, adminAccess: 'full', createdOn: '2026-11-15', country: 'US' });
  const breach = { latest: { budget: 100_000, spendToDate: 150_000, asOf: '2026-11-24', currency: 'USD' } };
  const worst = (checklist: RiskFacts['checklist']) => facts({ checklist, openInvoices: [due(90, 500_000)], spending: breach });

  it('is high even with every checklist item ticked', () => {
    expect(budgetState(breach, settings, TODAY).state).toBe('breached');
    const r = score(customer, worst(complete()), settings, TODAY);
    // prepaid card 25 + no pre-payment 10 + 90 days overdue 30
    expect(pointsOf(r.factors)).toEqual([['prepaid-card', 25], ['no-prepayment', 10], ['overdue', 30]]);
    expect(r).toMatchObject({ score: 65, level: 'high' });
  });

  it('is critical with nothing ticked', () => {
    const r = score(customer, worst({}), settings, TODAY);
    // 65 + 5 identity checks × 3 + full admin 10 + activity logs never reviewed 5
    expect(r).toMatchObject({ score: 95, rawTotal: 95, level: 'critical' });
  });

  it('property: is at least high whatever else is known', () => {
    fc.assert(fc.property(customerArb, factsArb, (c, f) => {
      const r = score({ ...c, paymentInstrument: 'prepaid_card', prepaid: false, adminAccess: 'full' }, { ...f, openInvoices: [...f.openInvoices, due(90)], spending: breach }, settings, TODAY, NOW);
      expect(LEVEL_RANK[r.level]).toBeGreaterThanOrEqual(LEVEL_RANK.high);
    }), { numRuns: 200 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: a customer (fixed tenant GUID, any name, each optional fact present or not) and its facts.
const day = (min: number, max: number) => fc.integer({ min, max }).map((n) => addDays(TODAY, n));
const countries = fc.constantFrom('FR', 'US', 'DE', 'JP', ...FATF_DEFAULT.black, ...FATF_DEFAULT.grey.slice(0, 5));
const customerArb: fc.Arbitrary<Customer> = fc.record({
  tenantId: fc.constant(TENANT),
  name: fc.string({ maxLength: 30 }),
  updatedAt: fc.constant(NOW),
  paymentInstrument: fc.constantFrom('invoice', 'bank_transfer', 'direct_debit', 'card', 'prepaid_card', 'unknown'),
  prepaid: fc.boolean(),
  adminAccess: fc.constantFrom('none', 'limited', 'full'),
  country: countries,
  createdOn: day(-400, 5),
  firstPaymentOn: day(-400, 5),
}, { requiredKeys: ['tenantId', 'name', 'updatedAt'] });

const dateTime = (d: fc.Arbitrary<string>) => fc.tuple(d, fc.integer({ min: 0, max: 23 })).map(([x, h]) => `${x}T${String(h).padStart(2, '0')}:00:00.000Z`);
const flagKinds = ['spam', 'hacking', 'ddos', 'crypto_mining', 'malware', 'pirated_resale', 'microsoft_notice', 'other'] as const;
const alertArb = fc.record({
  id: fc.uuid(), type: fc.constantFrom('CryptoMining', 'UsageAnomalyDetection', 'ServiceHealthSecurityAdvisory'), name: fc.string({ maxLength: 10 }),
  severity: fc.constantFrom('High', 'Medium', 'Low'), detectedAt: dateTime(day(-60, 0)), open: fc.boolean(), fraud: fc.boolean(),
}, { requiredKeys: ['id', 'type', 'name', 'detectedAt', 'open', 'fraud'] });
const spendingArb = fc.record({
  latest: fc.record({
    budget: fc.integer({ min: 0, max: 2_000_000 }), spendToDate: fc.integer({ min: 0, max: 3_000_000 }),
    asOf: fc.constantFrom('2026-11-01', '2026-11-10', '2026-11-25', '2026-10-31', '2026-09-15'), currency: fc.constant('USD'),
  }, { requiredKeys: ['spendToDate', 'asOf', 'currency'] }),
  priorRunRate: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200_000 }), fc.double({ min: 0.5, max: 50_000, noNaN: true })),
}, { requiredKeys: ['latest'] });
const factsArb: fc.Arbitrary<RiskFacts> = fc.record({
  openInvoices: fc.array(fc.record({
    number: fc.string({ minLength: 1, maxLength: 5 }), dueOn: day(-200, 40), balance: fc.integer({ min: 1, max: 10_000_000 }), currency: fc.constantFrom('USD', 'EUR', 'JPY'),
  }), { maxLength: 5 }),
  checklist: fc.dictionary(fc.constantFrom(...CHECKLIST.map((i) => i.id), 'retired-item'), fc.record({ done: fc.boolean(), by: fc.constant('Ana'), at: dateTime(day(-90, 0)) })),
  openFlags: fc.array(fc.record({ id: fc.uuid(), kind: fc.constantFrom(...flagKinds) }), { maxLength: 5 }),
  subscriptions: fc.array(day(-400, 0), { maxLength: 6 }).chain((created) =>
    fc.integer({ min: created.length, max: created.length + 2 }).map((count) => ({ count, created }))), // unsorted, some undated
  spending: spendingArb,
  alerts: fc.array(alertArb, { maxLength: 5 }),
}, { requiredKeys: ['openInvoices', 'checklist', 'openFlags', 'alerts'] });

type Signal = (c: Customer, f: RiskFacts) => [Customer, RiskFacts];
/** One more risk signal on top of any customer and facts. */
const signalArb: fc.Arbitrary<[string, Signal]> = fc.oneof(
  fc.constant<[string, Signal]>(['prepaid card', (c, f) => [{ ...c, paymentInstrument: 'prepaid_card' }, f]]),
  fc.constant<[string, Signal]>(['card', (c, f) => [c.paymentInstrument === 'prepaid_card' ? c : { ...c, paymentInstrument: 'card' }, f]]),
  fc.constant<[string, Signal]>(['no pre-payment', (c, f) => [{ ...c, prepaid: false }, f]]),
  fc.constant<[string, Signal]>(['no payment yet', (c, f) => [{ ...c, firstPaymentOn: undefined }, f]]),
  fc.constant<[string, Signal]>(['black list', (c, f) => [{ ...c, country: 'KP' }, f]]),
  fc.constant<[string, Signal]>(['full admin', (c, f) => [{ ...c, adminAccess: 'full' }, f]]),
  fc.constant<[string, Signal]>(['no budget snapshot', (c, f) => [c, f.spending ? f : { ...f, spending: { latest: { spendToDate: 1, asOf: TODAY, currency: 'USD' } } }]]),
  fc.constant<[string, Signal]>(['no spend before', (c, f) => [c, f.spending ? { ...f, spending: { ...f.spending, priorRunRate: 0 } } : f]]),
  day(-300, 0).map<[string, Signal]>((d) => ['overdue invoice', (c, f) => [c, { ...f, openInvoices: [...f.openInvoices, { number: 'NEW', dueOn: d, balance: 100, currency: 'EUR' }] }]]),
  fc.constantFrom(...flagKinds).map<[string, Signal]>((kind) => [`${kind} flag`, (c, f) => [c, { ...f, openFlags: [...f.openFlags, { id: 'new-flag', kind }] }]]),
  alertArb.map<[string, Signal]>((a) => ['alert', (c, f) => [c, { ...f, alerts: [...f.alerts, { ...a, id: `new-${a.id}` }] }]]),
  day(-60, 0).map<[string, Signal]>((d) => ['subscription', (c, f) => [c, {
    ...f, subscriptions: { count: (f.subscriptions?.count ?? 0) + 1, created: [...(f.subscriptions?.created ?? []), d] },
  }]]),
);

describe('properties', () => {
  const run = (c: Customer, f: RiskFacts, s: Settings = settings) => score(c, f, s, TODAY, NOW);

  it('stays within 0..100; the factors add up to rawTotal and score = min(100, rawTotal); the level follows', () => {
    fc.assert(fc.property(customerArb, factsArb, (c, f) => {
      const r = run(c, f);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.factors.reduce((s, x) => s + x.points, 0)).toBe(r.rawTotal);
      expect(r.score).toBe(Math.min(100, r.rawTotal));
      expect(r.level).toBe(levelOf(r.score, settings.levels));
      for (const x of r.factors) {
        expect(FACTOR_IDS).toContain(x.id);
        expect(x.points).toBeGreaterThan(0);
      }
      const ids = r.factors.map((x) => x.id).filter((id) => id !== 'microsoft-alert');
      expect(new Set(ids).size).toBe(ids.length); // one factor per id (alerts are one each)
    }), { numRuns: 200 });
  });

  it('stays within 0..100 under any weights of the settings', () => {
    const weight = fc.integer({ min: 0, max: 100 });
    const weightsArb = fc.record(Object.fromEntries(Object.entries(settings.weights).map(([k, d]) => [k, typeof d === 'number' ? weight : fc.record(Object.fromEntries(Object.keys(d).map((g) => [g, weight])))]))) as unknown as fc.Arbitrary<Settings['weights']>;
    fc.assert(fc.property(customerArb, factsArb, weightsArb, (c, f, weights) => {
      const r = run(c, f, { ...settings, weights });
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.factors.reduce((s, x) => s + x.points, 0)).toBe(r.rawTotal);
      expect(r.score).toBe(Math.min(100, r.rawTotal));
    }), { numRuns: 200 });
  });

  it('never goes down when a risk signal is added', () => {
    fc.assert(fc.property(customerArb, factsArb, signalArb, (c, f, [, add]) => {
      const before = run(c, f);
      const after = run(...add(c, f));
      expect(after.rawTotal).toBeGreaterThanOrEqual(before.rawTotal);
      expect(after.score).toBeGreaterThanOrEqual(before.score);
    }), { numRuns: 200 });
  });

  it('never goes up when a checklist item is ticked (today)', () => {
    fc.assert(fc.property(customerArb, factsArb, fc.constantFrom(...CHECKLIST.map((i) => i.id)), (c, f, item) => {
      const before = run(c, f);
      const after = run(c, { ...f, checklist: { ...f.checklist, [item]: tick(NOW) } });
      expect(after.rawTotal).toBeLessThanOrEqual(before.rawTotal);
      expect(after.score).toBeLessThanOrEqual(before.score);
    }), { numRuns: 200 });
  });

  it('ticking every item leaves no checklist factor', () => {
    fc.assert(fc.property(customerArb, factsArb, (c, f) => {
      const ids = run(c, { ...f, checklist: complete() }).factors.map((x) => x.id);
      for (const id of ['unverified-identity', 'full-admin-unchecked', 'activity-log-review']) expect(ids).not.toContain(id);
    }), { numRuns: 200 });
  });

  it('is deterministic: the same input gives the same output, whatever was scored before, and the input is not changed', () => {
    fc.assert(fc.property(customerArb, factsArb, customerArb, factsArb, (c, f, c2, f2) => {
      const [cc, fc2] = [structuredClone(c), structuredClone(f)];
      const first = run(c, f);
      run(c2, f2);
      expect(run(c, f)).toEqual(first);
      expect(run(cc, fc2)).toEqual(first);
      expect(c).toEqual(cc);
      expect(f).toEqual(fc2);
    }), { numRuns: 200 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('lib/ imports no browser API', () => {
  /** By design: lib/portal/ scans the portal's DOM, lib/db/ owns IndexedDB. Nothing else in lib/ may. */
  const EXCEPTIONS = ['lib/portal/', 'lib/db/'];
  const FORBIDDEN = ['browser.', 'chrome.', 'wxt/browser', 'webextension-polyfill', 'window.', 'document.'];
  const tsFiles = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
  const offences = (text: string) => FORBIDDEN.filter((s) => text.includes(s));

  it('the check itself catches each forbidden use', () => {
    expect(offences('const id = browser.runtime.id;')).toEqual(['browser.']);
    expect(offences('chrome.storage.local.get()')).toEqual(['chrome.']);
    expect(offences("import { browser } from 'wxt/browser';")).toEqual(['wxt/browser']);
    expect(offences("import b from 'webextension-polyfill';")).toEqual(['webextension-polyfill']);
    expect(offences('window.setTimeout(f); document.querySelector("a")')).toEqual(['window.', 'document.']);
    expect(offences('export const x = 1;')).toEqual([]);
  });

  it('scans every .ts file under lib/ except lib/portal/ and lib/db/', () => {
    const files = tsFiles('lib').map((f) => f.split('\\').join('/'));
    for (const dir of EXCEPTIONS) expect(files.some((f) => f.startsWith(dir)), `${dir} exists`).toBe(true);
    const scanned = files.filter((f) => !EXCEPTIONS.some((dir) => f.startsWith(dir)));
    for (const f of ['lib/risk.ts', 'lib/budget.ts', 'lib/receivables.ts', 'lib/checklist.ts', 'lib/money.ts', 'lib/dates.ts', 'lib/regions.ts']) expect(scanned).toContain(f);
    expect(scanned.some((f) => f.startsWith('lib/import/'))).toBe(true); // subfolders too
    const found = scanned.flatMap((f) => offences(readFileSync(f, 'utf8')).map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
  });
});

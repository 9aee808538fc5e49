// lib/risk.ts: every factor of the DECISIONS "Risk defaults" table with its default points and its data, each
// silent when its fact is missing; level boundaries; the two cases of issue 3 (the worst new customer and the properties are in risk-properties.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTITY_ITEMS } from '../../lib/checklist';
import { formatMinor } from '../../lib/money';
import { FACTOR_IDS, levelOf, LEVELS, score, type Factor } from '../../lib/risk';
import { defaultSettings, emptyFacts, FATF_DEFAULT, type Customer, type RiskFacts, type Settings } from '../../lib/schema';
import { TODAY, NOW, settings, base, tick, complete, without, facts, due, alert, pick, pointsOf } from './risk-fixtures';

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

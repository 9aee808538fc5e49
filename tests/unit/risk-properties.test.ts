// lib/risk.ts: the worst new customer of issue 3, fast-check properties of the score, and the rule that lib/ imports no browser API.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetState } from '../../lib/budget';
import { CHECKLIST } from '../../lib/checklist';
import { addDays } from '../../lib/dates';
import { FACTOR_IDS, levelOf, score } from '../../lib/risk';
import { FATF_DEFAULT, type Customer, type RiskFacts, type Settings } from '../../lib/schema';
import { TENANT, TODAY, NOW, settings, base, tick, complete, facts, due, alert, pointsOf, LEVEL_RANK } from './risk-fixtures';


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

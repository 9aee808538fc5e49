// Decisions that stick (issue 23): changed-since-verdict detection, promises to pay over time, payer ratings
// and expected payment dates, budget thresholds, and the broken-promise factor.
import { describe, expect, it } from 'vitest';
import { budgetState } from '../../lib/budget';
import { CHECKLIST } from '../../lib/checklist';
import { addDays } from '../../lib/dates';
import { expectedPaymentDate, payerHistory, payerRating } from '../../lib/payer';
import { dunningWithPromise, nextActionDue, promiseStatus } from '../../lib/promises';
import { dunningStage } from '../../lib/receivables';
import { score } from '../../lib/risk';
import { defaultSettings, emptyFacts, type Customer, type PromiseRecord, type RiskFacts, type VerdictRecord } from '../../lib/schema';
import { buildFacts } from '../../lib/summary';
import { highestThreshold, thresholdsFor } from '../../lib/thresholds';
import { latestOf, reviewDue, reviewReasonOf, snapshotOf, verdictChange } from '../../lib/verdicts';

const TENANT = '11111111-1111-4111-8111-111111111111';
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';
const settings = defaultSettings();
const customer: Customer = { tenantId: TENANT, name: 'Contoso', updatedAt: NOW };
const complete = (): RiskFacts['checklist'] => Object.fromEntries(CHECKLIST.map((i) => [i.id, { done: true, by: 'Ana', at: NOW }]));
const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({ ...emptyFacts(), checklist: complete(), ...over });
const due = (daysAgo: number, balance = 100_00, number = `INV-${daysAgo}`) => ({ number, dueOn: addDays(TODAY, -daysAgo), balance, currency: 'USD' });
const alert = (id: string) => ({ id, type: 'CryptoMining', name: id, detectedAt: '2026-11-24T06:00:00.000Z', open: true, fraud: false });
const risk = (f: RiskFacts, s = settings) => score(customer, f, s, TODAY, NOW);
const snap = (f: RiskFacts) => snapshotOf(risk(f), f);

describe('changed since the verdict', () => {
  it('nothing moved: not changed', () => {
    const f = facts({ openInvoices: [due(10)] });
    expect(verdictChange(snap(f), risk(f), f, settings)).toMatchObject({ changed: false, reasons: [], moved: [] });
  });
  it('a higher level counts, and the factors that grew are listed with their points then and now', () => {
    const then = facts({ openInvoices: [due(10)] }); // overdue 1-30: 10, low
    const now = facts({ openInvoices: [due(40)] }); // overdue 31-60: 20, still low: only the points moved
    expect(verdictChange(snap(then), risk(now), now, settings)).toMatchObject({ changed: false, rise: 10, moved: [{ id: 'overdue', then: 10, now: 20 }] });
    const later = facts({ openInvoices: [due(95)], openFlags: [] }); // 40: medium
    const c = verdictChange(snap(then), risk(later), later, settings);
    expect(c.reasons).toEqual(['level', 'score']);
    expect(c.moved).toEqual([{ id: 'overdue', then: 10, now: 40 }]);
  });
  it('a score exactly the setting higher counts; one point less does not (tie at the threshold)', () => {
    const then = facts();
    const s14 = { ...settings, verdictChangePoints: 16 };
    const now = facts({ openInvoices: [due(20)], checklist: { ...complete(), 'phone-contact': { done: false, by: 'Ana', at: NOW }, 'background-check': { done: false, by: 'Ana', at: NOW } } });
    // 10 overdue + 2 × 3 unverified = 16 points, level still low.
    expect(risk(now).score).toBe(16);
    expect(verdictChange(snap(then), risk(now, s14), now, s14).reasons).toEqual(['score']);
    expect(verdictChange(snap(then), risk(now, { ...settings, verdictChangePoints: 17 }), now, { verdictChangePoints: 17 }).changed).toBe(false);
    expect(settings.verdictChangePoints).toBe(15);
  });
  // Levels and the score threshold set wide, so only the new alert or flag moves.
  const wide = { ...settings, verdictChangePoints: 30, levels: { medium: 60, high: 80, critical: 95 } };
  it('a new unresolved alert counts; one the verdict saw does not; a resolved one does not', () => {
    const then = facts({ alerts: [alert('a1')] });
    expect(verdictChange(snap(then), risk(then), then, wide).changed).toBe(false);
    const now = facts({ alerts: [alert('a1'), alert('a2')] });
    const c = verdictChange(snapshotOf(risk(then, wide), then), risk(now, wide), now, wide);
    expect(c.reasons).toEqual(['alert']);
    expect(c.moved).toEqual([{ id: 'microsoft-alert', then: 15, now: 30 }]);
    const resolved = facts({ alerts: [alert('a1'), { ...alert('a3'), open: false, fraud: false }] });
    expect(verdictChange(snap(then), risk(resolved), resolved, settings).reasons).not.toContain('alert');
  });
  it('a new open flag counts', () => {
    const then = facts({ openFlags: [{ id: 'f1', kind: 'spam' }] });
    const now = facts({ openFlags: [{ id: 'f1', kind: 'spam' }, { id: 'f2', kind: 'malware' }] });
    expect(verdictChange(snapshotOf(risk(then, wide), then), risk(now, wide), now, wide).reasons).toEqual(['flag']);
  });
  it('a score that fell is no change', () => {
    const then = facts({ openInvoices: [due(95)] });
    const now = facts();
    expect(verdictChange(snap(then), risk(now), now, settings)).toMatchObject({ changed: false, rise: -40, moved: [] });
  });
  it('the latest verdict wins by time, then member, then id', () => {
    const v = (id: string, at: string, member: string) => ({ _id: id, at, member });
    expect(latestOf([v('b', NOW, 'ana'), v('a', '2026-11-25T13:00:00.000Z', 'ana')])?._id).toBe('a');
    expect(latestOf([v('a', NOW, 'bob'), v('b', NOW, 'ana')])?._id).toBe('a');
    expect(latestOf([v('b', NOW, 'ana'), v('a', NOW, 'ana')])?._id).toBe('b');
  });
  it('review: none at medium or above without a verdict, changed, or past the review date', () => {
    const low = risk(facts());
    const mid = score({ ...customer, paymentInstrument: 'prepaid_card' }, facts(), settings, TODAY, NOW);
    expect(mid.level).toBe('medium');
    expect(reviewReasonOf(undefined, undefined, low, true, TODAY)).toBeUndefined();
    expect(reviewReasonOf(undefined, undefined, mid, true, TODAY)).toBe('no-verdict');
    expect(reviewReasonOf(undefined, undefined, mid, false, TODAY)).toBeUndefined();
    const v = { reviewOn: TODAY } as VerdictRecord;
    expect(reviewDue(v, TODAY)).toBe(false);
    expect(reviewDue(v, addDays(TODAY, 1))).toBe(true);
    expect(reviewReasonOf(v, { changed: false, reasons: [], rise: 0, moved: [] }, mid, true, addDays(TODAY, 1))).toBe('review-due');
    expect(reviewReasonOf(v, { changed: true, reasons: ['alert'], rise: 0, moved: [] }, mid, true, addDays(TODAY, 1))).toBe('changed');
  });
});

const promise = (over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  _id: 'p1', v: 1, kind: 'promise', member: 'Ana', by: 'Ana', at: NOW, tenantId: TENANT,
  date: addDays(TODAY, 3), amount: 100_00, currency: 'USD', invoices: [{ number: 'INV-10', balance: 100_00 }], ...over,
});

describe('promises to pay over time', () => {
  const open = [due(10, 100_00, 'INV-10')];
  it('live until its date, then broken when nothing was paid', () => {
    const p = promise();
    expect(promiseStatus(p, open, TODAY).state).toBe('live');
    expect(promiseStatus(p, open, addDays(TODAY, 3)).state).toBe('live'); // the promised day itself
    expect(promiseStatus(p, open, addDays(TODAY, 4))).toEqual({ state: 'broken', paid: 0, left: 100_00 });
  });
  it('kept once the amount is paid, whenever', () => {
    expect(promiseStatus(promise(), [], TODAY).state).toBe('kept');
    expect(promiseStatus(promise(), [], addDays(TODAY, 30)).state).toBe('kept');
    expect(promiseStatus(promise({ amount: 40_00 }), [due(10, 60_00, 'INV-10')], addDays(TODAY, 30)).state).toBe('kept');
  });
  it('partly paid: some of the amount left after the date, a broken promise all the same', () => {
    const s = promiseStatus(promise(), [due(10, 30_00, 'INV-10')], addDays(TODAY, 4));
    expect(s).toEqual({ state: 'partly-paid', paid: 70_00, left: 30_00 });
    expect(promiseStatus(promise(), [due(10, 30_00, 'INV-10')], TODAY).state).toBe('live');
  });
  it('a new invoice billed after the promise is not counted as unpaid promise money', () => {
    expect(promiseStatus(promise(), [due(1, 500_00, 'INV-NEW')], addDays(TODAY, 4)).state).toBe('kept');
  });
  it('a live promise pauses dunning; a broken one resumes it at the next stage, due now', () => {
    const info = dunningStage(10, settings.dunning);
    expect(dunningWithPromise(info, 'live')).toEqual({ stage: 'first-reminder', paused: true });
    expect(dunningWithPromise(info, 'broken')).toEqual({ stage: 'first-reminder', next: 'second-reminder', daysUntilNext: 0, resumed: true });
    expect(dunningWithPromise(info, 'kept')).toEqual(info);
  });
  it('a broken promise adds its factor (10 points by default, a setting); live and kept ones add nothing', () => {
    const f = (p: PromiseRecord, open: RiskFacts['openInvoices']) => facts({ promise: p, openInvoices: open });
    const later = addDays(TODAY, 4);
    const broken = score(customer, f(promise(), open), settings, later, NOW);
    expect(broken.factors.find((x) => x.id === 'broken-promise')).toMatchObject({ points: 10 });
    expect(score(customer, f(promise(), open), settings, TODAY, NOW).factors.some((x) => x.id === 'broken-promise')).toBe(false);
    expect(score(customer, f(promise(), []), settings, later, NOW).factors.some((x) => x.id === 'broken-promise')).toBe(false);
    const heavy = { ...settings, weights: { ...settings.weights, 'broken-promise': 25 } };
    expect(score(customer, f(promise(), open), heavy, later, NOW).factors.find((x) => x.id === 'broken-promise')?.points).toBe(25);
  });
  it('the next dunning action is the first policy stage after the last recorded one; none while a promise is live', () => {
    const oldest = addDays(TODAY, -20);
    expect(nextActionDue(oldest, undefined, settings.dunning)).toBe(addDays(oldest, 1));
    expect(nextActionDue(oldest, { action: 'reminder-sent', on: addDays(oldest, 2) }, settings.dunning)).toBe(addDays(oldest, 15));
    expect(nextActionDue(oldest, { action: 'final-notice', on: addDays(oldest, 31) }, settings.dunning)).toBe(addDays(oldest, 45));
    expect(nextActionDue(oldest, { action: 'suspended', on: addDays(oldest, 46) }, settings.dunning)).toBeUndefined();
    expect(nextActionDue(oldest, undefined, settings.dunning, 'live')).toBeUndefined();
    expect(nextActionDue(undefined, undefined, settings.dunning)).toBeUndefined();
  });
  it('the summary keeps the latest promise and verdict of the decisions', () => {
    const older = promise({ _id: 'p0', at: '2026-11-20T00:00:00.000Z', amount: 5_00 });
    const f = buildFacts({ invoices: [], checklist: [], flags: [], subscriptions: [], spending: [], alerts: [], decisions: [promise(), older] });
    expect(f.promise?._id).toBe('p1');
  });
});

describe('payer rating and expected payment dates', () => {
  const paid = (dueOn: string, paidOn: string, amount: number, currency = 'USD') => ({ dueOn, paidOn, amount, paid: amount, currency });
  it('averages the delay by amount', () => {
    // 1,000 paid 2 days late and 100 paid 35 days late: (2×1000 + 35×100) / 1100 = 5 days.
    const h = payerHistory([paid('2026-01-01', '2026-01-03', 1000_00), paid('2026-02-01', '2026-03-08', 100_00)]);
    expect(h?.delayDays).toBe(5);
    expect(payerRating(h)).toBe('A');
  });
  it('rates A up to 5 days, B up to 30, C up to 60, D later', () => {
    const at = (days: number) => payerRating(payerHistory([paid('2026-01-01', addDays('2026-01-01', days), 10_00)]));
    expect([at(-3), at(5), at(6), at(30), at(31), at(60), at(61)]).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D']);
  });
  it('an invoice written off makes it D; no paid history has no rating', () => {
    expect(payerRating(payerHistory([paid('2026-01-01', '2026-01-01', 10_00), { ...paid('2026-02-01', '2026-02-01', 5_00), writtenOff: true }]))).toBe('D');
    expect(payerRating(payerHistory([{ dueOn: '2026-01-01', amount: 10_00, paid: 0, currency: 'USD', writtenOff: true }]))).toBe('D');
    expect(payerRating(payerHistory([]))).toBeUndefined();
    // Unpaid, partly paid, or paid with no date: no history.
    expect(payerHistory([{ dueOn: '2026-01-01', amount: 10_00, paid: 5_00, paidOn: '2026-02-01', currency: 'USD' }, { dueOn: '2026-01-01', amount: 10_00, paid: 10_00, currency: 'USD' }])).toBeUndefined();
  });
  it('the expected date of an open invoice is its due date plus the average delay', () => {
    const h = payerHistory([paid('2026-01-01', '2026-01-11', 10_00)]);
    expect(expectedPaymentDate('2026-12-01', h)).toBe('2026-12-11');
    expect(expectedPaymentDate('2026-12-01', undefined)).toBeUndefined();
  });
});

describe('budget thresholds', () => {
  const snapshot = (spend: number, budget: number, asOf = TODAY) => ({ latest: { spendToDate: spend, budget, asOf, currency: 'USD' } });
  const highest = (spend: number, budget: number, ts = settings.budgetThresholds, asOf = TODAY) => highestThreshold(ts, budgetState(snapshot(spend, budget, asOf), settings, TODAY));
  it('defaults: 80 % actual, 100 % actual, 100 % forecast', () => {
    expect(settings.budgetThresholds).toEqual([{ percent: 80, basis: 'actual' }, { percent: 100, basis: 'actual' }, { percent: 100, basis: 'forecast' }]);
  });
  it('the highest crossed: actual at its exact percentage, a forecast, actual over forecast at the same percentage', () => {
    // 25 November: day 25 of 30, so the forecast is spend × 30 / 25.
    expect(highest(500_00, 1000_00)).toBeUndefined(); // 50 %, forecast 60 %
    expect(highest(799_99, 1000_00)).toBeUndefined(); // forecast 95.99 %
    expect(highest(800_00, 1000_00)).toEqual({ percent: 80, basis: 'actual' }); // forecast 96 %
    expect(highest(850_00, 1000_00)).toEqual({ percent: 100, basis: 'forecast' }); // forecast 102 %
    expect(highest(1000_00, 1000_00)).toEqual({ percent: 100, basis: 'actual' }); // forecast 120 % too
    expect(highest(1000_00, 1000_00, [{ percent: 110, basis: 'forecast' }, { percent: 100, basis: 'actual' }])).toEqual({ percent: 110, basis: 'forecast' });
  });
  it('none for an earlier month or without a budget', () => {
    expect(highest(2000_00, 1000_00, settings.budgetThresholds, '2026-10-31')).toBeUndefined();
    expect(highestThreshold(settings.budgetThresholds, budgetState({ latest: { spendToDate: 5_00, asOf: TODAY, currency: 'USD' } }, settings, TODAY))).toBeUndefined();
  });
  it("a customer's override replaces the team's thresholds", () => {
    const own = [{ percent: 50, basis: 'actual' as const }];
    expect(thresholdsFor({ budgetThresholds: own }, settings)).toBe(own);
    expect(thresholdsFor({}, settings)).toBe(settings.budgetThresholds);
    expect(highest(500_00, 1000_00, thresholdsFor({ budgetThresholds: own }, settings))).toEqual({ percent: 50, basis: 'actual' });
  });
});

describe('the words of decisions, in English and French', () => {
  it('every verdict, dunning action, promise state, review reason and threshold basis has its words in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const { VERDICTS, DUNNING_ACTIONS } = await import('../../lib/schema');
    const keys = [
      ...VERDICTS.map((v) => `verdict_${v}`), ...DUNNING_ACTIONS.map((a) => `dunning_action_${a.replace(/-/g, '_')}`),
      ...['live', 'kept', 'broken', 'partly_paid'].map((s) => `promise_state_${s}`), ...['level', 'score', 'alert', 'flag'].map((r) => `verdict_change_${r}`),
      ...['no_verdict', 'changed', 'review_due'].map((r) => `filter_review_${r}`), 'tab_review', 'popup_empty_review', 'threshold_actual', 'threshold_forecast',
      'factor_name_broken_promise', 'factor_broken_promise', 'weight_broken_promise', 'export_csv_audit', 'store_decisions',
    ];
    for (const lang of ['en', 'fr']) {
      const bundle = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, unknown>;
      expect(keys.filter((k) => !(k in bundle))).toEqual([]);
    }
  });
});

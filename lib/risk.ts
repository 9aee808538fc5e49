// The explainable risk score: every signal of the guidance as a factor with its points and its numbers.
// Factors are data (id, points, numbers); the views put them in words, so scoring stays fast and translatable.
import { budgetState } from './budget';
import { CHECKLIST, IDENTITY_ITEMS } from './checklist';
import { localDate } from './clock';
import { dayNumber, daysBetween } from './dates';
import { isBroken, promiseStatus } from './promises';
import { agingOf } from './receivables';
import { regionListOf } from './regions';
import type { Customer, RiskFacts, Settings } from './schema';

export type Level = 'low' | 'medium' | 'high' | 'critical';
export const LEVELS: readonly Level[] = ['low', 'medium', 'high', 'critical'];
/** What badges, panels and rows show: a level, or `unknown` for a customer with no data (DECISIONS.md "Levels"). */
export type ShownLevel = Level | 'unknown';

export const FACTOR_IDS = [
  'prepaid-card', 'card-not-present', 'no-prepayment', 'provisioned-before-payment', 'overdue', 'unverified-identity',
  'high-risk-region', 'fast-purchasing', 'abuse-flag', 'microsoft-notice', 'microsoft-alert', 'confirmed-fraud',
  'spend-spike', 'full-admin-unchecked', 'no-budget', 'activity-log-review', 'broken-promise',
] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

/** The part of Microsoft's guidance a factor comes from (message key `guidance_*`). */
export type Guidance = 'theft-of-service' | 'transaction-risk' | 'abuse-of-service' | 'account-management';

export type FactorData = Record<string, string | number | Record<string, number>>;
export interface Factor { id: FactorId; points: number; guidance: Guidance; data: FactorData }

export interface RiskResult {
  /** 0..100: the sum of the factors' points, capped at 100. */
  score: number;
  /** The sum before the cap. */
  rawTotal: number;
  level: Level;
  factors: Factor[];
}

export const NEW_ACCOUNT_DAYS = 30;
export const FAST_PURCHASE_WINDOW_DAYS = 7;
export const FAST_PURCHASE_COUNT = 3;

/** Alert types that mark abuse of service: crypto mining, usage and deployment anomalies (old and new names). */
export function isAbuseAlert(type: string): boolean {
  return /mining|anomal|consumption|suspicious|deployment/i.test(type);
}

export function levelOf(score: number, levels: Settings['levels']): Level {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
}

/** A factor counts when it has points. (A module function, not a closure per call: scoring 100,000 customers
 * made one per customer, and under a bundler that keeps function names, a name definition for each.) */
function add(factors: Factor[], id: FactorId, points: number, guidance: Guidance, data: FactorData = {}) {
  if (points > 0) factors.push({ id, points, guidance, data });
}

/** Open alerts oldest first (then by id): they take the alerts' cap in that order. */
function byDetection(x: RiskFacts['alerts'][number], y: RiskFacts['alerts'][number]): number {
  return x.detectedAt.localeCompare(y.detectedAt) || x.id.localeCompare(y.id);
}

/** The unticked identity checks as the factor lists them ("phone-contact,sms-verification"), by which of them are
 * unticked (bit i: IDENTITY_ITEMS[i]): 32 strings, made once each instead of once per customer. */
const missingNames: string[] = [];
function missingList(mask: number): string {
  let s = missingNames[mask];
  if (s === undefined) {
    s = IDENTITY_ITEMS.filter((_, i) => mask & (1 << i)).join(',');
    missingNames[mask] = s;
  }
  return s;
}

/**
 * Scores one customer as of `today` (a local date). A missing fact is unknown, not bad: it scores nothing by
 * itself. `now` (ISO date-time), when given, only adds how long each alert has been open to its factor.
 * Plain loops and no closures: this runs for every customer of the store (100,000 within the benchmark's budget).
 */
export function score(customer: Customer, facts: RiskFacts, settings: Settings, today: string, now?: string): RiskResult {
  const w = settings.weights;
  const factors: Factor[] = [];

  // Theft of service.
  if (customer.paymentInstrument === 'prepaid_card') add(factors, 'prepaid-card', w['prepaid-card'], 'theft-of-service');
  if (customer.paymentInstrument === 'card') add(factors, 'card-not-present', w['card-not-present'], 'theft-of-service');
  if (customer.prepaid === false) add(factors, 'no-prepayment', w['no-prepayment'], 'theft-of-service');
  const created = facts.subscriptions?.created ?? [];
  if (facts.subscriptions && facts.subscriptions.count > 0 && customer.prepaid !== true) {
    // The earliest creation date, whatever order the facts list them in.
    let first: string | undefined;
    for (const d of created) if (!first || d < first) first = d;
    if (!customer.firstPaymentOn) add(factors, 'provisioned-before-payment', w['provisioned-before-payment'], 'theft-of-service', { subscriptions: facts.subscriptions.count });
    else if (first && first < customer.firstPaymentOn) {
      add(factors, 'provisioned-before-payment', w['provisioned-before-payment'], 'theft-of-service', { firstCreated: first, firstPaymentOn: customer.firstPaymentOn });
    }
  }
  // The oldest overdue invoice by string comparison of ISO dates; the full aging only when something is overdue.
  let oldestDue: string | undefined;
  for (const i of facts.openInvoices) if (i.balance > 0 && i.dueOn < today && (!oldestDue || i.dueOn < oldestDue)) oldestDue = i.dueOn;
  if (oldestDue) {
    const aging = agingOf(facts.openInvoices, today);
    add(factors, 'overdue', w.overdue[aging.bucket as keyof typeof w.overdue], 'theft-of-service', {
      days: aging.oldestDaysPastDue, bucket: aging.bucket, amounts: aging.overdueByCurrency, invoices: aging.overdueCount,
    });
  }
  // A promise to pay whose date passed with the amount (or part of it) unpaid.
  if (facts.promise) {
    const p = promiseStatus(facts.promise, facts.openInvoices, today);
    if (isBroken(p.state)) add(factors, 'broken-promise', w['broken-promise'], 'theft-of-service', { date: facts.promise.date, amount: facts.promise.amount, currency: facts.promise.currency, left: p.left });
  }
  let missing = 0;
  let missingCount = 0;
  for (let i = 0; i < IDENTITY_ITEMS.length; i++) {
    if (facts.checklist[IDENTITY_ITEMS[i]]?.done) continue;
    missing |= 1 << i;
    missingCount++;
  }
  if (missingCount) add(factors, 'unverified-identity', w['unverified-identity'] * missingCount, 'theft-of-service', { count: missingCount, items: missingList(missing) });

  // Transaction risk.
  const list = regionListOf(customer.country, settings.regions);
  if (list) add(factors, 'high-risk-region', w['high-risk-region'][list], 'transaction-risk', { country: customer.country!, list, asOf: settings.regions.asOf });
  if (customer.createdOn && created.length) {
    const age = daysBetween(customer.createdOn, today);
    const start = dayNumber(customer.createdOn);
    let soon = 0;
    for (const d of created) {
      const n = dayNumber(d);
      if (n >= start && n <= start + FAST_PURCHASE_WINDOW_DAYS) soon++;
    }
    if (age >= 0 && age < NEW_ACCOUNT_DAYS && soon >= FAST_PURCHASE_COUNT) {
      add(factors, 'fast-purchasing', w['fast-purchasing'], 'transaction-risk', { subscriptions: soon, days: FAST_PURCHASE_WINDOW_DAYS, age });
    }
  }

  // Abuse of service.
  let abuse = 0;
  let kinds: Set<string> | undefined;
  for (const f of facts.openFlags) {
    if (f.kind === 'microsoft_notice') continue;
    abuse++;
    (kinds ??= new Set()).add(f.kind);
  }
  if (abuse) {
    add(factors, 'abuse-flag', Math.min(w['abuse-flag'].each * abuse, w['abuse-flag'].cap), 'abuse-of-service', { count: abuse, kinds: [...kinds!].join(',') });
  }
  const notices = facts.openFlags.length - abuse;
  const noticePoints = Math.min(w['microsoft-notice'].each * notices, w['microsoft-notice'].cap);
  if (notices) add(factors, 'microsoft-notice', noticePoints, 'abuse-of-service', { count: notices });
  // Each unresolved alert is its own factor (type, severity, detection, hours open); the alerts' cap is that of
  // notices and alerts together.
  let openAlerts: RiskFacts['alerts'] | undefined;
  let fraud = 0;
  for (const a of facts.alerts) {
    if (a.open) (openAlerts ??= []).push(a);
    if (a.fraud) fraud++;
  }
  if (openAlerts) {
    if (openAlerts.length > 1) openAlerts.sort(byDetection);
    const nowMs = now ? Date.parse(now) : undefined;
    let left = Math.max(0, w['microsoft-alert'].cap - noticePoints);
    for (const a of openAlerts) {
      const points = Math.min(w['microsoft-alert'].each, left);
      left -= points;
      const data: FactorData = { type: a.type, name: a.name, detectedAt: a.detectedAt };
      if (a.severity) data.severity = a.severity;
      if (nowMs !== undefined) data.hoursOpen = Math.max(0, Math.floor((nowMs - Date.parse(a.detectedAt)) / 3_600_000));
      add(factors, 'microsoft-alert', points, isAbuseAlert(a.type) ? 'abuse-of-service' : 'account-management', data);
    }
  }
  if (fraud) add(factors, 'confirmed-fraud', w['confirmed-fraud'], 'abuse-of-service', { count: fraud });
  if (facts.spending && facts.spending.priorRunRate !== undefined) {
    const budget = budgetState(facts.spending, settings, today);
    if (budget.spike) {
      add(factors, 'spend-spike', w['spend-spike'], 'abuse-of-service', {
        ratio: facts.spending.priorRunRate ? Math.round((budget.runRate! / facts.spending.priorRunRate) * 10) / 10 : 0, factor: settings.spikeFactor,
      });
    }
  }

  // Account management.
  if (customer.adminAccess === 'full') {
    // As checklistProgress counts them (overall), without its per-phase lists.
    let done = 0;
    for (const item of CHECKLIST) if (facts.checklist[item.id]?.done) done++;
    if (done < CHECKLIST.length) {
      add(factors, 'full-admin-unchecked', w['full-admin-unchecked'], 'account-management', { done, total: CHECKLIST.length });
    }
  }
  if (facts.spending && facts.spending.latest.budget === undefined) add(factors, 'no-budget', w['no-budget'], 'account-management');
  const review = facts.checklist['activity-log-review'];
  if (!review?.done) add(factors, 'activity-log-review', w['activity-log-review'], 'account-management', { interval: settings.activityReviewDays });
  else {
    // The review's date as staff saw it (local, like `today`), not the UTC date of its time stamp.
    const last = localDate(new Date(review.at));
    const since = daysBetween(last, today);
    if (since > settings.activityReviewDays) {
      add(factors, 'activity-log-review', w['activity-log-review'], 'account-management', { interval: settings.activityReviewDays, days: since, last });
    }
  }

  let rawTotal = 0;
  for (const f of factors) rawTotal += f.points;
  const total = Math.min(100, rawTotal);
  return { score: total, rawTotal, level: levelOf(total, settings.levels), factors };
}

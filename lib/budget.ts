// Spending budgets: utilization, approaching/breached, the month-end forecast and the run-rate spike.
import { dayOfMonth, daysInMonth, monthOf, monthsBefore } from './dates';
import type { RiskFacts, Settings, Spending } from './schema';

export type SpendingFacts = NonNullable<RiskFacts['spending']>;
export type BudgetState = 'breached' | 'approaching' | 'forecast' | 'ok' | 'no-budget' | 'stale' | 'no-data';

export interface BudgetResult {
  state: BudgetState;
  /** spendToDate / budget of the latest snapshot (1 = 100 %), when there is a budget. */
  utilization?: number;
  /** Projection of the month-to-date spend to month end, in minor units (absent while too early to forecast). */
  projected?: number;
  /** Before the FORECAST_FROM_DAY-th day with no earlier months' run-rate: no forecast ("too early to forecast"). */
  tooEarly?: boolean;
  /** The latest run-rate is at least the spike factor times the earlier months' average. */
  spike: boolean;
  runRate?: number;
  latest?: SpendingFacts['latest'];
}

/** Average daily spend of a snapshot so far this month. */
export function runRate(s: Pick<Spending, 'spendToDate' | 'asOf'>): number {
  return s.spendToDate / dayOfMonth(s.asOf);
}

/**
 * What an account summary keeps of the snapshots: the latest, and the average run-rate of the snapshots (in
 * the latest's currency) of the three months before the latest's month. No history: no prior run-rate.
 */
export function spendingFacts(snapshots: Spending[]): SpendingFacts | undefined {
  if (!snapshots.length) return undefined;
  const sorted = [...snapshots].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const latest = sorted[sorted.length - 1];
  const month = monthOf(latest.asOf);
  const from = monthsBefore(month, 3);
  const prior = sorted.filter((s) => s.currency === latest.currency && monthOf(s.asOf) < month && monthOf(s.asOf) >= from);
  const facts: SpendingFacts = {
    latest: {
      ...(latest.budget !== undefined ? { budget: latest.budget } : {}), spendToDate: latest.spendToDate, asOf: latest.asOf, currency: latest.currency,
      ...(latest.billingStartDate ? { billingStartDate: latest.billingStartDate } : {}),
      ...(latest.billingEndDate ? { billingEndDate: latest.billingEndDate } : {}),
    },
  };
  if (prior.length) facts.priorRunRate = prior.reduce((sum, s) => sum + runRate(s), 0) / prior.length;
  return facts;
}

export function isSpike(facts: SpendingFacts, spikeFactor: number): boolean {
  if (facts.priorRunRate === undefined) return false;
  const rate = runRate(facts.latest);
  if (facts.priorRunRate === 0) return rate > 0;
  return rate >= spikeFactor * facts.priorRunRate;
}

/** A month's own run-rate forecasts from this day of the month on (one day's spend times 31 is no forecast). */
export const FORECAST_FROM_DAY = 5;

/**
 * The month-end projection of a snapshot: its own run-rate from FORECAST_FROM_DAY on; earlier, the earlier
 * months' run-rate blended with this month's (this month weighing day / FORECAST_FROM_DAY) for the days left;
 * undefined when it is too early and there is no history.
 */
export function forecastOf(latest: SpendingFacts['latest'], priorRunRate: number | undefined): number | undefined {
  const day = dayOfMonth(latest.asOf);
  const days = daysInMonth(latest.asOf);
  if (day >= FORECAST_FROM_DAY) return Math.round((latest.spendToDate * days) / day);
  if (priorRunRate === undefined) return undefined;
  const weight = day / FORECAST_FROM_DAY;
  const rate = weight * runRate(latest) + (1 - weight) * priorRunRate;
  return Math.round(latest.spendToDate + rate * (days - day));
}

/** The budget state of the latest snapshot of the current month; an earlier month's snapshot is `stale`. */
export function budgetState(facts: SpendingFacts | undefined, settings: Pick<Settings, 'budgetThreshold' | 'spikeFactor'>, today: string): BudgetResult {
  if (!facts) return { state: 'no-data', spike: false };
  const { latest } = facts;
  if (monthOf(latest.asOf) !== monthOf(today)) return { state: 'stale', spike: false, latest };
  const spike = isSpike(facts, settings.spikeFactor);
  const rate = runRate(latest);
  const day = dayOfMonth(latest.asOf);
  const days = daysInMonth(latest.asOf);
  const projected = forecastOf(latest, facts.priorRunRate);
  const forecast = projected === undefined ? { tooEarly: true } : { projected };
  if (latest.budget === undefined) return { state: 'no-budget', spike, runRate: rate, ...forecast, latest };
  const budget = latest.budget;
  const spend = latest.spendToDate;
  const utilization = budget > 0 ? spend / budget : spend > 0 ? Infinity : 0;
  // Compared in integers so 80.0 % and 100.0 % are exact: basis points of the threshold, days of the month.
  const bp = Math.round(settings.budgetThreshold * 10_000);
  let state: BudgetState = 'ok';
  if (spend >= budget && (budget > 0 || spend > 0)) state = 'breached';
  else if (spend * 10_000 >= bp * budget && budget > 0) state = 'approaching';
  else if (budget > 0 && projected !== undefined && (day >= FORECAST_FROM_DAY ? spend * days >= budget * day : projected >= budget)) state = 'forecast';
  return { state, utilization, ...forecast, spike, runRate: rate, latest };
}

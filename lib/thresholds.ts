// Budget thresholds (up to five, on actual or forecast spend, per customer overridable): the highest crossed.
import type { BudgetResult } from './budget';
import type { BudgetThreshold, Customer, Settings } from './schema';

export const thresholdsFor = (customer: Pick<Customer, 'budgetThresholds'> | undefined, settings: Pick<Settings, 'budgetThresholds'>): BudgetThreshold[] =>
  customer?.budgetThresholds?.length ? customer.budgetThresholds : settings.budgetThresholds;

/** `100-actual`: what hooks and rows carry. */
export const thresholdKey = (t: BudgetThreshold) => `${t.percent}-${t.basis}`;

/**
 * The highest threshold the month's spend (actual) or its month-end forecast crossed; at equal percentages
 * actual spend outranks a forecast. None without a budget this month.
 */
export function highestThreshold(thresholds: BudgetThreshold[], budget: Pick<BudgetResult, 'state' | 'latest' | 'projected'>): BudgetThreshold | undefined {
  const l = budget.latest;
  if (!l || l.budget === undefined || budget.state === 'stale' || budget.state === 'no-data') return undefined;
  const b = l.budget;
  let best: BudgetThreshold | undefined;
  for (const t of thresholds) {
    const spend = t.basis === 'actual' ? l.spendToDate : budget.projected;
    if (spend === undefined) continue;
    // In integers: percent × budget against 100 × spend, so 80 % of 1,000.00 is exact.
    const crossed = b > 0 ? spend * 100 >= t.percent * b : spend > 0;
    if (!crossed) continue;
    if (!best || t.percent > best.percent || (t.percent === best.percent && t.basis === 'actual' && best.basis === 'forecast')) best = t;
  }
  return best;
}

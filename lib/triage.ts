// The popup's triage lists from account summaries: overdue, budget, high risk, security alerts.
import { compareAlertUrgency, responseClock } from './alerts';
import { budgetState, type BudgetResult } from './budget';
import { agingOf, compareOverdue, dunningStage, type AgingResult, type DunningInfo } from './receivables';
import { score, type RiskResult } from './risk';
import type { AccountSummary, Alert, Settings, Triage } from './schema';
import { isSnoozed } from './attention';
import { isKnown } from './summary';

export interface RowBase {
  tenantId: string;
  name: string;
  domain?: string;
  acknowledged: boolean;
  snoozedUntil?: string;
}
export interface OverdueRow extends RowBase { aging: AgingResult; dunning: DunningInfo }
export interface BudgetRow extends RowBase { budget: BudgetResult & { state: 'breached' | 'approaching' | 'forecast' } }
export interface RiskRow extends RowBase { risk: RiskResult }
export interface AlertRow extends RowBase { alert: Alert; response: 'due' | 'overdue'; msLeft: number }

export interface TriageLists {
  overdue: OverdueRow[];
  budget: BudgetRow[];
  risk: RiskRow[];
  alerts: AlertRow[];
  /** Rows of any list whose customer is snoozed until a later date. */
  snoozed: RowBase[];
  /** How many customers have a spending budget set, of how many (the partner security score's measure). */
  budgetCoverage: { withBudget: number; total: number };
}

const BUDGET_ORDER = { breached: 0, approaching: 1, forecast: 2 } as const;
const LEVEL_SHOWN = new Set(['high', 'critical']);

export function buildTriage(
  summaries: AccountSummary[],
  alerts: Alert[],
  triage: Map<string, Triage>,
  settings: Settings,
  today: string,
  now: string,
): TriageLists {
  const lists: TriageLists = { overdue: [], budget: [], risk: [], alerts: [], snoozed: [], budgetCoverage: { withBudget: 0, total: summaries.length } };
  const byTenant = new Map<string, RowBase>();
  const snoozedIds = new Set<string>();
  for (const s of summaries) {
    const t = triage.get(s.tenantId);
    const base: RowBase = {
      tenantId: s.tenantId, name: s.customer.name, domain: s.customer.domain,
      acknowledged: !!t?.acknowledgedAt, ...(t?.snoozedUntil ? { snoozedUntil: t.snoozedUntil } : {}),
    };
    byTenant.set(s.tenantId, base);
    const snoozed = isSnoozed(t, today);
    const aging = agingOf(s.facts.openInvoices, today);
    const budget = budgetState(s.facts.spending, settings, today);
    const risk = score(s.customer, s.facts, settings, today, now);
    if (s.facts.spending?.latest.budget) lists.budgetCoverage.withBudget++;
    const counts = aging.overdue || budget.state in BUDGET_ORDER || (LEVEL_SHOWN.has(risk.level) && isKnown(s));
    if (snoozed) {
      if (counts || s.facts.alerts.some((a) => a.open)) { lists.snoozed.push(base); snoozedIds.add(s.tenantId); }
      continue;
    }
    if (aging.overdue) lists.overdue.push({ ...base, aging, dunning: dunningStage(aging.oldestDaysPastDue, settings.dunning) });
    if (budget.state in BUDGET_ORDER) lists.budget.push({ ...base, budget: budget as BudgetRow['budget'] });
    // An unknown customer (a name seen in the portal, nothing else) is never listed as high risk.
    if (LEVEL_SHOWN.has(risk.level) && isKnown(s)) lists.risk.push({ ...base, risk });
  }
  for (const a of alerts) {
    const base = byTenant.get(a.tenantId);
    if (a.isTest || !base || snoozedIds.has(a.tenantId)) continue;
    const clock = responseClock(a, now);
    if (!clock.open) continue;
    lists.alerts.push({ ...base, alert: a, response: clock.response, msLeft: clock.msLeft });
  }
  lists.overdue.sort((a, b) => compareOverdue(
    { name: a.name, oldestDaysPastDue: a.aging.oldestDaysPastDue, overdueByCurrency: a.aging.overdueByCurrency },
    { name: b.name, oldestDaysPastDue: b.aging.oldestDaysPastDue, overdueByCurrency: b.aging.overdueByCurrency },
  ));
  lists.budget.sort((a, b) =>
    BUDGET_ORDER[a.budget.state] - BUDGET_ORDER[b.budget.state] ||
    (b.budget.utilization ?? 0) - (a.budget.utilization ?? 0) ||
    a.name.localeCompare(b.name));
  lists.risk.sort((a, b) => b.risk.score - a.risk.score || a.name.localeCompare(b.name));
  lists.alerts.sort((a, b) => compareAlertUrgency(a, b) || a.name.localeCompare(b.name) || a.alert.id.localeCompare(b.alert.id));
  lists.snoozed.sort((a, b) => (a.snoozedUntil ?? '').localeCompare(b.snoozedUntil ?? '') || a.name.localeCompare(b.name));
  return lists;
}

/** Search by name, domain or tenant id, case-insensitively. */
export function matchesSearch(row: RowBase, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return row.name.toLowerCase().includes(q) || (row.domain ?? '').toLowerCase().includes(q) || row.tenantId.includes(q);
}

export interface AlertStats { resolved: number; averageMs?: number; slow: number }

/** Alerts resolved in the last 30 days: how many, the average time from detection to resolution, how many over 24 h. */
export function alertResponseStats(alerts: Alert[], now: string): AlertStats {
  const since = Date.parse(now) - 30 * 24 * 3600 * 1000;
  const times: number[] = [];
  for (const a of alerts) {
    if (a.isTest) continue;
    const resolvedAt = a.staff?.status === 'resolved' ? a.staff.at : a.status === 'resolved' ? a.resolvedAt : undefined;
    if (!resolvedAt || Date.parse(resolvedAt) < since) continue;
    times.push(Date.parse(resolvedAt) - Date.parse(a.detectedAt));
  }
  const slow = times.filter((ms) => ms > 24 * 3600 * 1000).length;
  return { resolved: times.length, ...(times.length ? { averageMs: times.reduce((s, x) => s + x, 0) / times.length } : {}), slow };
}

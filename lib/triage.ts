// The popup's triage lists from account summaries: overdue, budget, high risk, security alerts.
import { compareAlertUrgency, responseClock } from './alerts';
import { budgetState, type BudgetResult } from './budget';
import { agingOf, compareOverdue, dunningStage, type AgingResult, type DunningInfo } from './receivables';
import { score, type RiskResult } from './risk';
import type { AccountSummary, Alert, Settings, Triage, TriageReason, TriageV2 } from './schema';
import { isSnoozed, triageKey, type TriageIndex } from './attention';
import { isKnown } from './summary';
import { decisionView, type DecisionView } from './decisions';
import type { ReviewReason } from './verdicts';

/** The triage reason of one Microsoft alert (the schema's `alert:<id>` form). */
export const alertReason = (alertId: string): TriageReason => `alert:${alertId}`;

export interface RowBase {
  tenantId: string;
  name: string;
  domain?: string;
  /** What this row is for: acknowledging or snoozing it leaves the customer's other rows as they are. */
  reason: TriageReason;
  acknowledged: boolean;
  snoozedUntil?: string;
}
export interface OverdueRow extends RowBase { aging: AgingResult; dunning: DunningInfo; decision?: DecisionView }
export interface BudgetRow extends RowBase { budget: BudgetResult & { state: 'breached' | 'approaching' | 'forecast' }; decision?: DecisionView }
/** A customer needing a decision: no verdict at medium or above, a verdict changed since, or a review date passed. */
export interface ReviewRow extends RowBase { risk: RiskResult; why: ReviewReason; decision: DecisionView; /** Score points since the verdict (0 without one). */ rise: number }
export interface RiskRow extends RowBase { risk: RiskResult }
export interface AlertRow extends RowBase { alert: Alert; response: 'due' | 'overdue'; msLeft: number }
export interface SnoozedRow extends RowBase { alert?: Alert }

export interface TriageLists {
  overdue: OverdueRow[];
  budget: BudgetRow[];
  risk: RiskRow[];
  alerts: AlertRow[];
  review: ReviewRow[];
  /** Rows of any list snoozed until a later date, each for its own reason (an alert's row carries the alert). */
  snoozed: SnoozedRow[];
  /** How many customers have a spending budget set, of how many (the partner security score's measure). */
  budgetCoverage: { withBudget: number; total: number };
}

const BUDGET_ORDER = { breached: 0, approaching: 1, forecast: 2 } as const;
const LEVEL_SHOWN = new Set(['high', 'critical']);

/** What one customer's rows show, and which of the customers' lists it belongs in: the one rule for both. */
function listsOf(s: AccountSummary, settings: Settings, today: string, now: string) {
  const aging = agingOf(s.facts.openInvoices, today);
  const budget = budgetState(s.facts.spending, settings, today);
  const risk = score(s.customer, s.facts, settings, today, now);
  const decision = decisionView(s.customer, s.facts, risk, aging, dunningStage(aging.oldestDaysPastDue, settings.dunning), budget, settings, today, isKnown(s));
  // An unknown customer (a name seen in the portal, nothing else) is never listed as high risk.
  return { aging, budget, risk, decision, listed: { overdue: aging.overdue, budget: budget.state in BUDGET_ORDER, risk: LEVEL_SHOWN.has(risk.level) && isKnown(s) } };
}

/**
 * Every reason a customer has a row for in the popup (snoozed or not): its lists, and each open alert (the
 * summary's open alerts are those the alerts list shows: not a test, not resolved). The toolbar badge keeps
 * these per customer and works them out again only for customers whose records changed.
 */
export function reasonsOf(s: AccountSummary, settings: Settings, today: string, now: string): TriageReason[] {
  const { listed } = listsOf(s, settings, today, now);
  const reasons = (['overdue', 'budget', 'risk'] as const).filter((r) => listed[r]) as TriageReason[];
  for (const a of s.facts.alerts) if (a.open) reasons.push(alertReason(a.id));
  return reasons;
}

export function buildTriage(
  summaries: AccountSummary[],
  alerts: Alert[],
  triage: TriageIndex,
  settings: Settings,
  today: string,
  now: string,
): TriageLists {
  const lists: TriageLists = { overdue: [], budget: [], risk: [], alerts: [], review: [], snoozed: [], budgetCoverage: { withBudget: 0, total: 0 } };
  const byTenant = new Map<string, Pick<RowBase, 'tenantId' | 'name' | 'domain'>>();
  /** The row of one reason, or undefined when that reason is snoozed (its row then goes to the Snoozed view). */
  const rowFor = (who: Pick<RowBase, 'tenantId' | 'name' | 'domain'>, reason: TriageReason, alert?: Alert): RowBase | undefined => {
    const t = triage.get(triageKey(who.tenantId, reason));
    const row: RowBase = { ...who, reason, acknowledged: !!t?.acknowledgedAt, ...(t?.snoozedUntil ? { snoozedUntil: t.snoozedUntil } : {}) };
    if (!isSnoozed(t, today)) return row;
    lists.snoozed.push(alert ? { ...row, alert } : row);
    return undefined;
  };
  for (const s of summaries) {
    const who = { tenantId: s.tenantId, name: s.customer.name, domain: s.customer.domain };
    byTenant.set(s.tenantId, who);
    const { aging, budget, risk, decision, listed } = listsOf(s, settings, today, now);
    // Coverage counts the customers with data: a name seen in the portal says nothing about its budget.
    if (isKnown(s)) lists.budgetCoverage.total++;
    if (s.facts.spending?.latest.budget) lists.budgetCoverage.withBudget++;
    let row: RowBase | undefined;
    if (listed.overdue && (row = rowFor(who, 'overdue'))) lists.overdue.push({ ...row, aging, dunning: decision.dunning, decision });
    if (listed.budget && (row = rowFor(who, 'budget'))) lists.budget.push({ ...row, budget: budget as BudgetRow['budget'], decision });
    if (listed.risk && (row = rowFor(who, 'risk'))) lists.risk.push({ ...row, risk });
    if (decision.review && (row = rowFor(who, 'review'))) lists.review.push({ ...row, risk, why: decision.review, decision, rise: decision.change?.rise ?? 0 });
  }
  for (const a of alerts) {
    const who = byTenant.get(a.tenantId);
    if (a.isTest || !who) continue;
    const clock = responseClock(a, now);
    if (!clock.open) continue;
    const row = rowFor(who, alertReason(a.id), a);
    if (row) lists.alerts.push({ ...row, alert: a, response: clock.response, msLeft: clock.msLeft });
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
  // How much the score rose since the verdict, then the score.
  lists.review.sort((a, b) => b.rise - a.rise || b.risk.score - a.risk.score || a.name.localeCompare(b.name));
  lists.alerts.sort((a, b) => compareAlertUrgency(a, b) || a.name.localeCompare(b.name) || a.alert.id.localeCompare(b.alert.id));
  lists.snoozed.sort((a, b) => (a.snoozedUntil ?? '').localeCompare(b.snoozedUntil ?? '') || a.name.localeCompare(b.name));
  return lists;
}

/** The lists whose rows had acknowledge and snooze buttons before schema version 3 (alert rows had none). */
const OLD_TAB_REASONS: TriageReason[] = ['overdue', 'budget', 'risk'];

/**
 * Records of schema versions 1–2 (an upgrade, or an old backup restored) as today's. Such a record belongs
 * to the tab it was made in (DECISIONS), but it never said which. It is kept for every reason the customer
 * is listed for today among the tabs that had the buttons, which is where staff saw it take effect; for a
 * customer listed in none of them, for each of those tabs, so nothing a person decided is dropped. Alerts
 * are left out: their rows had no such buttons, so no old record was made for one.
 */
export function triageFromV2(old: TriageV2[], summaries: AccountSummary[], alerts: Alert[], settings: Settings, today: string, now: string): Triage[] {
  const lists = buildTriage(summaries, alerts, new Map(), settings, today, now);
  const listed = new Map<string, TriageReason[]>();
  for (const reason of OLD_TAB_REASONS) {
    for (const row of lists[reason as 'overdue' | 'budget' | 'risk']) listed.set(row.tenantId, [...(listed.get(row.tenantId) ?? []), reason]);
  }
  return old.flatMap((t) => (listed.get(t.tenantId) ?? OLD_TAB_REASONS).map((reason) => ({ ...t, reason })));
}

/** Search by name, domain or tenant id, case-insensitively. */
export function matchesSearch(row: RowBase, query: string): boolean {
  return searchFilter(query)(row);
}

/** Each row's name, domain and tenant id, lower-cased once: a keystroke over 30,000 rows lower-cases only the query. */
const searchText = new WeakMap<RowBase, string>();

/** The search as a filter for a whole list: the query is read once, each row's text once per row. */
export function searchFilter(query: string): (row: RowBase) => boolean {
  const q = query.trim().toLowerCase();
  if (!q) return () => true;
  return (row) => {
    let text = searchText.get(row);
    if (text === undefined) {
      // A newline between the fields: a query (one line of a search field) never matches across two of them.
      text = `${row.name}\n${row.domain ?? ''}\n${row.tenantId}`.toLowerCase();
      searchText.set(row, text);
    }
    return text.includes(q);
  };
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

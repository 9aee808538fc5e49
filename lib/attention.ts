// Who needs attention now: the rule behind the toolbar badge's count.
import { agingOf } from './receivables';
import { budgetState } from './budget';
import type { AccountSummary, Settings, Triage } from './schema';

export function isSnoozed(t: Triage | undefined, today: string): boolean {
  return !!t?.snoozedUntil && t.snoozedUntil > today;
}

/** A customer counts when overdue, over its budget, or with an unresolved Microsoft alert; snoozed ones don't. */
export function needsAttention(s: AccountSummary, settings: Settings, today: string): boolean {
  return (
    agingOf(s.facts.openInvoices, today).overdue ||
    budgetState(s.facts.spending, settings, today).state === 'breached' ||
    s.facts.alerts.some((a) => a.open)
  );
}

export function badgeCount(summaries: AccountSummary[], triage: Map<string, Triage>, settings: Settings, today: string): number {
  let n = 0;
  for (const s of summaries) if (!isSnoozed(triage.get(s.tenantId), today) && needsAttention(s, settings, today)) n++;
  return n;
}

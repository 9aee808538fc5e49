// Who needs attention now: the rule behind the toolbar badge's count, the same as the popup's lists.
import type { Triage, TriageReason } from './schema';
import type { TriageLists } from './triage';

export function isSnoozed(t: Triage | undefined, today: string): boolean {
  return !!t?.snoozedUntil && t.snoozedUntil > today;
}

/** Triage records by customer and reason: what one popup row looks up. */
export type TriageIndex = Map<string, Triage>;
export const triageKey = (tenantId: string, reason: TriageReason) => `${tenantId} ${reason}`;
export function indexTriage(records: Iterable<Triage>): TriageIndex {
  const m: TriageIndex = new Map();
  for (const t of records) m.set(triageKey(t.tenantId, t.reason), t);
  return m;
}

/**
 * The toolbar badge's number: customers with a row in the overdue, budget, high-risk or alerts list that is
 * neither acknowledged nor snoozed (snoozed rows are in no list but the Snoozed view). The lists decide who is
 * in them (levels, budget states, open alerts), so the badge and the popup's tabs always count the same thing.
 */
export function attentionCount(lists: Pick<TriageLists, 'overdue' | 'budget' | 'risk' | 'alerts'>): number {
  const ids = new Set<string>();
  for (const list of [lists.overdue, lists.budget, lists.risk, lists.alerts]) {
    for (const row of list) if (!row.acknowledged) ids.add(row.tenantId);
  }
  return ids.size;
}

/** The same count from each customer's reasons (lib/triage reasonsOf), as the background keeps them. */
export function attentionCountOf(reasons: Map<string, TriageReason[]>, triage: TriageIndex, today: string): number {
  let n = 0;
  for (const [tenantId, list] of reasons) {
    if (list.some((r) => { const t = triage.get(triageKey(tenantId, r)); return !t?.acknowledgedAt && !isSnoozed(t, today); })) n++;
  }
  return n;
}

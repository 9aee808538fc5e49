// Who needs attention now: the rule behind the toolbar badge's count, the same as the popup's lists.
import type { Triage, TriageReason } from './schema';
import type { TriageLists } from './triage';
import type { Translate } from './i18n';

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

/** The badge's number and what it is made of: customers per list (one customer may be in several). */
export interface AttentionBreakdown { total: number; overdue: number; budget: number; risk: number; alerts: number }

/** The same count from each customer's reasons (lib/triage reasonsOf), as the background keeps them. */
export function attentionCountOf(reasons: Map<string, TriageReason[]>, triage: TriageIndex, today: string): number {
  return attentionBreakdown(reasons, triage, today).total;
}

export function attentionBreakdown(reasons: Map<string, TriageReason[]>, triage: TriageIndex, today: string): AttentionBreakdown {
  const b: AttentionBreakdown = { total: 0, overdue: 0, budget: 0, risk: 0, alerts: 0 };
  for (const [tenantId, list] of reasons) {
    const open = list.filter((r) => { const t = triage.get(triageKey(tenantId, r)); return !t?.acknowledgedAt && !isSnoozed(t, today); });
    if (!open.length) continue;
    b.total++;
    if (open.includes('overdue')) b.overdue++;
    if (open.includes('budget')) b.budget++;
    if (open.includes('risk')) b.risk++;
    if (open.some((r) => r.startsWith('alert:'))) b.alerts++;
  }
  return b;
}

/** The toolbar button's tooltip: the number, then what it is made of ("3 overdue, 2 over or near budget"). */
export function attentionTitle(b: AttentionBreakdown, t: Translate): string {
  if (b.total === 0) return t('action_title_none');
  const parts = (['overdue', 'budget', 'risk', 'alerts'] as const)
    .filter((k) => b[k] > 0)
    .map((k) => t(b[k] === 1 ? `action_part_${k}_one` : `action_part_${k}`, b[k]));
  return b.total === 1 ? t('action_title_one', parts.join(', ')) : t('action_title', b.total, parts.join(', '));
}

// Promises to pay over time (live, kept, broken, partly paid) and the dunning they pause or resume.
import { addDays } from './dates';
import type { DunningInfo, OpenInvoice } from './receivables';
import type { DunningActionRecord, PromiseRecord, Settings } from './schema';

export type PromiseState = 'live' | 'kept' | 'broken' | 'partly-paid';
export interface PromiseStatus { state: PromiseState; /** Paid since the promise, in its currency's minor units. */ paid: number; left: number }

/** The invoices a promise covers are those open when it was made: what they lost of their balance since was paid. */
export function paidSince(p: Pick<PromiseRecord, 'invoices'>, open: OpenInvoice[]): number {
  const now = new Map(open.map((i) => [i.number, i.balance]));
  let paid = 0;
  for (const i of p.invoices) paid += Math.max(0, i.balance - (now.get(i.number) ?? 0));
  return paid;
}

/**
 * A promise is kept once its amount is paid; until its date passes unpaid it is live; after, broken (nothing
 * paid) or partly paid (some but not all: still a broken promise for dunning and the score).
 */
export function promiseStatus(p: Pick<PromiseRecord, 'invoices' | 'amount' | 'date'>, open: OpenInvoice[], today: string): PromiseStatus {
  const paid = paidSince(p, open);
  const left = Math.max(0, p.amount - paid);
  if (left === 0) return { state: 'kept', paid, left };
  if (today <= p.date) return { state: 'live', paid, left };
  return { state: paid > 0 ? 'partly-paid' : 'broken', paid, left };
}

export const isBroken = (s: PromiseState) => s === 'broken' || s === 'partly-paid';

export interface DunningShown extends DunningInfo { paused?: true; resumed?: true }

/** A live promise pauses dunning; a broken one resumes it at the next stage, due now. */
export function dunningWithPromise(info: DunningInfo, state: PromiseState | undefined): DunningShown {
  if (state === 'live') return { stage: info.stage, paused: true };
  if (state && isBroken(state) && info.next) return { ...info, daysUntilNext: 0, resumed: true };
  return info;
}

/**
 * The next dunning action's due date: the first policy stage (days after the oldest due date) that falls after
 * the last recorded action; none while a promise is live, after a suspension, or with nothing overdue.
 */
export function nextActionDue(oldestDueOn: string | undefined, last: Pick<DunningActionRecord, 'action' | 'on'> | undefined, policy: Settings['dunning'], promise?: PromiseState): string | undefined {
  if (!oldestDueOn || promise === 'live' || last?.action === 'suspended') return undefined;
  for (const day of [policy.first, policy.second, policy.final, policy.suspend]) {
    const due = addDays(oldestDueOn, day);
    if (!last || due > last.on) return due;
  }
  return undefined;
}

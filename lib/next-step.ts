// The panel's one most urgent thing to do for a customer, as data: the view words it and offers the control.
import { orderAlertsForResponse, responseClock } from './alerts';
import { checklistProgress, IDENTITY_ITEMS } from './checklist';
import type { PanelData } from './messages';

export type NextAction = 'answer-alert' | 'collect' | 'onboard' | 'review' | 'none';

/** What the decisions work feeds in: a verdict that changed since approval, or a periodic review that is due. */
export interface ReviewInput { verdictChanged?: boolean; reviewDue?: boolean }

export type NextStep =
  | { action: 'answer-alert'; values: { alertId: string; name: string; msLeft: number; overdue: boolean } }
  | { action: 'collect'; values: { days: number; stage: PanelData['dunning']['stage'] } }
  | { action: 'review'; values: { reason: 'verdict-changed' | 'review-due' } }
  | { action: 'onboard'; values: { items: string[]; kind: 'identity' | 'before-provisioning' } }
  | { action: 'none'; values: { known: boolean } };

type Input = Pick<PanelData, 'known' | 'alerts' | 'now' | 'aging' | 'dunning' | 'facts'>;

/**
 * Most urgent first: an open Microsoft alert (its 24-hour response window runs), an overdue balance (its dunning
 * stage says what to do), a review the decisions ask for, then the onboarding checks still missing (identity
 * checks first, as the score counts them; else the other checks due before provisioning).
 */
export function nextStep(data: Input, review: ReviewInput = {}): NextStep {
  const open = orderAlertsForResponse(data.alerts.filter((a) => !a.isTest), data.now).filter((a) => responseClock(a, data.now).open);
  if (open.length) {
    const a = open[0]!;
    const clock = responseClock(a, data.now);
    return { action: 'answer-alert', values: { alertId: a.id, name: a.name || a.type, msLeft: clock.msLeft, overdue: clock.response === 'overdue' } };
  }
  if (data.aging.overdue) return { action: 'collect', values: { days: data.aging.oldestDaysPastDue, stage: data.dunning.stage } };
  if (review.verdictChanged) return { action: 'review', values: { reason: 'verdict-changed' } };
  if (review.reviewDue) return { action: 'review', values: { reason: 'review-due' } };
  // An unknown customer (no imported record, no staff change) has no onboarding to finish yet: its notice says what to import.
  if (data.known) {
    const identity = IDENTITY_ITEMS.filter((id) => !data.facts.checklist[id]?.done);
    if (identity.length) return { action: 'onboard', values: { items: identity, kind: 'identity' } };
    const due = checklistProgress(data.facts.checklist).dueBeforeProvisioning;
    if (due.length) return { action: 'onboard', values: { items: due, kind: 'before-provisioning' } };
  }
  return { action: 'none', values: { known: data.known } };
}

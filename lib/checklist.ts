// The onboarding checklist of Microsoft's guidance "Non-payment, fraud, or misuse": a fixed catalogue by phase.
import type { RiskFacts } from './schema';

export type Phase = 'onboarding' | 'account' | 'billing';
export const PHASES: readonly Phase[] = ['onboarding', 'account', 'billing'];

export interface ChecklistItem {
  id: string;
  phase: Phase;
  /** Message keys of the label and of the guidance it comes from (en and fr in public/_locales). */
  labelKey: string;
  guidanceKey: string;
  /** Due before any service is provisioned to the customer. */
  beforeProvisioning: boolean;
  /** Recurring: the tick records the date of the last time it was done. */
  recurring?: boolean;
}

const item = (id: string, phase: Phase, beforeProvisioning: boolean, recurring = false): ChecklistItem => {
  const key = id.replace(/-/g, '_');
  return { id, phase, labelKey: `checklist_item_${key}`, guidanceKey: `checklist_guidance_${key}`, beforeProvisioning, ...(recurring ? { recurring } : {}) };
};

export const CHECKLIST: readonly ChecklistItem[] = [
  item('phone-contact', 'onboarding', true),
  item('background-check', 'onboarding', true),
  item('sms-verification', 'onboarding', true),
  item('digital-identity', 'onboarding', true),
  item('card-fraud-check', 'onboarding', true),
  item('collections-policy', 'onboarding', true),
  item('usage-thresholds', 'account', false),
  item('spending-budget', 'account', false),
  item('activity-log-review', 'account', false, true),
  item('admin-access-controls', 'account', true),
  item('microsoft-notices', 'account', false),
  item('prepayment', 'billing', true),
  item('payment-instrument', 'billing', true),
  item('dunning', 'billing', false),
];

export const CHECKLIST_IDS: ReadonlySet<string> = new Set(CHECKLIST.map((i) => i.id));

/** The checks of identity, credentials and card that the risk score counts when unticked. */
export const IDENTITY_ITEMS = ['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check'] as const;

export interface Progress { done: number; total: number }
export interface ChecklistProgress {
  overall: Progress;
  byPhase: Record<Phase, Progress>;
  /** Ids of the items due before provisioning that are not done yet, in catalogue order. */
  dueBeforeProvisioning: string[];
  complete: boolean;
}

export function checklistProgress(state: RiskFacts['checklist']): ChecklistProgress {
  const byPhase = { onboarding: { done: 0, total: 0 }, account: { done: 0, total: 0 }, billing: { done: 0, total: 0 } };
  const overall = { done: 0, total: 0 };
  const due: string[] = [];
  for (const i of CHECKLIST) {
    const done = !!state[i.id]?.done;
    byPhase[i.phase].total++;
    overall.total++;
    if (done) {
      byPhase[i.phase].done++;
      overall.done++;
    } else if (i.beforeProvisioning) due.push(i.id);
  }
  return { overall, byPhase, dueBeforeProvisioning: due, complete: overall.done === overall.total };
}

// The one most urgent thing to do for this customer (lib/next-step), in words, with a control that goes to it.
import type { Translate } from '@/lib/i18n';
import type { NextStep as Step } from '@/lib/next-step';
import { formatDuration } from './format';
import type { SectionId } from './Fold';

/** Where each step's control goes: the section to unfold, and the control in it to focus. */
export function stepTarget(step: Step): { section: SectionId; find(root: ParentNode): HTMLElement | null | undefined; label: string } | undefined {
  switch (step.action) {
    case 'answer-alert':
      return {
        section: 'alerts', label: 'next_step_go_alert',
        find: (root) => [...root.querySelectorAll<HTMLElement>('[data-testid="panel-alert"]')]
          .find((el) => el.dataset.alertId === step.values.alertId)?.querySelector<HTMLElement>('input, button'),
      };
    case 'collect':
      return { section: 'account', label: 'next_step_go_receivables', find: (root) => root.querySelector<HTMLElement>('[data-testid="panel-receivables"]') };
    case 'onboard':
      return { section: 'checklist', label: 'next_step_go_checklist', find: (root) => root.querySelector<HTMLElement>(`#prl-item-${step.values.items[0]}`) };
    case 'review':
      return { section: 'review', label: 'next_step_go_review', find: (root) => root.querySelector<HTMLElement>('[data-testid="verdict-set"]') };
    default:
      return undefined;
  }
}

export function stepWords(step: Step, t: Translate): string {
  switch (step.action) {
    case 'answer-alert': {
      const left = formatDuration(step.values.msLeft, t);
      return step.values.overdue ? t('next_step_answer_alert_late', left) : t('next_step_answer_alert', left);
    }
    case 'collect': {
      if (step.values.stage === 'none') return t('next_step_collect_days', step.values.days);
      const stage = t(`dunning_${step.values.stage.replace(/-/g, '_')}`);
      return t('next_step_collect', step.values.days, stage.charAt(0).toLocaleLowerCase() + stage.slice(1));
    }
    case 'review':
      return t(step.values.reason === 'verdict-changed' ? 'next_step_review_verdict' : 'next_step_review_due');
    case 'onboard':
      return t(`${step.values.kind === 'identity' ? 'next_step_onboard_identity' : 'next_step_onboard_before'}${step.values.items.length === 1 ? '_one' : ''}`, step.values.items.length);
    default:
      return t(step.values.known ? 'next_step_none' : 'next_step_none_unknown');
  }
}

export function NextStep({ step, t, onGo, hasTarget }: { step: Step; t: Translate; onGo?(): void; hasTarget: boolean }) {
  const target = stepTarget(step);
  return (
    <p class={`next-step ${step.action}`} data-testid="panel-next-step" data-action={step.action}>
      <span class="visually-hidden">{t('next_step_label')}: </span>
      <span class="words">{stepWords(step, t)}</span>
      {target && hasTarget && onGo && (
        <button type="button" class="link small" data-testid="panel-next-step-go" onClick={onGo}>{t(target.label)}</button>
      )}
    </p>
  );
}

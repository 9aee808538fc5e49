// On a subscription's page: provisioned before the first payment, or the customer overdue past suspension.
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { Subscription } from '@/lib/schema';
import { formatDate } from './format';

export function SubscriptionWarnings({ data, subscriptionId, t, locale }: { data: PanelData; subscriptionId: string; t: Translate; locale: string }) {
  const wanted = subscriptionId.toLowerCase();
  const sub = data.subscriptions.find((s) => s.id.toLowerCase() === wanted);
  const firstPayment = data.customer?.firstPaymentOn;
  const warnings: string[] = [];
  // As the score counts it (lib/risk.ts): a pre-payment received means nothing was provisioned before payment.
  if (sub?.createdOn && data.customer?.prepaid !== true && (!firstPayment || sub.createdOn < firstPayment)) {
    warnings.push(t('sub_provisioned_before_payment'));
  }
  if (data.dunning.stage === 'suspension') warnings.push(t('sub_overdue_past_suspension', data.aging.oldestDaysPastDue));
  return (
    <section class="section sub" data-testid="subscription-warnings" aria-labelledby="prl-sub">
      <h3 id="prl-sub">{t('sub_title')} {sub?.offerName ? `— ${sub.offerName}` : ''}</h3>
      {!sub && <p class="muted small">{t('sub_unknown')}</p>}
      {sub && <SubscriptionTerms sub={sub} t={t} locale={locale} />}
      {warnings.length === 0 ? (
        <p class="muted small">{t('sub_no_warnings')}</p>
      ) : (
        <ul>{warnings.map((w) => <li key={w} class="warn" data-testid="subscription-warning">{w}</li>)}</ul>
      )}
      {warnings.length > 0 && (
        // Suspending is done on the subscription's own page in the portal: this is that page; point at its control.
        <p class="small">{t('sub_suspend_hint')}</p>
      )}
    </section>
  );
}

/** Quantity and terms, as imported: what a review of this subscription weighs. */
function SubscriptionTerms({ sub, t, locale }: { sub: Subscription; t: Translate; locale: string }) {
  const parts = [
    sub.quantity !== undefined && t('sub_quantity', sub.quantity),
    sub.billingCycle && t('sub_billing_cycle', sub.billingCycle),
    sub.termDuration && t('sub_term', sub.termDuration),
    sub.commitmentEndDate && t('sub_commitment_end', formatDate(sub.commitmentEndDate, locale)),
    sub.isTrial && t('sub_trial'),
    sub.autoRenewEnabled !== undefined && t(sub.autoRenewEnabled ? 'sub_auto_renew_on' : 'sub_auto_renew_off'),
  ].filter(Boolean);
  if (!parts.length) return null;
  return (
    <p class="small" data-testid="subscription-terms" data-quantity={sub.quantity} data-trial={sub.isTrial ? 'true' : undefined}>
      {parts.join(' · ')}
    </p>
  );
}

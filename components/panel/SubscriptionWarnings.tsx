// On a subscription's page: provisioned before the first payment, or the customer overdue past suspension.
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';

export function SubscriptionWarnings({ data, subscriptionId, t }: { data: PanelData; subscriptionId: string; t: Translate }) {
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

// A factor's evidence in words and numbers, in the UI's language ("95 days past due, 12,000.00 USD").
import type { Translate } from '@/lib/i18n';
import { formatAmounts, formatMinor } from '@/lib/money';
import type { Factor } from '@/lib/risk';
import { formatDate, microsoftValue } from './format';

const str = (v: unknown): string => (v === undefined ? '' : String(v));

export function describeFactor(f: Factor, t: Translate, locale: string, _now?: string): string {
  const d = f.data;
  const key = `factor_${f.id.replace(/[-+]/g, '_')}`;
  switch (f.id) {
    case 'overdue': {
      const amounts = d.amounts as Record<string, number>;
      return t(key, str(d.days), formatAmounts(amounts ?? {}, locale), str(d.invoices));
    }
    case 'unverified-identity': {
      const items = str(d.items).split(',').filter(Boolean).map((id) => t(`checklist_item_${id.replace(/-/g, '_')}`));
      return t(key, str(d.count), items.join(', '));
    }
    case 'high-risk-region':
      return t(d.list === 'black' ? 'factor_high_risk_region_black' : 'factor_high_risk_region_grey', str(d.country), formatDate(str(d.asOf), locale));
    case 'provisioned-before-payment':
      return d.firstPaymentOn
        ? t('factor_provisioned_before_payment_dated', formatDate(str(d.firstCreated), locale), formatDate(str(d.firstPaymentOn), locale))
        : t('factor_provisioned_before_payment_none', str(d.subscriptions));
    case 'fast-purchasing':
      return t(key, str(d.subscriptions), str(d.days), str(d.age));
    case 'abuse-flag': {
      const kinds = str(d.kinds).split(',').filter(Boolean).map((k) => t(`flag_kind_${k}`));
      return t(key, str(d.count), kinds.join(', '));
    }
    case 'microsoft-notice':
    case 'confirmed-fraud':
      return t(key, str(d.count));
    case 'microsoft-alert': {
      const what = d.severity ? t('factor_microsoft_alert_severity', str(d.name), str(d.type), microsoftValue('severity', str(d.severity), t)) : t('factor_microsoft_alert', str(d.name), str(d.type));
      return d.hoursOpen !== undefined ? `${what} ${t('factor_alert_open_for', str(d.hoursOpen))}` : what;
    }
    case 'spend-spike':
      // No spend at all in the earlier months: there is no ratio to give.
      return d.ratio ? t(key, str(d.ratio), str(d.factor)) : t('factor_spend_spike_from_zero', str(d.factor));
    case 'full-admin-unchecked':
      return t(key, str(d.done), str(d.total));
    case 'broken-promise':
      return t(key, formatDate(str(d.date), locale), formatMinor(Number(d.left), str(d.currency), locale));
    case 'activity-log-review':
      return d.last ? t('factor_activity_log_review_old', formatDate(str(d.last), locale), str(d.days), str(d.interval)) : t('factor_activity_log_review_never', str(d.interval));
    default:
      return t(key);
  }
}

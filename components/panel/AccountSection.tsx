// Receivables (overdue balance, aging, dunning stage) and the spending budget of one customer.
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { formatAmounts, formatMinor } from '@/lib/money';
import { formatDate, formatPercent } from './format';

const BUCKETS = ['current', '1-30', '31-60', '61-90', '91+'] as const;

export function AccountSection({ data, t, locale }: { data: PanelData; t: Translate; locale: string }) {
  const { aging, dunning, budget } = data;
  const money = (byCurrency: Record<string, number>) => formatAmounts(byCurrency, locale);
  return (
    <section class="section" aria-labelledby="prl-account">
      <h3 id="prl-account">{t('account_title')}</h3>
      <div data-testid="panel-receivables">
        {data.facts.openInvoices.length === 0 ? (
          <p class="muted">{t('receivables_none')}</p>
        ) : aging.overdue ? (
          <>
            <p class="warn" data-testid="panel-overdue">
              {t('receivables_overdue', money(aging.overdueByCurrency), aging.oldestDaysPastDue)}
            </p>
            <table class="aging">
              <caption class="visually-hidden">{t('receivables_aging')}</caption>
              <tbody>
                {BUCKETS.filter((b) => Object.keys(aging.buckets[b] ?? {}).length).map((b) => (
                  <tr key={b}><th scope="row">{t(`bucket_${b.replace(/[-+]/g, '_')}`)}</th><td>{money(aging.buckets[b])}</td></tr>
                ))}
              </tbody>
            </table>
            <p data-testid="panel-dunning">
              {t(`dunning_${dunning.stage.replace(/-/g, '_')}`)}
              {dunning.next && <span class="muted"> — {t('dunning_next', t(`dunning_${dunning.next.replace(/-/g, '_')}`), dunning.daysUntilNext ?? 0)}</span>}
            </p>
          </>
        ) : (
          <p>{t('receivables_open_not_due', money(aging.openByCurrency))}</p>
        )}
      </div>
      <div data-testid="panel-budget" data-state={budget.state}>
        <p>
          <strong>{t('budget_title')}: </strong>
          {t(`budget_state_${budget.state.replace(/-/g, '_')}`)}
          {budget.utilization !== undefined && <span> — {t('budget_utilization', formatPercent(budget.utilization, locale))}</span>}
        </p>
        {budget.latest && (
          <p class="small muted">
            {t('budget_detail', formatMinor(budget.latest.spendToDate, budget.latest.currency, locale),
              budget.latest.budget !== undefined ? formatMinor(budget.latest.budget, budget.latest.currency, locale) : '—',
              formatDate(budget.latest.asOf, locale))}
            {budget.projected !== undefined && <> · {t('budget_projected', formatMinor(budget.projected, budget.latest.currency, locale))}</>}
            {budget.tooEarly && <> · <span data-testid="budget-too-early">{t('budget_too_early')}</span></>}
          </p>
        )}
        {budget.latest && <BillingPeriod latest={budget.latest} t={t} locale={locale} />}
        {budget.spike && <p class="warn small" data-testid="budget-spike">{t('budget_spike')}</p>}
      </div>
    </section>
  );
}

/** The billing period the figure covers, as Microsoft's usage summary states it (absent from most CSV files). */
function BillingPeriod({ latest, t, locale }: { latest: NonNullable<PanelData['budget']['latest']>; t: Translate; locale: string }) {
  const { billingStartDate: start, billingEndDate: end } = latest;
  if (!start && !end) return null;
  const words = start && end ? t('budget_period', formatDate(start, locale), formatDate(end, locale))
    : start ? t('budget_period_from', formatDate(start, locale)) : t('budget_period_to', formatDate(end!, locale));
  return <p class="small muted" data-testid="budget-period">{words}</p>;
}

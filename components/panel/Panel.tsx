// The risk panel: score and factors, checklist, receivables and budget, alerts, facts and flags of one customer.
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { AccountSection } from './AccountSection';
import { AlertsSection } from './AlertsSection';
import { ChecklistSection } from './ChecklistSection';
import { FactsSection } from './FactsSection';
import { FlagsSection } from './FlagsSection';
import { PaymentSection } from './PaymentSection';
import { ScoreSection } from './ScoreSection';
import { VerdictSection } from './VerdictSection';
import { SubscriptionWarnings } from './SubscriptionWarnings';
import type { PanelActions } from './actions';
import { byPerson } from './trusted';

/** An action that failed: shown until staff retry it or dismiss it, whatever reloads meanwhile. */
export interface Failure { message: string; onRetry?(): void; onDismiss(): void }

export interface PanelProps {
  tenantId: string;
  data?: PanelData;
  t: Translate;
  locale: string;
  open: boolean;
  onToggle(): void;
  subscriptionId?: string;
  error?: string;
  failure?: Failure;
  actions: PanelActions;
}

export function Panel(p: PanelProps) {
  const { data, t } = p;
  // A customer with no imported record and no staff change has no score: "No data", in a neutral colour.
  const level = data && (data.known ? data.risk.level : 'unknown');
  return (
    <aside
      class={`panel ${p.open ? 'open' : 'closed'}`}
      data-testid="risk-panel"
      data-tenant-id={p.tenantId.toLowerCase()}
      data-level={level}
      aria-label={t('panel_title')}
    >
      <header class="head">
        <button type="button" class="toggle" aria-expanded={p.open} onClick={(e) => { if (byPerson(e)) p.onToggle(); }} data-testid="panel-toggle">
          <span aria-hidden="true">{p.open ? '⟩' : '⟨'}</span>
          <span class="title">{t('panel_title')}</span>
          {data && <span class={`pill ${level}`}>{data.known ? `${t(`level_${data.risk.level}`)} ${data.risk.score}` : t('level_unknown')}</span>}
          {data && <VerdictPill data={data} t={t} />}
        </button>
      </header>
      {p.open && (
        <div class="body">
          {p.failure && (
            <div class="error failure" role="alert" data-testid="panel-error">
              <span>{p.failure.message}</span>
              {p.failure.onRetry && <button type="button" data-testid="panel-error-retry" onClick={(e) => { if (byPerson(e)) p.failure!.onRetry!(); }}>{t('action_retry')}</button>}
              <button type="button" data-testid="panel-error-dismiss" onClick={(e) => { if (byPerson(e)) p.failure!.onDismiss(); }}>{t('action_dismiss')}</button>
            </div>
          )}
          {p.error && <p class="error" role="alert" data-testid="panel-error">{p.error}</p>}
          {!data && !p.error && <p class="muted">{t('loading')}</p>}
          {data && (
            <>
              <h2 class="customer">{data.customer?.name || t('customer_unnamed')}</h2>
              {!data.known && <p class="notice" data-testid="panel-unknown">{t('panel_unknown_customer')}</p>}
              {p.subscriptionId && <SubscriptionWarnings data={data} subscriptionId={p.subscriptionId} t={t} locale={p.locale} />}
              <ScoreSection data={data} t={t} locale={p.locale} />
              <VerdictSection data={data} t={t} locale={p.locale} actions={p.actions} />
              <ChecklistSection data={data} t={t} locale={p.locale} actions={p.actions} />
              <AccountSection data={data} t={t} locale={p.locale} />
              <PaymentSection data={data} t={t} locale={p.locale} actions={p.actions} />
              <AlertsSection data={data} t={t} locale={p.locale} actions={p.actions} />
              <FactsSection data={data} t={t} actions={p.actions} />
              <FlagsSection data={data} t={t} locale={p.locale} actions={p.actions} />
            </>
          )}
        </div>
      )}
    </aside>
  );
}

/** The verdict beside the level in the header: `none` until one is set; marked when the customer moved since. */
function VerdictPill({ data, t }: { data: NonNullable<PanelProps['data']>; t: PanelProps['t'] }) {
  const v = data.decision?.verdict;
  const changed = !!data.decision?.change?.changed;
  return (
    <span class={`pill verdict ${changed ? 'changed' : ''}`} data-testid="verdict" data-verdict={v?.verdict ?? 'none'} data-changed={changed ? 'true' : undefined}>
      {v ? (changed ? t('badge_verdict_changed', t(`verdict_${v.verdict}`)) : t(`verdict_${v.verdict}`)) : t('verdict_none_short')}
    </span>
  );
}

// One row of each triage list: the customer, the figures that make it urgent, and its actions.
import type { CSSProperties } from 'preact';
import { useState } from 'preact/hooks';
import { respondBy, snoozePassesResponse } from '@/lib/alerts';
import { localDate } from '@/lib/clock';
import type { Translate } from '@/lib/i18n';
import { addDays } from '@/lib/dates';
import { formatAmounts, formatMinor } from '@/lib/money';
import type { Alert, TriageReason } from '@/lib/schema';
import type { AlertRow, BudgetRow, OverdueRow, ReviewRow, RiskRow, RowBase, SnoozedRow } from '@/lib/triage';
import { isBroken } from '@/lib/promises';
import { thresholdKey } from '@/lib/thresholds';
import { formatDateTime, formatDuration, formatPercent, microsoftValue } from '../panel/format';
import { ConfirmStep } from '../ConfirmStep';

export interface RowActions {
  open(tenantId: string, newTab: boolean): void;
  /** Acknowledging or snoozing acts on one reason of the customer (the row's), never on its other rows. */
  acknowledge(tenantId: string, reason: TriageReason, on: boolean): void;
  snooze(tenantId: string, reason: TriageReason, until: string | null): void;
  /** The staff's own triage of a Microsoft alert: investigating, or resolved with Microsoft's reasons. */
  triageAlert(id: string, status: 'investigating' | 'resolved', reason?: 'legitimate' | 'ignore' | 'fraud'): void;
}

interface RowProps<R> { row: R; t: Translate; locale: string; actions: RowActions; style?: CSSProperties; today: string }

/** The customer's name as a link to its page in the portal: a click opens it here, a modifier click in a new tab. */
function NameLink({ row, actions }: { row: RowBase; actions: RowActions }) {
  return (
    <a
      href="#"
      class="name"
      onClick={(e) => {
        e.preventDefault();
        actions.open(row.tenantId, e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1);
      }}
      onAuxClick={(e) => {
        if (e.button === 1) { e.preventDefault(); actions.open(row.tenantId, true); }
      }}
    >
      {row.name || row.tenantId}
    </a>
  );
}

function Controls({ row, t, actions, today, locale, alert }: { row: RowBase; t: Translate; actions: RowActions; today: string; locale?: string; alert?: Alert }) {
  const earliest = addDays(today, 1);
  // An alert's snooze starts at the last date that still shows it when its response is due (or tomorrow).
  const dueDay = alert ? localDate(new Date(respondBy(alert))) : undefined;
  const [until, setUntil] = useState(dueDay ? (dueDay > earliest ? dueDay : earliest) : addDays(today, 7));
  const pastResponse = !!alert && !!until && snoozePassesResponse(alert, until);
  return (
    <span class="controls">
      <button type="button" data-testid="row-acknowledge" aria-pressed={row.acknowledged} onClick={() => actions.acknowledge(row.tenantId, row.reason, !row.acknowledged)}>
        {row.acknowledged ? t('popup_acknowledged') : t('popup_acknowledge')}
      </button>
      <label class="snooze">
        <span class="visually-hidden">{t('popup_snooze_until')}</span>
        <input type="date" data-testid="row-snooze-date" min={earliest} value={until} onInput={(e) => setUntil((e.target as HTMLInputElement).value)} />
        <button type="button" data-testid="row-snooze" onClick={(e) => {
          const input = (e.currentTarget.previousElementSibling as HTMLInputElement);
          if (input.value) actions.snooze(row.tenantId, row.reason, input.value);
        }}>{t('popup_snooze')}</button>
      </label>
      {pastResponse && (
        <span class="fig warn" role="status" data-testid="row-snooze-warning">{t('popup_snooze_past_response', formatDateTime(respondBy(alert!), locale ?? 'en'))}</span>
      )}
    </span>
  );
}

export function OverdueItem({ row, t, locale, actions, style, today }: RowProps<OverdueRow>) {
  const d = row.decision;
  const promise = d?.promise && (d.promise.status.state === 'live' ? 'live' : isBroken(d.promise.status.state) ? 'broken' : undefined);
  return (
    <li data-testid="overdue-row" data-tenant-id={row.tenantId} data-acknowledged={row.acknowledged ? 'true' : undefined} data-promise={promise} data-rating={d?.rating}
      data-next-action={d?.nextActionDue} style={style} class="row">
      <NameLink row={row} actions={actions} />
      <span class="fig warn">{t('popup_days_past_due', row.aging.oldestDaysPastDue)}</span>
      <span class="fig">{formatAmounts(row.aging.overdueByCurrency, locale)}</span>
      <span class="fig muted">{t(`bucket_${row.aging.bucket.replace(/[-+]/g, '_')}`)}</span>
      <span class="fig">{t(`dunning_${row.dunning.stage.replace(/-/g, '_')}`)}
        {row.dunning.next && <span class="muted"> → {t('dunning_next', t(`dunning_${row.dunning.next.replace(/-/g, '_')}`), row.dunning.daysUntilNext ?? 0)}</span>}
      </span>
      {promise === 'live' && <span class="fig" data-testid="row-promise">{t('row_promised_for', formatDay(d!.promise!.record.date, locale))}</span>}
      {promise === 'broken' && <span class="fig warn" data-testid="row-promise">{t('row_promise_broken', formatDay(d!.promise!.record.date, locale))}</span>}
      <span class="fig muted" data-testid="row-rating">{d?.rating ? t('row_payer_rating', d.rating) : t('row_payer_rating_none')}</span>
      {d?.nextActionDue && <span class="fig muted">{t('row_next_action_due', formatDay(d.nextActionDue, locale))}</span>}
      <Controls row={row} t={t} actions={actions} today={today} locale={locale} />
    </li>
  );
}

export function BudgetItem({ row, t, locale, actions, style, today }: RowProps<BudgetRow>) {
  const b = row.budget;
  const cur = b.latest!.currency;
  return (
    <li data-testid="budget-row" data-tenant-id={row.tenantId} data-state={b.state} data-acknowledged={row.acknowledged ? 'true' : undefined}
      data-threshold={row.decision?.threshold ? thresholdKey(row.decision.threshold) : undefined} style={style} class="row">
      <NameLink row={row} actions={actions} />
      {row.decision?.threshold && <span class="fig" data-testid="row-threshold">{t(`threshold_${row.decision.threshold.basis}`, row.decision.threshold.percent)}</span>}
      <span class={`fig ${b.state === 'breached' ? 'warn' : ''}`}>{t(`budget_state_${b.state.replace(/-/g, "_")}`)}</span>
      <span class="fig">{formatMinor(b.latest!.spendToDate, cur, locale)} / {b.latest!.budget !== undefined ? formatMinor(b.latest!.budget, cur, locale) : '—'}</span>
      {b.utilization !== undefined && <span class="fig">{formatPercent(b.utilization, locale)}</span>}
      {b.projected !== undefined && <span class="fig muted">{t('budget_projected', formatMinor(b.projected, cur, locale))}</span>}
      {b.tooEarly && <span class="fig muted" data-testid="budget-too-early">{t('budget_too_early')}</span>}
      {b.spike && <span class="fig warn" data-testid="budget-spike">{t('budget_spike_short')}</span>}
      <Controls row={row} t={t} actions={actions} today={today} locale={locale} />
    </li>
  );
}

export function RiskItem({ row, t, locale, actions, style, today }: RowProps<RiskRow>) {
  return (
    <li data-testid="risk-row" data-tenant-id={row.tenantId} data-level={row.risk.level} data-acknowledged={row.acknowledged ? 'true' : undefined} style={style} class="row">
      <NameLink row={row} actions={actions} />
      <span class={`fig pill ${row.risk.level}`}>{t(`level_${row.risk.level}`)} {row.risk.score}</span>
      <span class="fig muted">{row.risk.factors.slice(0, 3).map((f) => t(`factor_name_${f.id.replace(/-/g, '_')}`)).join(', ')}</span>
      <Controls row={row} t={t} actions={actions} today={today} locale={locale} />
    </li>
  );
}

export function ReviewItem({ row, t, locale, actions, style, today }: RowProps<ReviewRow>) {
  const v = row.decision.verdict;
  const why = row.why === 'no-verdict' ? t('review_why_no_verdict', t(`level_${row.risk.level}`))
    : row.why === 'changed' ? t('review_why_changed', t(`verdict_${v!.verdict}`), row.rise)
    : t('review_why_due', t(`verdict_${v!.verdict}`), formatDay(v!.reviewOn!, locale));
  return (
    <li data-testid="review-row" data-tenant-id={row.tenantId} data-reason={row.why} data-acknowledged={row.acknowledged ? 'true' : undefined} style={style} class="row">
      <NameLink row={row} actions={actions} />
      <span class={`fig pill ${row.risk.level}`}>{t(`level_${row.risk.level}`)} {row.risk.score}</span>
      <span class="fig" data-testid="review-why">{why}</span>
      <Controls row={row} t={t} actions={actions} today={today} locale={locale} />
    </li>
  );
}

/** One date formatter per language: `toLocaleDateString` builds a new one per call, slow over many rows. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function formatDay(d: string, locale: string): string {
  let f = dayFormats.get(locale);
  if (!f) { f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }); dayFormats.set(locale, f); }
  return f.format(new Date(`${d}T00:00:00Z`));
}

export function AlertItem({ row, t, locale, actions, style, today }: RowProps<AlertRow>) {
  const a = row.alert;
  // Every resolution leaves the lists for good: the one asked about waits for a yes.
  const [asking, setAsking] = useState<'legitimate' | 'ignore' | 'fraud' | null>(null);
  return (
    <li data-testid="alert-row" data-tenant-id={row.tenantId} data-alert-id={a.id} data-response={row.response} data-acknowledged={row.acknowledged ? 'true' : undefined} style={style} class="row">
      <NameLink row={row} actions={actions} />
      <span class="fig">{a.name || a.type} <span class="muted">({a.type})</span></span>
      {a.severity && <span class="fig">{t('alert_severity', microsoftValue('severity', a.severity, t))}</span>}
      <span class="fig muted">{t('alert_detected', formatDateTime(a.detectedAt, locale))}</span>
      <span class={`fig ${row.response === 'overdue' ? 'warn' : ''}`}>
        {row.response === 'overdue' ? t('alert_past_due', formatDuration(row.msLeft, t)) : t('alert_time_left', formatDuration(row.msLeft, t))}
      </span>
      {a.staff?.status === 'investigating' && <span class="fig muted">{t('alert_staff_investigating', a.staff.by || t('name_not_set'), formatDateTime(a.staff.at, locale))}</span>}
      <span class="controls">
        {a.staff?.status !== 'investigating' && (
          <button type="button" data-testid="alert-investigate" onClick={() => actions.triageAlert(a.id, 'investigating')}>{t('alert_mark_investigating')}</button>
        )}
        {(['legitimate', 'ignore', 'fraud'] as const).map((r) => (
          <button key={r} type="button" data-testid={`alert-resolve-${r}`} aria-expanded={asking === r}
            onClick={() => setAsking(r)}>{t('alert_resolve_as', t(`alert_reason_${r}`))}</button>
        ))}
      </span>
      {asking && (
        <ConfirmStep key={asking} testid={`alert-${asking}-confirm`} question={t(`alert_${asking}_confirm`)} yes={t(`alert_${asking}_confirm_yes`)} no={t('cancel')}
          onYes={() => { setAsking(null); actions.triageAlert(a.id, 'resolved', asking); }} onNo={() => setAsking(null)} />
      )}
      <Controls row={row} t={t} actions={actions} today={today} locale={locale} alert={a} />
    </li>
  );
}

/** What a snoozed row was for: its list, or the alert's name. */
function reasonLabel(row: SnoozedRow, t: Translate): string {
  if (row.alert) return `${t('tab_alerts')}: ${row.alert.name || row.alert.type}`;
  return t(`tab_${row.reason}`);
}

export function SnoozedItem({ row, t, locale, actions, style }: RowProps<SnoozedRow>) {
  return (
    <li data-testid="snoozed-row" data-tenant-id={row.tenantId} data-reason={row.reason} style={style} class="row">
      <NameLink row={row} actions={actions} />
      <span class="fig">{reasonLabel(row, t)}</span>
      <span class="fig muted">{t('popup_snoozed_until', row.snoozedUntil ? new Date(`${row.snoozedUntil}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' }) : '')}</span>
      {row.alert && row.snoozedUntil && snoozePassesResponse(row.alert, row.snoozedUntil) && (
        <span class="fig warn" data-testid="snoozed-past-response">{t('popup_snoozed_past_response', formatDateTime(respondBy(row.alert), locale))}</span>
      )}
      <button type="button" data-testid="row-unsnooze" onClick={() => actions.snooze(row.tenantId, row.reason, null)}>{t('popup_unsnooze')}</button>
    </li>
  );
}

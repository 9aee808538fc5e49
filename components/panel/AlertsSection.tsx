// Microsoft's security alerts on this customer: status, the 24-hour response clock, and the staff's triage.
import { useState } from 'preact/hooks';
import { orderAlertsForResponse, responseClock } from '@/lib/alerts';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { Alert } from '@/lib/schema';
import type { PanelActions } from './actions';
import { formatDateTime, formatDuration, microsoftValue } from './format';
import { byPerson, byPersonInput } from './trusted';
import { ConfirmStep } from '../ConfirmStep';

const RESOLUTIONS = ['legitimate', 'ignore', 'fraud'] as const;
type Resolution = (typeof RESOLUTIONS)[number];

export function AlertsSection({ data, t, locale, actions }: { data: PanelData; t: Translate; locale: string; actions: PanelActions }) {
  const alerts = orderAlertsForResponse(data.alerts.filter((a) => !a.isTest), data.now);
  if (!alerts.length) return null;
  return (
    <section class="section" aria-labelledby="prl-alerts" data-testid="panel-alerts">
      <h3 id="prl-alerts">{t('alerts_title')}</h3>
      <ul class="alerts">
        {alerts.map((a) => <AlertRow key={a.id} alert={a} now={data.now} t={t} locale={locale} actions={actions} />)}
      </ul>
    </section>
  );
}

function AlertRow({ alert, now, t, locale, actions }: { alert: Alert; now: string; t: Translate; locale: string; actions: PanelActions }) {
  const [note, setNote] = useState('');
  // Every resolution leaves the lists for good: the one asked about waits for a yes.
  const [asking, setAsking] = useState<Resolution | null>(null);
  const clock = responseClock(alert, now);
  const staff = alert.staff;
  return (
    <li data-testid="panel-alert" data-alert-id={alert.id} data-response={clock.open ? clock.response : 'resolved'}>
      <div><strong>{alert.name || alert.type}</strong> <span class="muted small">{alert.type}</span></div>
      <div class="small">
        {t('alert_status_microsoft', t(`alert_status_${alert.status}`))}
        {alert.severity && <> · {t('alert_severity', microsoftValue('severity', alert.severity, t))}</>}
        {' · '}{t('alert_detected', formatDateTime(alert.detectedAt, locale))}
      </div>
      {(alert.confidenceLevel || alert.lastObservedAt || alert.affectedResources) && (
        <div class="small" data-testid="alert-details" data-affected={alert.affectedResources?.length}>
          {[
            alert.confidenceLevel && t('alert_confidence', microsoftValue('confidence', alert.confidenceLevel, t)),
            alert.lastObservedAt && t('alert_last_observed', formatDateTime(alert.lastObservedAt, locale)),
            alert.affectedResources && t('alert_affected_resources', alert.affectedResources.length),
          ].filter(Boolean).join(' · ')}
        </div>
      )}
      {clock.open && (
        <div class={clock.response === 'overdue' ? 'warn small' : 'small'} data-testid="alert-clock">
          {clock.response === 'overdue'
            ? t('alert_past_due', formatDuration(clock.msLeft, t))
            : t('alert_time_left', formatDuration(clock.msLeft, t))}
        </div>
      )}
      {staff && (
        <div class="small" data-testid="alert-staff">
          {staff.status === 'resolved'
            ? t('alert_staff_resolved', t(`alert_reason_${staff.reason ?? 'legitimate'}`), staff.by || t('name_not_set'), formatDateTime(staff.at, locale))
            : t('alert_staff_investigating', staff.by || t('name_not_set'), formatDateTime(staff.at, locale))}
          {staff.note && <> — {staff.note}</>}
        </div>
      )}
      {staff?.status === 'resolved' && alert.status !== 'resolved' && (
        <div class="warn small" data-testid="alert-resolve-in-portal">{t('alert_resolve_in_portal')}</div>
      )}
      {staff?.status !== 'resolved' && (
        <div class="actions">
          <input aria-label={t('alert_note_label')} placeholder={t('alert_note_label')} value={note} maxLength={500} onInput={(e) => byPersonInput(e, note, setNote)} />
          {staff?.status !== 'investigating' && (
            <button type="button" onClick={(e) => { if (byPerson(e)) void actions.triageAlert(alert.id, 'investigating', undefined, note || undefined); }}>{t('alert_mark_investigating')}</button>
          )}
          {RESOLUTIONS.map((r) => (
            <button type="button" key={r} data-testid={`alert-resolve-${r}`} aria-expanded={asking === r}
              onClick={(e) => { if (byPerson(e)) setAsking(r); }}>
              {t('alert_resolve_as', t(`alert_reason_${r}`))}
            </button>
          ))}
        </div>
      )}
      {asking && staff?.status !== 'resolved' && (
        <ConfirmStep key={asking} testid={`alert-${asking}-confirm`} question={t(`alert_${asking}_confirm`)} yes={t(`alert_${asking}_confirm_yes`)} no={t('cancel')}
          onYes={(e) => { if (byPerson(e)) { setAsking(null); void actions.triageAlert(alert.id, 'resolved', asking, note || undefined); } }} onNo={() => setAsking(null)} />
      )}
    </li>
  );
}

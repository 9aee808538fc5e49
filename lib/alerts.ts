// Microsoft's 24-hour response window for security alerts, counted from detection (UTC).
import { alertStanding } from './summary';
import type { Alert } from './schema';
import { localDate } from './clock';

export const RESPONSE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ResponseClock {
  open: boolean;
  /** `due` while inside the window (exactly 24 h is still due), `overdue` after it. */
  response: 'due' | 'overdue';
  /** Time left in the window; negative once past due. */
  msLeft: number;
}

export function responseClock(a: Pick<Alert, 'detectedAt' | 'status' | 'staff' | 'resolvedReason' | 'isTest'>, now: string): ResponseClock {
  const msLeft = Date.parse(a.detectedAt) + RESPONSE_WINDOW_MS - Date.parse(now);
  return { open: alertStanding(a as Alert).open, response: msLeft >= 0 ? 'due' : 'overdue', msLeft };
}

/** When Microsoft expects the partner's response: 24 hours after detection. */
export function respondBy(a: Pick<Alert, 'detectedAt'>): string {
  return new Date(Date.parse(a.detectedAt) + RESPONSE_WINDOW_MS).toISOString();
}

/** Whether a snooze until `until` (a local date: the row is back that morning) still hides the alert when its response is due. */
export function snoozePassesResponse(a: Pick<Alert, 'detectedAt'>, until: string): boolean {
  return until > localDate(new Date(respondBy(a)));
}

/** Microsoft's severities, most severe first; any other value (or none) after them. */
export const SEVERITY_ORDER = ['high', 'medium', 'low', 'informational'] as const;

export function severityRank(severity: string | undefined): number {
  const i = SEVERITY_ORDER.indexOf((severity ?? '').trim().toLowerCase() as (typeof SEVERITY_ORDER)[number]);
  return i < 0 ? SEVERITY_ORDER.length : i;
}

/**
 * "Most severe first": least time left first (in whole minutes, as shown; an alert past its 24 hours has none
 * left), then severity (high, medium, low, informational), then the time it was observed, earliest first.
 */
export function compareAlertUrgency(
  a: { msLeft: number; alert: Pick<Alert, 'severity' | 'detectedAt'> },
  b: { msLeft: number; alert: Pick<Alert, 'severity' | 'detectedAt'> },
): number {
  const left = (x: { msLeft: number }) => Math.max(0, Math.floor(x.msLeft / 60_000));
  return left(a) - left(b) || severityRank(a.alert.severity) - severityRank(b.alert.severity) ||
    Date.parse(a.alert.detectedAt) - Date.parse(b.alert.detectedAt);
}

/**
 * One customer's alerts in the order of the popup's alerts tab: the open ones most severe first
 * (`compareAlertUrgency`), then the closed ones (no clock runs for them), latest detected first.
 */
export function orderAlertsForResponse<A extends Pick<Alert, 'id' | 'detectedAt' | 'status' | 'staff' | 'resolvedReason' | 'isTest' | 'severity'>>(alerts: A[], now: string): A[] {
  const rows = alerts.map((alert) => ({ alert, ...responseClock(alert, now) }));
  return rows.sort((a, b) =>
    Number(b.open) - Number(a.open) ||
    (a.open ? compareAlertUrgency(a, b) : Date.parse(b.alert.detectedAt) - Date.parse(a.alert.detectedAt)) ||
    a.alert.id.localeCompare(b.alert.id)).map((r) => r.alert);
}

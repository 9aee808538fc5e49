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

// Dates and times as staff read them, in the UI's language.
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(isoDate: string, locale: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : d.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** "5 h 20 min" style durations, for alert response windows. */
export function formatDuration(ms: number, t: (k: string, ...s: Array<string | number>) => string): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return t('duration_days_hours', days, hours);
  if (hours) return t('duration_hours_minutes', hours, mins);
  return t('duration_minutes', mins);
}

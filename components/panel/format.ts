import { formatMinor } from '@/lib/money';

/**
 * Builds the formatters the panel uses once, ahead of need: the first currency and date formatters of a page
 * load locale data (20–35 ms in Chromium), which would otherwise fall on the first panel's render.
 */
export function warmFormatting(locale: string): void {
  try {
    formatMinor(0, 'USD', locale);
    formatDate('2026-01-01', locale);
    formatDateTime('2026-01-01T00:00:00.000Z', locale);
  } catch { /* a locale the runtime refuses: the panel reports it when it renders */ }
}

// Dates and times as staff read them, in the UI's language. A formatter per locale and style, kept: building
// one (what toLocaleString with options does on every call) costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale, true).format(d);
}

export function formatDate(isoDate: string, locale: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : formatter(locale, false).format(d);
}

/** "5 h 20 min" style durations, for alert response windows. */
export function formatDuration(ms: number, t: (k: string, ...s: Array<string | number>) => string): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  // "6 h", not "6 h 0 min": a part that is zero is left out (but "0 min" for under a minute).
  if (days) return hours ? t('duration_days_hours', days, hours) : t('duration_days', days);
  if (hours) return mins ? t('duration_hours_minutes', hours, mins) : t('duration_hours', hours);
  return t('duration_minutes', mins);
}

const percents = new Map<string, Intl.NumberFormat>();
/** A ratio as a percentage in the UI's language, to one decimal: "81.3%" in English, "81,3 %" in French. */
export function formatPercent(ratio: number, locale: string): string {
  let f = percents.get(locale);
  if (!f) percents.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(ratio);
}

/**
 * One of Microsoft's raw values (an alert's severity or confidence, "High", "informational") in the UI's
 * language; a value Microsoft adds later, with no translation yet, is shown as it came.
 */
export function microsoftValue(kind: 'severity' | 'confidence', value: string, t: (k: string, ...s: Array<string | number>) => string): string {
  const key = `ms_${kind}_${value.trim().toLowerCase()}`;
  const said = /^[a-z_]+$/.test(key) ? t(key) : key;
  return said === key ? value : said;
}

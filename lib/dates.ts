// Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, free of time zones.
const DAY_MS = 86_400_000;

const utc = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

// Scoring thousands of customers asks for the same few dates again and again: remember their day numbers.
const cache = new Map<string, number>();
/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function dayNumber(date: string): number {
  let n = cache.get(date);
  if (n === undefined) {
    n = Math.round(utc(date) / DAY_MS);
    if (cache.size > 20_000) cache.clear();
    cache.set(date, n);
  }
  return n;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, n: number): string {
  return new Date(utc(date) + n * DAY_MS).toISOString().slice(0, 10);
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** 28–31, leap years included. */
export function daysInMonth(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "2026-11" of "2026-11-25". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `n` months before a "YYYY-MM" month. */
export function monthsBefore(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 - n;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 7);
}

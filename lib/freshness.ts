// How fresh the imported data is: receivables come only from imports, so they go stale unless re-imported.
import type { Meta } from './schema';

const DAY_MS = 86_400_000;
export const RECEIVABLES_STALE_DAYS = 7;

/** Whole days from an ISO time to `now` (milliseconds), never negative. */
export function daysSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
}

/** Days since the last invoices import when that is more than a week ago; undefined while fresh or never. */
export function staleReceivablesDays(lastImport: Meta['lastImport'] | undefined, now: number): number | undefined {
  const at = lastImport?.invoices;
  if (!at || now - Date.parse(at) <= RECEIVABLES_STALE_DAYS * DAY_MS) return undefined;
  return daysSince(at, now);
}

// The high-risk regions list (by default the FATF's two lists), and whether it is due for a review.
import { daysBetween } from './dates';
import type { Settings } from './schema';

/** The FATF updates its lists at its plenaries, three times a year: a list older than 5 months has missed one. */
export const REGIONS_REVIEW_DAYS = 150;

export function listIsStale(asOf: string, today: string): boolean {
  return daysBetween(asOf, today) > REGIONS_REVIEW_DAYS;
}

const sets = new WeakMap<Settings['regions'], { black: Set<string>; grey: Set<string> }>();

export function regionListOf(country: string | undefined, regions: Settings['regions']): 'black' | 'grey' | undefined {
  if (!country) return undefined;
  let s = sets.get(regions);
  if (!s) sets.set(regions, (s = { black: new Set(regions.black), grey: new Set(regions.grey) }));
  if (s.black.has(country)) return 'black';
  if (s.grey.has(country)) return 'grey';
  return undefined;
}

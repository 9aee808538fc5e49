// Every customer's badge in one message, for a customers list. Its own module, free of the message schemas
// (zod), because the content script decodes it: the schemas would double the script's size.
import type { Badge } from './messages';

/**
 * Every customer's badge, asked for when a customers list opens: with it the badges of the first rows go in
 * as the rows do, and the page lays its table out once instead of twice. A row per customer of the store,
 * `[tenantId, level, score, overdue 1|0, budget mark or '']` (two thirds of the size of Badge objects: the page
 * reads the whole message at once), and the badge of a customer the store does not have. null when the store
 * holds more than BADGE_TABLE_MAX customers: the page then asks for the rows it shows.
 */
export interface BadgeTable { rows: BadgeRow[]; unknown: Omit<Badge, 'tenantId' | 'known'> }
export type BadgeRow = [tenantId: string, level: Badge['level'], score: number, overdue: 0 | 1, budget: NonNullable<Badge['budget']> | ''];
export const BADGE_TABLE_MAX = 20_000;

export function badgeRow(b: Badge): BadgeRow {
  return [b.tenantId, b.level, b.score, b.overdue ? 1 : 0, b.budget ?? ''];
}
export function badgeOfRow([tenantId, level, score, overdue, budget]: BadgeRow): Badge {
  return budget ? { tenantId, level, score, overdue: overdue === 1, budget } : { tenantId, level, score, overdue: overdue === 1 };
}

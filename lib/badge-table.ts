// Every customer's badge in one message, for a customers list. Its own module, free of the message schemas
// (zod), because the content script reads it: the schemas would double the script's size.
import type { Badge } from './messages';
import type { BudgetThreshold } from './schema';
import { thresholdKey } from './thresholds';

/**
 * Every customer's badge, asked for when a customers list opens: with it the badges of the first rows go in
 * as the rows do, and the page lays its table out once instead of twice. Two strings rather than an object per
 * customer: the page deserializes the message in one go (10,000 customers as arrays cost 20–30 ms there, as
 * strings about 1 ms), and looks a customer up by binary search, with no map to build.
 * - `ids`: the store's tenant ids, lower case, 36 characters each, in ascending order, nothing between them;
 * - `looks`: 4 characters per id, in the same order: level (`l` `m` `h` `c`, or `u` for unknown: no data and
 *   no score, `u000`), score in base 36 on two characters, and a digit for the marks (1 overdue, + 2 × budget
 *   mark: 1 breached, 2 approaching, 3 forecast);
 * - `verdicts` (only when some customer has a verdict): 1 character per id, `-` for none, else the verdict's
 *   initial (`a` approved, `w` watch, `h` hold, `o` offboard), upper case when it changed since;
 * - `thresholds` (only when some customer crossed a budget threshold): the distinct highest thresholds crossed,
 *   as keys (`100-forecast`) joined by commas, then `|`, then 1 character per id: `-` for none, else the
 *   character of code 48 + the key's index (at most one key per customer, so far below the surrogates);
 * - `unknown`: the badge of a customer the store does not have.
 * null when the store holds more than BADGE_TABLE_MAX customers: the page then asks for the rows it shows.
 */
export interface BadgeTable { ids: string; looks: string; verdicts?: string; thresholds?: string; unknown: Omit<Badge, 'tenantId' | 'known'> }
export const BADGE_TABLE_MAX = 20_000;

const ID = 36;
const LOOK = 4;
const LEVELS = ['low', 'medium', 'high', 'critical', 'unknown'] as const;
const BUDGETS = [undefined, 'breached', 'approaching', 'forecast'] as const;
const VERDICT_MARKS = { a: 'approved', w: 'watch', h: 'hold', o: 'offboard' } as const;
const NO_THRESHOLD = '-';
const THRESHOLD_BASE = 48;

const thresholdOfKey = (key: string): BudgetThreshold => {
  const cut = key.lastIndexOf('-');
  return { percent: Number(key.slice(0, cut)), basis: key.slice(cut + 1) === 'forecast' ? 'forecast' : 'actual' };
};

/** The threshold of entry `at` of a table's `thresholds` (undefined for none); the keys are split once per table. */
const keysOf = new WeakMap<BadgeTable, { keys: BudgetThreshold[]; from: number }>();
function thresholdAt(table: BadgeTable, at: number): BudgetThreshold | undefined {
  const t = table.thresholds;
  if (!t) return undefined;
  let split = keysOf.get(table);
  if (!split) {
    const bar = t.indexOf('|');
    split = { keys: t.slice(0, bar).split(',').map(thresholdOfKey), from: bar + 1 };
    keysOf.set(table, split);
  }
  const c = t[split.from + at];
  return c === undefined || c === NO_THRESHOLD ? undefined : split.keys[c.charCodeAt(0) - THRESHOLD_BASE];
}

export function encodeBadgeTable(badges: Badge[], unknown: BadgeTable['unknown']): BadgeTable {
  const sorted = badges.filter((b) => b.tenantId.length === ID).sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
  let ids = '';
  let looks = '';
  let verdicts = '';
  let thresholds = '';
  const keys = new Map<string, number>();
  for (const b of sorted) {
    ids += b.tenantId.toLowerCase();
    verdicts += b.verdict ? (b.changed ? b.verdict[0].toUpperCase() : b.verdict[0]) : '-';
    if (b.threshold) {
      const key = thresholdKey(b.threshold);
      let i = keys.get(key);
      if (i === undefined) keys.set(key, (i = keys.size));
      thresholds += String.fromCharCode(THRESHOLD_BASE + i);
    } else thresholds += NO_THRESHOLD;
    if (b.level === 'unknown') { looks += 'u000'; continue; }
    const score = Math.max(0, Math.min(1295, Math.round(b.score ?? 0)));
    looks += b.level[0] + score.toString(36).padStart(2, '0') + String((b.overdue ? 1 : 0) + 2 * Math.max(0, BUDGETS.indexOf(b.budget)));
  }
  return {
    ids, looks, ...(/[a-z]/i.test(verdicts) ? { verdicts } : {}),
    ...(keys.size ? { thresholds: `${[...keys.keys()].join(',')}|${thresholds}` } : {}), unknown,
  };
}

/** The customer's badge from the table; undefined when the table has no such customer. */
export function badgeInTable(table: BadgeTable, tenantId: string): Badge | undefined {
  const id = tenantId.toLowerCase();
  let lo = 0;
  let hi = table.ids.length / ID - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = table.ids.slice(mid * ID, mid * ID + ID);
    if (at === id) {
      const look = table.looks.slice(mid * LOOK, mid * LOOK + LOOK);
      const level = LEVELS.find((l) => l[0] === look[0]) ?? 'unknown';
      const mark = table.verdicts?.[mid] ?? '-';
      const verdict = VERDICT_MARKS[mark.toLowerCase() as keyof typeof VERDICT_MARKS];
      const threshold = thresholdAt(table, mid);
      const decided = { ...(verdict ? { verdict, ...(mark !== mark.toLowerCase() ? { changed: true } : {}) } : {}), ...(threshold ? { threshold } : {}) };
      if (level === 'unknown') return { tenantId: id, level, overdue: false, ...decided };
      const marks = Number(look[3]);
      const budget = BUDGETS[marks >> 1];
      return budget ? { tenantId: id, level, score: parseInt(look.slice(1, 3), 36), overdue: (marks & 1) === 1, budget, ...decided } : { tenantId: id, level, score: parseInt(look.slice(1, 3), 36), overdue: (marks & 1) === 1, ...decided };
    }
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

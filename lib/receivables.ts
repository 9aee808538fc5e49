// Receivables: balances, overdue invoices, aging buckets and the dunning stage, per customer as of a date.
import { daysBetween } from './dates';
import { addTo, minorToNumber } from './money';
import type { Invoice, RiskFacts, Settings } from './schema';

export type Bucket = 'current' | '1-30' | '31-60' | '61-90' | '91+';
export const BUCKETS: readonly Bucket[] = ['current', '1-30', '31-60', '61-90', '91+'];

export type OpenInvoice = RiskFacts['openInvoices'][number];

export interface AgingResult {
  /** At least one invoice is past its due date with a balance left. */
  overdue: boolean;
  /** Days past due of the oldest overdue invoice; 0 when none is overdue. */
  oldestDaysPastDue: number;
  /** The bucket of the oldest overdue invoice ('current' when none). */
  bucket: Bucket;
  /** Balance per bucket and currency; every bucket present, empty when nothing is in it. */
  buckets: Record<Bucket, Record<string, number>>;
  overdueByCurrency: Record<string, number>;
  openByCurrency: Record<string, number>;
  overdueCount: number;
  openCount: number;
  oldestDueOn?: string;
}

export function invoiceBalance(i: Pick<Invoice, 'amount' | 'paid'>): number {
  return i.amount - i.paid;
}

/** The open invoices (balance left, not written off) an account summary keeps, oldest due first. */
export function openInvoiceFacts(invoices: Invoice[]): OpenInvoice[] {
  return invoices
    .filter((i) => invoiceBalance(i) > 0 && !i.writtenOff)
    .map((i) => ({ number: i.number, dueOn: i.dueOn, balance: invoiceBalance(i), currency: i.currency }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number));
}

export function bucketOf(daysPastDue: number): Bucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '91+';
}

/** An invoice is overdue from the day after its due date while a balance is left. */
export function agingOf(open: OpenInvoice[], today: string): AgingResult {
  const buckets = { current: {}, '1-30': {}, '31-60': {}, '61-90': {}, '91+': {} } as Record<Bucket, Record<string, number>>;
  const overdueByCurrency: Record<string, number> = {};
  const openByCurrency: Record<string, number> = {};
  let oldest = 0;
  let oldestDueOn: string | undefined;
  let overdueCount = 0;
  let openCount = 0;
  for (const i of open) {
    if (i.balance <= 0) continue;
    openCount++;
    addTo(openByCurrency, i.currency, i.balance);
    const days = daysBetween(i.dueOn, today);
    addTo(buckets[bucketOf(days)], i.currency, i.balance);
    if (days > 0) {
      overdueCount++;
      addTo(overdueByCurrency, i.currency, i.balance);
      if (days > oldest) {
        oldest = days;
        oldestDueOn = i.dueOn;
      }
    }
  }
  return {
    overdue: overdueCount > 0, oldestDaysPastDue: oldest, bucket: bucketOf(oldest), buckets,
    overdueByCurrency, openByCurrency, overdueCount, openCount, ...(oldestDueOn ? { oldestDueOn } : {}),
  };
}

export type DunningStage = 'none' | 'first-reminder' | 'second-reminder' | 'final-notice' | 'suspension';
export interface DunningInfo {
  stage: DunningStage;
  /** The stage that comes next and in how many days, while there is one. */
  next?: DunningStage;
  daysUntilNext?: number;
}

/** The dunning policy's stage at a number of days past due (defaults: 1, 15, 30, 45). */
export function dunningStage(daysPastDue: number, policy: Settings['dunning']): DunningInfo {
  const steps: Array<[DunningStage, number]> = [
    ['first-reminder', policy.first], ['second-reminder', policy.second], ['final-notice', policy.final], ['suspension', policy.suspend],
  ];
  let stage: DunningStage = 'none';
  for (const [s, day] of steps) if (daysPastDue >= day) stage = s;
  const upcoming = steps.find(([, day]) => daysPastDue < day);
  return upcoming ? { stage, next: upcoming[0], daysUntilNext: upcoming[1] - daysPastDue } : { stage };
}

export interface OverdueKey { name: string; oldestDaysPastDue: number; overdueByCurrency: Record<string, number> }

/** The overdue amounts as raw numbers added across currencies: a tie-breaker only, never shown. */
function rawAmount(byCurrency: Record<string, number>): number {
  // Added in currency-code order: floating-point sums depend on the order, and equal amounts must compare equal.
  let n = 0;
  for (const c of Object.keys(byCurrency).sort()) n += minorToNumber(byCurrency[c], c);
  return n;
}

/** Most severe first: oldest days past due, then the larger overdue amount, then name. */
export function compareOverdue(a: OverdueKey, b: OverdueKey): number {
  return b.oldestDaysPastDue - a.oldestDaysPastDue || rawAmount(b.overdueByCurrency) - rawAmount(a.overdueByCurrency) || a.name.localeCompare(b.name);
}

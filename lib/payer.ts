// Payer rating and expected payment dates from a customer's paid invoices (paid date minus due date, by amount).
import { addDays, daysBetween } from './dates';
import { minorToNumber } from './money';
import type { Invoice } from './schema';

export type PayerRating = 'A' | 'B' | 'C' | 'D';
export interface PayerHistory { /** Average days late, weighted by amount (negative: early). */ delayDays: number; paidCount: number; writtenOff: boolean }

/** The amount-weighted average delay of the invoices paid in full with a known date; undefined without any. */
export function payerHistory(invoices: Array<Pick<Invoice, 'dueOn' | 'paidOn' | 'amount' | 'paid' | 'currency' | 'writtenOff'>>): PayerHistory | undefined {
  let weighted = 0;
  let weight = 0;
  let count = 0;
  let writtenOff = false;
  for (const i of invoices) {
    // A written-off invoice was never paid, whatever its columns say (some systems show it settled by the write-off).
    if (i.writtenOff) { writtenOff = true; continue; }
    if (!i.paidOn || i.paid < i.amount || i.amount <= 0) continue;
    // Amounts of different currencies weigh as raw numbers: a weight only, never shown as a sum.
    const w = minorToNumber(i.amount, i.currency);
    weighted += daysBetween(i.dueOn, i.paidOn) * w;
    weight += w;
    count++;
  }
  if (!count) return writtenOff ? { delayDays: 0, paidCount: 0, writtenOff } : undefined;
  return { delayDays: weighted / weight, paidCount: count, writtenOff };
}

/** A ≤ 5 days late on average, B ≤ 30, C ≤ 60, D later or with an invoice written off; none without paid history. */
export function payerRating(h: PayerHistory | undefined): PayerRating | undefined {
  if (!h) return undefined;
  if (h.writtenOff) return 'D';
  if (h.delayDays <= 5) return 'A';
  if (h.delayDays <= 30) return 'B';
  if (h.delayDays <= 60) return 'C';
  return 'D';
}

/** An open invoice's expected payment date: its due date plus the customer's average delay (whole days, early counts). */
export function expectedPaymentDate(dueOn: string, h: PayerHistory | undefined): string | undefined {
  if (!h || !h.paidCount) return undefined;
  return addDays(dueOn, Math.round(h.delayDays));
}

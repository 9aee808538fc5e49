// Invoices are kept one record per customer (schema version 7): a book holds all of a customer's invoices,
// in invoice-number order. Chromium's IndexedDB spends most of a large import on the record count, not on the
// bytes: 100,000 invoice records took 18–30 s to write on this machine (with 0–2 indexes), the same invoices
// in 10,000 books 1.9 s. Every reader wanted a customer's invoices together anyway (summaries, closing).
import type { Invoice } from '../schema';
import type { PrlDb, Tx } from './open';

export interface InvoiceBook { tenantId: string; invoices: Invoice[] }

const byNumber = (a: Invoice, b: Invoice) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** A book of these invoices, in number order (as a read of the version 6 store by key gave them). */
export function bookOf(tenantId: string, invoices: Iterable<Invoice>): InvoiceBook {
  return { tenantId, invoices: [...invoices].sort(byNumber) };
}

/** Every invoice of these books, customer by customer, each in number order. */
export function flatten(books: InvoiceBook[]): Invoice[] {
  const out: Invoice[] = [];
  for (const b of books) for (const i of b.invoices) out.push(i);
  return out;
}

/** Invoices in any order, by customer (each customer's in the order given). */
export function byTenant(invoices: Invoice[]): Map<string, Invoice[]> {
  const by = new Map<string, Invoice[]>();
  for (const i of invoices) {
    const list = by.get(i.tenantId);
    if (list) list.push(i);
    else by.set(i.tenantId, [i]);
  }
  return by;
}

/** Books for invoices in any order: one per customer. */
export function booksFrom(invoices: Invoice[]): InvoiceBook[] {
  return [...byTenant(invoices)].map(([t, list]) => bookOf(t, list));
}

/** Every invoice the store holds (backups, tests). */
export async function allInvoices(db: PrlDb): Promise<Invoice[]> {
  return flatten(await db.getAll('invoiceBooks'));
}

/** How many invoices the store holds. */
export async function countInvoices(db: PrlDb): Promise<number> {
  let n = 0;
  for (const b of await db.getAll('invoiceBooks')) n += b.invoices.length;
  return n;
}

/** One customer's invoices in a transaction that has the books. */
export async function invoicesOf(tx: Tx, tenantId: string): Promise<Invoice[]> {
  return (await tx.objectStore('invoiceBooks').get(tenantId))?.invoices ?? [];
}

// Keeps the account-summary store in step: rebuilt inside the same transaction as the write that changed it.
import { buildFacts, knownFrom, summaryOf, type CustomerRecords } from '../summary';
import type { Invoice } from '../schema';
import type { PrlSchema, StoreName, Tx } from './open';
import { eachPage, type PagedStore } from './pages';
import { invoicesOf } from './books';

// Tenants per step: each step is one task of the page that imports; 200 keeps it well under 50 ms.
const CHUNK = 200;

/** Every store a summary is built from, plus the summaries: a write that rebuilds needs all of them. */
export const SUMMARY_INPUTS = ['customers', 'invoiceBooks', 'checklist', 'flags', 'subscriptions', 'spending', 'alerts', 'decisions', 'summaries'] as const satisfies StoreName[];

/**
 * Every invoice the store holds for some customers, known to the writer that just wrote them (a large import of
 * customers that had none): their summaries are built from these, without reading 100,000 invoices back.
 */
export type KnownInvoices = Map<string, Invoice[]>;

/**
 * Rebuilds the summaries of the given tenants. Requests are issued together (not awaited one by one) so
 * IndexedDB pipelines them; nothing unrelated is awaited, so the transaction stays alive.
 */
export async function rebuildSummaries(tx: Tx, tenantIds: Iterable<string>, written?: KnownInvoices): Promise<void> {
  const ids = [...new Set(tenantIds)];
  if (ids.length > BULK_FROM) return rebuildMany(tx, ids, written);
  for (let i = 0; i < ids.length; i += CHUNK) await Promise.all(ids.slice(i, i + CHUNK).map((id) => rebuildOne(tx, id)));
}

/** Past this many tenants, reading each input store once beats six index reads per tenant. */
const BULK_FROM = 300;

async function rebuildMany(tx: Tx, ids: string[], written?: KnownInvoices): Promise<void> {
  const wanted = new Set(ids);
  const group = <R extends { tenantId: string }>(rows: R[]) => {
    const m = new Map<string, R[]>();
    for (const r of rows) {
      if (!wanted.has(r.tenantId)) continue;
      const list = m.get(r.tenantId);
      if (list) list.push(r);
      else m.set(r.tenantId, [r]);
    }
    return m;
  };
  // The small stores are read whole; invoices (the big one) a customer's book at a time, CHUNK tenants at a time,
  // so no single read hands the page 100,000 invoices to deserialize in one task.
  const [customers, checklist, flags, subscriptions, spending, alerts, decisions] = await Promise.all([
    allOf(tx, 'customers'), allOf(tx, 'checklist'), allOf(tx, 'flags'), allOf(tx, 'subscriptions'), allOf(tx, 'spending'), allOf(tx, 'alerts'), allOf(tx, 'decisions'),
  ]);
  const by = { invoices: new Map<string, PrlSchema['invoices']['value'][]>(), checklist: group(checklist), flags: group(flags), subscriptions: group(subscriptions), spending: group(spending), alerts: group(alerts), decisions: group(decisions) };
  const known = new Map(customers.map((c) => [c.tenantId, c]));
  const summaries = tx.objectStore('summaries');
  // In chunks: building 10,000 summaries in one go would hold the page in one long task.
  const books = tx.objectStore('invoiceBooks');
  for (let i = 0; i < ids.length; i += CHUNK) {
    const slice = ids.slice(i, i + CHUNK);
    const lists = await Promise.all(slice.map((id) => written?.get(id) ?? books.get(id).then((b) => b?.invoices ?? [])));
    by.invoices.clear(); // only this chunk's invoices are held
    slice.forEach((id, j) => by.invoices.set(id, lists[j]));
    const writes: Promise<unknown>[] = [];
    for (const id of slice) {
      const customer = known.get(id);
      if (!customer) { writes.push(summaries.delete(id)); continue; }
      const records: CustomerRecords = {
        invoices: by.invoices.get(id) ?? [], checklist: by.checklist.get(id) ?? [], flags: by.flags.get(id) ?? [],
        subscriptions: by.subscriptions.get(id) ?? [], spending: by.spending.get(id) ?? [], alerts: by.alerts.get(id) ?? [],
        decisions: by.decisions.get(id) ?? [],
      };
      writes.push(summaries.put(summaryOf(customer, buildFacts(records), knownFrom(customer, records))));
    }
    await Promise.all(writes);
  }
}

/** A whole store, 5,000 records at a time (10,000 in one read made one long task of the page). */
async function allOf<S extends 'customers' | 'checklist' | 'flags' | 'subscriptions' | 'spending' | 'alerts' | 'decisions'>(tx: Tx, name: S): Promise<PrlSchema[S]['value'][]> {
  const out: PrlSchema[S]['value'][] = [];
  await eachPage(tx.objectStore(name) as unknown as PagedStore<PrlSchema[S]['value']>, 5_000, true, (_, values) => { for (const v of values) out.push(v); });
  return out;
}

async function rebuildOne(tx: Tx, tenantId: string): Promise<void> {
  const byTenant = <S extends 'checklist' | 'flags' | 'subscriptions' | 'spending' | 'alerts' | 'decisions'>(s: S) =>
    tx.objectStore(s).index('by-tenant').getAll(tenantId as never) as Promise<PrlSchema[S]['value'][]>;
  const [customer, invoices, checklist, flags, subscriptions, spending, alerts, decisions] = await Promise.all([
    tx.objectStore('customers').get(tenantId),
    invoicesOf(tx, tenantId),
    byTenant('checklist'),
    byTenant('flags'),
    byTenant('subscriptions'),
    byTenant('spending'),
    byTenant('alerts'),
    byTenant('decisions'),
  ]);
  const summaries = tx.objectStore('summaries');
  if (!customer) {
    await summaries.delete(tenantId);
    return;
  }
  const records: CustomerRecords = { invoices, checklist, flags, subscriptions, spending, alerts, decisions };
  await summaries.put(summaryOf(customer, buildFacts(records), knownFrom(customer, records)));
}

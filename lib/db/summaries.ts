// Keeps the account-summary store in step: rebuilt inside the same transaction as the write that changed it.
import { buildFacts, summaryOf, type CustomerRecords } from '../summary';
import type { PrlSchema, StoreName, Tx } from './open';

/** Every store a summary is built from, plus the summaries: a write that rebuilds needs all of them. */
export const SUMMARY_INPUTS = ['customers', 'invoices', 'checklist', 'flags', 'subscriptions', 'spending', 'alerts', 'summaries'] as const satisfies StoreName[];

/**
 * Rebuilds the summaries of the given tenants. Requests are issued together (not awaited one by one) so
 * IndexedDB pipelines them; nothing unrelated is awaited, so the transaction stays alive.
 */
export async function rebuildSummaries(tx: Tx, tenantIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(tenantIds)];
  if (ids.length > BULK_FROM) return rebuildMany(tx, ids);
  for (let i = 0; i < ids.length; i += 500) await Promise.all(ids.slice(i, i + 500).map((id) => rebuildOne(tx, id)));
}

/** Past this many tenants, reading each input store once beats six index reads per tenant. */
const BULK_FROM = 300;

async function rebuildMany(tx: Tx, ids: string[]): Promise<void> {
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
  // The small stores are read whole; invoices (the big one) per tenant by key range, 500 tenants at a time,
  // so no single read hands the page 100,000 records to deserialize in one task.
  const [customers, checklist, flags, subscriptions, spending, alerts] = await Promise.all([
    tx.objectStore('customers').getAll(),
    tx.objectStore('checklist').getAll(),
    tx.objectStore('flags').getAll(),
    tx.objectStore('subscriptions').getAll(),
    tx.objectStore('spending').getAll(),
    tx.objectStore('alerts').getAll(),
  ]);
  const by = { invoices: new Map<string, PrlSchema['invoices']['value'][]>(), checklist: group(checklist), flags: group(flags), subscriptions: group(subscriptions), spending: group(spending), alerts: group(alerts) };
  const known = new Map(customers.map((c) => [c.tenantId, c]));
  const summaries = tx.objectStore('summaries');
  // In chunks: building 10,000 summaries in one go would hold the page in one long task.
  const invoiceStore = tx.objectStore('invoices');
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const lists = await Promise.all(slice.map((id) => invoiceStore.getAll(IDBKeyRange.bound([id], [id, []]))));
    slice.forEach((id, j) => by.invoices.set(id, lists[j]));
    const writes: Promise<unknown>[] = [];
    for (const id of slice) {
      const customer = known.get(id);
      if (!customer) { writes.push(summaries.delete(id)); continue; }
      const records: CustomerRecords = {
        invoices: by.invoices.get(id) ?? [], checklist: by.checklist.get(id) ?? [], flags: by.flags.get(id) ?? [],
        subscriptions: by.subscriptions.get(id) ?? [], spending: by.spending.get(id) ?? [], alerts: by.alerts.get(id) ?? [],
      };
      writes.push(summaries.put(summaryOf(customer, buildFacts(records))));
    }
    await Promise.all(writes);
  }
}

async function rebuildOne(tx: Tx, tenantId: string): Promise<void> {
  const byTenant = <S extends 'invoices' | 'checklist' | 'flags' | 'subscriptions' | 'spending' | 'alerts'>(s: S) =>
    tx.objectStore(s).index('by-tenant').getAll(tenantId as never) as Promise<PrlSchema[S]['value'][]>;
  const [customer, invoices, checklist, flags, subscriptions, spending, alerts] = await Promise.all([
    tx.objectStore('customers').get(tenantId),
    byTenant('invoices'),
    byTenant('checklist'),
    byTenant('flags'),
    byTenant('subscriptions'),
    byTenant('spending'),
    byTenant('alerts'),
  ]);
  const summaries = tx.objectStore('summaries');
  if (!customer) {
    await summaries.delete(tenantId);
    return;
  }
  const records: CustomerRecords = { invoices, checklist, flags, subscriptions, spending, alerts };
  await summaries.put(summaryOf(customer, buildFacts(records)));
}

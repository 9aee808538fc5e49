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
  await Promise.all(ids.map((id) => rebuildOne(tx, id)));
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

// Reads for the panel, the badges and the popup: summaries by key or index, never a scan of invoices.
import type { AccountSummary, Alert, ChecklistChange, ChecklistEntry, Flag, Subscription, Triage } from '../schema';
import type { PrlDb } from './open';

export interface CustomerDetail {
  summary?: AccountSummary;
  checklist: ChecklistEntry[];
  history: ChecklistChange[];
  flags: Flag[];
  alerts: Alert[];
  subscriptions: Subscription[];
  triage?: Triage;
}

const HISTORY_SHOWN = 50;

export async function readCustomerDetail(db: PrlDb, tenantId: string): Promise<CustomerDetail> {
  const tx = db.transaction(['summaries', 'checklist', 'checklistHistory', 'flags', 'alerts', 'subscriptions', 'triage']);
  const [summary, checklist, history, flags, alerts, subscriptions, triage] = await Promise.all([
    tx.objectStore('summaries').get(tenantId),
    tx.objectStore('checklist').index('by-tenant').getAll(tenantId),
    tx.objectStore('checklistHistory').index('by-tenant').getAll(tenantId),
    tx.objectStore('flags').index('by-tenant').getAll(tenantId),
    tx.objectStore('alerts').index('by-tenant').getAll(tenantId),
    tx.objectStore('subscriptions').index('by-tenant').getAll(tenantId),
    tx.objectStore('triage').get(tenantId),
  ]);
  return { summary, checklist, history: history.slice(-HISTORY_SHOWN), flags, alerts, subscriptions, triage };
}

export async function readSummaries(db: PrlDb, tenantIds: string[]): Promise<Map<string, AccountSummary>> {
  const tx = db.transaction('summaries');
  const store = tx.objectStore('summaries');
  const found = await Promise.all([...new Set(tenantIds)].map((id) => store.get(id)));
  return new Map(found.filter((s): s is AccountSummary => !!s).map((s) => [s.tenantId, s]));
}

export async function readAllSummaries(db: PrlDb): Promise<AccountSummary[]> {
  return db.getAll('summaries');
}

/** Customers with open invoices, spending or counting alerts, through the attention index. */
export async function readAttentionSummaries(db: PrlDb): Promise<AccountSummary[]> {
  return db.getAllFromIndex('summaries', 'by-attention', 1);
}

export async function readTriage(db: PrlDb): Promise<Map<string, Triage>> {
  return new Map((await db.getAll('triage')).map((t) => [t.tenantId, t]));
}

export async function readAlerts(db: PrlDb): Promise<Alert[]> {
  return db.getAll('alerts');
}

export async function countCustomers(db: PrlDb): Promise<number> {
  return db.count('customers');
}

/**
 * The summaries of customers whose oldest open invoice was due before `today`, oldest first, through the
 * index: the popup's first rows without reading every summary. Reads at most `limit` rows; among customers
 * with the same oldest due date the order by amount and name is exact only once the whole list is loaded,
 * which the popup does right after. `total` counts them all.
 */
export async function readOverdueHead(db: PrlDb, today: string, limit: number): Promise<{ head: AccountSummary[]; total: number }> {
  const tx = db.transaction('summaries');
  const index = tx.objectStore('summaries').index('by-oldest-due');
  const range = IDBKeyRange.upperBound(today, true);
  // One getAll with a count, not a cursor: a round trip per row would cost more than the rows.
  const [head, total] = await Promise.all([index.getAll(range, limit), index.count(range)]);
  return { head, total };
}

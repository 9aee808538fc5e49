// Reads for the panel, the badges and the popup: summaries by key or index, never a scan of invoices.
import type { AccountSummary, Alert, Customer, ChecklistChange, ChecklistEntry, Decision, Flag, Subscription, Triage } from '../schema';
import { indexTriage, type TriageIndex } from '../attention';
import type { AuditInput, AuditRecord } from '../audit';
import type { PrlDb } from './open';
import { eachPage, type PagedStore } from './pages';

export interface CustomerDetail {
  summary?: AccountSummary;
  checklist: ChecklistEntry[];
  history: ChecklistChange[];
  flags: Flag[];
  alerts: Alert[];
  subscriptions: Subscription[];
  /** One record per reason the staff acknowledged or snoozed (always read; optional for views built without a store). */
  triage?: Triage[];
  /** The customer's staff decisions (verdicts, promises, dunning actions), oldest first (optional for views built without a store). */
  decisions?: Decision[];
}

const HISTORY_SHOWN = 50;

export async function readCustomerDetail(db: PrlDb, tenantId: string): Promise<CustomerDetail> {
  const tx = db.transaction(['summaries', 'checklist', 'checklistHistory', 'flags', 'alerts', 'subscriptions', 'triage', 'decisions']);
  const [summary, checklist, history, flags, alerts, subscriptions, triage, decisions] = await Promise.all([
    tx.objectStore('summaries').get(tenantId),
    tx.objectStore('checklist').index('by-tenant').getAll(tenantId),
    tx.objectStore('checklistHistory').index('by-tenant').getAll(tenantId),
    tx.objectStore('flags').index('by-tenant').getAll(tenantId),
    tx.objectStore('alerts').index('by-tenant').getAll(tenantId),
    tx.objectStore('subscriptions').index('by-tenant').getAll(tenantId),
    tx.objectStore('triage').index('by-tenant').getAll(tenantId),
    tx.objectStore('decisions').index('by-tenant').getAll(tenantId),
  ]);
  decisions.sort((a, b) => a.at.localeCompare(b.at) || a.member.localeCompare(b.member) || a._id.localeCompare(b._id));
  return { summary, checklist, history: history.slice(-HISTORY_SHOWN), flags, alerts, subscriptions, triage, decisions };
}

export async function readSummaries(db: PrlDb, tenantIds: string[]): Promise<Map<string, AccountSummary>> {
  const tx = db.transaction('summaries');
  const store = tx.objectStore('summaries');
  const found = await Promise.all([...new Set(tenantIds)].map((id) => store.get(id)));
  return new Map(found.filter((s): s is AccountSummary => !!s).map((s) => [s.tenantId, s]));
}

/**
 * Every summary, a page at a time: one read of 10,000 summaries (with their open invoices) holds every other request
 * of the extension's origin for seconds, such as the team's exchange sharing an import and the import page's reload.
 */
export async function readAllSummaries(db: PrlDb): Promise<AccountSummary[]> {
  const out: AccountSummary[] = [];
  await eachPage(db.transaction('summaries').store as unknown as PagedStore<AccountSummary>, SUMMARY_PAGE, true, (_, page) => { for (const s of page) out.push(s); });
  return out;
}
const SUMMARY_PAGE = 2_000;

/** Customers with open invoices, spending or counting alerts, through the attention index. */
export async function readAttentionSummaries(db: PrlDb): Promise<AccountSummary[]> {
  return db.getAllFromIndex('summaries', 'by-attention', 1);
}

export async function readTriage(db: PrlDb): Promise<TriageIndex> {
  return indexTriage(await db.getAll('triage'));
}

/** Everything staff did that an audit lists: decisions, checklist changes, triage and the alerts' staff status. */
export async function readAuditRecords(db: PrlDb): Promise<AuditInput> {
  const tx = db.transaction(['decisions', 'checklistHistory', 'triage', 'alerts', 'customers', 'teamRecords']);
  // Every triage and alert status change as its add-only team record (this browser's and the team's): the triage
  // and alert stores keep only the latest.
  const byItem = tx.objectStore('teamRecords').index('by-item');
  const [decisions, history, triage, alerts, customers, triageRecords, alertRecords] = await Promise.all([
    tx.objectStore('decisions').getAll(), tx.objectStore('checklistHistory').getAll(), tx.objectStore('triage').getAll(),
    tx.objectStore('alerts').getAll(), tx.objectStore('customers').getAll(),
    byItem.getAll(IDBKeyRange.bound('triage ', 'triage \uffff')), byItem.getAll(IDBKeyRange.bound('alert ', 'alert \uffff')),
  ]);
  const records = [...triageRecords, ...alertRecords].map((s) => s.record).filter((r): r is AuditRecord => r.kind === 'triage' || r.kind === 'alert-status');
  const triaged = new Set(records.map((r) => (r.kind === 'alert-status' ? r.alertId : '')));
  return { decisions, history, triage, alerts: alerts.filter((a) => a.staff || triaged.has(a.id)), records, names: new Map(customers.map((c) => [c.tenantId, c.name])) };
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
 * which the popup does right after. No count: IndexedDB counts by walking the index (10,000 overdue
 * customers: about 100 ms in Chromium), longer than the rows themselves.
 */
export async function readOverdueHead(db: PrlDb, today: string, limit: number): Promise<AccountSummary[]> {
  return db.getAllFromIndex('summaries', 'by-oldest-due', IDBKeyRange.upperBound(today, true), limit);
}

/** Domain (lower case) → tenant id of every customer with a domain, read 2,000 customers at a time: 10,000
 * customers handed over in one read make a long task of the page that imports. */
export async function readCustomerDomains(db: PrlDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const store = db.transaction('customers').store as unknown as PagedStore<Customer>;
  await eachPage(store, 2000, true, (_, customers) => { for (const c of customers) if (c.domain) out.set(c.domain.toLowerCase(), c.tenantId); });
  return out;
}

/**
 * How many customers the store holds, counted up to `max` only (a full count walks every key). A key cursor that
 * steps `max - 1` keys ahead answers "at least `max`" without handing any key over (reading 2,001 keys took
 * ~10 times as long); only a smaller store is then counted, and it is small.
 */
export async function countCustomersUpTo(db: PrlDb, max: number): Promise<number> {
  if (max <= 0) return 0;
  const store = db.transaction('customers').store;
  let cursor = await store.openKeyCursor();
  if (!cursor) return 0;
  if (max > 1) cursor = await cursor.advance(max - 1);
  return cursor ? max : store.count();
}

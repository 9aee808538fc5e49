// Commits a whole import (every previewed file) in one transaction: upserts by key, all or nothing.
import { codeLine, WordedError, wording } from '../wording';
import { DATA_KINDS, type DataKind } from '../import/kinds';
import type { ImportBatch } from '../import/types';
import { Customer as CustomerSchema, type AccountSummary, type Alert, type Customer, type Invoice, type Spending, type Subscription } from '../schema';
import { eachPage, type PagedStore } from './pages';
import { bookOf, byTenant, flatten } from './books';
import type { PrlDb, Tx } from './open';
import { foldArrivals } from './team';
import { metaFrom, writeAndSummarize } from './writes';

export type { ImportBatch } from '../import/types';

export interface Counts { added: number; updated: number; unchanged: number }
export type ImportOutcome = Partial<Record<DataKind, Counts>> & { closed: number };

const zero = (): Counts => ({ added: 0, updated: 0, unchanged: 0 });

/** Same record, whatever the key order (records read back from IndexedDB may order keys differently). */
export function sameRecord(a: object, b: object, ignore: string[] = []): boolean {
  const ka = Object.keys(a).filter((k) => !ignore.includes(k) && (a as never)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => !ignore.includes(k) && (b as never)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => JSON.stringify((a as never)[k]) === JSON.stringify((b as never)[k]));
}

/** An import that cannot be written: its wording names why (lib/wording). */
export class ImportCommitError extends WordedError {}

// Records per step: each step is one task of the page that imports (500 made tasks of 50–100 ms).
const CHUNK = 200;
const keyString = (k: IDBValidKey): string => (Array.isArray(k) ? k.map(String).join('\u0000') : String(k));

/**
 * Writes a batch of records of one store, counting what was new, changed and already there. Requests go out
 * in chunks (100,000 at once would hold the page in one long task), and a large batch first reads which keys
 * exist with one getAllKeys, so new records cost a put and no get.
 */
async function upsert<T extends object>(
  tx: Tx,
  store: 'customers' | 'spending' | 'subscriptions' | 'alerts',
  records: T[],
  key: (r: T) => IDBValidKey,
  merge: (incoming: T, existing: T | undefined) => T,
  ignore: string[],
  touched: Set<string>,
): Promise<Counts> {
  const os = tx.objectStore(store) as unknown as PagedStore<T> & { get(k: IDBValidKey): Promise<T | undefined>; put(v: T): Promise<unknown> };
  const counts = zero();
  const present = records.length > 2000 ? await keysOf(os) : undefined;
  await inChunks(records, CHUNK, async (r) => {
    const k = key(r);
    const existing = present && !present.has(keyString(k)) ? undefined : await os.get(k);
    const next = merge(r, existing);
    if (existing && sameRecord(existing, next, ignore)) { counts.unchanged++; return; }
    counts[existing ? 'updated' : 'added']++;
    touched.add((next as { tenantId: string }).tenantId);
    await os.put(next);
  });
  return counts;
}

/** Chunks of writes handed to IndexedDB before the oldest is awaited. */
const IN_FLIGHT = 3;

/**
 * Runs `work` on every item, `size` items per step, a few steps in flight: the store works on one step while the next
 * is handed over (awaiting each step before sending the next left IndexedDB idle between them).
 */
async function inChunks<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const inFlight: Array<Promise<unknown>> = [];
  for (let i = 0; i < items.length; i += size) {
    const chunk = Promise.all(items.slice(i, i + size).map(work));
    chunk.catch(() => undefined); // a failure is thrown where the chunk is awaited (the transaction aborts)
    inFlight.push(chunk);
    if (inFlight.length > IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

/**
 * Writes invoices into their customers' books (lib/db/books.ts), counting each invoice as `upsert` counts records:
 * a book is read only when the store has one for that customer, and written only when one of its invoices changed.
 * Customers that had no book get all they have now in `whole`, which their summaries are built from.
 */
async function upsertInvoices(
  tx: Tx, invoices: Invoice[], merge: (incoming: Invoice, existing: Invoice | undefined) => Invoice, touched: Set<string>, whole: Map<string, Invoice[]>,
): Promise<Counts> {
  const os = tx.objectStore('invoiceBooks');
  const counts = zero();
  const incoming = byTenant(invoices);
  const present = incoming.size > 200 ? await keysOf(os as unknown as PagedStore<unknown>) : undefined;
  await inChunks([...incoming], BOOKS_PER_STEP, async ([tenantId, list]) => {
    const book = present && !present.has(tenantId) ? undefined : await os.get(tenantId);
    const byNumber = new Map((book?.invoices ?? []).map((inv) => [inv.number, inv]));
    let changed = false;
    for (const r of list) {
      const existing = byNumber.get(r.number);
      const next = merge(r, existing);
      if (existing && sameRecord(existing, next)) { counts.unchanged++; continue; }
      counts[existing ? 'updated' : 'added']++;
      byNumber.set(r.number, next);
      changed = true;
    }
    if (!changed) return;
    touched.add(tenantId);
    const next = bookOf(tenantId, byNumber.values());
    if (!book) whole.set(tenantId, next.invoices);
    await os.put(next);
  });
  return counts;
}

/** Customers' books per step (about 1,000 invoices at ten a customer: one short task of the page). */
const BOOKS_PER_STEP = 100;

/** Imported customer fields win; facts staff set by hand survive an export that does not carry them. */
function mergeCustomer(incoming: Customer, existing: Customer | undefined): Customer {
  if (!existing) return incoming;
  const merged: Customer = { ...existing };
  for (const [k, v] of Object.entries(incoming)) if (v !== undefined && v !== '') (merged as Record<string, unknown>)[k] = v;
  if (!incoming.name && existing.name) merged.name = existing.name;
  // A customer only seen in the portal becomes one the files know: that change of origin is kept.
  const fromPortalOnly = existing.origin === 'portal' && incoming.origin !== undefined && incoming.origin !== 'portal';
  if (!fromPortalOnly && sameRecord(existing, merged, ['updatedAt', 'origin'])) return existing;
  return merged;
}

/** Every key of a store, 20,000 at a time (100,000 keys in one read made one long task). */
async function keysOf(os: PagedStore<unknown>): Promise<Set<string>> {
  const out = new Set<string>();
  await eachPage(os, 20_000, false, (keys) => { for (const k of keys) out.add(keyString(k)); });
  return out;
}

/** Merges that keep the record the store has: for a kind this store imported after the batch's data was. */
const keepExisting = <T>(incoming: T, existing: T | undefined): T => existing ?? incoming;

export function commitImport(db: PrlDb, batch: ImportBatch, now: string): Promise<ImportOutcome> {
  // Only customers and alerts can arrive with team records waiting for them: a receivables import does not hold the
  // team's records (the worker's exchanges and counts read them meanwhile).
  const arrivals = Boolean(batch.customers?.length || batch.alertCustomers?.length || batch.alerts?.length);
  return writeAndSummarize(db, arrivals ? ['meta', 'teamRecords'] : ['meta'], async (tx) => {
    const touched = new Set<string>();
    const outcome: ImportOutcome = { closed: 0 };
    const { lastImport } = metaFrom(await tx.objectStore('meta').get('meta'));
    const older = (kind: DataKind) => batch.importedAt?.[kind] !== undefined && (lastImport[kind] ?? '') > batch.importedAt[kind]!;
    const merge = <T>(kind: DataKind, normal: (incoming: T, existing: T | undefined) => T) => (older(kind) ? keepExisting : normal);
    const known = await keysOf(tx.objectStore('customers') as unknown as PagedStore<unknown>);
    const arrived = [...(batch.customers ?? []), ...(batch.alertCustomers ?? [])].map((c) => c.tenantId).filter((t) => !known.has(t));
    for (const c of batch.customers ?? []) known.add(c.tenantId);
    const unknown = [...(batch.invoices ?? []), ...(batch.spending ?? []), ...(batch.subscriptions ?? [])].find((r) => !known.has(r.tenantId));
    if (unknown) throw new ImportCommitError(codeLine(wording('import_tenant_unknown', unknown.tenantId)), wording('import_tenant_unknown', unknown.tenantId));

    if (batch.customers?.length) {
      // A customer only seen in the portal here is no newer import: the older data makes it a known one.
      const olderCustomer = (c: Customer, old: Customer | undefined) => (old && old.origin !== 'portal' ? old : mergeCustomer(c, old));
      outcome.customers = await upsert(tx, 'customers', batch.customers, (c) => c.tenantId, older('customers') ? olderCustomer : mergeCustomer, ['updatedAt'], touched);
    }
    const alertCustomers = (batch.alertCustomers ?? []).filter((c) => !known.has(c.tenantId));
    if (alertCustomers.length) {
      const fresh = alertCustomers.map((c) => CustomerSchema.parse({ tenantId: c.tenantId, name: c.name, origin: 'alert', updatedAt: now }));
      const counts = await upsert(tx, 'customers', fresh, (c) => c.tenantId, mergeCustomer, ['updatedAt', 'origin'], touched);
      outcome.customers = addCounts(outcome.customers, counts);
    }
    const newInvoices = new Map<string, Invoice[]>();
    if (batch.invoices?.length) {
      outcome.invoices = await upsertInvoices(tx, batch.invoices, merge('invoices', (i: Invoice) => i), touched, newInvoices);
    }
    if (batch.invoicesAreSnapshot && batch.invoices) outcome.closed = await closeMissing(tx, batch.invoices, touched);
    if (batch.spending?.length) {
      outcome.spending = await upsert(tx, 'spending', batch.spending, (s) => [s.tenantId, s.asOf], merge('spending', (s: Spending) => s), [], touched);
    }
    if (batch.subscriptions?.length) {
      outcome.subscriptions = await upsert(tx, 'subscriptions', batch.subscriptions, (s) => s.id, merge('subscriptions', (s: Subscription, old) => (old && sameRecord(old, s, ['seenAt']) ? old : s)), ['seenAt'], touched);
    }
    if (batch.alerts?.length) {
      // Microsoft's fields come from the newer file; the staff's own triage record is never erased.
      outcome.alerts = await upsert(tx, 'alerts', batch.alerts, (a) => a.id, merge('alerts', (a: Alert, old) => (old?.staff ? { ...a, staff: old.staff } : a)), [], touched);
    }
    // The team's facts and alert statuses for customers and alerts this store did not know until now.
    if (arrivals) for (const t of await foldArrivals(tx, { tenants: arrived, alerts: (batch.alerts ?? []).map((a) => a.id) })) touched.add(t);
    await stampImports(tx, batch, now);
    // Customers whose invoices all came with this batch (their books, in number order): not read back.
    return { result: outcome, tenants: touched, invoices: newInvoices };
  });
}

function addCounts(a: Counts | undefined, b: Counts): Counts {
  return a ? { added: a.added + b.added, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged } : b;
}

/**
 * The open invoices in the store that a full list of open invoices does not name. They are found through the
 * summaries that list open invoices (the `by-oldest-due` index holds exactly those), not by scanning invoices.
 */
function missingFromList(summaries: AccountSummary[], listed: Array<Pick<Invoice, 'tenantId' | 'number'>>): Array<[string, string]> {
  const inFile = new Set(listed.map((i) => `${i.tenantId}\u0000${i.number}`));
  return summaries.flatMap((s) =>
    s.facts.openInvoices.filter((o) => !inFile.has(`${s.tenantId}\u0000${o.number}`)).map((o) => [s.tenantId, o.number] as [string, string]),
  );
}

async function closeMissing(tx: Tx, listed: Invoice[], touched: Set<string>): Promise<number> {
  const missing = missingFromList(await tx.objectStore('summaries').index('by-oldest-due').getAll(), listed);
  const books = tx.objectStore('invoiceBooks');
  const byTenant = new Map<string, Set<string>>();
  for (const [t, n] of missing) byTenant.set(t, (byTenant.get(t) ?? new Set()).add(n));
  await Promise.all(
    [...byTenant].map(async ([tenantId, numbers]) => {
      const book = await books.get(tenantId);
      if (!book) return;
      const invoices = book.invoices.map((inv) => {
        if (!numbers.has(inv.number)) return inv;
        const { paidOn: _unknown, ...rest } = inv;
        return { ...rest, paid: inv.amount };
      });
      await books.put({ tenantId, invoices });
      touched.add(tenantId);
    }),
  );
  return missing.length;
}

async function stampImports(tx: Tx, batch: ImportBatch, now: string): Promise<void> {
  const metaStore = tx.objectStore('meta');
  const meta = metaFrom(await metaStore.get('meta'));
  for (const kind of DATA_KINDS) {
    if (!batch[kind]?.length) continue;
    const at = batch.importedAt?.[kind] ?? now;
    if (!batch.importedAt?.[kind] || (meta.lastImport[kind] ?? '') < at) meta.lastImport[kind] = at;
  }
  await metaStore.put(meta, 'meta');
}

/** How many open invoices in the store an invoices snapshot would close (those missing from the file). */
export async function countClosedBySnapshot(db: PrlDb, listed: Array<Pick<Invoice, 'tenantId' | 'number'>>): Promise<number> {
  return missingFromList(await db.getAllFromIndex('summaries', 'by-oldest-due'), listed).length;
}

/** One batch from the valid records of several previewed files, committed together in one transaction. */
export function mergeBatches(batches: ImportBatch[], invoicesAreSnapshot: boolean): ImportBatch {
  const out: Required<Omit<ImportBatch, 'invoicesAreSnapshot' | 'importedAt'>> & { invoicesAreSnapshot: boolean } = {
    customers: [], invoices: [], spending: [], subscriptions: [], alerts: [], alertCustomers: [], invoicesAreSnapshot: false,
  };
  // concat, not push(...list): a 100,000-row file would overflow the argument list.
  for (const b of batches) {
    out.customers = out.customers.concat(b.customers ?? []);
    out.invoices = out.invoices.concat(b.invoices ?? []);
    out.spending = out.spending.concat(b.spending ?? []);
    out.subscriptions = out.subscriptions.concat(b.subscriptions ?? []);
    out.alerts = out.alerts.concat(b.alerts ?? []);
    out.alertCustomers = out.alertCustomers.concat(b.alertCustomers ?? []);
  }
  // The same record in several files: the later file wins, and it is written (and counted) once. Each file's
  // parser already keeps one record per key, so a single file is taken as it is (100,000 keys cost a long task).
  const last = <T>(list: T[], key: (r: T) => string): T[] => (batches.length < 2 ? list : [...new Map(list.map((r) => [key(r), r] as const)).values()]);
  out.customers = last(out.customers, (c) => c.tenantId);
  out.invoices = last(out.invoices, (i) => `${i.tenantId}\u0000${i.number}`);
  out.spending = last(out.spending, (x) => `${x.tenantId}\u0000${x.asOf}`);
  out.subscriptions = last(out.subscriptions, (x) => x.id);
  out.alerts = last(out.alerts, (a) => a.id);
  // A customer named by alerts keeps a name when any file gives one (Graph alerts carry none).
  const named = new Map<string, { tenantId: string; name: string }>();
  for (const c of out.alertCustomers) if (!named.get(c.tenantId)?.name) named.set(c.tenantId, c);
  out.alertCustomers = [...named.values()];
  out.invoicesAreSnapshot = invoicesAreSnapshot && out.invoices.length > 0;
  return out;
}

/**
 * What this store holds from imports, as one batch in the format an import record carries (lib/sync/imports): the
 * data of a member who joins a team, shared as their imports made since are. Customers only seen in the portal
 * stay out unless a record names them; staff's alert statuses travel as team records, not here. Each kind carries
 * when it was last imported, so that a member's older data never replaces what the team imported since.
 */
export async function readImportedData(db: PrlDb): Promise<ImportBatch> {
  const tx = db.transaction(['customers', 'invoiceBooks', 'spending', 'subscriptions', 'alerts', 'meta']);
  const [customers, books, spending, subscriptions, alerts, meta] = await Promise.all([
    tx.objectStore('customers').getAll(), tx.objectStore('invoiceBooks').getAll(), tx.objectStore('spending').getAll(),
    tx.objectStore('subscriptions').getAll(), tx.objectStore('alerts').getAll(), tx.objectStore('meta').get('meta'),
  ]);
  const invoices = flatten(books);
  const named = new Set([...invoices, ...spending, ...subscriptions, ...alerts].map((r) => r.tenantId));
  const { lastImport } = metaFrom(meta);
  const batch: ImportBatch = {
    customers: customers.filter((c) => c.origin !== 'portal' || named.has(c.tenantId)),
    invoices, spending, subscriptions,
    alerts: alerts.map(({ staff: _, ...a }) => a),
    importedAt: Object.fromEntries(DATA_KINDS.filter((k) => lastImport[k]).map((k) => [k, lastImport[k]!])),
  };
  for (const k of DATA_KINDS) if (!batch[k]?.length) delete batch[k];
  return batch;
}

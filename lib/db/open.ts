// The IndexedDB schema (typed with idb's DBSchema) and its cumulative, versioned upgrades.
import { errorWording } from '../errors';
import { codeLine, type Wording } from '../wording';
import { rebuildSummaries } from './summaries';
import { migrateTriageToV3 } from './triage-v3';
import { overridesFromV3 } from '../settings';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { SCHEMA_VERSION } from '../schema';
import type {
  AccountSummary,
  Alert,
  ChecklistChange,
  ChecklistEntry,
  Customer,
  Decision,
  Flag,
  Invoice,
  SettingsOverrides,
  Spending,
  Subscription,
  Triage,
} from '../schema';
import type { StoredTeamRecord } from '../team/record';
import { recordsFromReadModel } from './team-v5';
import { booksFrom, type InvoiceBook } from './books';

export const DB_NAME = 'partner-risk-lens';
/**
 * The data model's version (lib/schema.ts SCHEMA_VERSION, which backups carry too): bump it there with a new
 * `if (oldVersion < N)` block below, a fixture of the old version and a test that opens it.
 */
export const DB_VERSION = SCHEMA_VERSION;

export interface PrlSchema extends DBSchema {
  customers: { key: string; value: Customer; indexes: { 'by-domain': string } };
  subscriptions: { key: string; value: Subscription; indexes: { 'by-tenant': string } };
  /** Each customer's invoices, one record per customer (version 7 on; lib/db/books.ts says why). */
  invoiceBooks: { key: string; value: InvoiceBook };
  /** Versions 1–6: one record per invoice. Only the version 7 upgrade opens it, to move its records into books. */
  invoices: { key: [string, string]; value: Invoice; indexes: { 'by-tenant': string; 'by-due': string } };
  spending: { key: [string, string]; value: Spending; indexes: { 'by-tenant': string } };
  checklist: { key: [string, string]; value: ChecklistEntry; indexes: { 'by-tenant': string } };
  checklistHistory: { key: number; value: ChecklistChange; indexes: { 'by-tenant': string } };
  flags: { key: string; value: Flag; indexes: { 'by-tenant': string } };
  alerts: { key: string; value: Alert; indexes: { 'by-tenant': string } };
  triage: { key: [string, string]; value: Triage; indexes: { 'by-tenant': string } };
  /** Staff decisions (verdicts, promises to pay, dunning actions): add-only, by `_id`. */
  decisions: { key: string; value: Decision; indexes: { 'by-tenant': string } };
  summaries: { key: string; value: AccountSummary; indexes: { 'by-attention': number; 'by-oldest-due': string } };
  /** What the user changed (version 4 on); versions 1–3 kept every setting, weights by old id. */
  settings: { key: string; value: SettingsOverrides };
  meta: { key: string; value: unknown };
  /** Every staff change as an add-only team record (lib/team); `by-pending` lists those the server does not have yet. */
  teamRecords: { key: string; value: StoredTeamRecord; indexes: { 'by-item': string; 'by-pending': string } };
}

export type PrlDb = IDBPDatabase<PrlSchema>;
export type StoreName = StoreNames<PrlSchema>;
export type Tx<S extends StoreName[] = StoreName[]> = IDBPTransaction<PrlSchema, S, 'readwrite' | 'versionchange'>;
export const ALL_STORES: StoreName[] = [
  'customers', 'subscriptions', 'invoiceBooks', 'spending', 'checklist', 'checklistHistory',
  'flags', 'alerts', 'triage', 'summaries', 'settings', 'meta', 'teamRecords', 'decisions',
];
/** The stores a backup carries (summaries are derived, rebuilt on restore). */
export const DATA_STORES = ALL_STORES.filter((s) => s !== 'summaries');

/** A schema upgrade that failed: it was rolled back whole, so the store is still at `from` with every record. */
export class StoreUpgradeError extends Error {
  /** `reason`: why the upgrade failed, as a wording where lib/ threw one, else the error's own words. */
  constructor(readonly from: number, readonly to: number, readonly reason: string | Wording) {
    super(`store_upgrade_failed ${from} ${to}: ${typeof reason === 'string' ? reason : codeLine(reason)}`);
    this.name = 'StoreUpgradeError';
  }
}

/**
 * Opens (creating or upgrading) the store. Each block runs only for stores older than its version, in the one
 * upgrade transaction, so an interrupted upgrade leaves the old version whole. Blocks that move data run one
 * after the other (a later one may read what an earlier one wrote); the first that fails aborts the upgrade,
 * which rolls back to the old version and its records, and the open fails with a StoreUpgradeError.
 */
export async function openStore(name = DB_NAME): Promise<PrlDb> {
  let failure: { from: number; error: unknown } | undefined;
  try {
    return await openDB<PrlSchema>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        const fail = (error: unknown) => {
          failure ??= { from: oldVersion, error };
          try { tx.abort(); } catch { /* already aborted */ }
        };
        let steps = Promise.resolve();
        const queue = (step: () => Promise<void>) => { steps = steps.then(step); };
        try {
          upgradeStore(db, oldVersion, tx, queue);
        } catch (e) {
          fail(e);
        }
        steps.catch(fail);
        tx.done.catch(() => undefined); // an aborted upgrade is reported by the open that fails below
      },
    });
  } catch (e) {
    if (!failure) throw e;
    const { from, error } = failure;
    throw new StoreUpgradeError(from, DB_VERSION, errorWording(error));
  }
}

/** The cumulative blocks; work that reads or moves records is queued, to run in version order. */
function upgradeStore(
  db: IDBPDatabase<PrlSchema>, oldVersion: number, upgrade: IDBPTransaction<PrlSchema, StoreName[], 'versionchange'>,
  queue: (step: () => Promise<void>) => void,
): void {
  const tx = upgrade as unknown as Tx;
  if (oldVersion < 1) {
    db.createObjectStore('customers', { keyPath: 'tenantId' }).createIndex('by-domain', 'domain');
    db.createObjectStore('subscriptions', { keyPath: 'id' }).createIndex('by-tenant', 'tenantId');
    // (Versions 1–6 kept one record per invoice: a new store gets today's invoice books from the version 7 block.)
    db.createObjectStore('spending', { keyPath: ['tenantId', 'asOf'] }).createIndex('by-tenant', 'tenantId');
    db.createObjectStore('checklist', { keyPath: ['tenantId', 'itemId'] }).createIndex('by-tenant', 'tenantId');
    db.createObjectStore('checklistHistory', { keyPath: 'id', autoIncrement: true }).createIndex('by-tenant', 'tenantId');
    db.createObjectStore('flags', { keyPath: 'id' }).createIndex('by-tenant', 'tenantId');
    db.createObjectStore('alerts', { keyPath: 'id' }).createIndex('by-tenant', 'tenantId');
    // (Version 1 kept triage by tenantId alone: a new store gets today's triage store from the version 3 block.)
    db.createObjectStore('summaries', { keyPath: 'tenantId' }).createIndex('by-attention', 'attention');
    db.createObjectStore('settings');
    db.createObjectStore('meta');
  }
  if (oldVersion < 7) {
    // Version 7: a customer's invoices are one record, a book (lib/db/books.ts). The move is queued first, before
    // the older versions' steps, so that each of them (the version 2 summaries, say) reads invoices from books.
    db.createObjectStore('invoiceBooks', { keyPath: 'tenantId' });
    if (oldVersion >= 1) {
      queue(async () => {
        const invoices = await tx.objectStore('invoices').getAll();
        await Promise.all(booksFrom(invoices).map((b) => tx.objectStore('invoiceBooks').put(b)));
        db.deleteObjectStore('invoices');
      });
    }
  }
  if (oldVersion < 2) {
    // Version 2: summaries carry the oldest open due date, indexed, so the popup reads its first overdue
    // rows without loading every summary. Every summary is rebuilt from the records, which stay as they are.
    upgrade.objectStore('summaries').createIndex('by-oldest-due', 'oldestDue');
    if (oldVersion >= 1) {
      queue(async () => rebuildSummaries(tx, (await tx.objectStore('customers').getAllKeys()) as string[]));
    }
  }
  if (oldVersion < 3) {
    // Version 3: triage is kept per customer and reason (DECISIONS "Triage is per customer and reason").
    if (oldVersion < 1) db.createObjectStore('triage', { keyPath: ['tenantId', 'reason'] }).createIndex('by-tenant', 'tenantId');
    else queue(() => migrateTriageToV3(db, tx));
  }
  if (oldVersion < 4) {
    // Version 4: settings keep only what the user changed (lib/settings.ts); weights go under their factor's id.
    if (oldVersion >= 1) {
      queue(async () => {
        const store = tx.objectStore('settings');
        const old = await store.get('settings');
        if (old !== undefined) await store.put(overridesFromV3(old), 'settings');
      });
    }
  }
  if (oldVersion < 5) {
    // Version 5: every staff change is also an add-only team record. The changes made before are turned into
    // records of no member yet, so that a member who joins a team shares them: nothing made alone is lost.
    const records = db.createObjectStore('teamRecords', { keyPath: '_id' });
    records.createIndex('by-item', 'item');
    records.createIndex('by-pending', 'pending');
    if (oldVersion >= 1) queue(() => recordsFromReadModel(tx));
  }
  if (oldVersion < 6) {
    // Version 6: staff decisions (verdicts, promises to pay, dunning actions), add-only. Summaries gain optional
    // facts from them; a store without decisions has none, so nothing is rebuilt.
    db.createObjectStore('decisions', { keyPath: '_id' }).createIndex('by-tenant', 'tenantId');
  }
}

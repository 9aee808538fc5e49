// The IndexedDB schema (typed with idb's DBSchema) and its cumulative, versioned upgrades.
import { rebuildSummaries } from './summaries';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
  AccountSummary,
  Alert,
  ChecklistChange,
  ChecklistEntry,
  Customer,
  Flag,
  Invoice,
  Settings,
  Spending,
  Subscription,
  Triage,
} from '../schema';

export const DB_NAME = 'partner-risk-lens';
/** Bump with a new `if (oldVersion < N)` block below, a fixture of the old version and a test that opens it. */
export const DB_VERSION = 2;

export interface PrlSchema extends DBSchema {
  customers: { key: string; value: Customer; indexes: { 'by-domain': string } };
  subscriptions: { key: string; value: Subscription; indexes: { 'by-tenant': string } };
  invoices: { key: [string, string]; value: Invoice; indexes: { 'by-tenant': string; 'by-due': string } };
  spending: { key: [string, string]; value: Spending; indexes: { 'by-tenant': string } };
  checklist: { key: [string, string]; value: ChecklistEntry; indexes: { 'by-tenant': string } };
  checklistHistory: { key: number; value: ChecklistChange; indexes: { 'by-tenant': string } };
  flags: { key: string; value: Flag; indexes: { 'by-tenant': string } };
  alerts: { key: string; value: Alert; indexes: { 'by-tenant': string } };
  triage: { key: string; value: Triage };
  summaries: { key: string; value: AccountSummary; indexes: { 'by-attention': number; 'by-oldest-due': string } };
  settings: { key: string; value: Settings };
  meta: { key: string; value: unknown };
}

export type PrlDb = IDBPDatabase<PrlSchema>;
export type StoreName = StoreNames<PrlSchema>;
export type Tx<S extends StoreName[] = StoreName[]> = IDBPTransaction<PrlSchema, S, 'readwrite' | 'versionchange'>;
export const ALL_STORES: StoreName[] = [
  'customers', 'subscriptions', 'invoices', 'spending', 'checklist', 'checklistHistory',
  'flags', 'alerts', 'triage', 'summaries', 'settings', 'meta',
];
/** The stores a backup carries (summaries are derived, rebuilt on restore). */
export const DATA_STORES = ALL_STORES.filter((s) => s !== 'summaries');

/**
 * Opens (creating or upgrading) the store. Each block runs only for stores older than its version, in the one
 * upgrade transaction, so an interrupted upgrade leaves the old version whole.
 */
export function openStore(name = DB_NAME): Promise<PrlDb> {
  return openDB<PrlSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('customers', { keyPath: 'tenantId' }).createIndex('by-domain', 'domain');
        db.createObjectStore('subscriptions', { keyPath: 'id' }).createIndex('by-tenant', 'tenantId');
        const invoices = db.createObjectStore('invoices', { keyPath: ['tenantId', 'number'] });
        invoices.createIndex('by-tenant', 'tenantId');
        invoices.createIndex('by-due', 'dueOn');
        db.createObjectStore('spending', { keyPath: ['tenantId', 'asOf'] }).createIndex('by-tenant', 'tenantId');
        db.createObjectStore('checklist', { keyPath: ['tenantId', 'itemId'] }).createIndex('by-tenant', 'tenantId');
        db.createObjectStore('checklistHistory', { keyPath: 'id', autoIncrement: true }).createIndex('by-tenant', 'tenantId');
        db.createObjectStore('flags', { keyPath: 'id' }).createIndex('by-tenant', 'tenantId');
        db.createObjectStore('alerts', { keyPath: 'id' }).createIndex('by-tenant', 'tenantId');
        db.createObjectStore('triage', { keyPath: 'tenantId' });
        db.createObjectStore('summaries', { keyPath: 'tenantId' }).createIndex('by-attention', 'attention');
        db.createObjectStore('settings');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        // Version 2: summaries carry the oldest open due date, indexed, so the popup reads its first overdue
        // rows without loading every summary. Every summary is rebuilt from the records, which stay as they are.
        tx.objectStore('summaries').createIndex('by-oldest-due', 'oldestDue');
        if (oldVersion >= 1) {
          void tx.objectStore('customers').getAllKeys().then((ids) => rebuildSummaries(tx as unknown as Tx, ids as string[]));
        }
      }
    },
  });
}

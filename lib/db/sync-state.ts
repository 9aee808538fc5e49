// The team connection's own small database: credentials, status, the replication cursor, records kept aside and
// imports waiting to be shared. Apart from the partner's data so that a backup never carries the password, and in
// the extension's origin so that no content script can read it (storage.local can be read by content scripts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const SYNC_DB_NAME = 'partner-risk-lens-team';

export interface SyncSchema extends DBSchema {
  /** One value per key: 'config', 'status', 'cursor', 'rejected', 'appliedImports', and `own:{id}` per import made here. */
  state: { key: string; value: unknown };
  /** Imports made here, compressed, until they are in the local replica. */
  imports: { key: string; value: PendingImport };
}

export interface PendingImport { _id: string; at: string; by: string; rows: number; kinds: string[]; gz: Blob }

export type SyncDb = IDBPDatabase<SyncSchema>;

export function openSyncState(name = SYNC_DB_NAME): Promise<SyncDb> {
  return openDB<SyncSchema>(name, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('state');
        db.createObjectStore('imports', { keyPath: '_id' });
      }
    },
  });
}

export const readSyncValue = (db: SyncDb, key: string): Promise<unknown> => db.get('state', key);
export async function writeSyncValue(db: SyncDb, key: string, value: unknown): Promise<void> {
  await db.put('state', value, key);
}
export async function deleteSyncValue(db: SyncDb, key: string): Promise<void> {
  await db.delete('state', key);
}

export async function putPendingImport(db: SyncDb, p: PendingImport): Promise<void> {
  await db.put('imports', p);
}
export const readPendingImports = (db: SyncDb): Promise<PendingImport[]> => db.getAll('imports');
export const countPendingImports = (db: SyncDb): Promise<number> => db.count('imports');
export async function deletePendingImport(db: SyncDb, id: string): Promise<void> {
  await db.delete('imports', id);
}

// Imports this browser made and handed to the team itself (lib/sync/share): one small value each, under its own key,
// so that the import page and the worker never rewrite each other's list.
const OWN = 'own:';
const ownRange = () => IDBKeyRange.bound(OWN, `${OWN}\uffff`);
export async function writeOwnImport(db: SyncDb, id: string, value: unknown): Promise<void> {
  await db.put('state', value, OWN + id);
}
export async function deleteOwnImport(db: SyncDb, id: string): Promise<void> {
  await db.delete('state', OWN + id);
}
export const readOwnImport = (db: SyncDb, id: string): Promise<unknown> => db.get('state', OWN + id);
/** Every import made here that the worker may still have to apply: [import id, value]. */
export async function readOwnImports(db: SyncDb): Promise<Array<[string, unknown]>> {
  const tx = db.transaction('state');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(ownRange()), tx.store.getAll(ownRange())]);
  return keys.map((k, i) => [String(k).slice(OWN.length), values[i]]);
}

// A store as an older schema version laid it out, written with raw IndexedDB (not today's code), for upgrade tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_NAME } from '../../lib/db';

export interface StoreFixture { keyPath?: string | string[]; autoIncrement?: boolean; indexes: Record<string, string>; records: unknown[] }
export interface Fixture { version: number; stores: Record<string, StoreFixture> }

/** Writes a store exactly as that old version laid it out, with raw IndexedDB (not today's code). */
export function writeOld(f: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, f.version);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const [name, s] of Object.entries(f.stores)) {
        const os = db.createObjectStore(name, s.keyPath ? { keyPath: s.keyPath, autoIncrement: s.autoIncrement } : undefined);
        for (const [idx, path] of Object.entries(s.indexes)) os.createIndex(idx, path);
        for (const r of s.records) {
          if (s.keyPath) os.put(r);
          else os.put((r as { value: unknown }).value, (r as { key: string }).key);
        }
      }
    };
    req.onsuccess = () => { req.result.close(); resolve(); };
    req.onerror = () => reject(req.error);
  });
}

/** A fixture of tests/fixtures/db by its schema version, as a fresh copy to change. */
export function oldFixture(version: number): Fixture {
  return JSON.parse(readFileSync(join(__dirname, `../fixtures/db/v${version}.json`), 'utf8')) as Fixture;
}

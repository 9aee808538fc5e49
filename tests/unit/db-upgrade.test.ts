// Habit: a fixture of every schema version, opened with today's code, every record found.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openStore, readAllSummaries, readSettings, rebuildSummaries } from '../../lib/db';

interface StoreFixture { keyPath?: string | string[]; autoIncrement?: boolean; indexes: Record<string, string>; records: unknown[] }
interface Fixture { version: number; stores: Record<string, StoreFixture> }

const dir = join(__dirname, '../fixtures/db');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ file: f, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture }));

/** Writes a store exactly as that old version laid it out, with raw IndexedDB (not today's code). */
function writeOld(f: Fixture): Promise<void> {
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

describe('schema upgrades', () => {
  it('has a fixture for every version up to the current one', () => {
    expect(fixtures.map((f) => f.data.version).sort()).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const { file, data } of fixtures) {
    it(`opens a store written by version ${data.version} (${file}) and keeps every record`, async () => {
      await writeOld(data);
      const db = await openStore();
      for (const [name, s] of Object.entries(data.stores)) {
        if (name === 'summaries') continue;
        expect(await db.count(name as never), name).toBe(s.records.length);
      }
      expect((await readSettings(db)).staffName).toBe('Ana');
      // Summaries are derived: they can always be rebuilt from the records.
      const tx = db.transaction(['customers', 'invoices', 'checklist', 'flags', 'subscriptions', 'spending', 'alerts', 'summaries'], 'readwrite');
      await rebuildSummaries(tx, (await tx.objectStore('customers').getAllKeys()) as string[]);
      await tx.done;
      const summaries = await readAllSummaries(db);
      expect(summaries.map((s) => s.tenantId).sort()).toEqual(data.stores.customers.records.map((c) => (c as { tenantId: string }).tenantId).sort());
    });
  }
});

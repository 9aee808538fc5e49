// Habit: a fixture of every schema version, opened with today's code, every record found.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, openStore, readAllSummaries, readSettings, StoreUpgradeError } from '../../lib/db';
import { writeOld, type Fixture } from './old-store';
import { describeOpenError } from '../../lib/errors';
import { makeTranslate } from '../../lib/i18n';

const dir = join(__dirname, '../fixtures/db');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ file: f, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture }));
const fixture = (version: number) => structuredClone(fixtures.find((f) => f.data.version === version)!.data);
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

/** The store's version and every record of every store, read with raw IndexedDB at whatever version it is. */
function readRaw(): Promise<{ version: number; stores: Record<string, unknown[]> }> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => {
      const db = req.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const reads = names.map((n) => tx.objectStore(n).getAll());
      tx.oncomplete = () => {
        db.close();
        resolve({ version: db.version, stores: Object.fromEntries(names.map((n, i) => [n, reads[i].result])) });
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

const recordsOf = (f: Fixture) => Object.fromEntries(Object.entries(f.stores).map(([n, s]) => [n, s.keyPath ? s.records : s.records.map((r) => (r as { value: unknown }).value)]));

describe('schema upgrades', () => {
  beforeEach(() => {
    // The triage upgrade looks at who is listed today: a fixed day, inside the fixtures' month.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
  });
  afterEach(() => { vi.useRealTimers(); });

  it('has a fixture for every version up to the current one', () => {
    expect(fixtures.map((f) => f.data.version).sort()).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const { file, data } of fixtures) {
    it(`opens a store written by version ${data.version} (${file}) and keeps every record, summaries built from them`, async () => {
      await writeOld(data);
      const db = await openStore();
      expect(db.version).toBe(DB_VERSION);
      for (const [name, s] of Object.entries(data.stores)) {
        if (name === 'summaries' || name === 'triage') continue;
        expect(await db.count(name as never), name).toBe(s.records.length);
      }
      expect((await readSettings(db)).staffName).toBe('Ana');
      // Every old triage record is still there, for one reason or more, with what it said.
      const triage = await db.getAll('triage');
      if (data.version === DB_VERSION) expect(new Set(triage)).toEqual(new Set(data.stores.triage.records));
      for (const old of data.stores.triage.records as Array<{ tenantId: string }>) {
        const kept = triage.filter((t) => t.tenantId === old.tenantId);
        expect(kept.length, old.tenantId).toBeGreaterThan(0);
        for (const t of kept) expect(t).toEqual({ ...old, reason: t.reason });
      }
      // Summaries are the upgrade's work (read as they are, never rebuilt here): the overdue invoice is in A's.
      const summaries = await readAllSummaries(db);
      expect(summaries.map((s) => s.tenantId).sort()).toEqual([A, B]);
      expect(summaries.find((s) => s.tenantId === A)!.facts.openInvoices.map((i) => i.number)).toEqual(['INV-1']);
      expect(summaries.find((s) => s.tenantId === A)!.oldestDue).toBe('2026-10-01');
      expect(await db.getAllKeysFromIndex('summaries', 'by-oldest-due')).toEqual([A]);
      db.close();
    });
  }

  it("applies an old triage record to the customer's reasons listed today in the tabs that had the buttons, else to each of them", async () => {
    await writeOld(fixture(2));
    const db = await openStore();
    const reasons = async (tenantId: string) => (await db.getAllFromIndex('triage', 'by-tenant', tenantId)).map((t) => t.reason).sort();
    // A is overdue, over budget and high risk today: its snooze applies to those three rows.
    expect(await reasons(A)).toEqual(['budget', 'overdue', 'risk']);
    expect((await db.get('triage', [A, 'overdue']))!.snoozedUntil).toBe('2026-12-01');
    // B is listed only for its alert, whose row had no buttons: its acknowledgement is kept for each old tab,
    // and the alert stays unacknowledged.
    expect(await reasons(B)).toEqual(['budget', 'overdue', 'risk']);
    expect(await db.get('triage', [B, 'alert:e1'])).toBeUndefined();
    db.close();
  });

  it('applies it the same way from version 1, whose summaries the version 2 step builds first', async () => {
    const v1 = fixture(1);
    (v1.stores.spending.records[0] as { asOf: string }).asOf = '2026-10-20'; // last month's: not a budget row today
    await writeOld(v1);
    const db = await openStore();
    expect((await db.getAllFromIndex('triage', 'by-tenant', A)).map((t) => t.reason).sort()).toEqual(['overdue', 'risk']);
    db.close();
  });

  it('rolls back a failing upgrade whole: the old version, every record, and an error that says so', async () => {
    const v2 = fixture(2);
    (v2.stores.triage.records[1] as { snoozedUntil: string }).snoozedUntil = 'next week';
    await writeOld(v2);
    const failed = await openStore().then(() => undefined, (e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreUpgradeError);
    expect((failed as StoreUpgradeError).message).toMatch(new RegExp(`from version 2 to ${DB_VERSION}, so nothing was changed: triage record 2 \\(bbbbbbbb-0000-4000-8000-000000000002\\) is damaged: snoozedUntil: is not a date`));
    expect(await readRaw()).toEqual({ version: 2, stores: recordsOf(v2) });
  });

  it('says in French too that a failed upgrade changed nothing', () => {
    const fr = makeTranslate(JSON.parse(readFileSync(join(__dirname, '../../public/_locales/fr/messages.json'), 'utf8')));
    expect(describeOpenError(new StoreUpgradeError(2, 3, 'triage record 1 is damaged'), fr))
      .toBe('Partner Risk Lens n’a pas pu mettre à niveau ses données de la version 2 à la version 3 ; rien n’a donc été modifié : chaque enregistrement est toujours là, tel que la version 2 l’a laissé. Tant que ce n’est pas corrigé, l’extension ne peut pas utiliser ses données ; merci de signaler cette erreur : triage record 1 is damaged');
    expect(describeOpenError(new Error('disk gone'), fr)).toBe('Partner Risk Lens n’a pas pu ouvrir ses données : disk gone');
  });

  it('rolls back an upgrade whose summary rebuild fails, instead of committing it without the summaries', async () => {
    const v1 = fixture(1);
    // Two open invoices of A, one with a damaged due date: sorting them throws while summaries are rebuilt.
    v1.stores.invoices.records.push({ ...(v1.stores.invoices.records[0] as object), number: 'INV-2', dueOn: 20261001 });
    await writeOld(v1);
    const failed = await openStore().then(() => undefined, (e: unknown) => e);
    expect(await readRaw()).toEqual({ version: 1, stores: recordsOf(v1) });
    expect(failed).toBeInstanceOf(StoreUpgradeError);
    expect((failed as StoreUpgradeError).from).toBe(1);
  });
});

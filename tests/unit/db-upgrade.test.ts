// Habit: a fixture of every schema version, opened with today's code, every record found.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allInvoices, countUnshared, DB_NAME, DB_VERSION, openStore, readAllSummaries, readSettings, StoreUpgradeError } from '../../lib/db';
import { foldRecords, type ItemState } from '../../lib/team/fold';
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

  it("turns every staff change of a version 3 store into a team record of no member yet, waiting to be shared, that folds back to the store's state", async () => {
    const v3 = fixture(3);
    const s = v3.stores;
    s.checklistHistory.records.push({ id: 2, tenantId: A, itemId: 'dunning', from: false, to: true, by: 'Ana', at: '2026-11-02T09:00:00.000Z', via: 'popup', note: 'letter sent' });
    s.checklist.records.push({ tenantId: A, itemId: 'dunning', done: true, by: 'Ana', at: '2026-11-02T09:00:00.000Z', note: 'letter sent' });
    // An entry whose change the history lacks (written by hand, or by an old import) is a record too.
    s.checklist.records.push({ tenantId: B, itemId: 'sms-verification', done: false, by: '', at: '2026-11-03T09:00:00.000Z' });
    s.flags.records.push({ id: 'f2', tenantId: B, kind: 'spam', note: '', at: '2026-11-04T09:00:00.000Z', by: 'Ana', resolvedAt: '2026-11-05T09:00:00.000Z', resolvedBy: 'Bob' });
    const alert = s.alerts.records[0] as Record<string, unknown>;
    alert.staff = { status: 'resolved', reason: 'legitimate', by: 'Bob', at: '2026-11-06T09:00:00.000Z' };
    (s.settings.records[0] as { value: object }).value = { staffName: 'Ana', language: 'fr', spikeFactor: 4, weights: { 'prepaid-card': 30 } };
    await writeOld(v3);
    const db = await openStore();
    const stored = await db.getAll('teamRecords');
    const records = stored.map((r) => r.record);
    expect(records.every((r) => r.member === '')).toBe(true);
    expect(await countUnshared(db)).toBe(records.length);
    expect(records.map((r) => r.kind).sort()).toEqual(['alert-status', 'flag', 'flag', 'flag-resolve', 'setting', 'setting', 'tick', 'tick', 'tick', 'triage', 'triage', 'triage']);
    expect(records.filter((r) => r.kind === 'setting').map((r) => r.kind === 'setting' && r.key).sort()).toEqual(['spikeFactor', 'weights']);
    // Folded, the records say what the store says: nothing made alone is lost when it is shared.
    const state = foldRecords(records);
    for (const e of await db.getAll('checklist')) {
      const { done, by, at, note } = state.get(`tick ${e.tenantId} ${e.itemId}`) as Extract<ItemState, { kind: 'tick' }>;
      expect({ ...e }).toEqual({ tenantId: e.tenantId, itemId: e.itemId, done, by, at, ...(note ? { note } : {}) });
    }
    for (const f of await db.getAll('flags')) expect(state.get(`flag ${f.id}`)).toMatchObject({ flag: f });
    for (const t of await db.getAll('triage')) expect(state.get(`triage ${t.tenantId} ${t.reason}`)).toEqual({ kind: 'triage', triage: t });
    expect(state.get('alert e1')).toMatchObject({ staff: alert.staff });
    expect(state.get('setting spikeFactor')).toMatchObject({ value: 4 });
    db.close();
  });

  for (const { file, data } of fixtures) {
    it(`opens a store written by version ${data.version} (${file}) and keeps every record, summaries built from them`, async () => {
      await writeOld(data);
      const db = await openStore();
      expect(db.version).toBe(DB_VERSION);
      for (const [name, s] of Object.entries(data.stores)) {
        if (name === 'summaries' || name === 'triage') continue;
        // Versions 1–6 kept one record per invoice; version 7 keeps them in customers' books, every one.
        if (name === 'invoices') expect(await allInvoices(db), name).toEqual(s.records);
        else expect(await db.count(name as never), name).toBe(s.records.length);
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

  it("moves a version 6 store's invoices into one book per customer, every invoice whole and in number order", async () => {
    const v6 = fixture(6);
    const first = v6.stores.invoices.records[0] as Record<string, unknown>;
    // Written in no particular order, a customer's invoices interleaved with the other's, one paid and written off.
    const more = [7, 3, 11, 1, 5].flatMap((n) => [
      { ...first, number: `INV-${n}0`, amount: n * 100 },
      { ...first, tenantId: B, number: `B-${n}`, paid: n * 10, ...(n === 3 ? { paidOn: '2026-09-05', writtenOff: true } : {}) },
    ]);
    v6.stores.invoices.records.push(...more);
    await writeOld(v6);
    const db = await openStore();
    expect([...db.objectStoreNames]).not.toContain('invoices');
    const books = await db.getAll('invoiceBooks');
    expect(books.map((b) => b.tenantId).sort()).toEqual([A, B]);
    const key = (i: { tenantId: string; number: string }) => `${i.tenantId} ${i.number}`;
    for (const b of books) {
      expect(b.invoices.every((i) => i.tenantId === b.tenantId)).toBe(true);
      expect(b.invoices.map((i) => i.number)).toEqual(b.invoices.map((i) => i.number).sort());
    }
    const all = await allInvoices(db);
    expect(new Map(all.map((i) => [key(i), i]))).toEqual(new Map(v6.stores.invoices.records.map((i) => [key(i as never), i])));
    expect(all).toHaveLength(11);
    db.close();
  });

  it('rolls back a failing upgrade whole: the old version, every record, and an error that says so', async () => {
    const v2 = fixture(2);
    (v2.stores.triage.records[1] as { snoozedUntil: string }).snoozedUntil = 'next week';
    await writeOld(v2);
    const failed = await openStore().then(() => undefined, (e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreUpgradeError);
    expect((failed as StoreUpgradeError).reason).toEqual({ key: 'error_triage_damaged', subs: [2, 'bbbbbbbb-0000-4000-8000-000000000002', { list: [{ key: 'error_message_field', subs: ['snoozedUntil', { key: 'zod_issue_invalid_format', subs: [] }] }] }] });
    const en = makeTranslate(JSON.parse(readFileSync(join(__dirname, '../../public/_locales/en/messages.json'), 'utf8')));
    expect(describeOpenError(failed, en)).toMatch(new RegExp(`from version 2 to ${DB_VERSION}, so it changed nothing.*: triage record 2 \\(bbbbbbbb-0000-4000-8000-000000000002\\) is damaged: snoozedUntil: not in the expected format$`));
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allInvoices, commitImport, countInvoices, DB_VERSION, exportBackup, openStore, readAllSummaries, readAttentionSummaries, readCustomerDetail, readMeta,
  readSettings, recordSeen, restoreBackup, saveSettings, setChecklistItem, triageAlert, updateCustomer,
} from '../../lib/db';
import { BackupError, checkBackup, say } from '../../lib/backup';
import { makeTranslate } from '../../lib/i18n';
import type { Alert, Customer, Invoice } from '../../lib/schema';

const NOW = '2026-11-25T10:00:00.000Z';
const en = makeTranslate(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const customer = (tenantId: string, name: string, extra: Partial<Customer> = {}): Customer => ({ tenantId, name, updatedAt: NOW, origin: 'import', ...extra });
const invoice = (tenantId: string, number: string, dueOn: string, amount: number, paid = 0): Invoice => ({
  tenantId, number, issuedOn: '2026-08-01', dueOn, amount, paid, currency: 'USD',
});

describe('the store', () => {
  it('commits an import in one transaction and keeps summaries of open invoices', async () => {
    const db = await openStore();
    const out = await commitImport(db, {
      customers: [customer(A, 'Contoso'), customer(B, 'Fabrikam')],
      invoices: [invoice(A, 'INV-1', '2026-09-01', 120000), invoice(A, 'INV-2', '2026-10-01', 5000, 5000), invoice(B, 'INV-3', '2026-12-01', 700)],
    }, NOW);
    expect(out.customers).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(out.invoices).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const summaries = await readAllSummaries(db);
    const a = summaries.find((s) => s.tenantId === A)!;
    expect(a.facts.openInvoices).toEqual([{ number: 'INV-1', dueOn: '2026-09-01', balance: 120000, currency: 'USD' }]);
    expect(a.attention).toBe(1);
    expect((await readMeta(db)).lastImport.invoices).toBe(NOW);
  });

  it('changes nothing when the same file is imported again', async () => {
    const db = await openStore();
    const batch = { customers: [customer(A, 'Contoso')], invoices: [invoice(A, 'INV-1', '2026-09-01', 100)] };
    await commitImport(db, batch, NOW);
    const again = await commitImport(db, batch, '2026-11-26T10:00:00.000Z');
    expect(again.customers).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(again.invoices).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect((await db.get('customers', A))!.updatedAt).toBe(NOW);
  });

  it('writes nothing when an import refers to an unknown customer', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    await expect(commitImport(db, { customers: [customer(B, 'Fabrikam')], invoices: [invoice('cccccccc-0000-4000-8000-000000000003', 'X', '2026-01-01', 1)] }, NOW))
      .rejects.toThrow(/^import_tenant_unknown \["cccccccc/);
    expect(await db.count('customers')).toBe(1);
    expect(await countInvoices(db)).toBe(0);
  });

  it('leaves the store as it was when a write fails half way through the transaction', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')], invoices: [invoice(A, 'INV-1', '2026-09-01', 100)] }, NOW);
    // A record IndexedDB cannot store (a value it cannot clone) makes the put fail after other puts went through.
    const bad = { ...invoice(A, 'INV-9', '2026-09-01', 1), paid: (() => 0) as unknown as number };
    await expect(commitImport(db, {
      customers: [customer(A, 'Contoso renamed'), customer(B, 'Fabrikam')],
      invoices: [invoice(A, 'INV-2', '2026-09-02', 5), bad as Invoice],
    }, NOW)).rejects.toThrow();
    expect((await db.get('customers', A))!.name).toBe('Contoso');
    expect(await db.count('customers')).toBe(1);
    expect((await allInvoices(db)).map((i) => [i.tenantId, i.number])).toEqual([[A, 'INV-1']]);
  });

  it('closes open invoices missing from a snapshot file and says how many', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso'), customer(B, 'Fabrikam')], invoices: [invoice(A, 'INV-1', '2026-09-01', 100), invoice(B, 'INV-2', '2026-09-01', 200)] }, NOW);
    const out = await commitImport(db, { invoices: [invoice(A, 'INV-1', '2026-09-01', 100)], invoicesAreSnapshot: true }, NOW);
    expect(out.closed).toBe(1);
    const paid = (await allInvoices(db)).find((i) => i.tenantId === B && i.number === 'INV-2');
    expect(paid!.paid).toBe(200);
    const b = (await readAllSummaries(db)).find((s) => s.tenantId === B)!;
    expect(b.facts.openInvoices).toEqual([]);
    expect((await readAttentionSummaries(db)).map((s) => s.tenantId)).toEqual([A]);
  });

  it('keeps facts set by hand when a customers export without them is imported again', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    await updateCustomer(db, A, { paymentInstrument: 'prepaid_card', adminAccess: 'full' }, NOW);
    await commitImport(db, { customers: [customer(A, 'Contoso Ltd')] }, NOW);
    const c = await db.get('customers', A);
    expect(c).toMatchObject({ name: 'Contoso Ltd', paymentInstrument: 'prepaid_card', adminAccess: 'full' });
    expect((await readAllSummaries(db))[0].customer.paymentInstrument).toBe('prepaid_card');
  });

  it('records customers seen in the portal without overwriting known names', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    const added = await recordSeen(db, [{ tenantId: A, name: 'Other name' }, { tenantId: B, name: '<b>Fabrikam</b>' }], NOW);
    expect(added).toEqual([B]);
    expect((await db.get('customers', A))!.name).toBe('Contoso');
    expect(await db.get('customers', B)).toMatchObject({ name: '<b>Fabrikam</b>', origin: 'portal' });
  });

  it('records at most the cap of customers from one page and from a day of pages, never touching imported ones', { timeout: 30_000 }, async () => {
    const db = await openStore();
    const id = (n: number) => `eeeeeeee-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await commitImport(db, { customers: [customer(id(0), 'Imported'), customer(id(1), 'Imported too')] }, NOW);
    const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ tenantId: id(from + i), name: `Seen ${from + i}` }));
    const caps = { perPage: 500, perDay: 1200 };
    // A page of 5,000 rows (one message), its first two the imported customers under other names.
    expect(await recordSeen(db, page(0, 5000), NOW, '2026-11-25', caps)).toHaveLength(500);
    expect(await db.count('customers')).toBe(502);
    expect((await db.get('customers', id(0)))).toMatchObject({ name: 'Imported', origin: 'import' });
    expect(await recordSeen(db, page(10_000, 5000), NOW, '2026-11-25', caps)).toHaveLength(500);
    // The day's cap: 200 left of 1,200.
    expect(await recordSeen(db, page(20_000, 5000), NOW, '2026-11-25', caps)).toHaveLength(200);
    expect(await recordSeen(db, page(30_000, 10), NOW, '2026-11-25', caps)).toEqual([]);
    expect(await db.count('customers')).toBe(1202);
    // A nameless customer already in the store (named by an alert) still gets its name: nothing new is added.
    await commitImport(db, { alerts: [], alertCustomers: [{ tenantId: id(40_000), name: '' }] }, NOW);
    expect(await recordSeen(db, [{ tenantId: id(40_000), name: 'Named' }], NOW, '2026-11-25', caps)).toEqual([id(40_000)]);
    // The next day counts afresh; imports are never capped.
    expect(await recordSeen(db, page(50_000, 10), NOW, '2026-11-26', caps)).toHaveLength(10);
    await commitImport(db, { customers: Array.from({ length: 3000 }, (_, i) => customer(id(60_000 + i), `I${i}`)) }, NOW);
    expect(await db.count('customers')).toBe(1202 + 1 + 10 + 3000);
  });

  it('keeps every tick in the history and the newest one as the state', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    await setChecklistItem(db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Ana', at: '2026-11-25T10:00:02.000Z' });
    // An older change arriving late (another tab) is kept in the history but does not win.
    await setChecklistItem(db, { tenantId: A, itemId: 'phone-contact', done: false, by: 'Ben', at: '2026-11-25T10:00:01.000Z' });
    await setChecklistItem(db, { tenantId: A, itemId: 'sms-verification', done: true, by: '', at: NOW });
    const detail = await readCustomerDetail(db, A);
    expect(detail.checklist.find((e) => e.itemId === 'phone-contact')).toMatchObject({ done: true, by: 'Ana' });
    expect(detail.history.map((h) => [h.itemId, h.from, h.to, h.by])).toEqual([
      ['phone-contact', false, true, 'Ana'], ['phone-contact', true, false, 'Ben'], ['sms-verification', false, true, ''],
    ]);
    expect(detail.summary!.facts.checklist['phone-contact'].done).toBe(true);
  });

  it('keeps the staff triage of an alert when a newer alerts file is imported', async () => {
    const db = await openStore();
    const alert: Alert = { id: 'e1', source: 'graph', tenantId: A, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: NOW, isTest: false };
    await commitImport(db, { alerts: [alert], alertCustomers: [{ tenantId: A, name: '' }] }, NOW);
    expect(await db.get('customers', A)).toMatchObject({ origin: 'alert', name: '' });
    await triageAlert(db, 'e1', { status: 'resolved', reason: 'fraud', by: 'Ana', at: NOW });
    await commitImport(db, { alerts: [{ ...alert, status: 'investigating' }] }, NOW);
    const stored = await db.get('alerts', 'e1');
    expect(stored).toMatchObject({ status: 'investigating', staff: { status: 'resolved', reason: 'fraud' } });
    const facts = (await readAllSummaries(db))[0].facts;
    expect(facts.alerts).toEqual([expect.objectContaining({ id: 'e1', open: false, fraud: true })]);
  });

  it('saves settings validated and falls back to defaults for a damaged record', async () => {
    const db = await openStore();
    const s = await readSettings(db);
    await saveSettings(db, { ...s, staffName: 'Ana' });
    expect((await readSettings(db)).staffName).toBe('Ana');
    await expect(saveSettings(db, { ...s, budgetThreshold: 7 })).rejects.toThrow();
    await db.put('settings', { levels: 'nonsense' } as never, 'settings');
    expect((await readSettings(db)).levels).toEqual({ medium: 25, high: 50, critical: 75 });
  });

  it('gives back the same store, byte for byte, after a backup and a restore', async () => {
    const db = await openStore();
    await commitImport(db, {
      customers: [customer(A, 'Contoso', { country: 'FR', prepaid: false }), customer(B, 'Fabrikam')],
      invoices: [invoice(A, 'INV-1', '2026-09-01', 100)],
      spending: [{ tenantId: B, budget: 100000, spendToDate: 90000, asOf: '2026-11-20', currency: 'EUR' }],
    }, NOW);
    await setChecklistItem(db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Ana', at: NOW, note: 'called' });
    const first = JSON.stringify(await exportBackup(db, NOW));
    const other = await openStore('restore-target');
    await restoreBackup(other, JSON.parse(first));
    expect(JSON.stringify(await exportBackup(other, NOW))).toBe(first);
    expect((await readAllSummaries(other)).length).toBe(2);
  });

  it('restores a backup of schema version 2, its triage applied per reason, and writes today\'s format', async () => {
    const old = JSON.parse(readFileSync(join(__dirname, '../fixtures/import/backup.json'), 'utf8'));
    expect(old.schemaVersion).toBe(2);
    const tailspin = 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f73';
    const db = await openStore();
    await restoreBackup(db, old);
    // Tailspin is overdue (and maybe high risk): the old acknowledgement applies to those rows, with its note.
    const kept = await db.getAllFromIndex('triage', 'by-tenant', tailspin);
    expect(kept.map((t) => t.reason)).toContain('overdue');
    for (const t of kept) expect(t).toEqual({ tenantId: tailspin, reason: t.reason, acknowledgedAt: '2026-11-24T09:00:00.000Z', note: 'called the customer' });
    const again = await exportBackup(db, NOW);
    expect(again.schemaVersion).toBe(DB_VERSION);
    expect(again.stores.triage).toEqual(kept);
    const other = await openStore('restore-new-format');
    await restoreBackup(other, JSON.parse(JSON.stringify(again)));
    expect(await other.getAll('triage')).toEqual(kept);
  });

  it('carries the team records in a backup, and makes them from the staff changes of a backup written before them', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    await setChecklistItem(db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Ana', at: NOW, note: 'called' });
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW)));
    expect(backup.stores.teamRecords.map((r: { record: { kind: string; by: string } }) => [r.record.kind, r.record.by])).toEqual([['tick', 'Ana']]);
    // Schema 4: settings as today's, no team records yet (schema 3's backups kept settings in the old shape).
    const schema4 = { ...backup, schemaVersion: 4, stores: { ...backup.stores, teamRecords: undefined } };
    const other = await openStore('restore-schema-4');
    await restoreBackup(other, schema4);
    const records = (await other.getAll('teamRecords')).map((r) => r.record);
    expect(records.map((r) => ({ ...r, _id: '' }))).toEqual([{ ...backup.stores.teamRecords[0].record, _id: '' }]);
    // A backup of schema 5 without its records is damaged, not an older one.
    await expect(restoreBackup(other, { ...backup, stores: { ...backup.stores, teamRecords: undefined } })).rejects.toThrow(/damaged.*teamRecords/);
  });

  it('refuses a newer or damaged backup and changes nothing', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    const backup = await exportBackup(db, NOW);
    await expect(restoreBackup(db, { ...backup, schemaVersion: 99 })).rejects.toThrow(new RegExp(`^restore_newer \\[99,${DB_VERSION}\\]$`));
    const damaged = JSON.parse(JSON.stringify(backup));
    damaged.stores.customers[0].tenantId = 'nope';
    await expect(restoreBackup(db, damaged)).rejects.toThrow(/^restore_damaged \["stores\.customers\.0\.tenantId"\]$/);
    expect(await db.count('customers')).toBe(1);
  });
});

describe('restore of an inconsistent backup, and of one the disk has no room for', () => {
  const stocked = async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso'), customer(B, 'Fabrikam')], invoices: [invoice(A, 'INV-1', '2026-09-01', 100)] }, NOW);
    return { db, backup: JSON.parse(JSON.stringify(await exportBackup(db, NOW))) };
  };

  it('refuses a backup that lists a key twice (it would store fewer records than announced), and changes nothing', async () => {
    const { db, backup } = await stocked();
    const target = await openStore('restore-dup');
    await commitImport(target, { customers: [customer(A, 'Kept')] }, NOW);
    backup.stores.invoices.push({ ...backup.stores.invoices[0], amount: 999 });
    const error = await restoreBackup(target, backup).then(() => undefined, (e: unknown) => e);
    expect(say(en, (error as BackupError).text)).toBe(`This backup is inconsistent: it lists invoices “${A} INV-1” twice, so it would store fewer records than it announces. Nothing was changed.`);
    expect((error as BackupError).text).toEqual({ key: 'restore_duplicate', subs: [{ key: 'store_invoices' }, `${A} INV-1`] });
    const dupCustomer = JSON.parse(JSON.stringify((await exportBackup(db, NOW))));
    dupCustomer.stores.customers.push({ ...dupCustomer.stores.customers[0], name: 'Other' });
    expect(checkBackup(dupCustomer, DB_VERSION)).toMatchObject({ ok: false, text: { key: 'restore_duplicate', subs: [{ key: 'store_customers' }, A] } });
    expect((await db.getAll('customers')).length).toBe(2);
    expect((await target.get('customers', A))!.name).toBe('Kept');
  });

  it('refuses a backup holding invoices (or spending, subscriptions, alerts) of a customer it does not list', async () => {
    const { backup } = await stocked();
    const target = await openStore('restore-orphan');
    const C = 'cccccccc-0000-4000-8000-000000000003';
    const orphan = JSON.parse(JSON.stringify(backup));
    orphan.stores.invoices.push({ ...backup.stores.invoices[0], tenantId: C });
    const orphaned = await restoreBackup(target, orphan).then(() => undefined, (e: BackupError) => e);
    expect(say(en, orphaned!.text)).toBe(`This backup is inconsistent: it holds invoices of customer ${C}, which it does not list. Nothing was changed.`);
    const spending = JSON.parse(JSON.stringify(backup));
    spending.stores.spending.push({ tenantId: C, budget: 1, spendToDate: 1, asOf: '2026-11-20', currency: 'EUR' });
    expect(checkBackup(spending, DB_VERSION)).toMatchObject({ ok: false, text: { key: 'restore_orphan', subs: [{ key: 'store_spending' }, C] } });
    // A tick on the page of a customer never recorded is shown there: it is not an orphan.
    const tick = JSON.parse(JSON.stringify(backup));
    tick.stores.checklist.push({ tenantId: C, itemId: 'phone-contact', done: true, by: 'Ana', at: NOW });
    expect(checkBackup(tick, DB_VERSION).ok).toBe(true);
    expect(await countInvoices(target)).toBe(0);
  });

  it('says in words that the disk is full when a restore runs out of storage, and keeps what was there', async () => {
    const { db, backup } = await stocked();
    await commitImport(db, { customers: [customer(A, 'Before')] }, NOW);
    const proto = Object.getPrototypeOf(db.transaction('invoiceBooks', 'readwrite').objectStore('invoiceBooks'));
    const put = proto.put;
    // As Chromium does when the quota runs out at commit: the transaction aborts with an error that has no message.
    proto.put = function (this: { name: string }, ...args: unknown[]) {
      return this.name === 'invoiceBooks' ? Promise.reject(new DOMException('', 'QuotaExceededError')) : put.apply(this, args);
    };
    let error: unknown;
    try {
      error = await restoreBackup(db, backup).then(() => undefined, (e: unknown) => e);
    } finally {
      proto.put = put;
    }
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).text).toEqual({ key: 'restore_no_storage', subs: [] });
    expect((error as BackupError).text).toEqual({ key: 'restore_no_storage', subs: [] });
    expect((await db.get('customers', A))!.name).toBe('Before');
  });

  it('words each refusal in English and French', async () => {
    const { readFileSync } = await import('node:fs');
    const { makeTranslate } = await import('../../lib/i18n');
    for (const lang of ['en', 'fr']) {
      const t = makeTranslate(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));
      const words = say(t, { key: 'restore_orphan', subs: [{ key: 'store_invoices' }, A] });
      expect(words).toContain(A);
      expect(words).toContain(lang === 'en' ? 'invoices' : 'factures');
      expect(say(t, { key: 'restore_no_storage', subs: [] }).length).toBeGreaterThan(40);
    }
  });
});

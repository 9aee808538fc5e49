// The sample files in tests/fixtures/import/ (one or more per kind, as partners' tools write them; a browser
// test uploads the same files): each parses cleanly, and together they go into the store and back out again.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, countInvoices, exportBackup, mergeBatches, openStore, restoreBackup } from '../../lib/db';
import { parseImportFile, type ParseContext, type ParsedFile } from '../../lib/import';

const DIR = join(__dirname, '../fixtures/import');
const NOW = '2026-11-25T10:00:00.000Z';
const EXPECTED: Record<string, { kind: ParsedFile['kind']; rows: number; records: number }> = {
  'customers-partner-center.csv': { kind: 'customers', rows: 5, records: 5 },
  'customers.csv': { kind: 'customers', rows: 5, records: 5 },
  'customers.json': { kind: 'customers', rows: 3, records: 3 },
  'customer.json': { kind: 'customers', rows: 1, records: 1 },
  'invoices.csv': { kind: 'invoices', rows: 4, records: 4 },
  'invoices-eu.csv': { kind: 'invoices', rows: 3, records: 3 },
  'spending.csv': { kind: 'spending', rows: 5, records: 5 },
  'usage-summary.json': { kind: 'spending', rows: 1, records: 1 },
  'subscriptions.csv': { kind: 'subscriptions', rows: 5, records: 5 },
  'subscriptions.json': { kind: 'subscriptions', rows: 3, records: 3 },
  'fraud-events.json': { kind: 'alerts', rows: 3, records: 3 },
  'security-alerts.json': { kind: 'alerts', rows: 3, records: 3 },
  'backup.json': { kind: 'backup', rows: 8, records: 0 },
};

const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const count = (f: ParsedFile) => Object.entries(f.batch).reduce((n, [k, v]) => n + (k !== 'alertCustomers' && Array.isArray(v) ? v.length : 0), 0);

/** The customers of the sample files, by domain, as the options page passes them when files come together. */
async function domains(): Promise<Map<string, string>> {
  const f = await parseImportFile('customers.csv', read('customers.csv'), { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: NOW, knownDomains: new Map() });
  return new Map(f.batch.customers!.map((c) => [c.domain!, c.tenantId]));
}

describe('sample files', () => {
  it('are all listed here, one kind or more each', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(Object.values(EXPECTED).map((e) => e.kind))).toEqual(new Set(['customers', 'invoices', 'spending', 'subscriptions', 'alerts', 'backup']));
  });

  it.each(Object.entries(EXPECTED))('%s parses with the default settings, every row valid', async (name, want) => {
    const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: NOW, knownDomains: await domains() };
    const blob = new Blob([readFileSync(join(DIR, name))]);
    const f = await parseImportFile(name, blob, ctx);
    expect(f.fatal).toBeUndefined();
    expect(f.errors).toEqual([]);
    expect(f).toMatchObject({ name, kind: want.kind, format: name.endsWith('.json') ? 'json' : 'csv', rowsRead: want.rows, valid: want.rows });
    expect(count(f)).toBe(want.records);
  });

  it('read the European invoices by domain, with narrow no-break spaces, euro signs and day-first dates', async () => {
    const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: NOW, knownDomains: await domains() };
    const f = await parseImportFile('invoices-eu.csv', read('invoices-eu.csv'), ctx);
    expect(f.batch.invoices).toEqual([
      { tenantId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c64', number: 'FA-2026-0417', issuedOn: '2026-09-15', dueOn: '2026-10-15', amount: 123450, paid: 0, currency: 'EUR' },
      { tenantId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c64', number: 'FA-2026-0502', issuedOn: '2026-10-13', dueOn: '2026-11-13', amount: 98000, paid: 0, currency: 'EUR' },
      { tenantId: 'a7c9e1f3-2b4d-4e6f-8a1c-3e5f7a9b1d22', number: 'FA-2026-0519', issuedOn: '2026-10-20', dueOn: '2026-11-19', amount: 240000, paid: 120000, currency: 'GBP' },
    ]);
  });

  it('go into the store in one import, change nothing when imported again, and survive a backup and restore', async () => {
    const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: NOW, knownDomains: await domains() };
    // One customers file per import: two files that disagree about a customer would each win half the time.
    const names = Object.keys(EXPECTED).filter((n) => n !== 'backup.json' && (n === 'customers.csv' || !n.startsWith('customer')));
    const files = await Promise.all(names.map((n) => parseImportFile(n, read(n), ctx)));
    const batch = mergeBatches(files.map((f) => f.batch), false);
    const db = await openStore();
    const first = await commitImport(db, batch, NOW);
    expect(first.customers?.added).toBe(5);
    expect(first.invoices?.added).toBe(7);
    expect(first.alerts?.added).toBe(6);
    expect(await db.count('subscriptions')).toBe(5); // the JSON's three are the CSV's last three
    expect(await db.count('spending')).toBe(6); // the usage summary adds Tailspin's snapshot of 2026-11-24 to the CSV's five
    const again = await commitImport(db, batch, NOW);
    for (const kind of ['customers', 'invoices', 'spending', 'subscriptions', 'alerts'] as const) {
      expect(again[kind], kind).toMatchObject({ added: 0, updated: 0 });
    }
    for (const n of ['customers-partner-center.csv', 'customers.json', 'customer.json']) {
      const f = await parseImportFile(n, read(n), ctx);
      await commitImport(db, f.batch, NOW);
      expect((await commitImport(db, f.batch, NOW)).customers, n).toMatchObject({ added: 0, updated: 0 });
    }
    expect(await db.count('customers')).toBe(5);

    const backup = await exportBackup(db, NOW);
    const parsed = await parseImportFile('backup.json', JSON.stringify(backup), ctx);
    expect(parsed).toMatchObject({ kind: 'backup', errors: [] });
    expect(parsed.rowsRead).toBe(5 + 7 + 6 + 5 + 6);
    await restoreBackup(db, parsed.backup);
    expect(await countInvoices(db)).toBe(7);
    db.close();

    const sample = await parseImportFile('backup.json', read('backup.json'), ctx);
    const other = await openStore('restore-sample');
    expect(await restoreBackup(other, sample.backup)).toMatchObject({ customers: 2, invoices: 1, checklist: 1 });
    other.close();
  });
});

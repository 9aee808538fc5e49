// Fuzzed imports: whatever the bytes, the importer answers (never throws) and a commit writes all or nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitImport, mergeBatches, openStore } from '../../lib/db';
import { parseImportFile, type ParseContext } from '../../lib/import';
import { english, englishErrors } from './english';

const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: '2026-11-25T10:00:00.000Z', knownDomains: new Map() };
const HEADERS = ['Customer ID', 'Company name', 'Invoice number', 'Invoice date', 'Due date', 'Amount', 'Paid', 'Currency', 'Monthly budget', 'Spend to date', 'As of', 'Domain', 'Country', 'Prepaid'];
const cell = fc.oneof(fc.string(), fc.constantFrom('11111111-1111-4111-8111-111111111111', '2026-02-29', '1,234.50', 'USD', 'yes', '"', '\n', ';', '', '9999999999999999999'));

describe('fuzzed files', () => {
  it('parses any CSV-ish text without throwing, and every error names a line', async () => {
    await fc.assert(fc.asyncProperty(
      fc.shuffledSubarray(HEADERS, { minLength: 1 }), fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 20 }), fc.constantFrom(',', ';', '\t'),
      async (headers, rows, sep) => {
        const text = [headers, ...rows].map((r) => r.join(sep)).join('\n');
        const f = await parseImportFile('fuzz.csv', text, ctx);
        expect(f.rowsRead).toBeGreaterThanOrEqual(f.valid);
        if (!f.fatal) expect(f.errors.length + f.valid).toBe(f.rowsRead);
        for (const e of f.errors) expect(english(e.message)).toMatch(/^line \d+: /);
      }), { numRuns: 300 });
  });

  it('parses any JSON value without throwing', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), fc.constantFrom('items', 'value', ''), async (value, wrap) => {
      const json = JSON.stringify(wrap ? { [wrap]: Array.isArray(value) ? value : [value] } : value);
      const f = await parseImportFile('fuzz.json', json, ctx);
      expect(f.format).toBe('json');
      for (const e of f.errors) expect(english(e.message)).toMatch(/^item \d+: /);
    }), { numRuns: 300 });
  });

  it('parses arbitrary bytes without throwing', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400 }), async (s) => {
      const f = await parseImportFile('bytes.csv', s, ctx);
      expect(['csv', 'json']).toContain(f.format);
    }), { numRuns: 300 });
  });

  it('commits the valid rows of a fuzzed file whole, and a second commit of the same rows changes nothing', async () => {
    let cases = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 15 }), async (rows) => {
      globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
      const db = await openStore();
      const text = ['Customer ID,Company name', ...rows.map(([n, name]) => `${String(n).repeat(8)}-1111-4111-8111-111111111111,"${name.replace(/"/g, '""')}"`)].join('\n');
      const f = await parseImportFile('c.csv', text, ctx);
      const batch = mergeBatches([f.batch], false);
      await commitImport(db, batch, ctx.now);
      expect(await db.count('customers')).toBe(batch.customers!.length);
      const again = await commitImport(db, batch, ctx.now);
      expect(again.customers?.added ?? 0).toBe(0);
      expect(again.customers?.updated ?? 0).toBe(0);
      db.close();
      cases++;
    }), { numRuns: 60 });
    expect(cases).toBe(60);
  });
});

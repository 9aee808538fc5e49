// Invoices kept in customers' books (lib/db/books.ts): any sequence of imports leaves the invoices, counts and
// summaries that one record per invoice would, checked against a plain map of invoices by key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allInvoices, commitImport, openStore, readAllSummaries, rebuildSummaries } from '../../lib/db';
import { SUMMARY_INPUTS } from '../../lib/db/summaries';
import type { Customer, Invoice } from '../../lib/schema';

const NOW = '2026-11-25T10:00:00.000Z';
const ids = Array.from({ length: 5 }, (_, i) => `${String(i).padStart(8, '0')}-4444-4444-8444-444444444444`);
const customer = (tenantId: string, i: number): Customer => ({ tenantId, name: `C${i}`, updatedAt: NOW, origin: 'import' });

const invoice = fc.record({
  tenant: fc.integer({ min: 0, max: ids.length - 1 }),
  n: fc.integer({ min: 0, max: 12 }),
  amount: fc.integer({ min: 1, max: 5 }).map((x) => x * 100),
  paid: fc.integer({ min: 0, max: 5 }).map((x) => x * 100),
  due: fc.constantFrom('2026-09-01', '2026-10-15', '2026-12-31'),
}).map(({ tenant, n, amount, paid, due }): Invoice => ({
  // Numbers whose string order differs from their numeric order (INV-10 before INV-2).
  tenantId: ids[tenant], number: `INV-${n}`, issuedOn: '2026-08-01', dueOn: due, amount, paid: Math.min(paid, amount), currency: 'USD',
}));

const key = (i: Invoice) => `${i.tenantId} ${i.number}`;

describe('invoice books', () => {
  it('hold what one record per invoice would after any sequence of imports, counted the same, summaries as a rebuild makes them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(invoice, { maxLength: 30 }), { minLength: 1, maxLength: 5 }), async (batches) => {
        const db = await openStore(`books-${Math.random()}`);
        await commitImport(db, { customers: ids.map(customer) }, NOW);
        const model = new Map<string, Invoice>();
        for (const batch of batches) {
          const expected = { added: 0, updated: 0, unchanged: 0 };
          for (const i of batch) {
            const old = model.get(key(i));
            if (!old) expected.added++;
            else if (JSON.stringify(old) === JSON.stringify(i)) expected.unchanged++;
            else expected.updated++;
            model.set(key(i), i);
          }
          const out = await commitImport(db, { invoices: batch }, NOW);
          if (batch.length) expect(out.invoices).toEqual(expected);
        }
        const stored = await allInvoices(db);
        expect(new Map(stored.map((i) => [key(i), i]))).toEqual(model);
        expect(stored).toHaveLength(model.size);
        // Each book in invoice-number order (string order, as the version 6 store's keys gave them).
        for (const b of await db.getAll('invoiceBooks')) {
          const numbers = b.invoices.map((i) => i.number);
          expect(numbers).toEqual([...numbers].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        }
        // Summaries kept by the imports are those a rebuild from the books makes.
        const kept = await readAllSummaries(db);
        const tx = db.transaction(SUMMARY_INPUTS, 'readwrite');
        await rebuildSummaries(tx as never, ids);
        await tx.done;
        expect(await readAllSummaries(db)).toEqual(kept);
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});

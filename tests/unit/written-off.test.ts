// An invoice written off as a bad debt: read from a billing system's Status (Stripe's "uncollectible", "Written
// off", French "Passée en perte") or a yes/no write-off column; it closes the invoice and rates the customer D.
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseContext } from '../../lib/import';
import { commitImport, openStore, readAllSummaries } from '../../lib/db';
import { payerRating } from '../../lib/payer';
import { agingOf } from '../../lib/receivables';
import { Invoice } from '../../lib/schema';
import { english, englishErrors } from './english';

const A = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const NOW = '2026-11-25T10:00:00.000Z';
const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: NOW, knownDomains: new Map() };
const parse = (text: string) => parseImportFile('invoices.csv', text, ctx);
const HEAD = 'Customer ID,Invoice number,Invoice date,Due date,Amount,Paid,Currency,Paid date,Status';

describe('invoices written off', () => {
  it.each(['uncollectible', 'Written off', 'WRITTEN_OFF', 'write-off', 'Bad debt', 'Passée en perte', 'irrécouvrable'])('reads the status %s as written off', async (status) => {
    const f = await parse(`${HEAD}\n${A},INV-1,2026-01-01,2026-01-31,500.00,0,USD,,${status}\n`);
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.invoices).toEqual([{ tenantId: A, number: 'INV-1', issuedOn: '2026-01-01', dueOn: '2026-01-31', amount: 500_00, paid: 0, currency: 'USD', writtenOff: true }]);
    expect(Invoice.safeParse(f.batch.invoices![0]).success).toBe(true);
  });

  it('reads any other status (open, paid, overdue, void, one of its own) as not written off, without an error', async () => {
    const f = await parse(`${HEAD}\n${['open', 'Paid', 'overdue', 'void', 'Sent to collections'].map((s, i) => `${A},INV-${i},2026-01-01,2026-01-31,5,0,USD,,${s}`).join('\n')}\n`);
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.invoices!.map((i) => i.writtenOff)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads a yes/no write-off column, and names the line and column of a value that is neither', async () => {
    const head = 'Customer ID,Invoice number,Invoice date,Due date,Amount,Currency,Written off';
    const f = await parse(`${head}\n${A},INV-1,2026-01-01,2026-01-31,5,USD,yes\n${A},INV-2,2026-01-01,2026-01-31,5,USD,non\n${A},INV-3,2026-01-01,2026-01-31,5,USD,maybe\n`);
    expect(f.batch.invoices!.map((i) => [i.number, i.writtenOff])).toEqual([['INV-1', true], ['INV-2', undefined]]);
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]).toMatchObject({ line: 4 });
    expect(english(f.errors[0].message)).toMatch(/Written off/);
    expect(english(f.errors[0].message)).toMatch(/'maybe' is not yes or no/);
  });

  it('closes the invoice and rates its customer D, even one that always paid on time', async () => {
    const db = await openStore('written-off');
    const paidOnTime = { tenantId: A, number: 'INV-0', issuedOn: '2025-12-01', dueOn: '2025-12-31', amount: 100_00, paid: 100_00, currency: 'USD', paidOn: '2025-12-30' };
    await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW }], invoices: [paidOnTime] }, NOW);
    const before = (await readAllSummaries(db))[0].facts;
    expect(payerRating(before.payer)).toBe('A');
    const f = await parse(`${HEAD}\n${A},INV-1,2026-01-01,2026-01-31,500.00,0,USD,,uncollectible\n`);
    await commitImport(db, f.batch, NOW);
    const after = (await readAllSummaries(db))[0].facts;
    expect(payerRating(after.payer)).toBe('D');
    expect(after.openInvoices).toEqual([]);
    expect(agingOf(after.openInvoices, '2026-11-25').overdue).toBe(false);
  });
});

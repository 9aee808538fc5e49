// Unknown is not low: a customer is known once any imported record or staff-made change exists for it; a name
// seen in the portal alone does not make it known. Unknown customers have no score, show "No data", and are
// never listed as high risk. Known customers score as before.
import { describe, expect, it } from 'vitest';
import { badgeInTable, type BadgeTable } from '../../lib/badge-table';
import { commitImport, openStore, readAllSummaries, readTriage, type PrlDb } from '../../lib/db';
import type { Badge, PanelData } from '../../lib/messages';
import { defaultSettings, type Customer, type Invoice } from '../../lib/schema';
import { createService } from '../../lib/service';
import { isKnown } from '../../lib/summary';
import { buildTriage } from '../../lib/triage';
import { riskCsv } from '../../lib/reports';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-25T10:00:00.000Z';
const imported = (tenantId: string, name: string): Customer => ({ tenantId, name, origin: 'import', updatedAt: NOW });
const invoice = (tenantId: string): Invoice => ({ tenantId, number: 'INV-1', issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 100, paid: 100, currency: 'USD' });

async function setup() {
  const db = await openStore();
  const service = createService({ db, now: () => new Date(NOW), broadcast: () => undefined, loadMessages: async () => ({}), browserLanguage: () => 'en' });
  const ask = async <T>(req: Parameters<typeof service.handle>[0]): Promise<T> => {
    const r = await service.handle(req);
    if (!r.ok) throw new Error(r.error.key);
    return r.data as T;
  };
  const badge = async (id: string) => (await ask<Badge[]>({ type: 'badges.get', tenantIds: [id] }))[0];
  const panel = (id: string) => ask<PanelData>({ type: 'panel.get', tenantId: id });
  const table = () => ask<BadgeTable>({ type: 'badges.all' });
  const seen = (id: string, name: string) => ask({ type: 'customers.seen', customers: [{ tenantId: id, name }] });
  return { db, ask, badge, panel, table, seen };
}

describe('an unknown customer', () => {
  it('in an empty store: badge "unknown" without a score, in a request and in the table', async () => {
    const { badge, panel, table } = await setup();
    expect(await badge(A)).toEqual({ tenantId: A, level: 'unknown', overdue: false, known: false });
    const t = await table();
    expect(t.unknown).toEqual({ level: 'unknown', overdue: false });
    expect((await panel(A)).known).toBe(false);
  });

  it('stays unknown once the portal has shown its name: recorded as seen in the portal, still no data', async () => {
    const { db, badge, panel, table, seen } = await setup();
    await seen(A, 'Contoso');
    // Recorded, and identifiable as recorded from the portal only.
    expect((await db.get('customers', A))!.origin).toBe('portal');
    const b = await badge(A);
    expect(b).toEqual({ tenantId: A, level: 'unknown', overdue: false });
    expect(b.score).toBeUndefined();
    const p = await panel(A);
    expect(p.known).toBe(false);
    expect(p.customer?.name).toBe('Contoso');
    expect(badgeInTable(await table(), A)).toEqual({ tenantId: A, level: 'unknown', overdue: false });
  });

  it.each([
    ['a customers file naming it (the same name)', async (db: PrlDb) => { await commitImport(db, { customers: [imported(A, 'Contoso')] }, NOW); }],
    ['an invoice (even one paid in full)', async (db: PrlDb) => { await commitImport(db, { invoices: [invoice(A)] }, NOW); }],
  ])('becomes known through %s, and scores exactly as an imported customer does', async (_, write) => {
    const { db, badge, panel, seen } = await setup();
    await seen(A, 'Contoso');
    await write(db);
    await commitImport(db, { customers: [imported(B, 'Fabrikam')] }, NOW);
    const [a, b] = [await badge(A), await badge(B)];
    expect(a.level).toBe('low');
    expect(a.score).toBe(20); // five identity checks and the activity-log review: as today
    expect(b).toMatchObject({ level: 'low', score: 20 });
    expect((await panel(A)).known).toBe(true);
  });

  it.each([
    ['a checklist tick', { type: 'checklist.set', tenantId: A, itemId: 'phone-contact', done: true }],
    ['a fact typed by staff', { type: 'customer.update', tenantId: A, patch: { paymentInstrument: 'invoice' } }],
    ['a flag', { type: 'flag.add', tenantId: A, kind: 'spam', note: 'x' }],
  ] as const)('becomes known through %s', async (_, req) => {
    const { ask, badge, panel, seen } = await setup();
    await seen(A, 'Contoso');
    await ask(req);
    expect((await badge(A)).level).not.toBe('unknown');
    expect((await panel(A)).known).toBe(true);
  });

  it('is never listed as high risk, however low the level thresholds', async () => {
    const { db, seen } = await setup();
    await seen(A, 'Contoso');
    await commitImport(db, { customers: [imported(B, 'Fabrikam')] }, NOW);
    const settings = { ...defaultSettings(), levels: { medium: 5, high: 10, critical: 90 } };
    const summaries = await readAllSummaries(db);
    expect(summaries.map((s) => [s.tenantId, isKnown(s)])).toEqual([[A, false], [B, true]]);
    const lists = buildTriage(summaries, [], await readTriage(db), settings, '2026-11-25', NOW);
    expect(lists.risk.map((r) => r.tenantId)).toEqual([B]);
  });

  it('is not counted in the budget coverage: "set for N of M customers" counts the customers with data', async () => {
    const { db, seen } = await setup();
    await seen(A, 'Contoso');
    await commitImport(db, { customers: [imported(B, 'Fabrikam')] }, NOW);
    const lists = buildTriage(await readAllSummaries(db), [], await readTriage(db), defaultSettings(), '2026-11-25', NOW);
    expect(lists.budgetCoverage).toEqual({ withBudget: 0, total: 1 });
  });

  it('has no score in the risk report: level unknown, listed after every scored customer', async () => {
    const { db, seen } = await setup();
    await seen(A, 'Aardvark');
    await commitImport(db, { customers: [imported(B, 'Zebra')] }, NOW);
    const rows = riskCsv(await readAllSummaries(db), defaultSettings(), '2026-11-25', NOW).trim().split(/\r?\n/);
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 5))).toEqual([['Zebra', B, '', '20', 'low'], ['Aardvark', A, '', '', 'unknown']]);
  });

  it('judges a summary stored before `known` was kept by what it holds', () => {
    const facts = { openInvoices: [], checklist: {}, openFlags: [], alerts: [] };
    const s = (origin: Customer['origin'], f = facts) => ({ tenantId: A, customer: { ...imported(A, 'C'), origin }, facts: f, attention: 0 as const });
    expect(isKnown(s('portal'))).toBe(false);
    expect(isKnown(s('import'))).toBe(true);
    expect(isKnown(s(undefined))).toBe(true);
    expect(isKnown(s('portal', { ...facts, openFlags: [{ id: 'f', kind: 'spam' }] as never }))).toBe(true);
  });
});

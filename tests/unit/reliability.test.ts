// Reliability: storage full mid-import, interleaved edits from several tabs and the popup, none lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitImport, countInvoices, openStore, readCustomerDetail, rebuildSummaries, setChecklistItem } from '../../lib/db';
import { SUMMARY_INPUTS } from '../../lib/db/summaries';
import { errorWording } from '../../lib/errors';
import { wording } from '../../lib/wording';
import { createService } from '../../lib/service';
import type { Customer, Invoice } from '../../lib/schema';

const A = '11111111-1111-4111-8111-111111111111';
const NOW = '2026-11-25T10:00:00.000Z';
const customer = (tenantId: string, name: string): Customer => ({ tenantId, name, updatedAt: NOW });
const invoice = (n: number): Invoice => ({ tenantId: A, number: `INV-${n}`, issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 100, paid: 0, currency: 'USD' });

describe('storage full', () => {
  it.each([
    [200, 20, 5],
    // A large import, several chunks of writes in flight when the quota runs out (and some after it).
    [3000, 300, 210],
  ])('writes nothing when the quota runs out half way through an import, and says so plainly (%i invoices of %i customers)', async (count, customers, failAt) => {
    const db = await openStore();
    const ids = [A, ...Array.from({ length: customers - 1 }, (_, i) => `${String(i).padStart(8, '0')}-3333-4333-8333-333333333333`)];
    await commitImport(db, { customers: ids.map((id, i) => customer(id, `C${i}`)) }, NOW);
    // Simulate the quota running out at one customer's book of invoices.
    const proto = Object.getPrototypeOf(db.transaction('invoiceBooks', 'readwrite').objectStore('invoiceBooks'));
    const put = proto.put;
    let calls = 0;
    proto.put = function (this: unknown, ...args: unknown[]) {
      if ((this as { name: string }).name === 'invoiceBooks' && ++calls === failAt) {
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      }
      return put.apply(this, args);
    };
    try {
      const invoices = Array.from({ length: count }, (_, i) => ({ ...invoice(i), tenantId: ids[i % customers] }));
      const error = await commitImport(db, { invoices }, NOW).then(() => undefined, (e: unknown) => e);
      expect((error as DOMException).name).toBe('QuotaExceededError');
      expect(errorWording(error)).toEqual(wording('error_no_storage'));
    } finally {
      proto.put = put;
    }
    expect(calls).toBeGreaterThanOrEqual(failAt); // the failing write was reached (the books before it went through)
    expect(await countInvoices(db)).toBe(0);
    expect((await db.get('summaries', A))!.facts.openInvoices).toEqual([]);
  });
});

describe('concurrent edits', () => {
  it('keeps every one of 100 interleaved ticks from two tabs and the popup: last writer by time wins, history keeps all', { timeout: 30_000 }, async () => {
    const items = ['phone-contact', 'background-check', 'sms-verification', 'dunning'];
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ item: fc.constantFrom(...items), done: fc.boolean(), via: fc.constantFrom('panel', 'panel', 'popup'), second: fc.integer({ min: 0, max: 59 }), ms: fc.integer({ min: 0, max: 999 }) }), { minLength: 100, maxLength: 100 }),
      async (edits) => {
        globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
        const db = await openStore();
        await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
        const at = (e: (typeof edits)[number]) => `2026-11-25T10:00:${String(e.second).padStart(2, '0')}.${String(e.ms).padStart(3, '0')}Z`;
        // All at once, as three writers would: IndexedDB serialises the transactions in an arbitrary order.
        await Promise.all(edits.map((e, i) => setChecklistItem(db, { tenantId: A, itemId: e.item, done: e.done, by: `staff-${i % 3}`, at: at(e), via: e.via })));
        const detail = await readCustomerDetail(db, A);
        expect(await db.count('checklistHistory')).toBe(100);
        for (const item of items) {
          const mine = edits.map((e, i) => ({ ...e, i, at: at(e) })).filter((e) => e.item === item);
          const entry = detail.checklist.find((c) => c.itemId === item);
          if (!mine.length) { expect(entry).toBeUndefined(); continue; }
          const latest = mine.reduce((a, b) => (b.at >= a.at ? b : a)).at;
          expect(entry!.at).toBe(latest);
          // Among edits with the same latest time, the state is one of theirs.
          expect(mine.filter((e) => e.at === latest).map((e) => e.done)).toContain(entry!.done);
          expect(detail.summary!.facts.checklist[item]).toEqual({ done: entry!.done, by: entry!.by, at: entry!.at });
        }
        db.close();
      }), { numRuns: 15 });
  });

  it('answers a request that hits a full store with a clear message, not a crash', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    const service = createService({ db, now: () => new Date(NOW), broadcast: () => undefined, loadMessages: async () => ({}), browserLanguage: () => 'en' });
    const proto = Object.getPrototypeOf(db.transaction('checklist', 'readwrite').objectStore('checklist'));
    const put = proto.put;
    proto.put = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'));
    try {
      const reply = await service.handle({ type: 'checklist.set', tenantId: A, itemId: 'phone-contact', done: true });
      expect(reply).toEqual({ ok: false, error: wording('error_no_storage') });
    } finally {
      proto.put = put;
    }
    expect(await db.count('checklist')).toBe(0);
    expect(await db.count('checklistHistory')).toBe(0);
  });
});

describe('a burst of ticks', () => {
  it('is written in one transaction: storage running out at its third tick writes none of them', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    const service = createService({ db, now: () => new Date(NOW), broadcast: () => undefined, loadMessages: async () => ({}), browserLanguage: () => 'en' });
    const proto = Object.getPrototypeOf(db.transaction('checklist', 'readwrite').objectStore('checklist'));
    const put = proto.put;
    let calls = 0;
    proto.put = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'checklist' && ++calls === 3) return Promise.reject(new DOMException('', 'QuotaExceededError'));
      return put.apply(this, args);
    };
    try {
      const items = ['phone-contact', 'background-check', 'sms-verification', 'dunning'].map((itemId) => ({ itemId, done: true }));
      const reply = await service.handle({ type: 'checklist.setMany', tenantId: A, items });
      expect(reply).toEqual({ ok: false, error: wording('error_no_storage') });
    } finally {
      proto.put = put;
    }
    expect(await db.count('checklist')).toBe(0);
    expect(await db.count('checklistHistory')).toBe(0);
  });
});

describe('large imports', () => {
  it('counts and summarises 5,000 invoices of 400 customers exactly, through the bulk paths', async () => {
    const db = await openStore();
    const ids = Array.from({ length: 400 }, (_, i) => `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`);
    const invoices: Invoice[] = Array.from({ length: 5000 }, (_, i) => ({ ...invoice(i), tenantId: ids[i % 400], paid: i % 10 === 0 ? 100 : 0 }));
    const first = await commitImport(db, { customers: ids.map((id, i) => customer(id, `C${i}`)), invoices }, NOW);
    expect(first.customers).toEqual({ added: 400, updated: 0, unchanged: 0 });
    expect(first.invoices).toEqual({ added: 5000, updated: 0, unchanged: 0 });
    const second = invoices.map((x, i) => (i < 3 ? { ...x, paid: 50 } : x));
    const again = await commitImport(db, { invoices: second }, NOW);
    expect(again.invoices).toEqual({ added: 0, updated: 3, unchanged: 4997 });
    const s = await db.get('summaries', ids[0]);
    // Customer 0's invoices are numbers 0, 400, 800…: all paid in the first file, INV-0 half paid in the second.
    expect(s!.facts.openInvoices.map((o) => [o.number, o.balance])).toEqual([['INV-0', 50]]);
    expect((await db.get('summaries', ids[1]))!.facts.openInvoices).toHaveLength(second.filter((x) => x.tenantId === ids[1] && x.paid < x.amount).length);
    expect(s!.oldestDue).toBe('2026-10-01');
    expect(await db.count('summaries')).toBe(400);
  });

  it('summarises customers whose invoices all came with the import without reading them back, and the others from the store', async () => {
    const db = await openStore();
    const ids = Array.from({ length: 400 }, (_, i) => `${String(i).padStart(8, '0')}-2222-4222-8222-222222222222`);
    // Customer 0 already has an open invoice: its summary must still count it.
    await commitImport(db, { customers: ids.map((id, i) => customer(id, `C${i}`)), invoices: [{ ...invoice(99_999), tenantId: ids[0], dueOn: '2026-08-01' }] }, NOW);
    const invoices: Invoice[] = Array.from({ length: 5000 }, (_, i) => ({ ...invoice(i), tenantId: ids[i % 400], paid: i % 10 === 0 ? 100 : 0 }));
    // The same invoice twice in the batch (customer 1, INV-1): the later one is what the store keeps.
    invoices.push({ ...invoice(1), tenantId: ids[1], paid: 100 });
    const proto = Object.getPrototypeOf(db.transaction('invoiceBooks').objectStore('invoiceBooks'));
    const get = proto.get;
    const reads: unknown[] = [];
    proto.get = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'invoiceBooks') reads.push(args[0]);
      return get.apply(this, args);
    };
    try {
      await commitImport(db, { invoices }, NOW);
    } finally {
      proto.get = get;
    }
    // Only customer 0's book, who had an invoice before: once to add to it, once for its summary.
    expect(reads).toEqual([ids[0], ids[0]]);
    const imported = await db.getAll('summaries');
    expect(imported.find((x) => x.tenantId === ids[0])!.facts.openInvoices[0]).toMatchObject({ number: 'INV-99999', dueOn: '2026-08-01' });
    expect(imported.find((x) => x.tenantId === ids[1])!.facts.openInvoices.map((o) => o.number)).not.toContain('INV-1');
    // The same summaries as a rebuild that reads every invoice from the store.
    const tx = db.transaction(SUMMARY_INPUTS, 'readwrite');
    await rebuildSummaries(tx as never, ids);
    await tx.done;
    expect(await db.getAll('summaries')).toEqual(imported);
  });
});

describe('several files at once', () => {
  it('writes and counts a customer named by two files once, the later file winning', async () => {
    const { mergeBatches } = await import('../../lib/db');
    const db = await openStore();
    const batch = mergeBatches([{ customers: [customer(A, 'Contoso')] }, { customers: [customer(A, 'Contoso Ltd')] }], false);
    const outcome = await commitImport(db, batch, NOW);
    expect(outcome.customers).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await db.get('customers', A))!.name).toBe('Contoso Ltd');
  });
});

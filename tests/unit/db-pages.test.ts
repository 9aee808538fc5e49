// Reading the store in pages: customer domains for an import, every key of a store page by page, and the record
// counts a restore shows before it replaces them.
import { describe, expect, it } from 'vitest';
import { commitImport, countRecords, openStore, setChecklistItem } from '../../lib/db';
import type { Customer, Spending } from '../../lib/schema';

const NOW = '2026-11-25T10:00:00.000Z';
const customer = (tenantId: string, name: string, extra: Partial<Customer> = {}): Customer => ({ tenantId, name, updatedAt: NOW, origin: 'import', ...extra });

describe('the records a restore would replace', () => {
  it('are counted per store in one read, from lib/db', async () => {
    const db = await openStore(`counts-${Math.random()}`);
    const id = (n: number) => `ffffffff-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await commitImport(db, { customers: [customer(id(1), 'A'), customer(id(2), 'B')] }, NOW);
    await setChecklistItem(db, { tenantId: id(1), itemId: 'dunning', done: true, by: 'Ana', at: NOW, via: 'panel' });
    expect(await countRecords(db)).toEqual({
      customers: 2, subscriptions: 0, invoices: 0, spending: 0, checklist: 1, checklistHistory: 1, flags: 0, alerts: 0, triage: 0, teamRecords: 1, decisions: 0,
    });
    db.close();
  });
});

describe('customers counted up to a limit', () => {
  it('counts exactly below the limit and says "the limit" at or above it, without reading the keys', async () => {
    const { countCustomersUpTo } = await import('../../lib/db');
    const db = await openStore(`upto-${Math.random()}`);
    const id = (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;
    // A read that hands every key over (10,000 customers: 2,001 keys for the popup's first rows) is what it avoids.
    const store = Object.getPrototypeOf(db.transaction('customers').store) as { getAllKeys: unknown };
    const getAllKeys = store.getAllKeys;
    const counted = async (maxes: number[]) => {
      store.getAllKeys = () => { throw new Error('keys read'); };
      try {
        return await Promise.all(maxes.map((max) => countCustomersUpTo(db, max)));
      } finally {
        store.getAllKeys = getAllKeys;
      }
    };
    expect(await counted([0, 5])).toEqual([0, 0]);
    await commitImport(db, { customers: Array.from({ length: 7 }, (_, n) => customer(id(n), `C${n}`)) }, NOW);
    expect(await counted([0, 1, 6, 7, 8, 100])).toEqual([0, 1, 6, 7, 7, 7]);
    db.close();
  });
});

describe('customer domains for an import', () => {
  it('reads every domain, lower case, across pages of 2,000 customers', async () => {
    const { readCustomerDomains } = await import('../../lib/db');
    const db = await openStore(`domains-${Math.random()}`);
    const id = (n: number) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const customers = Array.from({ length: 4_500 }, (_, n) => customer(id(n), `C${n}`, n % 10 === 9 ? {} : { domain: `C${n}.Example.com` }));
    await commitImport(db, { customers }, NOW);
    const domains = await readCustomerDomains(db);
    expect(domains.size).toBe(4_050);
    expect(domains.get('c0.example.com')).toBe(id(0));
    expect(domains.get('c4498.example.com')).toBe(id(4498));
    expect(domains.has('c9.example.com')).toBe(false);
    db.close();
  });
});

describe('reading a store a page at a time', () => {
  it('gives every key once, in order, with its value, across pages and compound keys', async () => {
    const { eachPage } = await import('../../lib/db/pages');
    const db = await openStore(`pages-${Math.random()}`);
    const id = (n: number) => `eeeeeeee-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const customers = [0, 1, 2].map((n) => customer(id(n), `C${n}`));
    const day = (n: number) => `2026-01-${String(n + 1).padStart(2, '0')}`;
    const spending: Spending[] = Array.from({ length: 25 }, (_, n) => ({ tenantId: id(n % 3), asOf: day(n), spendToDate: n, currency: 'USD' }));
    await commitImport(db, { customers, spending }, NOW);
    const seen: Array<[IDBValidKey, number]> = [];
    const sizes: number[] = [];
    await eachPage(db.transaction('spending').store as never, 10, true, (keys, values: Spending[]) => {
      sizes.push(keys.length);
      keys.forEach((k, i) => seen.push([k, values[i].spendToDate]));
    });
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen.map(([k]) => (k as string[]).join('/'))).toEqual([...spending].map((x) => `${x.tenantId}/${x.asOf}`).sort());
    expect(seen.every(([k, spend]) => (k as string[])[1] === day(spend))).toBe(true);
    // Keys alone when values are not asked for.
    let values = -1;
    await eachPage(db.transaction('spending').store as never, 10, false, (_, v) => { values = Math.max(values, v.length); });
    expect(values).toBe(0);
    db.close();
  });
});

describe('every summary', () => {
  it('is read a page of 2,000 at a time (one read of 10,000 holds the team\'s exchange and the pages for seconds), each once', async () => {
    const { readAllSummaries } = await import('../../lib/db');
    const db = await openStore(`summaries-${Math.random()}`);
    const id = (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await commitImport(db, { customers: Array.from({ length: 4_500 }, (_, n) => customer(id(n), `C${n}`)) }, NOW);
    const proto = Object.getPrototypeOf(db.transaction('summaries').store);
    const getAll = proto.getAll;
    const counts: Array<number | undefined> = [];
    proto.getAll = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'summaries') counts.push(args[1] as number | undefined);
      return getAll.apply(this, args);
    };
    try {
      const all = await readAllSummaries(db);
      expect(all.map((s) => s.tenantId)).toEqual(Array.from({ length: 4_500 }, (_, n) => id(n)));
    } finally {
      proto.getAll = getAll;
    }
    expect(counts).toEqual([2_000, 2_000, 2_000]);
    db.close();
  });
});

// The badge table a customers list receives: every look survives the trip, and lookups find every customer
// (first, last, any order given) and no one else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { badgeInTable, encodeBadgeTable } from '../../lib/badge-table';
import type { Badge } from '../../lib/messages';

const guid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const unknown = { level: 'unknown', overdue: false } as const;

describe('badge table', () => {
  it('gives back every badge as it went in, each level, score 0–100, overdue and budget mark', () => {
    const levels = ['low', 'medium', 'high', 'critical'] as const;
    const budgets = [undefined, 'breached', 'approaching', 'forecast'] as const;
    const badges: Badge[] = [];
    let n = 0;
    for (const level of levels) for (const budget of budgets) for (const overdue of [false, true]) for (const score of [0, 7, 35, 36, 99, 100]) {
      badges.push({ tenantId: guid(n++), level, score, overdue, ...(budget ? { budget } : {}) });
    }
    // Given in reverse: the table sorts them itself.
    const table = encodeBadgeTable([...badges].reverse(), unknown);
    expect(table.ids.length).toBe(badges.length * 36);
    expect(table.looks.length).toBe(badges.length * 4);
    for (const b of badges) expect(badgeInTable(table, b.tenantId)).toEqual(b);
    expect(table.unknown).toEqual(unknown);
  });

  it('finds every customer of any set, in any letter case, and no one outside it', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 60 }), fc.integer({ min: 0, max: 1_000_000 }), (ns, other) => {
      const table = encodeBadgeTable(ns.map((n) => ({ tenantId: guid(n), level: 'high', score: n % 101, overdue: n % 2 === 0 })), unknown);
      for (const n of ns) expect(badgeInTable(table, guid(n).toUpperCase())).toEqual({ tenantId: guid(n), level: 'high', score: n % 101, overdue: n % 2 === 0 });
      if (!ns.includes(other)) expect(badgeInTable(table, guid(other))).toBeUndefined();
    }));
  });

  it('keeps an unknown customer (in the store, no data) as unknown, with no score', () => {
    const table = encodeBadgeTable([{ tenantId: guid(1), level: 'unknown', overdue: false }, { tenantId: guid(2), level: 'low', score: 20, overdue: false }], unknown);
    expect(table.looks).toBe('u000l0k0');
    expect(badgeInTable(table, guid(1))).toEqual({ tenantId: guid(1), level: 'unknown', overdue: false });
    expect(badgeInTable(table, guid(2))).toEqual({ tenantId: guid(2), level: 'low', score: 20, overdue: false });
  });

  it('gives back the highest budget threshold crossed of each customer, beside its verdict, and none where none was', () => {
    const badges: Badge[] = [
      { tenantId: guid(1), level: 'high', score: 60, overdue: false, budget: 'breached', threshold: { percent: 100, basis: 'actual' } },
      { tenantId: guid(2), level: 'low', score: 10, overdue: false },
      { tenantId: guid(3), level: 'medium', score: 30, overdue: true, budget: 'forecast', threshold: { percent: 100, basis: 'forecast' }, verdict: 'watch', changed: true },
      { tenantId: guid(4), level: 'low', score: 12, overdue: false, threshold: { percent: 62.5, basis: 'actual' } },
      { tenantId: guid(5), level: 'high', score: 55, overdue: false, budget: 'breached', threshold: { percent: 100, basis: 'actual' } },
    ];
    const table = encodeBadgeTable(badges, unknown);
    for (const b of badges) expect(badgeInTable(table, b.tenantId)).toEqual(b);
    // Three distinct thresholds, one character per customer.
    expect(table.thresholds).toBe('100-actual,100-forecast,62.5-actual|0-120');
    expect(encodeBadgeTable([badges[1]], unknown)).not.toHaveProperty('thresholds');
  });

  it('is empty for an empty store', () => {
    const table = encodeBadgeTable([], unknown);
    expect(table).toEqual({ ids: '', looks: '', unknown });
    expect(badgeInTable(table, guid(1))).toBeUndefined();
  });
});

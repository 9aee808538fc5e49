// The content script's badge source: an answer older than the last store change that concerns it is dropped.
import { describe, expect, it, vi } from 'vitest';
import { createBadgeSource } from '../../entrypoints/content/badge-source';
import { encodeBadgeTable } from '../../lib/badge-table';
import type { Badge } from '../../lib/messages';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const badge = (tenantId: string, score: number): Badge => ({ tenantId, level: score >= 50 ? 'high' : 'low', score, overdue: false, known: true });
const UNKNOWN = { level: 'unknown', overdue: false } as const;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((ok) => { resolve = ok; });
  return { promise, resolve };
}

function sourceWith(answers: Array<Promise<Badge[]>>, tables: Array<Promise<ReturnType<typeof encodeBadgeTable> | null>> = []) {
  const onDropped = vi.fn();
  const fetchBadges = vi.fn(() => answers.shift()!);
  const fetchAll = vi.fn(() => tables.shift()!);
  const source = createBadgeSource({ fetchBadges, fetchAll }, { isInvalid: () => false, onDropped });
  return { source, onDropped, fetchBadges, fetchAll };
}

describe('badge source', () => {
  it('takes an answer that no change overtook', async () => {
    const { source } = sourceWith([Promise.resolve([badge(A, 10)])]);
    expect(await source.fetch([A])).toBe(true);
    expect(source.get(A)?.score).toBe(10);
  });

  it('drops an answer asked for before a change of the whole store, and asks for a new scan', async () => {
    const old = deferred<Badge[]>();
    const { source, onDropped } = sourceWith([old.promise]);
    const asked = source.fetch([A]);
    source.changed(); // an import: the answer on its way describes the store of before
    old.resolve([badge(A, 10)]);
    expect(await asked).toBe(false);
    expect(source.get(A)).toBeUndefined();
    expect(onDropped).toHaveBeenCalledOnce();
  });

  it('drops only the customers a later change concerns, and keeps the others of the same answer', async () => {
    const old = deferred<Badge[]>();
    const { source } = sourceWith([old.promise, Promise.resolve([badge(A, 70)])]);
    const asked = source.fetch([A, B]);
    source.changed([A]); // a tick on A's checklist
    old.resolve([badge(A, 10), badge(B, 20)]);
    expect(await asked).toBe(true);
    expect(source.get(A)).toBeUndefined();
    expect(source.get(B)?.score).toBe(20);
    // Asked again, A's new badge is taken.
    expect(await source.fetch([A])).toBe(true);
    expect(source.get(A)?.score).toBe(70);
  });

  it('drops a table asked for before a change of the whole store and asks for the new one', async () => {
    const old = deferred<ReturnType<typeof encodeBadgeTable> | null>();
    const fresh = encodeBadgeTable([badge(A, 80)], UNKNOWN);
    const { source, fetchAll } = sourceWith([], [old.promise, Promise.resolve(fresh)]);
    source.prefetch();
    source.changed();
    old.resolve(encodeBadgeTable([badge(A, 10)], UNKNOWN));
    await vi.waitFor(() => expect(source.get(A)?.score).toBe(80));
    expect(fetchAll).toHaveBeenCalledTimes(2);
  });

  it("reads a table's customer as stale when that customer changed while the table was on its way", async () => {
    const old = deferred<ReturnType<typeof encodeBadgeTable> | null>();
    const { source } = sourceWith([], [old.promise]);
    source.prefetch();
    source.changed([A]);
    old.resolve(encodeBadgeTable([badge(A, 10), badge(B, 20)], UNKNOWN));
    await vi.waitFor(() => expect(source.hasTable).toBe(true));
    expect(source.get(A)).toBeUndefined(); // asked for again when shown
    expect(source.get(B)?.score).toBe(20);
    expect(source.get('33333333-3333-4333-8333-333333333333')).toMatchObject({ level: 'unknown', known: false });
  });
});

// A scan of a long list lists the rows without reading them: a row's id and cells are read only when its block
// comes near the view, so rows left far from it cost the scan nothing of their own (reading every row's name cell,
// then every row's id, on every scan was most of a 10,000-row scan; bench/RESULTS.md). Portal-shaped DOM as in
// badges.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startBadges } from '../../entrypoints/content/badges';
import type { Badge } from '../../lib/messages';

const id = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const ac = new AbortController();
afterEach(() => ac.abort());
const ctx = {
  get isInvalid() { return ac.signal.aborted; },
  signal: ac.signal,
  setTimeout: (f: () => void, ms?: number) => setTimeout(f, ms),
  requestAnimationFrame: (f: FrameRequestCallback) => requestAnimationFrame(f),
} as unknown as ContentScriptContext;

describe('badges of a long list', () => {
  it('reads neither the id nor any cell of the rows left far from the view', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => id(i + 1));
    // No layout here: nothing is near until the test reports it.
    let report: (targets: Element[]) => void = () => undefined;
    const domIO = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = class {
      constructor(cb: IntersectionObserverCallback) { report = (ts) => cb(ts.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), this as never); }
      observe() { /* reported by the test */ }
      unobserve() { /* */ }
      disconnect() { /* */ }
    } as never;
    try {
      // The grid: a host, its shadow root, an inner host and its shadow root, the table; every read of a name
      // cell's id (how a row's cell is found) counted per row, and every read of a row's own id.
      const host = document.createElement('customersvcadmin_he-data-grid');
      const inner = document.createElement('he-grid-body');
      host.attachShadow({ mode: 'open' }).append(inner);
      const body = document.createElement('tbody');
      const table = document.createElement('table');
      table.append(body);
      inner.attachShadow({ mode: 'open' }).append(table);
      const reads = new Map<string, number>();
      const rowReads = new Map<string, number>();
      for (const rid of ids) {
        const tr = document.createElement('tr');
        tr.id = `row-${rid}`;
        Object.defineProperty(tr, 'id', { get: () => { rowReads.set(rid, (rowReads.get(rid) ?? 0) + 1); return `row-${rid}`; } });
        const td = document.createElement('td');
        td.textContent = `Name of ${rid}`;
        Object.defineProperty(td, 'id', { get: () => { reads.set(rid, (reads.get(rid) ?? 0) + 1); return `cell-displayName-${rid}`; } });
        tr.append(td);
        body.append(tr);
      }
      document.body.replaceChildren(host);
      const fetchBadges = vi.fn(async (tenantIds: string[]): Promise<Badge[]> => tenantIds.map((tenantId) => ({ tenantId, level: 'high', score: 60, overdue: false })));
      const scanned = () => performance.getEntriesByName('prl:badges-painted').some((m) => ((m as PerformanceMark).detail?.waiting ?? 0) === 200);
      const manager = startBadges(ctx, { fetchBadges, fetchAll: async () => null, recordSeen: () => undefined, t: () => (k: string) => k });
      await vi.waitFor(() => expect(scanned()).toBe(true));
      expect(reads.size).toBe(0);
      // (The walk for shadow roots looks at a body's first and last rows, to pass it by whole.)
      expect([...rowReads.keys()].filter((rid) => rid !== ids[0] && rid !== ids[199])).toEqual([]);
      // The first block comes near: its rows' cells are read as their badges go in, no other row's.
      report([body.firstElementChild!]);
      const badged = () => body.querySelectorAll('prl-badge').length;
      await vi.waitFor(() => expect(badged()).toBe(150));
      expect([...reads.keys()].every((rid) => ids.indexOf(rid) < 150)).toBe(true);
      expect(reads.has(ids[199])).toBe(false);
      expect([...rowReads.keys()].every((rid) => ids.indexOf(rid) < 150 || rid === ids[199])).toBe(true);
      manager.stop();
    } finally {
      globalThis.IntersectionObserver = domIO;
    }
  });
});

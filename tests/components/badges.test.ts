// The badge manager on portal-shaped DOM: one badge per row and link, placeholders skipped, rows changed in
// place re-badged, rows badged as the view nears them, requests batched (at most 5,000 ids a message), unknown
// customers recorded by name.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startBadges } from '../../entrypoints/content/badges';
import type { Badge } from '../../lib/messages';
import { badgeInTable, encodeBadgeTable, type BadgeTable } from '../../lib/badge-table';

const id = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const t = (k: string, ...s: Array<string | number>) => (s.length ? `${k}(${s.join('|')})` : k);

function grid(ids: string[]): { host: HTMLElement; body: HTMLElement } {
  const host = document.createElement('customersvcadmin_he-data-grid');
  const inner = document.createElement('he-grid-body');
  host.attachShadow({ mode: 'open' }).append(inner);
  const table = document.createElement('table');
  const body = document.createElement('tbody');
  table.append(body);
  inner.attachShadow({ mode: 'open' }).append(table);
  for (const r of ids) body.append(row(r));
  return { host, body };
}
function row(rid: string): HTMLElement {
  const tr = document.createElement('tr');
  tr.id = `row-${rid}`;
  const td = document.createElement('td');
  td.id = `cell-displayName-${rid}`;
  const btn = document.createElement('customersvcadmin_he-button');
  btn.textContent = `Name of ${rid}`;
  td.append(btn);
  tr.append(td);
  return tr;
}
const badgesIn = (root: ParentNode): Element[] => {
  const out: Element[] = [];
  const walk = (r: ParentNode) => {
    for (const el of r.querySelectorAll('*')) {
      if (el.localName === 'prl-badge') out.push(...el.shadowRoot!.querySelectorAll('[data-testid="risk-badge"]'));
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
};
/** How many scans the managers have finished so far (each ends with a `prl:badges-painted` mark naming its phases). */
const scans = () => performance.getEntriesByName('prl:badges-painted').filter((e) => (e as PerformanceMark).detail?.scan !== undefined).length;
/** Polls until a scan ends after the count `since` (taken before what starts it). */
const scanAfter = (since: number) => vi.waitFor(() => expect(scans()).toBeGreaterThan(since));

/** WXT's context as the manager uses it: its timers and frames, and a signal that ends everything. */
const contexts: AbortController[] = [];
// A test that failed half-way leaves no manager running into the next.
afterEach(() => { for (const c of contexts.splice(0)) c.abort(); });
function fakeContext(): ContentScriptContext {
  const ac = new AbortController();
  contexts.push(ac);
  return {
    get isInvalid() { return ac.signal.aborted; },
    signal: ac.signal,
    setTimeout: (f: () => void, ms?: number) => setTimeout(f, ms),
    requestAnimationFrame: (f: FrameRequestCallback) => requestAnimationFrame(f),
  } as unknown as ContentScriptContext;
}

/** A DOM without layout: every watched row is reported near the view, all together, a task after it is watched. */
class InViewObserver {
  private targets = new Set<Element>();
  private pending = false;
  constructor(private cb: IntersectionObserverCallback) {}
  observe(t: Element) {
    this.targets.add(t);
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      if (this.targets.size) this.cb([...this.targets].map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), this as never);
    }, 0);
  }
  unobserve(t: Element) { this.targets.delete(t); }
  disconnect() { this.targets.clear(); }
}
const domIO = globalThis.IntersectionObserver;
globalThis.IntersectionObserver = InViewObserver as never;
afterAll(() => { globalThis.IntersectionObserver = domIO; });

function start(knownIds = new Set<string>(), table: BadgeTable | null = null) {
  const fetchBadges = vi.fn(async (ids: string[]): Promise<Badge[]> =>
    ids.map((tenantId) => ({ tenantId, level: 'high', score: 60, overdue: true, ...(knownIds.has(tenantId) ? {} : { known: false }) })));
  const fetchAll = vi.fn(async () => table);
  const recordSeen = vi.fn();
  const manager = startBadges(fakeContext(), { fetchBadges, fetchAll, recordSeen, t: () => t });
  return { fetchBadges, fetchAll, recordSeen, manager };
}

describe('badge manager', () => {
  it('badges each customer row and link once, skips placeholders, and records unknown customers by name', async () => {
    document.body.innerHTML = `<a id="l1" href="https://partner.microsoft.com/dashboard/v2/customers/${id(1)}/account">one</a>`;
    const { host } = grid(['he-row-0', '1', id(1), id(2), id(2)]);
    document.body.append(host);
    const since = scans();
    const { fetchBadges, recordSeen, manager } = start(new Set([id(1)]));
    await scanAfter(since);
    await vi.waitFor(() => expect(recordSeen).toHaveBeenCalled());
    const badges = badgesIn(document);
    expect(badges.map((b) => b.getAttribute('data-tenant-id')).sort()).toEqual([id(1), id(1), id(2), id(2)]);
    expect(badges.every((b) => b.getAttribute('data-overdue') === 'true' && b.getAttribute('data-level') === 'high')).toBe(true);
    // The link's badge in the scan's request, then the rows' not yet at hand, once the view reports them near.
    expect(fetchBadges.mock.calls.map((c) => c[0])).toEqual([[id(1)], [id(2)]]);
    expect(recordSeen).toHaveBeenCalledWith([{ tenantId: id(2), name: `Name of ${id(2)}` }]);
    manager.stop();
    expect(badgesIn(document)).toHaveLength(0);
  });

  it('re-badges a row whose id changes in place, and badges rows that arrive late', async () => {
    const { host, body } = grid([id(1)]);
    document.body.replaceChildren(host);
    const { manager } = start();
    await vi.waitFor(() => expect(badgesIn(document)).toHaveLength(1));
    const first = body.querySelector('tr')!;
    first.id = `row-${id(9)}`;
    first.firstElementChild!.id = `cell-displayName-${id(9)}`;
    body.append(row(id(10)));
    await vi.waitFor(() => expect(badgesIn(document).map((b) => b.getAttribute('data-tenant-id')).sort()).toEqual([id(10), id(9)].sort()));
    manager.stop();
  });

  it('badges the rows near the view only, a block and its neighbours as the view nears them, asking for those alone', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => id(i + 1));
    const watched = new Set<Element>();
    let report: (targets: Element[]) => void = () => undefined;
    globalThis.IntersectionObserver = class {
      constructor(cb: IntersectionObserverCallback) { report = (targets) => cb(targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), this as never); }
      observe(t: Element) { watched.add(t); }
      unobserve(t: Element) { watched.delete(t); }
      disconnect() { watched.clear(); }
    } as never;
    try {
      const { host, body } = grid(ids);
      document.body.replaceChildren(host);
      const since = scans();
      const { manager, fetchBadges } = start(new Set(ids));
      await scanAfter(since);
      const badged = () => badgesIn(document).map((b) => ids.indexOf(b.getAttribute('data-tenant-id')!) + 1).sort((x, y) => x - y);
      const rowEl = (n: number) => body.querySelector(`tr[id="row-${id(n)}"]`)!;
      // Nothing is near until the view says so; blocks of 50 rows are watched through their first and last rows.
      expect(badged()).toEqual([]);
      expect(fetchBadges).not.toHaveBeenCalled();
      expect(watched.size).toBe(16);
      // The top of the list is in view: its block and the two after it get their badges, asked for in one request.
      report([rowEl(1)]);
      await vi.waitFor(() => expect(badged()).toEqual(ids.slice(0, 150).map((_, i) => i + 1)));
      expect(fetchBadges.mock.calls.map((c) => c[0])).toEqual([ids.slice(0, 150)]);
      expect(watched.has(rowEl(1)) || watched.has(rowEl(150))).toBe(false);
      // Scrolled to the bottom: the last block and the two before it.
      report([rowEl(400)]);
      await vi.waitFor(() => expect(badged()).toHaveLength(300));
      expect(badged().slice(150)).toEqual(Array.from({ length: 150 }, (_, i) => 251 + i));
      // Rows 151–250 are still without: watched through their blocks' ends, and badged when near.
      expect(rowEl(200).querySelector('prl-badge')).toBeNull();
      expect(watched.has(rowEl(151)) && watched.has(rowEl(200)) && watched.has(rowEl(201)) && watched.has(rowEl(250))).toBe(true);
      report([rowEl(200)]);
      await vi.waitFor(() => expect(badged()).toHaveLength(400));
      expect(badgesIn(document).every((b) => b.getAttribute('data-level') === 'high')).toBe(true);
      manager.stop();
      expect(badgesIn(document)).toHaveLength(0);
    } finally {
      globalThis.IntersectionObserver = InViewObserver as never;
    }
  });

  it('asks for 6,000 rows in messages of at most 5,000 ids', async () => {
    const ids = Array.from({ length: 6000 }, (_, i) => id(i + 1));
    document.body.replaceChildren(grid(ids).host);
    const { fetchBadges, manager } = start(new Set(ids));
    // All reported near the view at once (no layout here): their badges asked for together, then placed (the
    // manager marks how many went in; walking 6,000 rows to count them is slow here, so it is done once).
    const near = () => performance.getEntriesByName('prl:badges-near').map((e) => (e as PerformanceMark).detail?.shown ?? 0);
    await vi.waitFor(() => expect(Math.max(0, ...near())).toBe(6000), { timeout: 150_000, interval: 2000 });
    expect(badgesIn(document)).toHaveLength(6000);
    expect(fetchBadges.mock.calls.map((c) => c[0].length).sort()).toEqual([1000, 5000]);
    manager.stop();
  }, 180_000);

  it('with every badge at hand, gives the first rows theirs as they go in, before any frame, and asks for none', async () => {
    const { host, body } = grid(['he-row-0']);
    document.body.replaceChildren(host);
    const ids = Array.from({ length: 150 }, (_, i) => id(i + 1));
    // The store has all but the last customer; the table says what one it lacks looks like.
    const table: BadgeTable = encodeBadgeTable(
      ids.slice(0, -1).map((tenantId, i) => ({ tenantId, level: i % 2 ? 'low' : 'critical', score: i % 2 ? 5 : 90, overdue: i % 2 === 0, ...(i === 0 ? { budget: 'breached' as const } : {}) })),
      { level: 'medium', score: 30, overdue: false },
    );
    const since = scans();
    const { manager, fetchBadges, fetchAll, recordSeen } = start(new Set(), table);
    await scanAfter(since);
    manager.prefetch();
    await vi.waitFor(() => expect(fetchAll).toHaveBeenCalledTimes(1));
    // The table is in once its answer is: the manager took it first (its callback was queued before ours).
    await fetchAll.mock.results[0].value;
    // The portal swaps its placeholder for the real rows in one task; the observer's callback (a microtask)
    // places the first rows' badges, shown, before the manager's debounced scan has run.
    const scanning = scans();
    body.replaceChildren(...ids.map(row));
    await Promise.resolve();
    await Promise.resolve();
    const early = badgesIn(document);
    const shownRows = Math.ceil((3 * window.innerHeight) / 18);
    expect(early.length).toBe(Math.min(shownRows, ids.length));
    expect(early.map((b) => b.getAttribute('data-tenant-id'))).toEqual(ids.slice(0, early.length));
    expect(early[0].getAttribute('data-level')).toBe('critical');
    expect(early[0].getAttribute('data-budget')).toBe('breached');
    expect(early[0].getAttribute('data-overdue')).toBe('true');
    expect(early[1].getAttribute('data-level')).toBe('low');
    // The others get theirs as the view nears them (all of them here, without layout); nothing was asked for.
    await vi.waitFor(() => expect(badgesIn(document)).toHaveLength(ids.length));
    await scanAfter(scanning);
    expect(fetchBadges).not.toHaveBeenCalled();
    const last = badgesIn(document).find((b) => b.getAttribute('data-tenant-id') === ids.at(-1))!;
    expect(last.getAttribute('data-level')).toBe('medium');
    // The customer the store lacks is recorded with the name its row shows.
    await vi.waitFor(() => expect(recordSeen).toHaveBeenCalledWith([{ tenantId: ids.at(-1), name: `Name of ${ids.at(-1)}` }]));
    // Customers changed since the table came are asked for, not taken from it: one shown, one not yet listed.
    const later = id(999);
    manager.refresh([ids[0], later]);
    await vi.waitFor(() => expect(fetchBadges).toHaveBeenCalledWith([ids[0]]));
    await vi.waitFor(() => expect(badgesIn(document).find((b) => b.getAttribute('data-tenant-id') === ids[0])!.getAttribute('data-level')).toBe('high'));
    body.append(row(later));
    await vi.waitFor(() => expect(fetchBadges).toHaveBeenCalledWith([later]));
    await vi.waitFor(() => expect(badgesIn(document).find((b) => b.getAttribute('data-tenant-id') === later)?.getAttribute('data-level')).toBe('high'));
    // After a change to everything (an import), the table is asked for again.
    manager.refresh();
    await vi.waitFor(() => expect(fetchAll).toHaveBeenCalledTimes(2));
    manager.stop();
  });

  it('drops a table asked for before a change that lands while it loads: no row shows data from before an import', async () => {
    const { host, body } = grid(['he-row-0']);
    document.body.replaceChildren(host);
    const [one, two] = [id(1), id(2)];
    // Before the import both customers were low; the store now says critical (the import) and high (a tick).
    const before = encodeBadgeTable([one, two].map((tenantId) => ({ tenantId, level: 'low', score: 5, overdue: false })), { level: 'unknown', overdue: false });
    const after = encodeBadgeTable([{ tenantId: one, level: 'critical', score: 90, overdue: true }, { tenantId: two, level: 'high', score: 60, overdue: false }], { level: 'unknown', overdue: false });
    let answer!: (t: BadgeTable) => void;
    const fetchAll = vi.fn()
      .mockImplementationOnce(() => new Promise<BadgeTable>((ok) => { answer = ok; }))
      .mockImplementation(async () => after);
    const fetchBadges = vi.fn(async (ids: string[]): Promise<Badge[]> => ids.map((tenantId) => badgeInTable(after, tenantId)!));
    const manager = startBadges(fakeContext(), { fetchBadges, fetchAll, recordSeen: vi.fn(), t: () => t });
    manager.prefetch();
    await vi.waitFor(() => expect(fetchAll).toHaveBeenCalledTimes(1));
    // The import lands while the table is on its way, then the table of before arrives.
    manager.refresh();
    answer(before);
    await vi.waitFor(() => expect(fetchAll).toHaveBeenCalledTimes(2));
    body.replaceChildren(row(one), row(two));
    const level = (tenantId: string) => badgesIn(document).find((b) => b.getAttribute('data-tenant-id') === tenantId)?.getAttribute('data-level');
    await vi.waitFor(() => expect([level(one), level(two)]).toEqual(['critical', 'high']));
    manager.stop();
  });

  it('asks again for a customer changed while the table loads, instead of taking its line of before', async () => {
    const { host, body } = grid(['he-row-0']);
    document.body.replaceChildren(host);
    const one = id(1);
    const before = encodeBadgeTable([{ tenantId: one, level: 'low', score: 5, overdue: false }], { level: 'unknown', overdue: false });
    let answer!: (t: BadgeTable) => void;
    const fetchAll = vi.fn(() => new Promise<BadgeTable>((ok) => { answer = ok; }));
    const fetchBadges = vi.fn(async (ids: string[]): Promise<Badge[]> => ids.map((tenantId) => ({ tenantId, level: 'high', score: 60, overdue: true })));
    const manager = startBadges(fakeContext(), { fetchBadges, fetchAll, recordSeen: vi.fn(), t: () => t });
    manager.prefetch();
    await vi.waitFor(() => expect(fetchAll).toHaveBeenCalledTimes(1));
    manager.refresh([one]);
    answer(before);
    body.replaceChildren(row(one));
    await vi.waitFor(() => expect(badgesIn(document)[0]?.getAttribute('data-level')).toBe('high'));
    expect(fetchBadges).toHaveBeenCalledWith([one]);
    manager.stop();
  });

  it('without the table (a store too large to hand over), rows wait for the scan and its request', async () => {
    const { host, body } = grid(['he-row-0']);
    document.body.replaceChildren(host);
    const since = scans();
    const { manager, fetchBadges, fetchAll } = start(new Set([id(1)]), null);
    manager.prefetch();
    await vi.waitFor(() => expect(fetchAll).toHaveBeenCalledTimes(1));
    await fetchAll.mock.results[0].value;
    await scanAfter(since);
    body.replaceChildren(row(id(1)));
    await Promise.resolve();
    expect(badgesIn(document)).toHaveLength(0);
    await vi.waitFor(() => expect(badgesIn(document)).toHaveLength(1));
    expect(fetchBadges).toHaveBeenCalledWith([id(1)]);
    manager.stop();
  });
});

// Risk badges beside customer links and in customer grid rows near the view, kept in step with late and changed
// rows: the start, wiring a badge source (badge-source.ts) to placement (placement.ts) under WXT's context, so
// that its timers, frames and observers end with it.
// Pages: customers lists (/dashboard/{v2,commerce2}/customers/list, …/granularadminaccess/list) and any page
// that links to customers; on a customer's own pages, links to that same customer get none.
// Thousands of rows: grid rows get their badge within two screens of the view, farther ones as the view nears
// them; links outside grids all get theirs. On a customers list every customer's badge is asked for when the
// page opens (BadgeTable), and the first rows' badges go in as the rows do, in the task that inserts them: the
// table is laid out once, badges and all.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Badge } from '@/lib/messages';
import type { BadgeTable } from '@/lib/badge-table';
import { SEEN_CAPS } from '@/lib/seen-caps';
import type { Translate } from '@/lib/i18n';
import { collectShadowRoots, customerOfRow, eachGridRow, findCustomerLinks, gridRowOf, inGridRow, rowCandidates, shownName } from '@/lib/portal/scan';
import { createBadgeSource } from './badge-source';
import { createPlacement, watchNearView, type Target } from './placement';

const DEBOUNCE_MS = 16;
/** A scan gives the page back its main thread after this long. */
const SLICE_MS = 10;
/** Rows placed as they go in: those that fit the screen and the two below it at this row height. (The page is
 * not laid out yet then; the others are placed as the view nears them.) */
const MIN_ROW_PX = 18;

export interface BadgeDeps {
  fetchBadges(ids: string[]): Promise<Badge[]>;
  /** Every customer's badge, null when the store is too large to hand over whole. */
  fetchAll(): Promise<BadgeTable | null>;
  recordSeen(customers: Array<{ tenantId: string; name: string }>): void;
  t(): Translate;
}

/** A grid row as a target, its cell looked up only when its badge goes in or its name is read (rows far from the
 * view never need it, and reading every row's cells on every scan cost most of it). */
function rowTarget(row: Element, tenantId: string): Target {
  let cell: Element | undefined;
  const cellOf = () => (cell ??= gridRowOf(row)?.cell ?? row.firstElementChild ?? row);
  return { target: row, tenantId, get cell() { return cellOf(); }, insert: (h) => cellOf().append(h) };
}

export function startBadges(ctx: ContentScriptContext, deps: BadgeDeps) {
  const source = createBadgeSource(deps, { isInvalid: () => ctx.isInvalid, onDropped: () => schedule() });
  const placement = createPlacement({ badgeOf: source.get, t: deps.t });
  const view = typeof IntersectionObserver === 'function' ? watchNearView((xs) => void arrive(xs)) : undefined;
  const observed = new WeakSet<Node>();
  const seenNames = new Set<string>();
  let excluded: string | undefined;
  let timer: number | undefined;
  let scanning = false;
  let again = false;

  /** Lets the page run (input, its own tasks, a frame) before the next slice of a long scan. */
  const yieldToPage = (): Promise<void> => {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    return scheduler?.yield ? scheduler.yield() : new Promise((ok) => ctx.setTimeout(ok, 0));
  };
  const nextFrame = () => new Promise<void>((ok) => ctx.requestAnimationFrame(() => ctx.setTimeout(ok, 0)));

  // Our own badge hosts coming and going must not trigger another scan; anything else of the page's does
  // (an id or href changed in place included). Stops at the first node that is not ours.
  const notOurs = (nodes: NodeList) => { for (const n of nodes) if (!(n as Element).hasAttribute?.('data-prl')) return true; return false; };
  const observer = new MutationObserver((records) => {
    if (!records.some((r) => r.type === 'attributes' || notOurs(r.addedNodes) || notOurs(r.removedNodes))) return;
    if (source.hasTable && !ctx.isInvalid) {
      const start = performance.now();
      try { placeArriving(records, start); } catch (e) { console.warn('[Partner Risk Lens]', e); /* the scan places them */ }
    }
    schedule();
  });
  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'href'] });
  };

  /** With every badge at hand: the first rows that just went in (or changed customer in place) get theirs now,
   * before the page's next frame lays them out. The scan that follows watches the others. */
  function placeArriving(records: MutationRecord[], start: number) {
    let left = Math.ceil((3 * window.innerHeight) / MIN_ROW_PX);
    const placedNow: Target[] = [];
    outer: for (const r of records) {
      const nodes: ArrayLike<Node> = r.type === 'attributes' ? [r.target] : r.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i] as Element;
        if (n.nodeType !== Node.ELEMENT_NODE || n.hasAttribute('data-prl')) continue;
        // The node itself if it is a row, else the rows it holds (a body of rows, say).
        const own = gridRowOf(n);
        for (const g of own ? [own] : n.firstElementChild ? eachGridRow(n, { maxDepth: 0, names: false }) : []) {
          if (!source.get(g.tenantId)) continue; // (one changed since the table came waits for the scan's request)
          if (placement.has(g.row, g.tenantId)) continue;
          const x: Target = { target: g.row, tenantId: g.tenantId, cell: g.cell, insert: (h) => g.cell.append(h) };
          placement.place(x);
          placedNow.push(x);
          if (--left === 0) break outer;
        }
      }
    }
    if (!placedNow.length) return;
    // For the benchmarks: what this added to the page's task, and (after) the frame that lays these rows out.
    performance.mark('prl:badges-arrived', { detail: { placed: placedNow.length, ms: performance.now() - start } });
    ctx.requestAnimationFrame(() => ctx.setTimeout(() => {
      performance.mark('prl:badges-shown', { detail: { shown: placedNow.length, first: true } });
      recordNames(placedNow);
    }, 0));
  }

  function schedule() {
    if (timer === undefined && !ctx.isInvalid) timer = ctx.setTimeout(() => { timer = undefined; void scan(); }, DEBOUNCE_MS);
  }

  /** The customers of these whose badge is not at hand. */
  const missing = (ids: Iterable<string>) => [...new Set(ids)].filter((id) => !source.get(id));

  /** Grid rows come near the view: their badges are asked for if not at hand, and go in, in one go. */
  async function arrive(rows: Element[]) {
    const xs: Target[] = [];
    for (const row of rows) {
      const tenantId = customerOfRow(row);
      if (tenantId) xs.push(rowTarget(row, tenantId));
    }
    const due = () => xs.filter((x) => x.target.isConnected && !placement.has(x.target, x.tenantId));
    const need = missing(due().map((x) => x.tenantId));
    if (need.length) await source.fetch(need);
    if (ctx.isInvalid) return;
    const now = due();
    for (const x of now) placement.place(x);
    if (!now.length) return;
    performance.mark('prl:badges-near', { detail: { shown: now.length } });
    recordNames(now);
  }

  /** Customers the store does not know yet are recorded with the name their row shows, after painting. */
  function recordNames(xs: Target[]) {
    const unseen: Array<{ tenantId: string; name: string }> = [];
    for (const x of xs) {
      if (seenNames.size >= SEEN_CAPS.perPage) break; // the background caps it too; no use sending more
      if (!x.cell || source.get(x.tenantId)?.known !== false || seenNames.has(x.tenantId)) continue;
      const name = shownName(x.cell);
      if (!name) continue;
      seenNames.add(x.tenantId);
      unseen.push({ tenantId: x.tenantId, name });
    }
    for (let i = 0; i < unseen.length; i += 5000) deps.recordSeen(unseen.slice(i, i + 5000));
  }

  /** Fetch again and repaint where placed (after a change in the store). */
  async function reload(ids: string[]) {
    if (!(await source.fetch(ids)) || ctx.isInvalid) return;
    placement.repaint(new Set(ids));
    performance.mark('prl:badges-painted', { detail: { painted: placement.size } });
  }

  async function scan() {
    if (ctx.isInvalid) return;
    if (scanning) { again = true; return; }
    scanning = true;
    const scanStart = performance.now();
    let sliceStart = scanStart;
    // A slice is over (checked without an await: one per row would cost more than the rows themselves).
    const due = () => performance.now() - sliceStart >= SLICE_MS;
    /** Gives the page its thread back; false when the script was orphaned meanwhile. */
    const pause = async (): Promise<boolean> => {
      await yieldToPage();
      sliceStart = performance.now();
      return !ctx.isInvalid;
    };
    try {
      const roots = collectShadowRoots(document);
      for (const r of roots) observe(r);
      // One walk: the document and each shadow root are scanned on their own (depth 0), not re-collected. Rows are
      // listed, not read: reading every row of a list of thousands on every scan was most of the extension's time
      // on a long list; a row is read when its block comes near the view.
      const scopes: ParentNode[] = [document, ...roots];
      const rowLists = scopes.map(rowCandidates).filter((l) => l.length > 0);
      const links: Target[] = [];
      for (const scope of scopes) {
        for (const { el, tenantId } of findCustomerLinks(scope, { maxDepth: 0 })) {
          // A row that also holds a link gets one badge, in the row; the customer's own page links get none.
          if (tenantId === excluded || inGridRow(el)) continue;
          links.push({ target: el, tenantId, link: true, insert: (h) => el.after(h) });
        }
      }
      if (due() && !(await pause())) return;
      const linkSet = new Set(links.map((x) => x.target));
      // A placed row stays while it is still this customer's row (the portal changes ids in place).
      placement.prune((target, tenantId, link) => (link ? linkSet.has(target) : customerOfRow(target) === tenantId));

      // Links all get theirs now; hosts already placed are painted again once their badges are in; rows without
      // theirs wait for the view (all of them at once where there is no IntersectionObserver).
      const freshLinks = links.filter((x) => !placement.has(x.target, x.tenantId));
      const t0 = performance.now();
      const need = missing([...freshLinks.map((x) => x.tenantId), ...placement.tenants()]);
      if (need.length) await source.fetch(need);
      const t1 = sliceStart = performance.now();
      if (ctx.isInvalid) return;
      for (const x of freshLinks) if (x.target.isConnected) placement.place(x);
      placement.repaint();
      if (view) view.watch(rowLists);
      else await arrive(rowLists.flatMap((l) => Array.from(l)));
      // (Rows listed less rows placed, placeholders counted too: a figure for the benchmarks and tests.)
      const waiting = Math.max(0, rowLists.reduce((n, l) => n + l.length, 0) - placement.rowCount);
      performance.mark('prl:badges-painted', { detail: { painted: placement.size, waiting, scan: t0 - scanStart, fetch: t1 - t0, place: performance.now() - t1 } });
      if (freshLinks.length) {
        await nextFrame();
        performance.mark('prl:badges-shown', { detail: { shown: freshLinks.length, scanStart } });
      }
    } finally {
      scanning = false;
      if (again) { again = false; schedule(); }
    }
  }

  function stop() {
    observer.disconnect();
    view?.stop();
    placement.clear();
  }
  ctx.signal.addEventListener('abort', stop, { once: true });
  observe(document);
  schedule();

  return {
    /** The customer whose own page this is: its links get no badge. */
    setExcluded(tenantId: string | undefined) {
      if (excluded === tenantId) return;
      const before = excluded;
      excluded = tenantId;
      // Entering a customer's page: its links lose their badges at once, without a scan of the page being
      // left (a long list would hold up the panel). Links to the customer left behind need a scan to get theirs.
      if (tenantId !== undefined) placement.dropLinksTo(tenantId);
      if (before !== undefined) schedule();
    },
    /** A customers list opened: every customer's badge is asked for, so that rows get theirs as they go in. */
    prefetch() { source.prefetch(); },
    /** Something changed in the store: fetch those customers' badges again (all of them when unsaid). */
    refresh(tenantIds?: string[]) {
      source.changed(tenantIds);
      const shown = placement.tenants();
      const ids = (tenantIds ?? [...shown]).filter((id) => shown.has(id));
      if (ids.length) void reload(ids);
    },
    rerender() { placement.rerender(); },
    retheme() { placement.retheme(); },
    stop,
  };
}
export type BadgeManager = ReturnType<typeof startBadges>;

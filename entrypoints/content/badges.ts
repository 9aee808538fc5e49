// Risk badges beside every customer link and in every customer grid row, kept in step with late and changed rows.
// Pages: customers lists (/dashboard/{v2,commerce2}/customers/list, …/granularadminaccess/list) and any page
// that links to customers; on a customer's own pages, links to that same customer get none.
// Thousands of rows: one request to the background per scan; every row gets its badge in the DOM (hooks and
// all), but a badge is laid out only once its row comes near the screen. On this machine a shown badge costs
// some 0.1 ms of style and layout, and any badge shown after the portal laid its table out makes it lay the
// whole table out again (2,000 rows: 60–100 ms, however few badges). So on a customers list every customer's
// badge is asked for when the page opens (BadgeTable), and the badges of the first rows go in as the rows do,
// in the task that inserts them: the table is laid out once, badges and all. The other rows' hosts go in
// hidden, in slices of 10 ms, and every badge shares one constructed style sheet.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BADGE_CSS, renderBadge } from '@/components/RiskBadge';
import type { Badge } from '@/lib/messages';
import { badgeInTable, type BadgeTable } from '@/lib/badge-table';
import { SEEN_CAPS } from '@/lib/seen-caps';
import type { Translate } from '@/lib/i18n';
import { collectShadowRoots, eachGridRow, findCustomerLinks, gridRowOf, visibleText } from '@/lib/portal/scan';

const DEBOUNCE_MS = 16;
/** A scan gives the page back its main thread after this long (2,000 rows take 50–150 ms of script in all). */
const SLICE_MS = 10;
/** Badges are shown for rows within this distance of the screen (one screen above and below). */
const SHOW_MARGIN = '100% 0px';
/** Rows placed shown as they go in: those that fit the screen and the one below it at this row height. (The
 * page is not laid out yet then; a row found later within reach of the screen is shown by the observer.) */
const MIN_ROW_PX = 18;
/** Hidden badges are watched a block at a time, through the block's first row: Chromium works out every
 * watched target's intersection in every frame (1,900 rows: 6–7 ms a frame here). A block of rows is shorter
 * than the screen's margin, so its other rows are still off screen when the first comes within it. */
const BLOCK = 8;

/** Lets the page run (input, its own tasks, a frame) before the next slice of a long scan. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((ok) => setTimeout(ok, 0));
}

interface Placed { target: Element; host: HTMLElement; slot: ParentNode & { replaceChildren(...n: Node[]): void }; tenantId: string; link: boolean; painted?: Badge; styled?: boolean }

export interface BadgeDeps {
  fetchBadges(ids: string[]): Promise<Badge[]>;
  /** Every customer's badge, null when the store is too large to hand over whole. */
  fetchAll(): Promise<BadgeTable | null>;
  recordSeen(customers: Array<{ tenantId: string; name: string }>): void;
  t(): Translate;
}

let sharedSheet: CSSStyleSheet | null | undefined;
function sheet(): CSSStyleSheet | null {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(BADGE_CSS);
    } catch {
      sharedSheet = null;
    }
  }
  return sharedSheet;
}

export function startBadges(ctx: ContentScriptContext, deps: BadgeDeps) {
  const placed = new Map<Element, Placed>(); // link or row -> its badge
  const known = new Map<string, Badge>();
  // Once the whole table is in, a customer missing from it is one the store does not have. A customer's badge
  // is read from it only when shown; customers changed since it came are asked for again (`stale`).
  let table: BadgeTable | undefined;
  const stale = new Set<string>();
  let tableWanted = false;
  let tableLoading: Promise<void> | undefined;
  // Bumped by every store-wide change: a table asked for before it is out of date when it comes.
  let generation = 0;
  let placedEarly = 0; // rows placed as they went in, since the last scan
  const observed = new WeakSet<Node>();
  const seenNames = new Set<string>();
  let excluded: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scanning = false;
  let again = false;

  // Shows a block of hidden badges when its first row or link comes near the screen, then stops watching it.
  const blocks = new Map<Element, Placed[]>(); // watched target -> the hidden badges shown with it
  let openBlock: Placed[] | undefined; // the block the next hidden badge joins (each scan starts a new one)
  const nearScreen = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const block = blocks.get(e.target);
        blocks.delete(e.target);
        nearScreen!.unobserve(e.target);
        for (const p of block ?? []) if (placed.get(p.target) === p) reveal(p);
      }
    }, { rootMargin: SHOW_MARGIN })
    : undefined;
  function watch(p: Placed) {
    if (openBlock && openBlock.length < BLOCK) { openBlock.push(p); return; }
    openBlock = [p];
    blocks.set(p.target, openBlock);
    nearScreen!.observe(p.target);
  }
  // A hidden host holds its badge and hooks but no style sheet yet: the `hidden` attribute keeps it out of
  // style and layout, and no style is worked out for what it holds until it is shown.
  function reveal(p: Placed) {
    if (!p.styled) {
      p.styled = true;
      styleShadow(p);
    }
    p.host.hidden = false;
  }
  /** Takes a target's badge off the page, out of `placed` and out of its block. */
  function unplace(target: Element) {
    const p = placed.get(target);
    if (!p) return;
    p.host.remove();
    placed.delete(target);
    unwatch(target);
  }
  /** `target` lost its badge: if it was its block's watched one, the block is watched through another. */
  function unwatch(target: Element) {
    const block = blocks.get(target);
    if (!block) return;
    blocks.delete(target);
    nearScreen!.unobserve(target);
    const next = block.find((p) => p.target !== target && placed.get(p.target) === p && p.target.isConnected);
    if (next) { blocks.set(next.target, block); nearScreen!.observe(next.target); }
  }

  // Our own badge hosts coming and going must not trigger another scan; anything else of the page's does
  // (an id or href changed in place included). Stops at the first node that is not ours.
  const notOurs = (nodes: NodeList) => { for (const n of nodes) if (!(n as Element).hasAttribute?.('data-prl')) return true; return false; };
  const observer = new MutationObserver((records) => {
    if (!records.some((r) => r.type === 'attributes' || notOurs(r.addedNodes) || notOurs(r.removedNodes))) return;
    if (table && !ctx.isInvalid) {
      const start = performance.now();
      try { placeArriving(records, start); } catch (e) { console.warn('[Partner Risk Lens]', e); /* the scan places them */ }
    }
    schedule();
  });

  /** With every badge at hand: the first rows that just went in (or changed customer in place) get theirs now,
   * shown, before the page's next frame lays them out. The scan that follows does the rest. */
  function placeArriving(records: MutationRecord[], start: number) {
    let left = Math.ceil((2 * window.innerHeight) / MIN_ROW_PX);
    let placedNow = 0;
    outer: for (const r of records) {
      const nodes: ArrayLike<Node> = r.type === 'attributes' ? [r.target] : r.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i] as Element;
        if (n.nodeType !== Node.ELEMENT_NODE || n.hasAttribute('data-prl')) continue;
        // The node itself if it is a row, else the rows it holds (a body of rows, say).
        const own = gridRowOf(n);
        for (const g of own ? [own] : n.firstElementChild ? eachGridRow(n, { maxDepth: 0, names: false }) : []) {
          if (!badgeOf(g.tenantId)) continue; // (one changed since the table came waits for the scan's request)
          const p = placed.get(g.row);
          if (p && p.tenantId === g.tenantId && p.host.isConnected) continue;
          place({ target: g.row, tenantId: g.tenantId, insert: (h) => g.cell.append(h) }, true);
          placedNow++;
          if (--left === 0) break outer;
        }
      }
    }
    if (!placedNow) return;
    placedEarly += placedNow;
    // For the benchmarks: what this added to the page's task, and (after) the frame that lays these rows out.
    performance.mark('prl:badges-arrived', { detail: { placed: placedNow, ms: performance.now() - start } });
    requestAnimationFrame(() => setTimeout(() => performance.mark('prl:badges-shown', { detail: { shown: placedNow, first: true } }), 0));
  }
  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'href'] });
  };

  function schedule() {
    if (timer === undefined) timer = setTimeout(() => { timer = undefined; void scan(); }, DEBOUNCE_MS);
  }

  // A painted badge per distinct look (level, score, marks), cloned for each row: thousands of rows cost a
  // clone and one attribute each. Cleared when the language changes.
  const looks = new Map<string, HTMLElement>();
  /** The badge of a customer if at hand, from a request or the table (kept, so it stays the same object). */
  function badgeOf(tenantId: string): Badge | undefined {
    let b = known.get(tenantId);
    if (b || !table || stale.has(tenantId)) return b;
    b = badgeInTable(table, tenantId) ?? { ...table.unknown, tenantId, known: false };
    known.set(tenantId, b);
    return b;
  }
  function paint(p: Placed) {
    const badge = badgeOf(p.tenantId);
    if (badge === p.painted) return;
    p.painted = badge;
    if (!badge) {
      p.slot.replaceChildren();
      return;
    }
    const key = `${badge.level}|${badge.score}|${badge.overdue}|${badge.budget ?? ''}|${badge.verdict ?? ''}|${badge.changed ?? ''}`;
    let look = looks.get(key);
    if (!look) {
      look = document.createElement('span');
      renderBadge(look, { ...badge, tenantId: '' }, deps.t());
      looks.set(key, look);
    }
    const el = look.cloneNode(true) as HTMLElement;
    el.setAttribute('data-tenant-id', badge.tenantId);
    p.slot.replaceChildren(el);
  }

  function makeHost(hidden: boolean): Placed['host'] {
    const host = document.createElement('prl-badge');
    host.setAttribute('data-prl', '');
    host.attachShadow({ mode: 'open' });
    host.hidden = hidden;
    return host;
  }
  function styleShadow(p: Placed) {
    const shadow = p.host.shadowRoot!;
    const s = sheet();
    if (s) {
      try { shadow.adoptedStyleSheets = [s]; return; } catch { /* Firefox: sheets built in a content script are refused */ }
    }
    // Without shared sheets: a <style> of its own, and the badge in a span beside it.
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    const slot = document.createElement('span');
    slot.append(...shadow.childNodes);
    shadow.replaceChildren(style, slot);
    p.slot = slot;
  }

  /** Badges of these tenants from the background, one request, into `known`. */
  async function fetchInto(ids: string[]): Promise<boolean> {
    try {
      // A message carries at most 5,000 ids: a longer page asks in several.
      const parts: string[][] = [];
      for (let i = 0; i < ids.length; i += 5000) parts.push(ids.slice(i, i + 5000));
      const asked = generation;
      const lists = await Promise.all(parts.map((p) => deps.fetchBadges(p)));
      // Answers from before a store-wide change are dropped: the next scan asks again.
      if (asked !== generation) { schedule(); return false; }
      for (const list of lists) {
        for (const b of list) { known.set(b.tenantId, b); stale.delete(b.tenantId); }
      }
      return true;
    } catch {
      return false; // the background is restarting or the extension was reloaded: the next scan asks again
    }
  }

  /** Every customer's badge, asked for once at a time (a customers list asks once it opens). */
  function loadTable() {
    tableWanted = true;
    if (tableLoading) return;
    const asked = generation;
    tableLoading = deps.fetchAll().then((t) => {
      if (asked !== generation) return; // the store changed as a whole meanwhile: this answer is from before
      if (t && !ctx.isInvalid) table = t;
    }).catch(() => undefined).finally(() => {
      tableLoading = undefined;
      // Asked again, for the table of after the change.
      if (asked !== generation && !ctx.isInvalid) loadTable();
    });
  }

  /** A new host for this target, shown now or hidden until it comes near the screen. */
  function place({ target, tenantId, link, insert }: { target: Element; tenantId: string; link?: true; insert: (h: HTMLElement) => void }, shown: boolean): Placed {
    unplace(target);
    const hidden = !shown && nearScreen !== undefined;
    const host = makeHost(hidden);
    const p: Placed = { target, host, slot: host.shadowRoot!, tenantId, link: link === true };
    paint(p);
    placed.set(target, p);
    if (hidden) watch(p);
    else reveal(p);
    insert(host);
    return p;
  }

  /** Fetch again and repaint where placed (after a change in the store). */
  async function reload(ids: string[]) {
    for (const id of ids) known.delete(id);
    if (!(await fetchInto(ids))) return;
    const want = new Set(ids);
    for (const p of placed.values()) if (want.has(p.tenantId)) paint(p);
    performance.mark('prl:badges-painted', { detail: { painted: placed.size } });
  }

  async function scan() {
    if (ctx.isInvalid) return;
    if (scanning) { again = true; return; }
    scanning = true;
    const scanStart = performance.now();
    let sliceStart = scanStart;
    openBlock = undefined;
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
      // One walk: the document and each shadow root are scanned on their own (depth 0), not re-collected.
      const scopes: ParentNode[] = [document, ...roots];
      const targets: Array<{ target: Element; tenantId: string; cell?: Element; link?: true; insert: (h: HTMLElement) => void }> = [];
      for (const scope of scopes) {
        for (const g of eachGridRow(scope, { maxDepth: 0, names: false })) {
          targets.push({ target: g.row, tenantId: g.tenantId, cell: g.cell, insert: (h) => g.cell.append(h) });
          if (due() && !(await pause())) return;
        }
      }
      for (const scope of scopes) {
        for (const { el, tenantId } of findCustomerLinks(scope, { maxDepth: 0 })) {
          // A row that also holds a link gets one badge, in the row; the customer's own page links get none.
          if (tenantId === excluded || el.closest('tr[id^="row-"]')) continue;
          targets.push({ target: el, tenantId, link: true, insert: (h) => el.after(h) });
        }
      }
      if (due() && !(await pause())) return;
      const current = new Set(targets.map((x) => x.target));
      for (const [target, p] of placed) {
        if (!current.has(target) || !target.isConnected) unplace(target);
      }

      // New ones near the screen first: their badges asked for and shown at once (the page is laid out here, so
      // reading where a row is costs little); then the others' badges in one request, their hosts hidden until
      // they come near the screen.
      const fresh: typeof targets = [];
      const kept: Placed[] = []; // already placed for the same customer: painted again once badges are in
      for (const x of targets) {
        if (!x.target.isConnected) continue;
        const existing = placed.get(x.target);
        if (existing && existing.tenantId === x.tenantId && existing.host.isConnected) kept.push(existing);
        else fresh.push(x);
      }
      const screen = window.innerHeight;
      // Rows just placed as they went in were the first ones: the others are taken as off screen, and the
      // observer shows any that are not (reading where 2,000 rows are costs some 10 ms).
      const early = placedEarly > 0;
      placedEarly = 0;
      const near = new Set(early ? [] : fresh.filter((x) => {
        const r = x.target.getBoundingClientRect();
        return (r.width > 0 || r.height > 0) && r.bottom >= -screen && r.top <= 2 * screen;
      }).map((x) => x.target));
      fresh.sort((a, b) => Number(near.has(b.target)) - Number(near.has(a.target)));
      const missing = (xs: Array<{ tenantId: string }>) => [...new Set(xs.filter((x) => !badgeOf(x.tenantId)).map((x) => x.tenantId))];
      const t0 = performance.now();
      const needNear = missing(fresh.slice(0, near.size));
      if (needNear.length) await fetchInto(needNear);
      let t1 = sliceStart = performance.now();
      if (ctx.isInvalid) return;
      let restFetched = false;
      for (const [i, x] of fresh.entries()) {
        if (i === near.size) {
          restFetched = true;
          const rest = missing([...fresh.slice(near.size), ...kept]);
          if (rest.length) await fetchInto(rest);
          t1 = sliceStart = performance.now();
          if (ctx.isInvalid) return;
        }
        // Shown now when near the screen, else hidden until it comes near.
        if (x.target.isConnected) place(x, near.has(x.target));
        if (i + 1 === near.size) {
          // The ones near the screen are laid out in the next frame, before any of the others go in.
          const placedAt = performance.now();
          await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
          sliceStart = performance.now();
          // For the benchmarks, with where the time went.
          performance.mark('prl:badges-shown', { detail: { shown: near.size, first: true, scanStart, fetched: t1, placedAt } });
          if (ctx.isInvalid) return;
        } else if (due() && !(await pause())) return; // the page stays responsive while thousands of rows get theirs
      }
      if (!restFetched) {
        const rest = missing(kept);
        if (rest.length) await fetchInto(rest);
        sliceStart = performance.now();
        if (ctx.isInvalid) return;
      }
      for (const p of kept) paint(p);
      performance.mark('prl:badges-painted', { detail: { painted: placed.size, scan: t0 - scanStart, fetch: t1 - t0, place: performance.now() - t1 } });
      // Customers the store does not know yet are recorded with the name the row shows, after painting.
      const unseen: Array<{ tenantId: string; name: string }> = [];
      for (const x of targets) {
        if (seenNames.size >= SEEN_CAPS.perPage) break; // the background caps it too; no use sending more
        if (!x.cell?.id.toLowerCase().startsWith('cell-displayname-') || badgeOf(x.tenantId)?.known !== false || seenNames.has(x.tenantId)) continue;
        const name = visibleText(x.cell);
        if (!name) continue;
        seenNames.add(x.tenantId);
        unseen.push({ tenantId: x.tenantId, name });
        if (due() && !(await pause())) return;
      }
      for (let i = 0; i < unseen.length; i += 5000) deps.recordSeen(unseen.slice(i, i + 5000));
    } finally {
      scanning = false;
      if (again) { again = false; schedule(); }
    }
  }

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
      if (tenantId !== undefined) {
        for (const [target, p] of placed) if (p.link && p.tenantId === tenantId) unplace(target);
      }
      if (before !== undefined) schedule();
    },
    /** A customers list opened: every customer's badge is asked for, so that rows get theirs as they go in. */
    prefetch() { if (!table) loadTable(); },
    /** Something changed in the store: fetch those customers' badges again (all of them when unsaid). */
    refresh(tenantIds?: string[]) {
      if (!tenantIds) {
        // Anything may have changed (an import, the settings): the table is asked for again where it was.
        generation++;
        known.clear();
        stale.clear();
        table = undefined;
        if (tableWanted) loadTable();
      } else if (table || tableLoading) {
        // Their lines in the table are out of date: asked for when shown (now, for those on the page).
        for (const id of tenantIds) { known.delete(id); stale.add(id); }
      }
      const shown = new Set([...placed.values()].map((p) => p.tenantId));
      const ids = (tenantIds ?? [...shown]).filter((id) => shown.has(id));
      if (ids.length) void reload(ids);
    },
    rerender() { looks.clear(); for (const p of placed.values()) { p.painted = undefined; paint(p); } },
    stop() {
      observer.disconnect();
      nearScreen?.disconnect();
      blocks.clear();
      if (timer !== undefined) clearTimeout(timer);
      for (const p of placed.values()) p.host.remove();
      placed.clear();
    },
  };
}
export type BadgeManager = ReturnType<typeof startBadges>;

// Where badges go: one host per link or grid row, painted from the badge source; and which grid rows are near
// the view. A grid row gets its host only within two screens of the view (IntersectionObserver, margin of two
// viewport heights), so the cost follows the rows shown, not the length of the list.
// Measured here: any element shown in a cell after the portal laid its table out makes it lay the whole table
// out again (2,000 rows: 40–50 ms; 10,000 rows: 150–275 ms), whatever the element's size or containment. So
// rows are placed in batches reaching well ahead of the view: a few large relayouts while scrolling, not one
// per row. Tried and measured (Chromium 156, a table of 2,000 / 10,000 rows in nested shadow roots): a fixed-size
// host with `contain: strict; position: relative` put in every row before the table's first layout does become
// a relayout root of its own when painted later (the trace's layout roots are the hosts), but each root rebuilds
// the fragment tree up through the table body, whose fragment holds every row: 0.25 ms a root at 2,000 rows,
// 1.5 ms at 10,000, so 150 badges cost as much as the relayout they avoid; and the placeholders themselves add
// 25–100 % to the table's first layout and 65–125 ms to the task that inserts the rows. Attaching the shadow root
// late costs a relayout of the table as well (the host's box is rebuilt).
// Out of flow, measured the same way (DevTools trace, `Layout` events' thread time and dirty/total objects; 150
// hosts put in a laid-out table of 10,000 rows in one task; a busy machine, so ranges):
// - in flow, as shipped: Layout 113–136 ms and PrePaint 58–78 ms for rows 0–149; 290–300 ms and 62–73 ms for rows
//   5,000–5,149 (the name column widens, so every row is laid out anew and everything moves).
// - `position: absolute` with auto insets (no positioned ancestor: the containing block is the initial one), as
//   the cell's child, wrapped in a span, with `contain: strict` and a fixed size, `position: fixed`, or anchored
//   (`anchor-name` on the name's button, `position-anchor` and `anchor()` insets): each Layout event still starts
//   at the document (not partial; 761 dirty of 60,469 objects) and takes 41–60 ms (one host alone 27–39 ms),
//   PrePaint 8–10 ms; the same hosts outside the table take 6–10 ms. The cell must be laid out again to place the
//   host (its static position), and the table then walks its 10,000 rows (from cache): 3–7 times cheaper than in
//   flow, never under a frame. Empty out-of-flow hosts put in before the first layout and painted later: 29–54 ms,
//   no better. A popover host in the top layer (`showPopover({ source })`): each call forces a layout (150 took
//   seconds). Not adopted: none keeps the table out of layout, and an out-of-flow badge takes no room (beside a
//   name as wide as its column it covers the next column), escapes the cell's clip, and does not scroll with a
//   scrolling grid that is not positioned. What is kept: the badge never makes its line taller (RiskBadge's block
//   margins), so placing one moves nothing below it, and only its line is painted again (a link's badge above a
//   10,000-row grid repainted the whole page: PrePaint 41–43 ms, now 6–12 ms).
// At open (bench/trace-list.ts: DevTools traces of the 2,000-row list with and without the extension, thread time,
// machine load 9–13): the first 150 badges go in with the rows (badges.ts, placeArriving), so the table is laid out
// once, 12,612 layout objects instead of 12,012 and 8,450 elements styled instead of 8,000, a few ms. That holds
// only when the badge table is in before the rows: asked for after the strings' round trip, it came after them in
// 6 of 20 loads, and the rows were then laid out a second time with the badges (Layout 64–105 ms, PrePaint 20,
// Paint 12); asked for as the script starts (table-prefetch.ts), it came 166–957 ms ahead of them in 8 of 8.
// The rest of the extension's cost at open is its own script, not layout: injection and compile (~15 ms), the
// messages in (~15–20), scans and observers (~25), GC (~5).
import { BADGE_CSS, renderBadge } from '@/components/RiskBadge';
import { markTheme } from './portal-theme';
import type { Badge } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { thresholdKey } from '@/lib/thresholds';

/** A link or grid row that carries (or will carry) a badge, and how its host goes in. */
export interface Target { target: Element; tenantId: string; cell?: Element; link?: true; insert(h: HTMLElement): void }

interface Placed { target: Element; host: HTMLElement; slot: ParentNode & { replaceChildren(...n: Node[]): void }; tenantId: string; link: boolean; painted?: Badge }

/** Rows near the view: within two screens above or below it. */
export const NEAR_SCREENS = 2;

/**
 * The observer's margins for "within two screens of the view". `rootMargin` grows the viewport only; Chromium's
 * `scrollMargin` grows every scroll container on the way (a nested scrolling grid's), the viewport included. Given
 * both, they add up; and a percentage in `scrollMargin` is not of the window's height (measured: rootMargin and
 * scrollMargin of '200% 0px' reached 450 rows of 24 px, 11,000 px, where two screens are 1,800 px, so the list
 * opened with 450 badges more than it needed, in one relayout of the whole table). So: `scrollMargin` alone, in
 * pixels, where the browser has it; `rootMargin` where not (Firefox).
 */
export function nearMargins(viewHeight: number, hasScrollMargin: boolean): IntersectionObserverInit {
  const margin = `${Math.round(NEAR_SCREENS * viewHeight)}px 0px`;
  return hasScrollMargin ? ({ rootMargin: '0px', scrollMargin: margin } as IntersectionObserverInit) : { rootMargin: margin };
}
/** Rows are watched a block at a time, through its first and last row: Chromium works out every watched
 * target's intersection in every frame (1,900 targets: 6–7 ms a frame here). */
const BLOCK = 50;
/** Blocks placed on each side of one that comes near, in the same frame: one table relayout for them all. */
const AHEAD = 2;

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

export function createPlacement(deps: { badgeOf(tenantId: string): Badge | undefined; t(): Translate }) {
  const placed = new Map<Element, Placed>(); // link or row -> its badge
  // A painted badge per distinct look (level, score, marks), cloned for each row: many rows cost a clone and one
  // attribute each. Cleared when the language changes.
  const looks = new Map<string, HTMLElement>();

  function paint(p: Placed) {
    const badge = deps.badgeOf(p.tenantId);
    if (badge === p.painted) return;
    p.painted = badge;
    if (!badge) {
      p.slot.replaceChildren();
      return;
    }
    const key = `${badge.level}|${badge.score}|${badge.overdue}|${badge.budget ?? ''}|${badge.verdict ?? ''}|${badge.changed ?? ''}|${badge.threshold ? thresholdKey(badge.threshold) : ''}`;
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

  function makeHost(): Placed['host'] {
    const host = document.createElement('prl-badge');
    host.setAttribute('data-prl', '');
    markTheme(host);
    host.attachShadow({ mode: 'open' });
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
    shadow.replaceChildren(style, slot);
    p.slot = slot;
  }

  /** Takes a target's badge off the page. */
  function unplace(target: Element) {
    const p = placed.get(target);
    if (!p) return;
    p.host.remove();
    placed.delete(target);
  }

  return {
    /** A new host for this target, painted, in the page. */
    place(x: Target) {
      unplace(x.target);
      const host = makeHost();
      const p: Placed = { target: x.target, host, slot: host.shadowRoot!, tenantId: x.tenantId, link: x.link === true };
      styleShadow(p);
      paint(p);
      placed.set(x.target, p);
      x.insert(host);
    },
    unplace,
    /** Whether this target has its host in the page, for this customer. */
    has(target: Element, tenantId: string): boolean {
      const p = placed.get(target);
      return p !== undefined && p.tenantId === tenantId && p.host.isConnected;
    },
    /** Hosts whose target left the page or is no longer one for its customer (`keeps`), taken off. */
    prune(keeps: (target: Element, tenantId: string, link: boolean) => boolean) {
      for (const [target, p] of placed) if (!target.isConnected || !keeps(target, p.tenantId, p.link)) unplace(target);
    },
    /** Painted again from the source: all, or those of these customers. */
    repaint(tenantIds?: Set<string>) {
      for (const p of placed.values()) if (!tenantIds || tenantIds.has(p.tenantId)) paint(p);
    },
    rerender() { looks.clear(); for (const p of placed.values()) { p.painted = undefined; paint(p); } },
    /** The portal's theme changed: every host follows it. */
    retheme() { for (const p of placed.values()) markTheme(p.host); },
    /** The customers with a badge on the page. */
    tenants(): Set<string> { return new Set([...placed.values()].map((p) => p.tenantId)); },
    /** Links to this customer lose their badges (its own page). */
    dropLinksTo(tenantId: string) {
      for (const [target, p] of placed) if (p.link && p.tenantId === tenantId) unplace(target);
    },
    get size() { return placed.size; },
    /** How many grid rows have theirs. */
    get rowCount() { let n = 0; for (const p of placed.values()) if (!p.link) n++; return n; },
    clear() { for (const p of placed.values()) p.host.remove(); placed.clear(); },
  };
}
export type Placement = ReturnType<typeof createPlacement>;

/**
 * Grid rows waiting for their badge, watched until they come within two screens of the view; `near` gets them
 * then (a block and its neighbours, in document order). A nested scrolling grid is covered by `scrollMargin`
 * where the browser has it (nearMargins). The rows are handed over as the browser listed them (rowCandidates):
 * nothing is read of a row until its block comes near, so a scan of a list of thousands touches a few per block.
 */
export function watchNearView(near: (rows: Element[]) => void) {
  interface Block { rows: ArrayLike<Element>; from: number; to: number; at: number; done: boolean }
  let blocks: Block[] = [];
  const blockOf = new Map<Element, Block>();
  const onEntries = (entries: IntersectionObserverEntry[]) => {
    const due: Block[] = [];
    for (const e of entries) {
      const b = e.isIntersecting ? blockOf.get(e.target) : undefined;
      if (!b || b.done) continue;
      for (let i = Math.max(0, b.at - AHEAD); i <= Math.min(blocks.length - 1, b.at + AHEAD); i++) {
        const n = blocks[i];
        if (n.done) continue;
        n.done = true;
        due.push(n);
      }
    }
    if (!due.length) return;
    due.sort((a, b) => a.at - b.at);
    const rows: Element[] = [];
    for (const b of due) {
      for (const end of ends(b)) { observer.unobserve(end); blockOf.delete(end); }
      for (let i = b.from; i < b.to; i++) rows.push(b.rows[i]);
    }
    near(rows);
  };
  // Made again by each watch(), with margins of the window's height then.
  const make = () => new IntersectionObserver(onEntries, nearMargins(innerHeight, 'scrollMargin' in IntersectionObserver.prototype));
  let observer = make();
  const ends = (b: Block) => [b.rows[b.from], b.rows[b.to - 1]];

  return {
    /** Watches these lists of rows (each in document order), instead of any watched before. */
    watch(lists: Array<ArrayLike<Element>>) {
      observer.disconnect();
      observer = make();
      blockOf.clear();
      blocks = [];
      for (const rows of lists) {
        for (let i = 0; i < rows.length; i += BLOCK) {
          const b: Block = { rows, from: i, to: Math.min(rows.length, i + BLOCK), at: blocks.length, done: false };
          blocks.push(b);
          for (const end of ends(b)) { blockOf.set(end, b); observer.observe(end); }
        }
      }
    },
    stop() { observer.disconnect(); blockOf.clear(); blocks = []; },
  };
}

// Risk badges beside every customer link and in every customer grid row, kept in step with late and changed rows.
// Pages: customers lists (/dashboard/{v2,commerce2}/customers/list, …/granularadminaccess/list) and any page
// that links to customers; on a customer's own pages, links to that same customer get none.
// Thousands of rows: one request to the background per scan; every row gets its badge in the DOM (hooks and
// all), but a badge is laid out only once its row comes near the screen. On this machine a shown badge costs
// some 0.1 ms of style and layout, and each batch shown makes the portal lay its whole table out again: showing
// 2,000 at once held the page for 200–300 ms, showing the rows in view costs one short frame. Hosts are put in
// a few hundred per task, and every badge shares one constructed style sheet.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BADGE_CSS, renderBadge } from '@/components/RiskBadge';
import type { Badge } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { collectShadowRoots, findCustomerLinks, findGridRows, visibleText } from '@/lib/portal/scan';

const DEBOUNCE_MS = 16;
/** Hosts put in the page per task: each costs some 20–80 µs of script in Chromium (500 made tasks of 60 ms). */
const PLACE_STEP = 250;
/** Badges are shown for rows within this distance of the screen (one screen above and below). */
const SHOW_MARGIN = '100% 0px';

interface Placed { host: HTMLElement; slot: ParentNode & { replaceChildren(...n: Node[]): void }; tenantId: string; link: boolean; painted?: Badge; styled?: boolean }

export interface BadgeDeps {
  fetchBadges(ids: string[]): Promise<Badge[]>;
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
  const observed = new WeakSet<Node>();
  const seenNames = new Set<string>();
  let excluded: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scanning = false;
  let again = false;

  // Shows a badge when its row or link comes near the screen, then stops watching that one.
  const nearScreen = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const p = placed.get(e.target);
        nearScreen!.unobserve(e.target);
        if (p) reveal(p);
      }
    }, { rootMargin: SHOW_MARGIN })
    : undefined;
  // A hidden host holds its badge and hooks but no style sheet yet: the `hidden` attribute keeps it out of
  // style and layout, and no style is worked out for what it holds until it is shown.
  function reveal(p: Placed) {
    if (!p.styled) {
      p.styled = true;
      styleShadow(p);
    }
    p.host.hidden = false;
  }
  function unwatch(target: Element) { nearScreen?.unobserve(target); }

  // Our own badge hosts coming and going must not trigger another scan; anything else of the page's does
  // (an id or href changed in place included). Stops at the first node that is not ours.
  const notOurs = (nodes: NodeList) => { for (const n of nodes) if (!(n as Element).hasAttribute?.('data-prl')) return true; return false; };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes' || notOurs(r.addedNodes) || notOurs(r.removedNodes))) schedule();
  });
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
  function paint(p: Placed) {
    const badge = known.get(p.tenantId);
    if (badge === p.painted) return;
    p.painted = badge;
    if (!badge) {
      p.slot.replaceChildren();
      return;
    }
    const key = `${badge.level}|${badge.score}|${badge.overdue}|${badge.budget ?? ''}`;
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
      for (const list of await Promise.all(parts.map((p) => deps.fetchBadges(p)))) for (const b of list) known.set(b.tenantId, b);
      return true;
    } catch {
      return false; // the background is restarting or the extension was reloaded: the next scan asks again
    }
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
    try {
      const roots = collectShadowRoots(document);
      for (const r of roots) observe(r);
      // One walk: the document and each shadow root are scanned on their own (depth 0), not re-collected.
      const scopes: ParentNode[] = [document, ...roots];
      const targets: Array<{ target: Element; tenantId: string; cell?: Element; link?: true; insert: (h: HTMLElement) => void }> = [];
      for (const scope of scopes) {
        for (const { row, tenantId, cell } of findGridRows(scope, { maxDepth: 0, names: false })) {
          targets.push({ target: row, tenantId, cell, insert: (h) => cell.append(h) });
        }
      }
      for (const scope of scopes) {
        for (const { el, tenantId } of findCustomerLinks(scope, { maxDepth: 0 })) {
          // A row that also holds a link gets one badge, in the row; the customer's own page links get none.
          if (tenantId === excluded || el.closest('tr[id^="row-"]')) continue;
          targets.push({ target: el, tenantId, link: true, insert: (h) => el.after(h) });
        }
      }
      const current = new Set(targets.map((x) => x.target));
      for (const [target, p] of placed) {
        if (!current.has(target) || !target.isConnected) { p.host.remove(); placed.delete(target); unwatch(target); }
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
      const near = new Set(fresh.filter((x) => {
        const r = x.target.getBoundingClientRect();
        return (r.width > 0 || r.height > 0) && r.bottom >= -screen && r.top <= 2 * screen;
      }).map((x) => x.target));
      fresh.sort((a, b) => Number(near.has(b.target)) - Number(near.has(a.target)));
      const missing = (xs: Array<{ tenantId: string }>) => [...new Set(xs.filter((x) => !known.has(x.tenantId)).map((x) => x.tenantId))];
      const t0 = performance.now();
      const needNear = missing(fresh.slice(0, near.size));
      if (needNear.length) await fetchInto(needNear);
      let t1 = performance.now();
      if (ctx.isInvalid) return;
      /** A new host for this target: shown now when near the screen (or where the page cannot tell what is on
       * screen), else hidden until it comes near. */
      const putHost = ({ target, tenantId, link, insert }: (typeof fresh)[number]): boolean => {
        if (!target.isConnected) return false;
        const existing = placed.get(target);
        if (existing) { existing.host.remove(); unwatch(target); }
        const hidden = !near.has(target) && nearScreen !== undefined;
        const host = makeHost(hidden);
        const p: Placed = { host, slot: host.shadowRoot!, tenantId, link: link === true };
        paint(p);
        if (hidden) nearScreen!.observe(target);
        else reveal(p);
        insert(host);
        placed.set(target, p);
        return true;
      };
      let placedNow = 0;
      let restFetched = false;
      for (const [i, x] of fresh.entries()) {
        if (i === near.size) {
          restFetched = true;
          const rest = missing([...fresh.slice(near.size), ...kept]);
          if (rest.length) await fetchInto(rest);
          t1 = performance.now();
          if (ctx.isInvalid) return;
        }
        const put = putHost(x);
        if (put) placedNow++;
        if (i + 1 === near.size) {
          // The ones near the screen are laid out in the next frame, before any of the others go in.
          const placedAt = performance.now();
          await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
          // For the benchmarks, with where the time went.
          performance.mark('prl:badges-shown', { detail: { shown: near.size, first: true, scanStart, fetched: t1, placedAt } });
          if (ctx.isInvalid) return;
        } else if (put && placedNow % PLACE_STEP === 0) {
          // A few hundred per task: the page stays responsive while thousands of rows get theirs.
          await new Promise((ok) => setTimeout(ok, 0));
          if (ctx.isInvalid) return;
        }
      }
      if (!restFetched) {
        const rest = missing(kept);
        if (rest.length) await fetchInto(rest);
        if (ctx.isInvalid) return;
      }
      for (const p of kept) paint(p);
      performance.mark('prl:badges-painted', { detail: { painted: placed.size, scan: t0 - scanStart, fetch: t1 - t0, place: performance.now() - t1 } });
      // Customers the store does not know yet are recorded with the name the row shows, after painting.
      const unseen: Array<{ tenantId: string; name: string }> = [];
      for (const x of targets) {
        if (!x.cell?.id.toLowerCase().startsWith('cell-displayname-') || known.get(x.tenantId)?.known !== false || seenNames.has(x.tenantId)) continue;
        const name = visibleText(x.cell);
        if (!name) continue;
        seenNames.add(x.tenantId);
        unseen.push({ tenantId: x.tenantId, name });
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
        for (const [target, p] of placed) if (p.link && p.tenantId === tenantId) { p.host.remove(); placed.delete(target); unwatch(target); }
      }
      if (before !== undefined) schedule();
    },
    /** Something changed in the store: fetch those customers' badges again (all of them when unsaid). */
    refresh(tenantIds?: string[]) {
      const shown = new Set([...placed.values()].map((p) => p.tenantId));
      const ids = (tenantIds ?? [...shown]).filter((id) => shown.has(id));
      if (ids.length) void reload(ids);
    },
    rerender() { looks.clear(); for (const p of placed.values()) { p.painted = undefined; paint(p); } },
    stop() {
      observer.disconnect();
      nearScreen?.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      for (const p of placed.values()) p.host.remove();
      placed.clear();
    },
  };
}
export type BadgeManager = ReturnType<typeof startBadges>;

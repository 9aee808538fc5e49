// Risk badges beside every customer link and in every customer grid row, kept in step with late and changed rows.
// Pages: customers lists (/dashboard/{v2,commerce2}/customers/list, …/granularadminaccess/list) and any page
// that links to customers; on a customer's own pages, links to that same customer get none.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RiskBadge, BADGE_CSS } from '@/components/RiskBadge';
import type { Badge } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { collectShadowRoots, findCustomerLinks, findGridRows } from '@/lib/portal/scan';

const DEBOUNCE_MS = 40;

interface Placed { host: HTMLElement; tenantId: string }

export interface BadgeDeps {
  fetchBadges(ids: string[]): Promise<Badge[]>;
  recordSeen(customers: Array<{ tenantId: string; name: string }>): void;
  t(): Translate;
}

export function startBadges(ctx: ContentScriptContext, deps: BadgeDeps) {
  const placed = new Map<Element, Placed>(); // link or row -> its badge
  const known = new Map<string, Badge>();
  const observed = new WeakSet<Node>();
  const seenNames = new Set<string>();
  let excluded: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const observer = new MutationObserver((records) => {
    // Our own badge hosts appearing must not trigger another scan.
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => (n as Element).hasAttribute?.('data-prl')))) return;
    schedule();
  });
  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'href'] });
  };

  function schedule() {
    if (timer === undefined) timer = setTimeout(() => { timer = undefined; void scan(); }, DEBOUNCE_MS);
  }

  function paint(p: Placed) {
    const badge = known.get(p.tenantId);
    render(badge ? <RiskBadge badge={badge} t={deps.t()} /> : null, p.host.shadowRoot!.lastElementChild!);
  }

  function makeHost(): HTMLElement {
    const host = document.createElement('prl-badge');
    host.setAttribute('data-prl', '');
    const shadow = host.attachShadow({ mode: 'open' });
    // A <style> per root rather than adoptedStyleSheets: Firefox refuses sheets built in a content script.
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    shadow.append(style, document.createElement('span'));
    return host;
  }

  function place(target: Element, tenantId: string, insert: (host: HTMLElement) => void, fresh: Set<string>) {
    const existing = placed.get(target);
    if (existing && existing.tenantId === tenantId && existing.host.isConnected) return;
    if (existing) existing.host.remove();
    const host = makeHost();
    insert(host);
    const p = { host, tenantId };
    placed.set(target, p);
    if (known.has(tenantId)) paint(p);
    else fresh.add(tenantId);
  }

  async function scan() {
    if (ctx.isInvalid) return;
    const roots = collectShadowRoots(document);
    for (const r of roots) observe(r);
    const fresh = new Set<string>();
    const current = new Set<Element>();
    const rows = findGridRows(document);
    const rowsSeen: Array<{ tenantId: string; name: string }> = [];
    for (const { row, tenantId, cell, name } of rows) {
      current.add(row);
      place(row, tenantId, (h) => cell.append(h), fresh);
      if (name && !seenNames.has(tenantId)) { seenNames.add(tenantId); rowsSeen.push({ tenantId, name }); }
    }
    for (const { el, tenantId } of findCustomerLinks(document)) {
      // A row that also holds a link gets one badge, in the row; the customer's own page links get none.
      if (tenantId === excluded || el.closest('tr[id^="row-"]')) continue;
      current.add(el);
      place(el, tenantId, (h) => el.after(h), fresh);
    }
    for (const [target, p] of placed) {
      if (!current.has(target) || !target.isConnected) { p.host.remove(); placed.delete(target); }
    }
    if (rowsSeen.length) deps.recordSeen(rowsSeen);
    if (fresh.size) await load([...fresh]);
  }

  async function load(ids: string[]) {
    try {
      for (const b of await deps.fetchBadges(ids)) known.set(b.tenantId, b);
    } catch {
      return; // the background is restarting or the extension was reloaded: the next scan tries again
    }
    for (const p of placed.values()) if (ids.includes(p.tenantId)) paint(p);
  }

  observe(document);
  schedule();

  return {
    /** The customer whose own page this is: its links get no badge. */
    setExcluded(tenantId: string | undefined) {
      if (excluded === tenantId) return;
      excluded = tenantId;
      schedule();
    },
    /** Something changed in the store: fetch those customers' badges again (all of them when unsaid). */
    refresh(tenantIds?: string[]) {
      const ids = tenantIds ?? [...known.keys()];
      const shown = new Set([...placed.values()].map((p) => p.tenantId));
      const wanted = ids.filter((id) => shown.has(id));
      if (wanted.length) void load(wanted);
    },
    rerender() { for (const p of placed.values()) paint(p); },
    stop() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      for (const p of placed.values()) p.host.remove();
      placed.clear();
    },
  };
}
export type BadgeManager = ReturnType<typeof startBadges>;

// The badges the content script knows: answers from the background, and every customer's badge in one table on
// a customers list. A generation counter dates every answer: one asked for before a store change that concerns
// it is dropped (it describes the store of before), and asked for again.
import type { Badge } from '@/lib/messages';
import { badgeInTable, type BadgeTable } from '@/lib/badge-table';

export interface BadgeFetch {
  fetchBadges(ids: string[]): Promise<Badge[]>;
  /** Every customer's badge, null when the store is too large to hand over whole. */
  fetchAll(): Promise<BadgeTable | null>;
}

/** A message carries at most this many ids: a longer page asks in several. */
const PER_REQUEST = 5000;

export function createBadgeSource(deps: BadgeFetch, opts: { isInvalid(): boolean; onDropped(): void }) {
  const known = new Map<string, Badge>();
  // Once the whole table is in, a customer missing from it is one the store does not have. Customers changed
  // since it was asked for are asked for again (`stale`).
  let table: BadgeTable | undefined;
  const stale = new Set<string>();
  let tableWanted = false;
  let tableLoading: Promise<void> | undefined;
  // Bumped by every change; `wideAt` is the last change of the whole store, `changedAt` each customer's last.
  let generation = 0;
  let wideAt = 0;
  const changedAt = new Map<string, number>();
  const outdated = (tenantId: string, asked: number) => wideAt > asked || (changedAt.get(tenantId) ?? 0) > asked;

  /** The badge of a customer if at hand, from an answer or the table (kept, so it stays the same object). */
  function get(tenantId: string): Badge | undefined {
    let b = known.get(tenantId);
    if (b || !table || stale.has(tenantId)) return b;
    b = badgeInTable(table, tenantId) ?? { ...table.unknown, tenantId, known: false };
    known.set(tenantId, b);
    return b;
  }

  /** Badges of these tenants from the background; false when none could be taken (failed, or all outdated). */
  async function fetch(ids: string[]): Promise<boolean> {
    const asked = generation;
    let lists: Badge[][];
    try {
      const parts: string[][] = [];
      for (let i = 0; i < ids.length; i += PER_REQUEST) parts.push(ids.slice(i, i + PER_REQUEST));
      lists = await Promise.all(parts.map((p) => deps.fetchBadges(p)));
    } catch {
      return false; // the background is restarting or the extension was reloaded: the next scan asks again
    }
    let took = 0;
    let dropped = false;
    for (const list of lists) {
      for (const b of list) {
        // An answer from before a change that concerns it is dropped: the next scan asks again.
        if (outdated(b.tenantId, asked)) { dropped = true; continue; }
        known.set(b.tenantId, b);
        stale.delete(b.tenantId);
        took++;
      }
    }
    if (dropped) opts.onDropped();
    return took > 0;
  }

  /** Every customer's badge, asked for once at a time (a customers list asks once it opens). */
  function loadTable() {
    tableWanted = true;
    if (tableLoading) return;
    const asked = generation;
    tableLoading = deps.fetchAll().then((t) => {
      if (wideAt > asked || !t || opts.isInvalid()) return; // the store changed as a whole meanwhile
      table = t;
      // Customers changed since it was asked for: their lines are from before.
      for (const [id, at] of changedAt) if (at > asked) { known.delete(id); stale.add(id); }
    }).catch(() => undefined).finally(() => {
      tableLoading = undefined;
      // Asked again, for the table of after the change.
      if (wideAt > asked && !opts.isInvalid()) loadTable();
    });
  }

  return {
    get,
    fetch,
    /** Whether every customer's badge is at hand (a missing one is a customer the store does not have). */
    get hasTable() { return table !== undefined; },
    /** A customers list opened: every customer's badge is asked for, so that rows get theirs as they go in. */
    prefetch() { if (!table) loadTable(); },
    /** Something changed in the store: for these customers, or for all when unsaid. */
    changed(tenantIds?: string[]) {
      generation++;
      if (!tenantIds) {
        wideAt = generation;
        changedAt.clear();
        known.clear();
        stale.clear();
        table = undefined;
        if (tableWanted) loadTable();
        return;
      }
      for (const id of tenantIds) {
        changedAt.set(id, generation);
        known.delete(id);
        // Their lines in the table are out of date: asked for when shown.
        if (table || tableLoading) stale.add(id);
      }
    },
  };
}
export type BadgeSource = ReturnType<typeof createBadgeSource>;

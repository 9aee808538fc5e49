// The panel's data, asked for as soon as the URL names the customer, while the panel's code loads and its UI is
// mounted: the first load takes that answer instead of waiting for the first render's effect. Part of the
// content script itself (not of the lazily loaded panel, risk-panel.ts), so the request starts at once.
import type { PanelData } from '@/lib/messages';
import { send } from '@/utils/send';
import { within } from '@/lib/within';

const prefetched = new Map<string, Promise<PanelData>>();

export function prefetchPanel(tenantId: string): void {
  if (prefetched.has(tenantId)) return;
  const answer = send({ type: 'panel.get', tenantId });
  answer.catch(() => undefined); // a failure is reported by the load that takes it
  prefetched.set(tenantId, answer);
}

/** The answer asked for ahead, once: a later load asks again. */
export function takePrefetched(tenantId: string): Promise<PanelData> | undefined {
  const early = prefetched.get(tenantId);
  prefetched.delete(tenantId);
  return early;
}

/**
 * The answer asked for ahead, taken once, when it comes within `ms`: the panel then mounts with it, its first render
 * the score (no loading frame first, nor the wait for that frame's effect). Undefined when it is not in by then (it is
 * left for the panel to take), when it failed (the panel reports it), or when a store change dropped it meanwhile.
 */
export async function prefetchedWithin(tenantId: string, ms: number): Promise<PanelData | undefined> {
  const early = prefetched.get(tenantId);
  if (!early) return undefined;
  const settled = await within(early, ms);
  if (!settled || prefetched.get(tenantId) !== early) return undefined;
  prefetched.delete(tenantId);
  return settled.value;
}

/** The store changed (for these customers, or all): an answer asked for before is out of date. */
export function dropPrefetched(tenantIds?: string[]): void {
  if (!tenantIds) prefetched.clear();
  else for (const id of tenantIds) prefetched.delete(id.toLowerCase());
}

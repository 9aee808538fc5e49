// An import made here goes to the team before the toolbar badge counts again: the count reads every summary, which
// held the exchange that shares the import for seconds. Apart from the worker so that the order is tested.
import { within } from '@/lib/within';

/** What of the team's exchange the order needs (lib/sync/engine's Sync). */
export interface ShareFirstSync {
  readConfig(): Promise<unknown>;
  /** The exchange: calling it runs one (or joins the one under way); `busy` while one is under way. */
  run: { (): Promise<unknown>; busy: boolean };
  nudge(): Promise<unknown>;
}

/**
 * Shares the import, then refreshes the badge. Not in a team: the badge at once. An exchange under way is awaited
 * and then one more (which takes the import; `run` queues it), else one is started. The badge waits at most
 * `limitMs`: a server that never answers does not leave it stale. A failed exchange is reported by `failed`.
 */
export function shareImportFirst(deps: { sync(): Promise<ShareFirstSync>; refreshBadge(): Promise<unknown>; limitMs: number; failed(): void }): Promise<void> {
  const shared = deps.sync().then(async (s) => {
    if (!(await s.readConfig())) return;
    if (s.run.busy) await s.run();
    else await s.nudge();
  }).catch(deps.failed);
  return within(shared, deps.limitMs).then(() => deps.refreshBadge()).then(() => undefined);
}

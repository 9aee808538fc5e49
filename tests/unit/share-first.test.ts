// The worker's order after an import made here: the exchange that shares it first, then the badge's count (which
// reads every summary and would hold that exchange for seconds); never a badge left stale by a server that hangs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '@/lib/coalesce';
import { shareImportFirst, type ShareFirstSync } from '@/utils/share-first';

/** A team connection whose exchanges end when the test says; `log` is the order things happened in. */
function team(connected: boolean) {
  const log: string[] = [];
  const ends: Array<() => void> = [];
  let n = 0;
  const run = coalesce(async () => {
    const i = ++n;
    log.push(`exchange ${i} starts`);
    await new Promise<void>((ok) => ends.push(ok));
    log.push(`exchange ${i} ends`);
  });
  // As lib/sync/engine's nudge after a write: with an exchange under way, one more is asked for after it, not awaited.
  const nudge = async () => { if (run.busy) { run.follow(); return; } await run(); };
  const sync: ShareFirstSync = { readConfig: async () => (connected ? { url: 'https://couch.example' } : undefined), run, nudge };
  const refreshBadge = vi.fn(async () => { log.push('badge'); });
  const endNext = async () => { await vi.waitFor(() => expect(ends.length).toBeGreaterThan(0)); ends.shift()!(); };
  return { log, sync, run, refreshBadge, endNext };
}

describe('an import made here, shared before the badge counts', () => {
  afterEach(() => void vi.useRealTimers());

  it('starts an exchange and counts the badge once it has ended', async () => {
    const t = team(true);
    const done = shareImportFirst({ sync: async () => t.sync, refreshBadge: t.refreshBadge, limitMs: 10_000, failed: () => undefined });
    await t.endNext();
    await done;
    expect(t.log).toEqual(['exchange 1 starts', 'exchange 1 ends', 'badge']);
  });

  it('with an exchange under way (it began before the import), waits for it and for the one after, which takes the import', async () => {
    const t = team(true);
    const before = t.run();
    await vi.waitFor(() => expect(t.log).toEqual(['exchange 1 starts']));
    const done = shareImportFirst({ sync: async () => t.sync, refreshBadge: t.refreshBadge, limitMs: 10_000, failed: () => undefined });
    await t.endNext();
    await t.endNext();
    await Promise.all([done, before]);
    expect(t.log).toEqual(['exchange 1 starts', 'exchange 1 ends', 'exchange 2 starts', 'exchange 2 ends', 'badge']);
  });

  it('outside a team, counts the badge at once', async () => {
    const t = team(false);
    await shareImportFirst({ sync: async () => t.sync, refreshBadge: t.refreshBadge, limitMs: 10_000, failed: () => undefined });
    expect(t.log).toEqual(['badge']);
  });

  it('counts the badge after the limit when the exchange hangs, and again after a failed one, which it reports', async () => {
    vi.useFakeTimers();
    const t = team(true);
    const done = shareImportFirst({ sync: async () => t.sync, refreshBadge: t.refreshBadge, limitMs: 10_000, failed: () => undefined });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(t.refreshBadge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(t.log).toEqual(['exchange 1 starts', 'badge']);
    vi.useRealTimers();

    const failed = vi.fn();
    const broken: ShareFirstSync = { ...t.sync, run: Object.assign(async () => undefined, { busy: false }), nudge: async () => { throw new Error('500 from https://couch.example'); } };
    const refreshBadge = vi.fn(async () => undefined);
    await shareImportFirst({ sync: async () => broken, refreshBadge, limitMs: 10_000, failed });
    expect(failed).toHaveBeenCalledTimes(1);
    expect(refreshBadge).toHaveBeenCalledTimes(1);
  });
});

// How an open view follows `changed`: one full read at a time (changes come in bursts: a colleague's records
// arrive in batches), and, after a whole import, the head of its lists first, as when the popup opens.
import { coalesce, type Coalesced } from '@/lib/coalesce';

export interface Refresher<S> {
  /** A `changed` message arrived; `what` is what changed. */
  changed(what: readonly string[]): void;
  /** A full read now (or once more after the one under way); `busy` while one is under way. */
  full: Coalesced;
}

/**
 * `readAll` reads everything (seconds for 10,000 customers; undefined: nothing to show), `readHead` the first rows through the background (a
 * fraction of a second; undefined when the store is small enough to read whole), `show` puts a state on screen. A
 * head that arrives after a full read that began after it was asked is dropped: it would put older, partial lists
 * over whole ones.
 */
export function createRefresher<S>(readAll: () => Promise<S | undefined>, readHead: () => Promise<S | undefined>, show: (s: S) => void, fail: (e: unknown) => void): Refresher<S> {
  let fullStarted = 0;
  const full = coalesce(async () => {
    fullStarted++;
    try {
      const s = await readAll();
      if (s) show(s);
    } catch (e) {
      fail(e);
    }
  });
  const head = async () => {
    const asked = fullStarted;
    const s = await readHead().catch(() => undefined);
    if (s && fullStarted === asked) show(s);
  };
  return {
    full,
    changed(what) {
      if (!what.includes('import') && !what.includes('restore')) return void full();
      void head().finally(() => void full());
    },
  };
}

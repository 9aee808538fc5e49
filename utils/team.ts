// The extension pages' side of the team connection: the state for the Team section and the indicators (asked of
// the background every few seconds, which also runs an exchange when one is due), and imports given to the team.
import { useEffect, useState } from 'preact/hooks';
import { openSyncState, readSyncValue, type SyncDb } from '@/lib/db';
import type { ImportBatch } from '@/lib/db/import';
import { RejectedDoc, type SyncBrief, type SyncConfig } from '@/lib/sync/config';
import { withTimeout } from '@/lib/sync/http';
import { commitAndShare } from '@/lib/sync/share';
import { send } from './send';

/** How often an open page asks: a change made in another browser shows here within this plus one exchange. */
export const PING_MS = 3000;

let stateDb: Promise<SyncDb> | undefined;
const syncState = () => (stateDb ??= openSyncState());

async function readRejected(): Promise<RejectedDoc[]> {
  const raw = await readSyncValue(await syncState(), 'rejected');
  return Array.isArray(raw) ? raw.filter((r): r is RejectedDoc => RejectedDoc.safeParse(r).success) : [];
}

/**
 * Commits an import made here and, when this browser is connected to a team, gives it to the team at the same time
 * (lib/sync/share): the team's server gets it while this store writes it.
 */
export async function importForTeam<T>(batch: ImportBatch, by: string, at: string, commit: () => Promise<T>): Promise<T> {
  // The team's small database does not open: the import is this store's alone, as it would be without a team.
  const state = await syncState().catch(() => undefined);
  if (!state) return commit();
  return commitAndShare({ state, fetch: withTimeout((url, init) => fetch(url, init)), now: () => new Date(), newId: () => crypto.randomUUID() }, batch, by, at, commit);
}

/** The team's state, refreshed every few seconds while the page is open; `withRejected` also reads the records kept aside. */
export function useTeam(withRejected = false) {
  const [brief, setBrief] = useState<SyncBrief>();
  const [rejected, setRejected] = useState<RejectedDoc[]>([]);
  const [loaded, setLoaded] = useState(false);
  const refresh = async () => {
    try {
      setBrief(await send({ type: 'sync.ping' }));
      if (withRejected) setRejected(await readRejected());
    } catch {
      /* the worker is starting: the next ping answers */
    } finally {
      setLoaded(true);
    }
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), PING_MS);
    return () => clearInterval(timer);
  }, []);
  return {
    brief, rejected, loaded, refresh,
    connect: async (config: SyncConfig) => { setBrief(await send({ type: 'sync.connect', config })); await refresh(); },
    disconnect: async () => { setBrief(await send({ type: 'sync.disconnect' })); await refresh(); },
  };
}

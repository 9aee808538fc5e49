// The extension pages' side of the team connection: the state for the Team section and the indicators (asked of
// the background every few seconds, which also runs an exchange when one is due), and imports to share.
import { useEffect, useState } from 'preact/hooks';
import { openSyncState, putPendingImport, readSyncValue, type SyncDb } from '@/lib/db';
import type { ImportBatch } from '@/lib/db/import';
import { RejectedDoc, SyncConfig, type SyncBrief } from '@/lib/sync/config';
import { compressBatch, kindsOf, rowsOf } from '@/lib/sync/imports';
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
 * Keeps an import made here for the next exchange, when this browser is connected to a team. The batch is
 * compressed while the store writes it (IndexedDB does its work apart from this page), and kept only once
 * `written` (the import's commit) has succeeded: an import that failed is not shared.
 */
export async function shareImport(batch: ImportBatch, by: string, at: string, written: Promise<unknown>): Promise<void> {
  const db = await syncState();
  if (!SyncConfig.safeParse(await readSyncValue(db, 'config')).success) return;
  const gz = await compressBatch(batch);
  await written;
  await putPendingImport(db, { _id: `import:${crypto.randomUUID()}`, at, by, rows: rowsOf(batch), kinds: kindsOf(batch), gz });
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

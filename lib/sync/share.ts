// An import made here goes to the team while this browser writes it, not after: the import record and its batch
// are put straight on the team's server (one HTTP PUT from the import page) in parallel with the local commit, so a
// colleague's browser applies it while this one is still writing. When the server cannot take it, the import waits
// in the worker's outbox as before. Once staff confirm an import (the preview checked every row), it is the team's.
import * as z from 'zod/mini';
import { deleteOwnImport, putPendingImport, readSyncValue, writeOwnImport, type ImportBatch, type SyncDb } from '../db';
import { errorWording } from '../errors';
import { codeLine, WordedError, wording } from '../wording';
import { serverOrigin, SyncConfig } from './config';
import { basicAuth } from './http';
import { compressBatch, IMPORT_ATTACHMENT, kindsOf, rowsOf, type ImportRecord } from './imports';

/**
 * An import this browser made, as the worker sees it: `committing` (this store is writing it: the copy that comes
 * back from the server is not applied), `applied` (written here), `failed` (written on the server, not here: the
 * worker applies the team's copy). `since` is when the state was set.
 */
export const OwnImport = z.object({ state: z.enum(['committing', 'applied', 'failed']), since: z.string() });
export type OwnImport = z.infer<typeof OwnImport>;

/** An own import still `committing` after this long had its page closed mid-write: the team's copy is applied. */
export const OWN_COMMIT_STALE_MS = 15 * 60_000;

export interface ShareDeps {
  state: SyncDb;
  /** A request with a time limit (lib/sync/http timedFetch). */
  fetch(url: string, init: RequestInit): Promise<Response>;
  now(): Date;
  newId(): string;
}

/** The failure of an import written on the team's server but not in this store: said as such to staff. */
export const sharedFailure = (cause: unknown): WordedError => {
  const text = wording('import_failed_shared', errorWording(cause));
  return new WordedError(codeLine(text), text);
};

async function base64(gz: Blob): Promise<string> {
  const bytes = new Uint8Array(await gz.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * One PUT of the record with its attachment inline: the same document the worker's replication would write. Whether
 * the server took it; never why (the answer and the error may quote the server's URL or the member's name).
 */
async function upload(deps: ShareDeps, base: string, config: SyncConfig, record: ImportRecord, gz: Blob): Promise<boolean> {
  try {
    const body = JSON.stringify({ ...record, _attachments: { [IMPORT_ATTACHMENT]: { content_type: 'application/gzip', data: await base64(gz) } } });
    const r = await deps.fetch(`${base}/${encodeURIComponent(config.database)}/${encodeURIComponent(record._id)}`, {
      method: 'PUT', body, credentials: 'omit',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: basicAuth(config) },
    });
    await r.body?.cancel().catch(() => undefined);
    return r.ok;
  } catch {
    return false;
  }
}

/**
 * Commits an import here (`commit`) and gives it to the team. Not connected: the commit alone. Connected: the import
 * is marked as this browser's own (a tiny write, before the big one, which holds the origin's other writes), then
 * the commit and the upload run together. Commit written, upload refused or unreachable: the import waits in the
 * outbox (the worker pushes it). Commit failed, upload done: the team's copy stands and the worker applies it here
 * at a later exchange; the error says so (sharedFailure). Both failed: nothing was shared, the error as it was.
 */
export async function commitAndShare<T>(deps: ShareDeps, batch: ImportBatch, by: string, at: string, commit: () => Promise<T>): Promise<T> {
  const id = `import:${deps.newId()}`;
  const mark = (state: OwnImport['state']) => writeOwnImport(deps.state, id, { state, since: deps.now().toISOString() } satisfies OwnImport);
  let config: SyncConfig;
  try {
    const c = SyncConfig.safeParse(await readSyncValue(deps.state, 'config'));
    if (!c.success) return commit();
    config = c.data;
    await mark('committing');
  } catch {
    return commit(); // the team's own small database cannot be written: the import is this store's alone, as before
  }
  const written = commit();
  written.catch(() => undefined); // awaited below
  const record: ImportRecord = { _id: id, v: 1, kind: 'import', member: config.user, by, at, rows: rowsOf(batch), kinds: kindsOf(batch) };
  // Compressed while the store writes (IndexedDB works apart from this page).
  const gz = compressBatch(batch);
  const origin = serverOrigin(config.url);
  const uploaded = origin.ok ? gz.then((g) => upload(deps, origin.base, config, record, g)) : Promise.resolve(false);
  let outcome: T;
  try {
    outcome = await written;
  } catch (e) {
    if (await uploaded) {
      await mark('failed');
      throw sharedFailure(e);
    }
    await deleteOwnImport(deps.state, id);
    throw e;
  }
  try {
    if (!(await uploaded)) await putPendingImport(deps.state, { _id: id, at, by, rows: record.rows, kinds: record.kinds, gz: await gz });
    await mark('applied');
  } catch {
    // The store holds the import; only its sharing failed (as a failed hand-over did before): not an import failure.
  }
  return outcome;
}

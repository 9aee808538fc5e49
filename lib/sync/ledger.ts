// The exchange's bookkeeping of imports: which import records this store holds (applied here, or made here), the
// outbox of imports waiting to be pushed, and this browser's own imports its store did not write (applied from the
// team's copy). Apart from the engine so that each stays one screenful of concerns.
import {
  compressBatch, IMPORT_ATTACHMENT, ImportRecord, applyImport, kindsOf, rowsOf,
} from './imports';
import {
  deleteOwnImport, deletePendingImport, putPendingImport, readImportedData, readOwnImport, readOwnImports, readPendingImports, readSettings,
  readSyncValue, writeSyncValue, type PendingImport, type PrlDb, type SyncDb,
} from '../db';
import type { Changed } from '../messages';
import type { RejectedDoc } from './config';
import type { Pouch } from './pouch';
import { OWN_COMMIT_STALE_MS, OwnImport } from './share';

type Reason = RejectedDoc['reason'];

export function stripMeta(doc: Record<string, unknown>): Record<string, unknown> {
  const { _rev: _, _attachments: __, _revisions: ___, ...rest } = doc;
  return rest;
}

export function createLedger(deps: {
  db: PrlDb; state: SyncDb; now(): Date; broadcast(c: Changed): void; keepAside(docs: RejectedDoc[]): Promise<void>;
}) {
  const { db, state } = deps;

  async function appliedImports(): Promise<Set<string>> {
    const raw = await readSyncValue(state, 'appliedImports');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  }
  async function markApplied(id: string): Promise<void> {
    const s = await appliedImports();
    s.add(id);
    await writeSyncValue(state, 'appliedImports', [...s]);
  }
  /** An own import this store holds: counted as applied, its mark gone. */
  async function settleOwn(id: string): Promise<void> {
    await markApplied(id);
    await deleteOwnImport(state, id);
  }

  /** Applies an import record of the replica with the import code; why not (kept aside) when this store cannot take it. */
  async function applyFromReplica(local: Pouch, id: string, rec: ImportRecord, at: string): Promise<Reason | undefined> {
    const blob = await local.getAttachment(id, IMPORT_ATTACHMENT).catch(() => undefined) as Blob | undefined;
    return applyImport(db, blob, rec.at, at);
  }

  /**
   * An import record in the changes feed: applied unless this store holds it already. This browser's own is never
   * applied here: written (its mark becomes "applied"), being written, or failed (applyOwn retries it).
   */
  async function incoming(local: Pouch, id: string, rec: ImportRecord, at: string): Promise<{ applied: boolean; refused?: Reason }> {
    const own = OwnImport.safeParse(await readOwnImport(state, id));
    if (own.success) {
      if (own.data.state === 'applied') await settleOwn(id);
      return { applied: false };
    }
    if ((await appliedImports()).has(id)) return { applied: false };
    const refused = await applyFromReplica(local, id, rec, at);
    if (refused) return { applied: false, refused };
    await markApplied(id);
    return { applied: true };
  }

  /**
   * This browser's own imports that its store did not write (the commit failed, or its page closed mid-write) while
   * the team's copy stands: applied from the replica once it is there, as a colleague's import would be.
   */
  async function applyOwn(local: Pouch): Promise<void> {
    const at = deps.now().toISOString();
    let imported = false;
    for (const [id, raw] of await readOwnImports(state)) {
      const own = OwnImport.safeParse(raw);
      if (!own.success) { await deleteOwnImport(state, id); continue; }
      if (own.data.state === 'applied') { await settleOwn(id); continue; } // written here: never applied from the team
      const stale = deps.now().getTime() - Date.parse(own.data.since) > OWN_COMMIT_STALE_MS;
      if (own.data.state === 'committing' && !stale) continue;
      const doc = await local.get(id).catch(() => undefined);
      if (!doc) continue; // not pulled yet (or it never reached the server): a later exchange
      const rec = ImportRecord.safeParse(stripMeta(doc));
      const refused = rec.success ? await applyFromReplica(local, id, rec.data, at) : { key: 'sync_rejected_shape', subs: [] };
      if (refused) await deps.keepAside([{ id, reason: refused, at }]);
      else imported = true;
      await settleOwn(id);
    }
    if (imported) deps.broadcast({ type: 'changed', what: ['team', 'import'] });
  }

  /**
   * Puts the imports waiting in the outbox (and not in `taken`) into the local replica, adding them to `taken`. One the
   * server holds already is not put: the import page's upload may have reached it without its answer reaching the
   * page, and the same record pushed again would be a second revision of an add-only record.
   */
  async function putPending(local: Pouch, remote: Pouch, member: string, taken: PendingImport[]): Promise<void> {
    for (const p of await readPendingImports(state)) {
      if (taken.some((i) => i._id === p._id)) continue;
      taken.push(p);
      if (await remote.get(p._id).then(() => true, () => false)) continue;
      const doc = { _id: p._id, v: 1, kind: 'import', member, by: p.by, at: p.at, rows: p.rows, kinds: p.kinds,
        _attachments: { [IMPORT_ATTACHMENT]: { content_type: 'application/gzip', data: p.gz } } };
      await local.put(doc as never).catch((e: { status?: number }) => { if (e?.status !== 409) throw e; });
    }
  }
  /** Imports now on the server: out of the outbox, and never applied here again. */
  async function pushed(taken: PendingImport[]): Promise<void> {
    for (const p of taken) {
      await markApplied(p._id);
      await deletePendingImport(state, p._id);
    }
  }

  /**
   * Joining: what this store holds from imports made before (alone, or while disconnected) goes to the team as one
   * import record, as each import made while connected does. Once per join: a reconnect (a password typed again)
   * does not send it twice; leaving the team (forget) lets the next join send it again.
   */
  async function shareEarlier(): Promise<void> {
    if (await readSyncValue(state, 'joinShared')) return;
    const batch = await readImportedData(db);
    if (rowsOf(batch)) {
      const at = deps.now().toISOString();
      const { staffName } = await readSettings(db);
      await putPendingImport(state, { _id: `import:${globalThis.crypto.randomUUID()}`, at, by: staffName, rows: rowsOf(batch), kinds: kindsOf(batch), gz: await compressBatch(batch) });
    }
    await writeSyncValue(state, 'joinShared', true);
  }

  /** Leaving the team: the next join starts afresh (its replica is new). */
  async function forget(): Promise<void> {
    for (const [id] of await readOwnImports(state)) await deleteOwnImport(state, id);
  }

  return { incoming, applyOwn, putPending, pushed, shareEarlier, forget };
}

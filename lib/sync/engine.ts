// One exchange with the team's server at a time, one-shot: outbox (records not yet shared) into the local replica,
// replicate both ways, then apply what came in to lib/db, the read model. Bad records are kept aside, never applied,
// never blocking the rest. Failures become a state in words and back off.
import { coalesce } from '../coalesce';
import type { PrlDb, SyncDb } from '../db';
import {
  applyRemoteRecords, countPendingImports, type PendingImport, countUnshared, markShared, readSyncValue, unsharedRecords, writeSyncValue, deleteSyncValue,
} from '../db';
import { parseTeamRecord } from '../team/record';
import type { Changed } from '../messages';
import { backoffSeconds, RejectedDoc, serverOrigin, SyncConfig, SyncStatus, type SyncBrief, type SyncProblem, type SyncState } from './config';
import { basicAuth } from './http';
import { ImportRecord } from './imports';
import { createLedger, stripMeta } from './ledger';
import type { Pouch } from './pouch';

export interface SyncDeps {
  db: PrlDb;
  state: SyncDb;
  now(): Date;
  broadcast(c: Changed): void;
  localReplica(key: string): Pouch;
  remoteDatabase(base: string, c: SyncConfig): Pouch;
  /** A GET with the member's credentials and a time limit (the probe that tells the states apart). */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Whether the browser lets the extension reach this origin (asked for when staff connect). */
  hasPermission(origin: string): Promise<boolean>;
}

const BATCH = 500;
/** A reason kept with a record set aside: a message key (lib/wording shape, plain substitutions). */
const why = (key: string, subs: Array<string | number> = []) => ({ key, subs });
const REJECTED_KEPT = 500;

/** What a failed exchange is, in words (a message key) and as a state: no answer is offline, any refusal an error. */
export function classify(failure: { status?: number; timeout?: boolean }): { state: SyncState; problem: SyncProblem } {
  const s = failure.status;
  if (failure.timeout) return { state: 'offline', problem: 'sync_problem_timeout' };
  if (!s) return { state: 'offline', problem: 'sync_problem_unreachable' };
  if (s === 401) return { state: 'error', problem: 'sync_problem_auth' };
  if (s === 403) return { state: 'error', problem: 'sync_problem_forbidden' };
  if (s === 404) return { state: 'error', problem: 'sync_problem_no_database' };
  if (s >= 500) return { state: 'error', problem: 'sync_problem_server' };
  return { state: 'error', problem: 'sync_problem_other' };
}

class ExchangeError extends Error {
  constructor(readonly status?: number, readonly timeout = false) {
    super(status ? `sync_http_${status}` : timeout ? 'sync_no_answer' : 'sync_unreachable');
  }
}

/** Failures of PouchDB or fetch, reduced to a status (never their message: it may quote a URL or a header). */
function failureOf(e: unknown): { status?: number; timeout?: boolean } {
  if (e instanceof ExchangeError) return { status: e.status, timeout: e.timeout };
  const err = e as { status?: unknown; name?: unknown; result?: { errors?: unknown[] } } | null;
  if (err && (err.name === 'TimeoutError' || err.name === 'AbortError')) return { timeout: true };
  if (err && typeof err.status === 'number' && err.status >= 400) return { status: err.status };
  return {};
}

export const replicaKey = (c: SyncConfig, base: string): string =>
  Array.from(`${base}|${c.database}|${c.user}`).reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7).toString(36).replace('-', 'n');

export function createSync(deps: SyncDeps) {
  const { db, state } = deps;
  let lastRun = 0;

  const readConfig = async (): Promise<SyncConfig | undefined> => {
    const c = SyncConfig.safeParse(await readSyncValue(state, 'config'));
    return c.success ? c.data : undefined;
  };
  const readStatus = async (): Promise<SyncStatus> => {
    const s = SyncStatus.safeParse(await readSyncValue(state, 'status'));
    return s.success ? s.data : { state: 'off', failures: 0 };
  };
  const setStatus = (s: SyncStatus) => writeSyncValue(state, 'status', s);

  async function pending(): Promise<number> {
    return (await countUnshared(db)) + (await countPendingImports(state));
  }

  async function brief(): Promise<SyncBrief> {
    const [config, status, n] = await Promise.all([readConfig(), readStatus(), pending()]);
    if (!config) return { state: 'off', pending: n };
    const origin = serverOrigin(config.url);
    return {
      state: status.state === 'off' ? 'syncing' : status.state, pending: n, lastOk: status.lastOk, problem: status.problem, httpStatus: status.httpStatus,
      server: origin.ok ? origin.base : undefined, database: config.database, user: config.user,
    };
  }

  async function readRejected(): Promise<RejectedDoc[]> {
    const raw = await readSyncValue(state, 'rejected');
    return Array.isArray(raw) ? raw.filter((r) => RejectedDoc.safeParse(r).success) as RejectedDoc[] : [];
  }
  async function keepAside(docs: RejectedDoc[]): Promise<void> {
    if (!docs.length) return;
    const kept = await readRejected();
    const ids = new Set(docs.map((d) => d.id));
    await writeSyncValue(state, 'rejected', [...docs, ...kept.filter((k) => !ids.has(k.id))].slice(0, REJECTED_KEPT));
  }
  const ledger = createLedger({ db, state, now: deps.now, broadcast: deps.broadcast, keepAside });

  /** Moves what this member wrote and has not shared into the local replica, then pushes; marks it shared once on the server. */
  async function pushOutbox(local: Pouch, remote: Pouch): Promise<void> {
    const imports: PendingImport[] = [];
    const member = (await readConfig())!.user;
    const putImports = () => ledger.putPending(local, remote, member, imports);
    await putImports();
    const sharedIds: string[] = [];
    for (;;) {
      const records = await unsharedRecords(db, BATCH);
      const fresh = records.filter((r) => !sharedIds.includes(r._id));
      if (!fresh.length) break;
      const results = await local.bulkDocs(fresh as never[]);
      for (const [i, r] of results.entries()) {
        const status = (r as { status?: number }).status;
        if ('error' in r && status !== 409) throw new ExchangeError(status);
        sharedIds.push(fresh[i]._id);
      }
      if (records.length < BATCH) break;
    }
    // An import kept while this exchange was under way (the import page hands it over once written) goes now, not
    // with the next exchange.
    await putImports();
    const pushed = await local.replicate.to(remote, { batch_size: 100 } as never) as unknown as { doc_write_failures?: number };
    // The server refused some (its validate_doc_update: a record not signed by this member): none counts as shared.
    if (pushed.doc_write_failures) throw new ExchangeError(403);
    if (sharedIds.length) await markShared(db, sharedIds);
    await ledger.pushed(imports);
  }

  /** Applies what the replica holds past the cursor: good records to lib/db, imports with the import code, bad ones aside. */
  async function applyIncoming(local: Pouch): Promise<void> {
    let since = (await readSyncValue(state, 'cursor')) as string | number | undefined ?? 0;
    for (;;) {
      const feed = await local.changes({ since, limit: BATCH, include_docs: true } as never) as unknown as { results: Array<{ id: string; deleted?: boolean; doc?: Record<string, unknown> }>; last_seq: string | number };
      if (!feed.results.length) break;
      const good: unknown[] = [];
      const aside: RejectedDoc[] = [];
      const at = deps.now().toISOString();
      const tenants = new Set<string>();
      let settings = false;
      let imported = false;
      for (const ch of feed.results) {
        if (ch.id.startsWith('_design/') || ch.deleted || !ch.doc) {
          if (ch.deleted && !ch.id.startsWith('_design/')) aside.push({ id: ch.id, reason: why('sync_rejected_deleted'), at });
          continue;
        }
        if (ch.doc.kind === 'import') {
          const rec = ImportRecord.safeParse(stripMeta(ch.doc));
          if (!rec.success) { aside.push({ id: ch.id, reason: why('sync_rejected_shape'), at }); continue; }
          const done = await ledger.incoming(local, ch.id, rec.data, at);
          if (done.refused) aside.push({ id: ch.id, reason: done.refused, at });
          imported ||= done.applied;
          continue;
        }
        const parsed = parseTeamRecord(ch.doc);
        if (parsed.ok) good.push(parsed.record);
        else aside.push({ id: ch.id, reason: why(parsed.text.key, parsed.text.subs.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x))), at });
      }
      if (good.length) {
        const applied = await applyRemoteRecords(db, good as never);
        for (const t of applied.tenants ?? []) tenants.add(t);
        settings = Boolean(applied.settings);
      }
      await keepAside(aside);
      since = feed.last_seq;
      await writeSyncValue(state, 'cursor', since);
      if (imported) deps.broadcast({ type: 'changed', what: ['team', 'import'] });
      else if (settings) deps.broadcast({ type: 'changed', what: ['team', 'settings'] });
      else if (tenants.size) deps.broadcast({ type: 'changed', what: ['team'], tenantIds: [...tenants] });
      if (feed.results.length < BATCH) break;
    }
  }

  async function exchange(): Promise<void> {
    const config = await readConfig();
    if (!config) {
      if ((await readStatus()).state !== 'off') await setStatus({ state: 'off', failures: 0 });
      return;
    }
    const origin = serverOrigin(config.url);
    const before = await readStatus();
    if (!origin.ok) {
      await setStatus({ ...before, state: 'error', problem: 'sync_problem_other', httpStatus: undefined });
      return;
    }
    // "Sharing…" while nothing has succeeded yet; an exchange that follows a good one does not flicker the state.
    if (before.state !== 'ok') await setStatus({ ...before, state: 'syncing' });
    try {
      if (!(await deps.hasPermission(origin.origin))) {
        await setStatus({ ...before, state: 'error', problem: 'sync_problem_permission', httpStatus: undefined, failures: before.failures + 1 });
        return;
      }
      // The probe tells a wrong password, a missing database and a server error apart before anything moves.
      let probe: Response;
      try {
        probe = await deps.fetch(`${origin.base}/${encodeURIComponent(config.database)}`, {
          headers: { Accept: 'application/json', Authorization: basicAuth(config) },
          credentials: 'omit',
        });
      } catch (e) {
        const f = failureOf(e);
        throw new ExchangeError(undefined, Boolean(f.timeout));
      }
      if (!probe.ok) throw new ExchangeError(probe.status);
      await probe.body?.cancel().catch(() => undefined);
      const local = deps.localReplica(replicaKey(config, origin.base));
      const remote = deps.remoteDatabase(origin.base, config);
      await pushOutbox(local, remote);
      await local.replicate.from(remote, { batch_size: 100 } as never);
      await applyIncoming(local);
      await ledger.applyOwn(local);
      await setStatus({ state: 'ok', lastOk: deps.now().toISOString(), failures: 0 });
    } catch (e) {
      const f = failureOf(e);
      const { state: s, problem } = classify(f);
      const failures = before.failures + 1;
      await setStatus({
        state: s, problem, httpStatus: f.status, failures, lastOk: before.lastOk,
        nextTry: new Date(deps.now().getTime() + backoffSeconds(failures) * 1000).toISOString(),
      });
      // The reason is kept as a state; the error itself is not logged (it may carry the server's URL with a name).
    }
  }

  /** Runs an exchange now, or once more after the one under way. */
  const run = coalesce(async () => {
    lastRun = Date.now();
    await exchange();
  });

  /**
   * An automatic exchange (a write, an alarm, an open page's ping): not while backing off, not twice within
   * `minGapMs`. While one is under way, a write (`follow`) asks for one more after it; a ping does not (pings come
   * every few seconds: on a slow server they would chain exchanges for ever).
   */
  async function nudge(minGapMs = 0, follow = minGapMs === 0): Promise<void> {
    if (run.busy) { if (follow) run.follow(); return; }
    if (Date.now() - lastRun < minGapMs) return;
    const status = await readStatus();
    if (status.nextTry && Date.parse(status.nextTry) > deps.now().getTime()) return;
    await run();
  }

  async function connect(config: SyncConfig): Promise<void> {
    const prior = await readConfig();
    if (prior && (prior.url !== config.url || prior.database !== config.database || prior.user !== config.user)) await forget(prior);
    await writeSyncValue(state, 'config', config);
    await setStatus({ state: 'syncing', failures: 0 });
    await ledger.shareEarlier();
    await run();
  }

  async function forget(c: SyncConfig): Promise<void> {
    const origin = serverOrigin(c.url);
    if (origin.ok) await deps.localReplica(replicaKey(c, origin.base)).destroy().catch(() => undefined);
    for (const k of ['cursor', 'rejected', 'appliedImports', 'joinShared']) await deleteSyncValue(state, k);
    await ledger.forget();
  }

  /** Stops sharing: the credentials and the replica go, the partner's data in lib/db stays. */
  async function disconnect(): Promise<void> {
    await run.settle();
    const c = await readConfig();
    if (c) await forget(c);
    await deleteSyncValue(state, 'config');
    await setStatus({ state: 'off', failures: 0 });
  }

  return { run, nudge, connect, disconnect, brief, readRejected, readConfig };
}

export type Sync = ReturnType<typeof createSync>;

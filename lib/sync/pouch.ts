// PouchDB as the extension carries it: the core, IndexedDB for the local replica, HTTP for the team's CouchDB,
// and one-shot replication (the service worker is stopped when idle, so nothing live is kept running).
import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { SyncConfig } from './config';

PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication);

export type Pouch = PouchDB.Database<Record<string, unknown>>;

/** A request the server does not answer within this long counts as "no answer". */
export const REQUEST_TIMEOUT_MS = 20_000;

export function timedFetch(url: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(url, { ...init, signal });
}

/** The local replica of one server's database (a new server starts a new replica). */
export function localReplica(key: string): Pouch {
  return new PouchDB(`prl-team-${key}`, { adapter: 'indexeddb' } as PouchDB.Configuration.DatabaseConfiguration) as Pouch;
}

export function remoteDatabase(base: string, c: SyncConfig): Pouch {
  return new PouchDB(`${base}/${encodeURIComponent(c.database)}`, {
    adapter: 'http',
    // Never create the database: a missing one is the team's to set up (with its _security), and a state to say.
    skip_setup: true,
    auth: { username: c.user, password: c.password },
    fetch: timedFetch,
  } as PouchDB.Configuration.RemoteDatabaseConfiguration) as Pouch;
}

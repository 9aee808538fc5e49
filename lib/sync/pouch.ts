// PouchDB as the extension carries it: the core, IndexedDB for the local replica, HTTP for the team's CouchDB,
// and one-shot replication (the service worker is stopped when idle, so nothing live is kept running).
import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { SyncConfig } from './config';
import { withTimeout } from './http';

PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication);

export type Pouch = PouchDB.Database<Record<string, unknown>>;

/** The worker's requests to the team's server, each with the time limit. */
export const timedFetch = withTimeout((url, init) => fetch(url, init));

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

// Plain HTTP to the team's server, apart from PouchDB: the import page uses it without carrying PouchDB. The fetch
// itself is the caller's (lib/sync/pouch.ts for the worker, the import page its own).
import type { SyncConfig } from './config';

/** A request the server does not answer within this long counts as "no answer". */
export const REQUEST_TIMEOUT_MS = 20_000;

/** `send` with the time limit (and the caller's own signal, when it has one). */
export const withTimeout = (send: (url: RequestInfo | URL, init?: RequestInit) => Promise<Response>) =>
  (url: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return send(url, { ...init, signal });
  };

/** The member's credentials as an HTTP Basic header (UTF-8 names and passwords too). Never logged, never in an error. */
export const basicAuth = (c: SyncConfig): string => `Basic ${btoa(unescape(encodeURIComponent(`${c.user}:${c.password}`)))}`;

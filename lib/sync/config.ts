// The team connection's settings and status: schemas (the boundary of the connect message and of what is read back).
import * as z from 'zod/mini';

/** HTTPS only, except a server on this machine (localhost, 127.0.0.1), where plain HTTP carries nothing off it. */
export function serverOrigin(raw: string): { ok: true; origin: string; base: string } | { ok: false; reason: 'sync_url_invalid' | 'sync_url_https' } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'sync_url_invalid' };
  }
  if (u.username || u.password || u.search || u.hash) return { ok: false, reason: 'sync_url_invalid' };
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return { ok: false, reason: 'sync_url_https' };
  return { ok: true, origin: u.origin, base: u.href.replace(/\/+$/, '') };
}

// CouchDB database names: a lower-case letter first, then lower-case letters, digits and _$()+-/.
export const DatabaseName = z.string().check(z.regex(/^[a-z][a-z0-9_$()+\-/]{0,237}$/, 'is not a CouchDB database name'));

export const SyncConfig = z.object({
  url: z.string().check(z.minLength(1), z.maxLength(500)),
  database: DatabaseName,
  user: z.string().check(z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

export const SyncState = z.enum(['off', 'syncing', 'ok', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncState>;

/** Why the last exchange failed: a message key, with the HTTP status where there was one. Never a credential. */
export const SyncProblem = z.enum([
  'sync_problem_auth', 'sync_problem_forbidden', 'sync_problem_no_database', 'sync_problem_server',
  'sync_problem_unreachable', 'sync_problem_timeout', 'sync_problem_permission', 'sync_problem_other',
]);
export type SyncProblem = z.infer<typeof SyncProblem>;

export const SyncStatus = z.object({
  state: SyncState,
  /** When the last exchange with the server succeeded (ISO). */
  lastOk: z.optional(z.string()),
  problem: z.optional(SyncProblem),
  httpStatus: z.optional(z.number()),
  /** Failures in a row, for the backoff. */
  failures: z.number(),
  nextTry: z.optional(z.string()),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** What panels, the popup and the options page are told: no credentials, only the server and the member. */
export interface SyncBrief {
  state: SyncState;
  pending: number;
  lastOk?: string;
  problem?: SyncProblem;
  httpStatus?: number;
  server?: string;
  database?: string;
  user?: string;
}

/** A record from the server kept aside: its CouchDB id, why (a message key and its substitutions, lib/wording), when. */
export const RejectedDoc = z.object({
  id: z.string(),
  reason: z.object({ key: z.string(), subs: z.array(z.union([z.string(), z.number()])) }),
  at: z.string(),
});
export type RejectedDoc = z.infer<typeof RejectedDoc>;

/** Seconds to wait before the next automatic try after `failures` failures in a row: 5, 10, 20, 40, then every minute. */
export const backoffSeconds = (failures: number): number => (failures <= 0 ? 0 : Math.min(60, 5 * 2 ** (failures - 1)));

// Errors as wordings a user can act on (message keys with values, said by the views). Storage errors keep their
// cause; nothing here hides that a write failed.
import { say, WordedError, wording, type Wording } from './wording';

/**
 * The same for the user's language: an error that carries its wording keeps it; storage errors get theirs; any
 * other error is its own message as it came, and one without a message says so in words (never an empty line).
 */
export function errorWording(e: unknown): string | Wording {
  if (e instanceof WordedError) return e.text;
  const name = (e as { name?: string } | null)?.name;
  const message = (e instanceof Error ? e.message : e === undefined || e === null ? '' : String(e)).trim();
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return wording('error_no_storage');
  if (name === 'VersionError') return wording('error_newer_version');
  if (name === 'AbortError' && !message) return wording('error_interrupted');
  if (!message) return name && name !== 'Error' ? wording('error_unknown_named', name) : wording('error_unknown');
  return message;
}

/** Any error as a wording, to answer a message with: an error's own text (the browser's) goes in as a value. */
export function errorText(e: unknown): Wording {
  const w = errorWording(e);
  return typeof w === 'string' ? wording('error_detail', w) : w;
}

/** Why the store did not open, in the user's language: a failed upgrade says that nothing was changed. */
export function describeOpenError(e: unknown, t: (key: string, ...subs: Array<string | number>) => string): string {
  const u = e as { name?: string; from?: number; to?: number; reason?: string | Wording } | null;
  if (u?.name === 'StoreUpgradeError' && u.from !== undefined && u.to !== undefined) {
    return t('store_upgrade_failed', u.from, u.to, typeof u.reason === 'object' ? say(t, u.reason) : u.reason ?? '');
  }
  const w = errorWording(e);
  return t('store_open_failed', typeof w === 'string' ? w : say(t, w));
}

// Errors in words a user can act on. Storage errors keep their cause; nothing here hides that a write failed.
export function describeError(e: unknown): string {
  const name = (e as { name?: string } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'the browser has no storage left for the extension: nothing was written. Free disk space (or delete old data with a backup first), then try again.';
  }
  if (name === 'VersionError') return 'the data was written by a newer version of Partner Risk Lens: update the extension. Nothing was changed.';
  if (name === 'AbortError' && !message) return 'the write was interrupted: nothing was written. Try again.';
  return message;
}

/** Why the store did not open, in the user's language: a failed upgrade says that nothing was changed. */
export function describeOpenError(e: unknown, t: (key: string, ...subs: Array<string | number>) => string): string {
  const u = e as { name?: string; from?: number; to?: number; reason?: string } | null;
  if (u?.name === 'StoreUpgradeError' && u.from !== undefined && u.to !== undefined) return t('store_upgrade_failed', u.from, u.to, u.reason ?? '');
  return t('store_open_failed', describeError(e));
}

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

// Waiting for a promise at most so long: the content script mounts the panel with an answer asked for ahead when it
// comes in time, and the worker shares an import before recounting the badge, but neither waits for ever.

/** `{ value }` when `p` fulfils within `ms`; undefined when it rejects or is not in by then. The timer is cleared. */
export async function within<T>(p: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((ok) => { timer = setTimeout(() => ok(undefined), ms); });
  try {
    return await Promise.race([p.then((value) => ({ value }), () => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

// One job at a time, and one more after it if it was asked for meanwhile: writes come in bursts (ticks, imports),
// and each wants the work done once after it, not once per write.

export interface Coalesced {
  /** Runs the job now, or once more after the one under way; resolves when no run is owed. */
  (): Promise<void>;
  /** Whether a run is under way. */
  readonly busy: boolean;
  /** Asks for one more run after the one under way, if one is; false (and nothing asked) when idle. */
  follow(): boolean;
  /** Drops a run asked for and waits for the one under way (its failure ignored). */
  settle(): Promise<void>;
}

export function coalesce(job: () => Promise<void>): Coalesced {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (() => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await job();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }) as Coalesced;
  Object.defineProperty(run, 'busy', { get: () => running !== undefined });
  run.follow = () => {
    if (!running) return false;
    again = true;
    return true;
  };
  run.settle = async () => {
    again = false;
    if (running) await running.catch(() => undefined);
  };
  return run;
}

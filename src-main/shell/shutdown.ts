/**
 * The order of a clean exit, as a pure function of the steps it runs, so the order is tested:
 *
 *  1. the updater and the watches stop (no check, no idle logout, no network report starts now);
 *  2. the sync loop takes no new attempt, and the one in flight is awaited, up to a limit: its
 *     transactions are short and never span an await, so closing after the limit only fails the
 *     rest of that attempt (the protocol's exactly-once makes a resend after the restart safe);
 *  3. the store closes (better-sqlite3 finishes the statement in flight; the WAL is checkpointed);
 *  4. the process exits.
 *
 * Every step runs even when an earlier one threw: a stuck updater must not keep the store open.
 * Calling it again (before-quit, then SIGTERM) returns the same promise.
 */
export interface ShutdownSteps {
  stopUpdater(): void;
  stopWatches(): void;
  stopSync(): void;
  syncIdle(): Promise<void>;
  closeCore(): void;
  exit(code: number): void;
  log(message: string, error?: unknown): void;
}

/** An attempt is bounded by its own HTTP timeouts; past this the exit goes on without it. */
export const SYNC_WAIT_MS = 10_000;

export function createShutdown(steps: ShutdownSteps, opts: { syncWaitMs?: number } = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  const step = (name: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      steps.log(`[shutdown] ${name} failed`, error);
    }
  };
  return () => {
    running ??= (async () => {
      step('stop updater', steps.stopUpdater);
      step('stop watches', steps.stopWatches);
      step('stop sync', steps.stopSync);
      const waited = await waitAtMost(steps.syncIdle, opts.syncWaitMs ?? SYNC_WAIT_MS).catch((error: unknown) => {
        steps.log('[shutdown] waiting for the sync attempt failed', error);
        return true;
      });
      if (!waited) steps.log('[shutdown] the sync attempt in flight did not finish in time; closing anyway');
      step('close store', steps.closeCore);
      steps.exit(0);
    })();
    return running;
  };
}

/** True when `wait` settled within `ms`. */
async function waitAtMost(wait: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([wait().then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

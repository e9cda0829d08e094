/**
 * The OS's network state for the sync loop. Electron has no "online changed" event in the main
 * process, so `net.isOnline()` is polled; only changes are reported, because coming online makes
 * the loop try at once (a report on every poll would be an attempt every 10 s).
 */
export const NETWORK_POLL_MS = 10_000;

/**
 * What to report after a poll: the new state, or null for nothing. The first poll reports only
 * "offline" (the status bar shows it at once); "online" at start adds nothing, since the loop's
 * own first attempt follows the start anyway.
 */
export function networkReport(previous: boolean | null, now: boolean): boolean | null {
  if (previous === null) return now ? null : false;
  return previous === now ? null : now;
}

export function startNetworkWatch(opts: {
  isOnline: () => boolean;
  onChange: (online: boolean) => void;
  intervalMs?: number;
}): () => void {
  let last: boolean | null = null;
  const poll = (): void => {
    const now = opts.isOnline();
    const report = networkReport(last, now);
    last = now;
    if (report !== null) opts.onChange(report);
  };
  poll();
  const timer = setInterval(poll, opts.intervalMs ?? NETWORK_POLL_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}

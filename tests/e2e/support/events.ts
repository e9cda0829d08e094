import type { BrowserContext } from 'playwright-core';

/**
 * The kiosk's screens reload when a sync ends: the dev bridge's event socket (`/api/events`)
 * announces `sync-status` going from running to not running (src-renderer/app/use-sync-refresh.ts).
 * Between the sync writing what it pulled and the screen's reload there is a moment in which a
 * person can still press a button on what they see. A test widens that moment at will: while the
 * gate holds, `sync-status` messages are dropped on their way to the page (never replayed), so the
 * screen keeps showing the revisions it loaded while the core underneath already has newer ones.
 * Every other event, and every command, passes untouched.
 */
export interface SyncEventGate {
  hold(): void;
  release(): void;
  /**
   * Ends of syncs (`sync-status` with `running: false`, what makes a screen reload) dropped so far.
   * The message crosses the socket after the sync command has answered: poll for it.
   */
  readonly droppedEnds: number;
}

/** Installs the gate on a context before the kiosk loads (openKiosk's `beforeLoad`). */
export async function gateSyncEvents(context: BrowserContext): Promise<SyncEventGate> {
  let holding = false;
  let droppedEnds = 0;
  await context.routeWebSocket(/\/api\/events(\?|$)/, (page) => {
    const bridge = page.connectToServer();
    page.onMessage((m) => bridge.send(m));
    bridge.onMessage((m) => {
      const event = typeof m === 'string' ? parse(m) : null;
      if (holding && event?.event === 'sync-status') {
        if (event.payload?.running === false) droppedEnds++;
        return;
      }
      page.send(m);
    });
    page.onClose((code, reason) => bridge.close({ code, reason }));
    bridge.onClose((code, reason) => page.close({ code, reason }));
  });
  return {
    hold: () => void (holding = true),
    release: () => void (holding = false),
    get droppedEnds() {
      return droppedEnds;
    },
  };
}

function parse(message: string): { event?: unknown; payload?: { running?: unknown } } | null {
  try {
    return JSON.parse(message) as { event?: unknown; payload?: { running?: unknown } };
  } catch {
    return null;
  }
}

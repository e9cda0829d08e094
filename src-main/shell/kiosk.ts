import { app, powerMonitor, powerSaveBlocker, type BrowserWindow } from 'electron';
import { IDLE_POLL_MS, IDLE_WATCH_START, blockedShortcut, idleStep, kioskWindowState, mayClose, type IdleSample } from './kiosk-rules';

/**
 * Kiosk lockdown on the real window: full screen, closing gated by the operator, display kept
 * awake, abandoned sessions ended. The decisions are in kiosk-rules.ts (tested under Node); this
 * file only wires them to Electron.
 */
export { closeAllowed } from './kiosk-rules';

export function applyKioskMode(win: BrowserWindow, on: boolean): void {
  const state = kioskWindowState(on);
  if (win.isKiosk() !== state.kiosk) win.setKiosk(state.kiosk);
  win.setAlwaysOnTop(state.alwaysOnTop);
  win.setMenuBarVisibility(state.menuBarVisible);
  win.setAutoHideMenuBar(!state.menuBarVisible);
  if (state.maximize && !win.isMaximized()) {
    // maximize() would also show a window that is still waiting for its first paint (a white
    // flash); such a window is maximized when it shows.
    if (win.isVisible()) win.maximize();
    else win.once('show', () => win.maximize());
  }
}

/**
 * Refuses a 'close' of the window unless `allowed()` (main.ts: closeAllowed over the kiosk setting
 * and "Keluar"), and swallows the closing and reloading shortcuts while it is not. A quit the app
 * itself started (before-quit: "Keluar", the updater) and the end of the OS session always pass:
 * see mayClose.
 */
export function guardClose(win: BrowserWindow, allowed: () => boolean): void {
  let appQuitting = false;
  let osSessionEnding = false;
  app.once('before-quit', () => {
    appQuitting = true;
  });
  // Windows: log-off, restart or shutdown (before-quit is not emitted then).
  win.once('session-end', () => {
    osSessionEnding = true;
  });
  // Linux: the system is about to shut down or reboot.
  powerMonitor.once('shutdown', () => {
    osSessionEnding = true;
  });
  win.on('close', (event) => {
    if (!mayClose({ allowed: allowed(), appQuitting, osSessionEnding })) event.preventDefault();
  });
  win.webContents.on('before-input-event', (event, input) => {
    if (!allowed() && blockedShortcut(input)) event.preventDefault();
  });
}

/** Keeps the screen on while the kiosk shows (an office PC would otherwise blank it). Returns the release. */
export function keepDisplayAwake(): () => void {
  const id = powerSaveBlocker.start('prevent-display-sleep');
  return () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  };
}

function readIdle(): IdleSample | null {
  try {
    const idleSeconds = powerMonitor.getSystemIdleTime();
    if (!Number.isFinite(idleSeconds)) return null;
    return { idleSeconds, locked: powerMonitor.getSystemIdleState(1) === 'locked' };
  } catch {
    return null;
  }
}

/**
 * Ends a session nobody is using, from the OS's idle time (powerMonitor, polled every 5 s): it
 * also works while the renderer is hung, hidden or throttled. The fallback is the renderer: its
 * IdleGuard logs out on its own inactivity timer (with a warning first), and the core expires
 * sessions on its own clock. So where powerMonitor cannot answer (it throws, or on some Wayland
 * sessions reports 0 forever) this watch simply never fires and those two still do.
 * Returns the stop function.
 */
export function startIdleWatch(opts: { limitSeconds: () => number; hasSession: () => boolean; onIdle: () => void }): () => void {
  let state = IDLE_WATCH_START;
  const timer = setInterval(() => {
    const step = idleStep(state, readIdle(), opts.limitSeconds(), opts.hasSession());
    state = step.next;
    if (step.fire) opts.onIdle();
  }, IDLE_POLL_MS);
  return () => clearInterval(timer);
}

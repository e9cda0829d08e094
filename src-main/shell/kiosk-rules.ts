/**
 * The kiosk's decisions, apart from Electron so they run under plain Node in the tests: when the
 * window may close, which keys a kiosk swallows, how the window looks in kiosk mode and when a
 * session counts as abandoned. kiosk.ts applies them to the real window and power monitor.
 */

/**
 * The operator-PIN gate. With kiosk mode on, the window closes only after the operator chose
 * "Keluar" on the operator screen (app-quit, which needs an operator session and so the PIN):
 * staff at a shared PC must not be able to close the kiosk and leave the desktop open. With kiosk
 * mode off (a PC the operator uses as an ordinary window) closing is always allowed. Nor is it
 * refused on a PC that is not enrolled yet: nobody can log in before the first pull, so no
 * operator could ever choose "Keluar", and IT setting the PC up must be able to close it.
 */
export function closeAllowed(state: { kioskMode: boolean; quitRequested: boolean; enrolled: boolean }): boolean {
  return !state.kioskMode || state.quitRequested || !state.enrolled;
}

/**
 * Whether a 'close' of the kiosk window goes ahead. Besides the operator gate, a close is never
 * refused while the app is already quitting (app.quit() from "Keluar" or from the updater's
 * quitAndInstall: refusing would leave the installer waiting on a running app) or while the OS
 * ends the session (shutdown, restart, log-off): a kiosk must not hold the operating system up.
 */
export function mayClose(s: { allowed: boolean; appQuitting: boolean; osSessionEnding: boolean }): boolean {
  return s.allowed || s.appQuitting || s.osSessionEnding;
}

/** The fields of Electron's `Input` (before-input-event) that the shortcut rule reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Keys a locked kiosk swallows before the page sees them: the ones that close the window (Alt+F4,
 * Ctrl+W, Ctrl+Q), reload it (F5, Ctrl+R: a reload loses the preload's session token while the
 * core still holds the session) or open developer tools (F12, Ctrl+Shift+I; devTools is off in
 * webPreferences anyway). The window has no menu, so most of these do nothing today; swallowing
 * them keeps it that way if a menu ever comes back. Deliberately not blocked: Escape (the app's
 * dialogs close with it), Ctrl+P (the monthly report's print view), zoom keys (people with poor
 * sight), and anything the OS owns (Ctrl+Alt+Del, the Windows key, Alt+Tab): a kiosk app must not
 * try to trap the operating system, and Electron could not anyway.
 */
export function blockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const ctrl = input.control || input.meta;
  if (key === 'f4' && input.alt) return true;
  if (key === 'f5' || key === 'f12') return true;
  if (ctrl && !input.alt && (key === 'w' || key === 'q' || key === 'r')) return true;
  if (ctrl && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  return false;
}

export interface KioskWindowState {
  /** BrowserWindow.setKiosk: full screen without frame, and on Windows above the task bar. */
  kiosk: boolean;
  /**
   * Always false. Kiosk mode already covers the screen; "always on top" would also cover what
   * must stay reachable above the app: the Windows touch keyboard on touch-screen PCs, the UAC
   * prompt of an update that needs one, and OS dialogs (low battery, shutdown).
   */
  alwaysOnTop: false;
  /** The window has no menu in either mode (main.ts removes it); Alt must not reveal one. */
  menuBarVisible: false;
  /** Leaving kiosk mode shows a maximized window rather than a small one in a corner. */
  maximize: boolean;
}

export function kioskWindowState(on: boolean): KioskWindowState {
  return { kiosk: on, alwaysOnTop: false, menuBarVisible: false, maximize: !on };
}

/** powerMonitor is polled this often: cheap, and a logout up to 5 s late does no harm. */
export const IDLE_POLL_MS = 5_000;

/** One reading of the system's idle state; null when powerMonitor could not answer. */
export interface IdleSample {
  idleSeconds: number;
  /** The OS screen is locked (getSystemIdleState 'locked', where the platform reports it). */
  locked: boolean;
}

/**
 * A session is abandoned when someone is logged in and the whole system (keyboard, mouse, touch,
 * in any window) has been idle for the unit's idle limit, or the screen is locked. An unknown or
 * zero limit never logs out from here: the renderer's own IdleGuard and the core's session
 * expiry still apply.
 */
export function isIdle(systemIdleSeconds: number, limitSeconds: number, hasSession: boolean, locked = false): boolean {
  if (!hasSession) return false;
  if (locked) return true;
  return Number.isFinite(limitSeconds) && limitSeconds > 0 && Number.isFinite(systemIdleSeconds) && systemIdleSeconds >= limitSeconds;
}

/** Whether the idle watch already fired for the current idle stretch. */
export interface IdleWatchState {
  fired: boolean;
}

export const IDLE_WATCH_START: IdleWatchState = { fired: false };

/**
 * One poll of the idle watch. It fires once per idle stretch (ending the session is enough; the
 * next poll may still see the same idle time), and re-arms as soon as the system is not idle or
 * no one is logged in. A null sample (powerMonitor unavailable) decides nothing.
 */
export function idleStep(
  state: IdleWatchState,
  sample: IdleSample | null,
  limitSeconds: number,
  hasSession: boolean,
): { fire: boolean; next: IdleWatchState } {
  if (!sample) return { fire: false, next: state };
  const idle = isIdle(sample.idleSeconds, limitSeconds, hasSession, sample.locked);
  if (!idle) return { fire: false, next: IDLE_WATCH_START };
  return { fire: !state.fired, next: { fired: true } };
}

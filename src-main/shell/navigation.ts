/**
 * The kiosk's one origin and the guards built on it. The screens are a single page served from
 * `app://kiosk` (protocol.ts); nothing in them links elsewhere, so any navigation, redirect or
 * window.open that leaves this origin is a bug or an attack (a crafted entry text, a compromised
 * server answer) and is refused. Pure: main.ts and window.ts attach them to Electron's events.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for a URL of our own origin, and only that: `app://kiosk/...` with no user, password or
 * port (`app://evil@kiosk` reaches the same handler, but such a URL is never ours, so it is no).
 * Chromium lowercases a standard scheme's host; a different case is still the same origin.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** `will-navigate`, `will-frame-navigate`, `will-redirect`: stay on our own origin. */
export function navigationAllowed(url: string | null | undefined): boolean {
  return isAppUrl(url);
}

/**
 * `setWindowOpenHandler`: never. The kiosk has one window; a link that wants a new one (or a
 * `window.open`) is refused whatever its target, and nothing is handed to the OS either
 * (`shell.openExternal` is never called with anything from the renderer).
 */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

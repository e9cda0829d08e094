import { BrowserWindow, type App, type Session, type WebContents } from 'electron';
import { mayReloadAfterCrash } from './plan';
import { navigationAllowed, windowOpenDecision } from './navigation';
import { secureWebPreferences } from './web-preferences';
import { existsSync } from 'node:fs';
import { downloadTarget } from './downloads';

/**
 * The kiosk window, built to Electron's security checklist: the webPreferences of
 * web-preferences.ts, the screens from app://kiosk only (protocol.ts, with its CSP), navigation
 * off our origin and every new window refused, every permission refused, and nothing handed to
 * the OS (`shell.openExternal` is not used anywhere in the app).
 */

/** The screens' own background (src-renderer/styles/base.css --bg): no white flash at start. */
const BACKGROUND = '#f6f7f9';

export function createKioskWindow(opts: { preload: string; startUrl: string; log: (message: string) => void }): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Kinerja Kiosk',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: BACKGROUND,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preload),
  });
  // No menu: its accelerators (reload, devtools, zoom) are not for the people at a kiosk.
  win.removeMenu();
  win.once('ready-to-show', () => win.show());

  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    opts.log(`[window] renderer gone: ${details.reason} (${details.exitCode})`);
    const now = Date.now();
    if (win.isDestroyed() || !mayReloadAfterCrash(reloads, now, details.reason)) return;
    reloads.push(now);
    // The lock screen comes back; the session, if any, ends by its idle expiry in the core.
    void win.loadURL(opts.startUrl);
  });
  void win.loadURL(opts.startUrl);
  return win;
}

/**
 * The guards every webContents gets, the kiosk window's and any other (there should be none):
 * attached from `web-contents-created`, so nothing created later escapes them.
 */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(windowOpenDecision);
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!navigationAllowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  // <webview> is off in webPreferences; refusing the attach as well costs nothing.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function guardAllContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}

/** The kiosk asks for no permission (camera, notifications, clipboard, USB …): all are refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Downloads go straight to `dir` (downloads.ts: no "Save as" dialog, a file browser on a kiosk). */
export function saveDownloadsTo(session: Session, dir: string): void {
  session.on('will-download', (_event, item) => {
    item.setSavePath(downloadTarget(dir, item.getFilename(), existsSync));
  });
}

import { app, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import type { Settings } from '../../src-shared/settings';
import type { CoreHost } from '../core/context';
import { createCore, type Core } from '../core/core';
import { getSettings } from '../core/settings/service';
import { setStartAtLogin } from './autostart';
import { endIdleSession, hasSession, idleLimitSeconds } from './idle';
import { wireIpc } from './ipc';
import { applyKioskMode, closeAllowed, guardClose, keepDisplayAwake, startIdleWatch } from './kiosk';
import { log, logDir } from './log';
import { APP_SCHEME, APP_START_URL } from './navigation';
import { startNetworkWatch } from './network';
import { appPaths, type AppPaths } from './paths';
import { shellPlan } from './plan';
import { APP_PRIVILEGES, createAppHandler } from './protocol';
import { createShutdown } from './shutdown';
import { openFailureDialog } from './strings';
import { createShellTokenStore } from './token-store';
import { feedUrlFor, startUpdates } from './updater';
import { createKioskWindow, denyAllPermissions, guardAllContents, saveDownloadsTo } from './window';

/**
 * The Electron main process: one instance per PC, the store opened (and migrated) before any
 * window, the kiosk window on app://kiosk, the command map over IPC, the sync loop, the kiosk's
 * lockdown, updates, and a clean exit. The decisions live in small modules beside this one
 * (plan, shutdown, network, navigation, protocol, ipc), tested under plain Node; this file wires.
 */

// Before `ready`: the scheme must be privileged before any session exists, and sandboxing every
// renderer (not only ours) must be decided before the first one starts.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_PRIVILEGES }]);
app.enableSandbox();
// Chromium's own widgets follow its locale, not the page's: Indonesian gives the time inputs of
// Catat Aktivitas a 24-hour clock (07:30, 13:00) instead of AM/PM. The screens' words are the app's.
app.commandLine.appendSwitch('lang', 'id');
guardAllContents(app);

if (!app.requestSingleInstanceLock()) {
  // Two kiosks on one store would fight over it: the first one is brought forward instead.
  app.exit(0);
} else {
  app.whenReady().then(start).catch(fatal);
}

/**
 * A start that threw: a migration that failed to apply (its transaction rolled back, the file is
 * as it was) or a bug. The same plain dialog as a refused store, then out.
 */
function fatal(error: unknown): void {
  log.error('[main] start failed', error);
  showOpenFailure('INTERNAL');
  app.exit(1);
}

function showOpenFailure(code: Parameters<typeof openFailureDialog>[0]): void {
  const d = openFailureDialog(code);
  // Synchronous: nothing else is running yet, and the app exits right after.
  dialog.showMessageBoxSync({ type: 'error', title: d.title, message: d.message, detail: d.detail, buttons: d.buttons, noLink: true });
}

function openStore(paths: AppPaths, host: CoreHost): Core | null {
  const tokenStore = createShellTokenStore(
    paths.dataDir,
    {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (data) => safeStorage.decryptString(data),
    },
    (message, error) => log.warn(message, error ?? ''),
  );
  const opened = createCore({ file: paths.db, migrationsDir: paths.migrations, sync: { tokenStore }, host });
  if (opened.ok) return opened.value;
  // A store from a newer app, or damaged with no good backup: nothing was touched; say so, stop.
  log.error(`[main] the store did not open: ${opened.error.code} ${opened.error.message}`);
  showOpenFailure(opened.error.code);
  return null;
}

function start(): void {
  const paths = appPaths(app.getAppPath(), app.getPath('userData'));
  let win: BrowserWindow | null = null;
  let kioskMode = true;
  let quitRequested = false;
  let releaseDisplay: (() => void) | null = null;

  const applySettings = (settings: Settings): void => {
    const plan = shellPlan(settings, app.isPackaged);
    kioskMode = plan.kiosk;
    if (win && !win.isDestroyed()) applyKioskMode(win, plan.kiosk);
    if (plan.keepDisplayAwake) releaseDisplay ??= keepDisplayAwake();
    else {
      releaseDisplay?.();
      releaseDisplay = null;
    }
    if (plan.startAtLogin !== null) setStartAtLogin(plan.startAtLogin);
  };

  const core = openStore(paths, {
    // "Keluar" on the operator screen (app-quit, operator only): the one way out of kiosk mode.
    quit: () => {
      quitRequested = true;
      app.quit();
    },
    settingsChanged: applySettings,
    logDir: logDir(),
    appVersion: app.getVersion(),
  });
  if (!core) {
    app.exit(1);
    return;
  }
  const store: Core = core;

  denyAllPermissions(session.defaultSession);
  saveDownloadsTo(session.defaultSession, app.getPath('downloads'));
  protocol.handle(APP_SCHEME, createAppHandler(paths.renderer));
  const kiosk = createKioskWindow({ preload: paths.preload, startUrl: APP_START_URL, log: (m) => log.warn(m) });
  win = kiosk;
  const unwire = wireIpc(ipcMain, store, kiosk.webContents);
  guardClose(kiosk, () => closeAllowed({ kioskMode, quitRequested, enrolled: store.ctx.sync.status().enrolled }));
  applySettings(getSettings(store.ctx.db));

  const stopNetwork = startNetworkWatch({ isOnline: () => net.isOnline(), onChange: (online) => store.ctx.sync.networkChanged(online) });
  const stopIdle = startIdleWatch({
    limitSeconds: () => idleLimitSeconds(store.ctx),
    hasSession: () => hasSession(store.ctx),
    onIdle: () => void endIdleSession(store.ctx),
  });
  const updates = startUpdates({
    // Not enrolled: no server, no updates (the installer brings the first version).
    feedUrl: () => {
      const server = store.ctx.sync.status().serverUrl;
      return server ? feedUrlFor(server) : null;
    },
    // Never restart under someone who is recording their day.
    canInstall: () => !hasSession(store.ctx),
    log,
  });

  let closed = false;
  const closeStore = (): void => {
    if (closed) return;
    closed = true;
    store.close();
  };
  const shutdown = createShutdown({
    stopUpdater: () => updates.stop(),
    stopWatches: () => {
      stopIdle();
      stopNetwork();
      releaseDisplay?.();
      releaseDisplay = null;
      // No new command from the screens while the store closes (they get APP_UNREACHABLE).
      unwire();
    },
    stopSync: () => store.ctx.sync.stop(),
    syncIdle: () => store.ctx.sync.idle(),
    closeCore: closeStore,
    exit: (code) => app.exit(code),
    log: (message, error) => log.error(message, error ?? ''),
  });
  const quit = (): void => {
    quitRequested = true;
    void shutdown();
  };

  // app.quit() (Keluar, the updater, the last window closed) comes here first: the exit is ours,
  // and app.exit() at its end skips the window 'close' guards (and still emits 'quit', on which
  // electron-updater installs a downloaded update).
  app.on('before-quit', (event) => {
    event.preventDefault();
    quit();
  });
  app.on('window-all-closed', () => app.quit());
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
  // Linux shutdown or reboot: the system waits for us if we ask it to. The listener does get an
  // event to prevent (Electron's docs); electron.d.ts types it without one, hence the cast.
  (powerMonitor as unknown as NodeJS.EventEmitter).on('shutdown', (event: { preventDefault(): void }) => {
    event.preventDefault();
    quit();
  });
  // Windows log-off or shutdown gives no time for an async exit: close the store at once.
  kiosk.on('session-end', () => {
    store.ctx.sync.stop();
    closeStore();
    quit();
  });

  app.on('second-instance', () => {
    if (kiosk.isDestroyed()) return;
    if (kiosk.isMinimized()) kiosk.restore();
    kiosk.show();
    kiosk.focus();
  });
}

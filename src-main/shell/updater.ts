import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import type { MainLogger } from 'electron-log';
import { autoUpdater } from 'electron-updater';
import {
  TICK_MS,
  UPDATER_START,
  mayAttemptInstall,
  nextAction,
  parseInstallAttempt,
  selfUpdating,
  type InstallAttempt,
  type UpdaterState,
} from './update-rules';

export { UPDATE_CHANNEL, feedUrlFor } from './update-rules';

const ATTEMPT_FILE = 'update-attempt.json';

function readAttempt(): InstallAttempt | null {
  try {
    return parseInstallAttempt(readFileSync(join(app.getPath('userData'), ATTEMPT_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Updates from the workstation's own server (generic provider at `<server>/api/v1/updates/stable`,
 * served by src-server/updates): checked at start and every 4 hours, downloaded in the background,
 * installed silently only while nobody is logged in (update-rules.ts decides, once a minute).
 * Errors are logged and retried later: an office without internet is normal, not a failure.
 */
export function startUpdates(opts: { feedUrl: () => string | null; canInstall: () => boolean; log: MainLogger }): { stop(): void } {
  const { log } = opts;
  if (!app.isPackaged) {
    log.debug('[updater] development run: no updates');
    return { stop() {} };
  }
  if (!selfUpdating(process.platform, process.env)) {
    log.info('[updater] this installation does not update itself (deb: IT installs the new package)');
    return { stop() {} };
  }
  autoUpdater.logger = log;

  autoUpdater.autoDownload = true;
  // An update downloaded while someone was logged in is installed when the app quits.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;

  let state: UpdaterState = UPDATER_START;
  let downloadedVersion: string | null = null;
  let feed: string | null = null;
  let stopped = false;

  const onDownloaded = (event: { version: string }): void => {
    downloadedVersion = event.version;
    const blocked = !mayAttemptInstall(readAttempt(), event.version);
    if (blocked) {
      log.warn(`[updater] ${event.version} did not install on the last try (elevation unanswered?); it installs when the operator quits the app`);
    } else {
      log.info(`[updater] ${event.version} downloaded; installs when nobody is logged in`);
    }
    state = { ...state, downloaded: true, installBlocked: blocked };
    tick();
  };
  const onError = (error: Error): void => {
    log.warn(`[updater] ${error.message}`);
    // A failed check or download is retried sooner than the regular 4 hours.
    state = { ...state, lastCheckFailed: true };
  };
  autoUpdater.on('update-downloaded', onDownloaded);
  autoUpdater.on('error', onError);

  function check(url: string): void {
    if (url !== feed) {
      // Enrolled since the last check, or re-enrolled with another server.
      autoUpdater.setFeedURL({ provider: 'generic', url });
      feed = url;
    }
    state = { ...state, checking: true, lastCheckAt: Date.now(), lastCheckFailed: false };
    autoUpdater.checkForUpdates().then(
      () => {
        state = { ...state, checking: false };
      },
      () => {
        // electron-updater emitted 'error' (logged by onError) before rejecting; this only
        // keeps the rejection handled.
        state = { ...state, checking: false, lastCheckFailed: true };
      },
    );
  }

  function install(): void {
    state = { ...state, installing: true };
    try {
      const attempt: InstallAttempt = { version: downloadedVersion ?? 'unknown', at: Date.now() };
      writeFileSync(join(app.getPath('userData'), ATTEMPT_FILE), JSON.stringify(attempt));
    } catch (error) {
      log.warn('[updater] could not record the install attempt', error);
    }
    log.info(`[updater] nobody is logged in: installing ${downloadedVersion ?? ''} and restarting`);
    // Silent (no installer pages at a kiosk), and start the app again afterwards.
    try {
      autoUpdater.quitAndInstall(true, true);
    } catch (error) {
      log.warn('[updater] quitAndInstall failed', error);
    }
    // Still running a minute later: the install did not happen (it threw, or the quit was held
    // up). This version has had its one automatic try: the state says so (as after a restart,
    // onDownloaded), and the operator's Keluar installs it (autoInstallOnAppQuit).
    const giveUp = setTimeout(() => {
      if (stopped) return;
      log.warn(`[updater] ${downloadedVersion ?? ''} did not install; it installs when the operator quits the app`);
      state = { ...state, installing: false, installBlocked: true };
    }, TICK_MS);
    giveUp.unref();
  }

  function tick(): void {
    if (stopped) return;
    const url = opts.feedUrl();
    const action = nextAction(state, Date.now(), url, !opts.canInstall());
    if (action === 'check' && url !== null) check(url);
    else if (action === 'install') install();
  }

  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, TICK_MS);
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      autoUpdater.off('update-downloaded', onDownloaded);
      autoUpdater.off('error', onError);
    },
  };
}

/**
 * The updater's decisions, apart from Electron so they are tested under Node: where the feed is,
 * when to check, and when a downloaded update may restart the app. updater.ts drives
 * electron-updater with them.
 */

/**
 * The server's update folder for this build (`<KK_UPDATES_DIR>/<channel>/`, README "Update feed").
 * Not electron-updater's own channel: that stays `latest`, so the files in the folder are
 * `latest.yml` (Windows) and `latest-linux.yml` (AppImage), as electron-builder writes them.
 */
export const UPDATE_CHANNEL = 'stable';

/** The server accepts these channel names (src-server/updates/files.ts CHANNEL_RE). */
const CHANNEL_RE = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/**
 * `<server>/api/v1/updates/<channel>` for electron-updater's generic provider, or null when the
 * server URL is not an https address. Plain http is refused (loopback aside, for development):
 * the installers are not signed on these machines, so the only check of a download is the sha512
 * in the same feed, and anyone on the office network path could otherwise hand every kiosk a
 * program to run. A server on http still syncs; its kiosks are updated by IT with the installer
 * (docs/PACKAGING.md). A server behind a reverse proxy under a path
 * (`https://host/kinerja`) keeps that path; query, fragment and credentials are dropped (the feed
 * needs no auth and a token in a URL would end up in logs).
 */
export function feedUrlFor(serverUrl: string, channel: string = UPDATE_CHANNEL): string | null {
  if (!CHANNEL_RE.test(channel)) return null;
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  if (url.hostname === '') return null;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}/api/v1/updates/${channel}`;
}

/** A check every 4 hours, as the issue asks; after a failed one (office offline) sooner. */
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
export const RETRY_AFTER_FAILURE_MS = 30 * 60 * 1000;
/** The updater's clock: once a minute it decides whether to check or to install. */
export const TICK_MS = 60 * 1000;

export interface UpdaterState {
  /** When the last check started (ms), null before the first. */
  lastCheckAt: number | null;
  lastCheckFailed: boolean;
  checking: boolean;
  /** An update is downloaded and verified, waiting to be installed. */
  downloaded: boolean;
  /** quitAndInstall was called: nothing more to do in this process. */
  installing: boolean;
  /** The downloaded version already failed to install once today (see mayAttemptInstall). */
  installBlocked: boolean;
}

export const UPDATER_START: UpdaterState = {
  lastCheckAt: null,
  lastCheckFailed: false,
  checking: false,
  downloaded: false,
  installing: false,
  installBlocked: false,
};

/**
 * Install now only when an update is downloaded and nobody is logged in: restarting the app
 * under someone who is recording their day would lose their form. Otherwise the per-minute tick
 * asks again, and electron-updater installs it anyway when the app quits (autoInstallOnAppQuit)
 * or, at the next start, finds it already downloaded and installs it before anyone logs in.
 */
export function shouldInstallNow(s: { downloaded: boolean; sessionActive: boolean }): boolean {
  return s.downloaded && !s.sessionActive;
}

export type UpdaterAction = 'install' | 'check' | 'wait';

/**
 * One tick. A workstation that is not enrolled has no server (feedUrl null) and never checks;
 * the first check follows within a minute of the enrollment. Checks never overlap, and none
 * starts once an update waits: the one downloaded is installed first.
 */
export function nextAction(s: UpdaterState, now: number, feedUrl: string | null, sessionActive: boolean): UpdaterAction {
  if (s.installing) return 'wait';
  if (!s.installBlocked && shouldInstallNow({ downloaded: s.downloaded, sessionActive })) return 'install';
  if (s.downloaded || s.checking || feedUrl === null) return 'wait';
  if (s.lastCheckAt === null) return 'check';
  const every = s.lastCheckFailed ? RETRY_AFTER_FAILURE_MS : CHECK_EVERY_MS;
  return now - s.lastCheckAt >= every ? 'check' : 'wait';
}

/**
 * Whether this installation can update itself. Windows (NSIS) and the AppImage can; a deb cannot
 * without a root password prompt (electron-updater runs pkexec), which nobody at a kiosk can
 * answer: deb installs are updated by IT with the new .deb (docs/PACKAGING.md).
 */
export function selfUpdating(platform: NodeJS.Platform, env: { APPIMAGE?: string | undefined }): boolean {
  if (platform === 'win32') return true;
  if (platform === 'linux') return Boolean(env.APPIMAGE);
  return false;
}

/** The last automatic install: which version, when (ms). Kept in a file beside the store. */
export interface InstallAttempt {
  version: string;
  at: number;
}

/**
 * Whether an automatic install of `version` may start. quitAndInstall quits the app at once and
 * leaves the rest to the installer; a per-machine install asks Windows for elevation first (UAC),
 * and at a kiosk with nobody in front of it, or on a standard account, that prompt may go
 * unanswered: no install, and the kiosk is gone until the next login. The next start would find
 * the same update downloaded and quit again. So a version is tried automatically once: if we
 * are still running the old version afterwards, the kiosk keeps working, and the update installs
 * when the operator quits the app ("Keluar", autoInstallOnAppQuit) with someone there to answer
 * the prompt. A newer version gets its own one try.
 */
export function mayAttemptInstall(last: InstallAttempt | null, version: string): boolean {
  return !last || last.version !== version;
}

/** Reads the stored attempt; anything malformed counts as none (the worst case is one more try). */
export function parseInstallAttempt(text: string | null): InstallAttempt | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { version, at } = v as Record<string, unknown>;
    return typeof version === 'string' && typeof at === 'number' && Number.isFinite(at) ? { version, at } : null;
  } catch {
    return null;
  }
}

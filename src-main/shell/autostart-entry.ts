import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Start at login, decided without Electron: which mechanism a platform uses and the XDG autostart
 * file for Linux (freedesktop "Desktop Application Autostart" and "Desktop Entry" specs).
 * autostart.ts applies the plan.
 */
export const AUTOSTART_FILE = 'kinerja-kiosk.desktop';

/** Characters an Exec argument may hold without quotes (the spec's reserved ones are excluded). */
const PLAIN_ARG = /^[A-Za-z0-9_\-./+,:=@]+$/;

/**
 * One Exec argument. Desktop Entry Exec values are unescaped twice: first as a string value
 * (`\\` → `\`), then as a quoted argument (`\"`, `` \` ``, `\$`, `\\`); a literal `%` is `%%`
 * because `%x` are field codes. A deb installs to "/opt/Kinerja Kiosk/", so quoting is not optional.
 */
export function execArg(arg: string): string {
  const percent = arg.replaceAll('%', '%%');
  if (PLAIN_ARG.test(arg)) return percent;
  const quoted = `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replaceAll('\\', '\\\\');
}

/** Values of other keys are single lines; a newline would start a new key. */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

export function desktopEntry(execPath: string, name: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${oneLine(name)}`,
    `Exec=${execArg(execPath)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export type AutostartPlan =
  | { kind: 'login-item'; openAtLogin: boolean; path: string }
  | { kind: 'write'; file: string; content: string }
  | { kind: 'remove'; file: string }
  | { kind: 'skip'; reason: string };

export interface AutostartInput {
  platform: NodeJS.Platform;
  enabled: boolean;
  /** app.isPackaged: a development run must not register the bare Electron binary at login. */
  packaged: boolean;
  execPath: string;
  env: { APPIMAGE?: string | undefined; XDG_CONFIG_HOME?: string | undefined };
  home: string;
  name: string;
}

export function autostartPlan(i: AutostartInput): AutostartPlan {
  if (!i.packaged) return { kind: 'skip', reason: 'not a packaged app (development run)' };
  if (i.platform === 'win32') {
    // HKCU\…\Run of the kiosk's Windows account; the exe lives in Program Files (per-machine install).
    return { kind: 'login-item', openAtLogin: i.enabled, path: i.execPath };
  }
  if (i.platform === 'linux') {
    // XDG_CONFIG_HOME must be absolute to count (spec); otherwise ~/.config.
    const configHome = i.env.XDG_CONFIG_HOME?.startsWith('/') ? i.env.XDG_CONFIG_HOME : join(i.home, '.config');
    const file = join(configHome, 'autostart', AUTOSTART_FILE);
    if (!i.enabled) return { kind: 'remove', file };
    // Inside an AppImage, execPath is in a temporary mount that is gone after the app exits;
    // the AppImage runtime puts the path of the .AppImage file itself in APPIMAGE.
    const exec = i.env.APPIMAGE && i.env.APPIMAGE.length > 0 ? i.env.APPIMAGE : i.execPath;
    return { kind: 'write', file, content: desktopEntry(exec, i.name) };
  }
  return { kind: 'skip', reason: `start at login is not supported on ${i.platform}` };
}

/** The file part of a plan (the login item is Electron's). Throws on I/O errors: the caller logs them. */
export function applyAutostartFile(plan: AutostartPlan): void {
  if (plan.kind === 'write') {
    mkdirSync(dirname(plan.file), { recursive: true });
    writeFileSync(plan.file, plan.content, { mode: 0o644 });
  } else if (plan.kind === 'remove') {
    rmSync(plan.file, { force: true });
  }
}

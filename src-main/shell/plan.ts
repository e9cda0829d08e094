import type { Settings } from '../../src-shared/settings';

/**
 * What the shell does with the workstation's settings, decided in one place (main.ts applies it
 * at start and after every settings-set). Kiosk mode is the workstation's normal state: full
 * screen, the display kept awake while the kiosk is shown, and started at login so a PC that is
 * switched on in the morning opens the kiosk by itself. Start at login is only ever touched by
 * the installed app: under `npm start` it would register the development Electron binary (or
 * remove the installed app's XDG autostart file, which has the same name).
 */
export interface ShellPlan {
  kiosk: boolean;
  keepDisplayAwake: boolean;
  /** null: leave the login item as it is (not the installed app). */
  startAtLogin: boolean | null;
}

export function shellPlan(settings: Pick<Settings, 'kioskMode'>, packaged: boolean): ShellPlan {
  return {
    kiosk: settings.kioskMode,
    keepDisplayAwake: settings.kioskMode,
    startAtLogin: packaged ? settings.kioskMode : null,
  };
}

/**
 * Reloads of a crashed renderer allowed within a minute. A kiosk must come back from a crash by
 * itself, but a page that crashes at every load would otherwise spin the CPU forever.
 */
export const MAX_RELOADS_PER_MINUTE = 3;

export function mayReloadAfterCrash(previousReloads: readonly number[], now: number, reason: string): boolean {
  if (reason === 'clean-exit') return false;
  return previousReloads.filter((t) => now - t < 60_000).length < MAX_RELOADS_PER_MINUTE;
}

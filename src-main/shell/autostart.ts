import { homedir } from 'node:os';
import { app } from 'electron';
import { applyAutostartFile, autostartPlan } from './autostart-entry';
import { log } from './log';

/**
 * Starts the kiosk when the PC's (kiosk) account logs in: a login item on Windows, an XDG
 * autostart file on Linux (autostart-entry.ts decides which and writes the file). A failure is
 * logged, not thrown: the kiosk still runs, the operator can start it by hand.
 */
export function setStartAtLogin(enabled: boolean): void {
  const plan = autostartPlan({
    platform: process.platform,
    enabled,
    packaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    home: homedir(),
    name: 'Kinerja Kiosk',
  });
  try {
    if (plan.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, path: plan.path });
    else if (plan.kind === 'skip') log.debug(`[autostart] ${plan.reason}`);
    else applyAutostartFile(plan);
  } catch (error) {
    log.warn(`[autostart] could not ${enabled ? 'enable' : 'disable'} start at login`, error);
  }
}

import { join } from 'node:path';
import { app } from 'electron';
import type { MainLogger } from 'electron-log';
import mainLog from 'electron-log/main';
import { LOG_FILE, logSettings } from './log-settings';

/**
 * The main process's logger: electron-log writing `<logs>/main.log`, rotated at about 5 MB
 * (log-settings.ts). log.initialize() is deliberately not called: it would inject electron-log's
 * own preload into every session so renderers can log, and the kiosk renderer gets exactly one
 * preload (window.kinerja). The renderer's problems reach this log through the commands it calls.
 */
export function logDir(): string {
  // Electron's per-user logs folder (Windows: %APPDATA%\<app>\logs, Linux: ~/.config/<app>/logs).
  return app.getPath('logs');
}

function configure(): typeof mainLog {
  const settings = logSettings(app.isPackaged);
  mainLog.transports.file.level = settings.fileLevel;
  mainLog.transports.file.maxSize = settings.maxSize;
  // The same folder logDir() names, so the diagnostics export always finds the file.
  mainLog.transports.file.resolvePathFn = () => join(logDir(), LOG_FILE);
  mainLog.transports.console.level = settings.consoleLevel;
  mainLog.transports.ipc.level = settings.ipcLevel;
  // The core reports its own trouble with console.* (an INTERNAL, a failed backup, the sync
  // loop's errors): through the logger it reaches main.log and so the help desk's zip. The console
  // transport keeps the original console functions (it captured them when it loaded).
  Object.assign(console, mainLog.functions);
  return mainLog;
}

export const log: MainLogger = configure();

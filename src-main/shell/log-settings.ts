/**
 * How the main process logs, apart from Electron so it is tested under Node. The file is what the
 * help desk gets in the diagnostics export (core/diagnostics zips logDir()), so it keeps `info`
 * and above and stays small: electron-log moves a full main.log to main.old.log, so the folder
 * holds at most about 2 × 5 MB.
 */
export const LOG_FILE = 'main.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export type Level = 'error' | 'warn' | 'info' | 'verbose' | 'debug' | 'silly';

export interface LogSettings {
  fileLevel: Level;
  maxSize: number;
  /** A packaged kiosk has no console anyone reads; a development run prints debug and up. */
  consoleLevel: Level | false;
  /**
   * electron-log can forward main's log lines to the renderers over IPC; the kiosk renderer has
   * no use for them and log lines may name people (NIPs), so they never leave the main process.
   */
  ipcLevel: false;
}

export function logSettings(packaged: boolean): LogSettings {
  return { fileLevel: 'info', maxSize: LOG_MAX_BYTES, consoleLevel: packaged ? false : 'debug', ipcLevel: false };
}

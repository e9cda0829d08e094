import { join } from 'node:path';

/**
 * Where the shell finds its parts. Everything the app ships is under `app.getAppPath()` (the asar
 * in an installed app, the project folder under `npm start`); the data lives in the OS's per-app
 * folder (`app.getPath('userData')`), never inside the install folder.
 */
export interface AppPaths {
  /** The SQLite store; its folder also holds backups/ and the workstation token. */
  db: string;
  dataDir: string;
  /** migrations/client, packed inside the asar. */
  migrations: string;
  /** The screens' build (dist/renderer), served as app://kiosk. */
  renderer: string;
  preload: string;
}

export const DB_FILE = 'kinerja.sqlite';

export function appPaths(appPath: string, userData: string): AppPaths {
  return {
    db: join(userData, DB_FILE),
    dataDir: userData,
    migrations: join(appPath, 'migrations', 'client'),
    renderer: join(appPath, 'dist', 'renderer'),
    preload: join(appPath, 'dist', 'shell', 'preload.cjs'),
  };
}

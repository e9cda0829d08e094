import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell } from '../../scripts/build-shell';
import { APP_CSP } from './csp';

/**
 * The built main.cjs booted under plain Node with a scripted stand-in for Electron
 * (smoke/fake-electron.cjs): the only test that runs main.ts itself. It proves the bundle loads,
 * opens and migrates the real store from the app's migrations folder, wires the protocol, IPC and
 * guards, and shuts down in order on SIGTERM; and that a store from a newer app is refused with
 * the dialog, untouched.
 */
const REPO = resolve(__dirname, '../..');
const OUT = join(REPO, 'dist', `.test-smoke-${process.pid}`);
const APP = join(OUT, 'app');

interface Record {
  what: string;
  data: unknown;
}

function boot(userData: string): Promise<{ code: number | null; records: Record[]; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--require', join(__dirname, 'smoke', 'fake-electron.cjs'), join(OUT, 'shell', 'main.cjs')], {
      env: { ...process.env, FAKE_APP_PATH: APP, FAKE_USER_DATA: userData, APPIMAGE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      const records = output
        .split('\n')
        .filter((l) => l.startsWith('@@'))
        .map((l) => JSON.parse(l.slice(2)) as Record);
      done({ code, records, output });
    });
  });
}

describe('main.cjs booted with a stand-in for Electron', () => {
  beforeAll(async () => {
    await buildShell({ outDir: join(OUT, 'shell') });
    mkdirSync(join(APP, 'migrations'), { recursive: true });
    symlinkSync(join(REPO, 'migrations', 'client'), join(APP, 'migrations', 'client'), 'dir');
    mkdirSync(join(APP, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(APP, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Kinerja Kiosk</title>');
  }, 60_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('opens the store, serves the kiosk, guards it, and shuts down cleanly on SIGTERM', async () => {
    const userData = join(OUT, 'user-a');
    mkdirSync(userData, { recursive: true });
    const { code, records, output } = await boot(userData);
    const get = (what: string) => records.find((r) => r.what === what)?.data;
    const order = records.map((r) => r.what);

    expect(code, output).toBe(0);
    expect(get('scenario-failed'), output).toBeUndefined();
    // Before ready: the privileged scheme and the sandbox for every renderer.
    expect(get('schemes')).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(order.indexOf('enableSandbox')).toBeLessThan(order.indexOf('window'));
    // Chromium in Indonesian before ready: the time inputs show a 24-hour clock.
    expect(get('switch')).toBe('lang=id');
    expect(order.indexOf('switch')).toBeLessThan(order.indexOf('window'));
    expect(get('window')).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: join(APP, 'dist', 'shell', 'preload.cjs') } });
    expect(get('loadURL')).toBe('app://kiosk/index.html');
    expect(order.filter((w) => w === 'permissions')).toHaveLength(3);
    // Kiosk mode is the default: full screen, display awake; npm start leaves the login item alone.
    expect(get('kiosk')).toBe(true);
    expect(order).not.toContain('loginItem');

    const status = get('status') as { result: { ok: boolean; value: { schemaVersion: number; enrolled: boolean } } };
    expect(status.result.ok).toBe(true);
    expect(status.result.value.schemaVersion).toBeGreaterThan(0);
    expect(status.result.value.enrolled).toBe(false);
    expect((get('iframe') as { result: { error: { code: string } } }).result.error.code).toBe('FORBIDDEN');
    expect(get('page')).toEqual({ status: 200, csp: APP_CSP, body: '<!doctype html><title>Kinerja Kiosk</title>' });
    expect(get('navigate')).toEqual({ prevented: true, open: { action: 'deny' } });
    // This store is not enrolled: no operator can exist yet, so even a kiosk closes (the gate's
    // full table, enrolled included, is in kiosk-rules.test.ts).
    expect(get('close')).toEqual({ prevented: false });

    // Shutdown: IPC unwired and the display released before the store closes; exit(0) last.
    expect(order.slice(order.indexOf('backups'))).toEqual(['backups', 'displayAwake', 'ipc.removeHandler', 'exit']);
    // The daily backup ran in the worker copied beside main.cjs (no fallback to the main thread).
    expect((get('backups') as string[]).some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(output).not.toMatch(/backup worker failed/);
    // Closed cleanly: the WAL was checkpointed and removed.
    expect(existsSync(join(userData, 'kinerja.sqlite-wal'))).toBe(false);
    const db = new Database(join(userData, 'kinerja.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(status.result.value.schemaVersion);
    db.close();
  }, 30_000);

  it('refuses a store made by a newer app with the plain dialog, and leaves the file as it was', async () => {
    const userData = join(OUT, 'user-b');
    mkdirSync(userData, { recursive: true });
    const file = join(userData, 'kinerja.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma('user_version = 9999');
    db.close();
    const before = readFileSync(file);

    const { code, records, output } = await boot(userData);
    expect(code, output).toBe(1);
    const dialog = records.find((r) => r.what === 'dialog')?.data as { title: string; message: string; detail: string };
    expect(dialog.title).toBe('Kinerja Kiosk tidak dapat dibuka');
    expect(dialog.detail).toContain('DB_SCHEMA_NEWER');
    expect(records.map((r) => r.what)).not.toContain('window');
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 30_000);
});

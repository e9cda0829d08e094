import { existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_EXTERNALS, buildShell } from '../../scripts/build-shell';

/**
 * scripts/build-shell.ts for real: the bundles Electron would load. Built inside the repo (under
 * dist/) so that the copied backup worker resolves better-sqlite3 from node_modules, as it does in
 * the app.
 */
const OUT = resolve(__dirname, '../../dist', `.test-shell-${process.pid}`);

const requires = (code: string): string[] => [...code.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]!);
const isBuiltin = (name: string): boolean => name.startsWith('node:') || builtinModules.includes(name);
const packageOf = (name: string): string => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);

describe('build-shell', () => {
  let main: string;
  let preload: string;
  beforeAll(async () => {
    await buildShell({ outDir: OUT });
    main = readFileSync(join(OUT, 'main.cjs'), 'utf8');
    preload = readFileSync(join(OUT, 'preload.cjs'), 'utf8');
  }, 60_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('writes main.cjs, preload.cjs and the backup worker side by side', () => {
    for (const f of ['main.cjs', 'preload.cjs', 'backup-worker.mjs']) expect(existsSync(join(OUT, f)), f).toBe(true);
    expect(readFileSync(join(OUT, 'backup-worker.mjs'), 'utf8')).toBe(readFileSync(resolve(__dirname, '../core/db/backup-worker.mjs'), 'utf8'));
  });

  it('leaves no import.meta in the CommonJS main, and points the worker URL at its own folder', () => {
    expect(main).not.toMatch(/import\.meta/);
    expect(main).toMatch(/new URL\("\.\/backup-worker\.mjs", __kk_import_meta_url\)/);
    expect(main.split('\n', 1)[0]).toMatch(/pathToFileURL\(__filename\)/);
  });

  it('requires only Node built-ins and the four external packages from main', () => {
    const packages = new Set(requires(main).filter((r) => !isBuiltin(r)).map(packageOf));
    expect([...packages].sort()).toEqual([...MAIN_EXTERNALS].sort());
  });

  it('gives the sandboxed preload nothing to require but electron, and no zod', () => {
    expect(new Set(requires(preload))).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("kinerja"');
    expect(preload).not.toMatch(/node_modules\/zod/);
    // Small enough to load before every page without a thought (today ~17 KB).
    expect(preload.length).toBeLessThan(60_000);
  });

  it('runs the copied backup worker from beside main.cjs', async () => {
    const { Worker } = await import('node:worker_threads');
    const Database = (await import('better-sqlite3')).default;
    const db = join(OUT, 'worker-check.sqlite');
    const copy = join(OUT, 'worker-check.copy');
    const source = new Database(db);
    source.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);');
    source.close();
    const url = new URL('./backup-worker.mjs', `file://${join(OUT, 'main.cjs')}`);
    const reply = await new Promise((done, failed) => {
      const w = new Worker(url, { workerData: { kind: 'kinerja-backup-copy', source: db, partial: copy }, execArgv: [] });
      w.once('message', done);
      w.once('error', failed);
    });
    expect(reply).toEqual({ problems: [] });
    expect(existsSync(copy)).toBe(true);
  });
});

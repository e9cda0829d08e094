import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignalSource } from '../http/lifecycle';
import { cli, makeCliDatabase, type CliDatabase } from './cli-testing';
import { COMMANDS } from './run';

/** What migrations/server holds: every one must be applied. */
const JOURNAL = JSON.parse(readFileSync(new URL('../../migrations/server/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
const MIGRATIONS = { count: JOURNAL.entries.length, latest: JOURNAL.entries.at(-1)!.tag };


const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('command line and configuration errors (no database needed)', () => {
  it('prints the overall help and each command help', async () => {
    const help = await cli(null, ['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toContain(`  ${c.name}`);
    const importHelp = await cli(null, ['import', '--help']);
    expect(importHelp.code).toBe(0);
    expect(importHelp.stdout).toMatch(/^Usage: npm run server -- import <file> \[options\]/);
    expect(importHelp.stdout).toContain('--skip-invalid');
    expect((await cli(null, [])).code).toBe(2);
  });

  it('exits 2 on an unknown command, an unknown option or a missing argument', async () => {
    const unknown = await cli(null, ['frobnicate']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('unknown command "frobnicate"')]);
    const option = await cli(null, ['status', '--colour']);
    expect([option.code, option.stderr]).toEqual([2, expect.stringContaining("Unknown option '--colour'")]);
    expect((await cli(null, ['import'])).stderr).toContain('missing <file>');
    expect((await cli(null, ['status', '--json', 'extra'])).json()).toMatchObject({ ok: false, error: { message: 'unexpected argument "extra"' } });
  });

  it('exits 2 on a wrong configuration value and names the variable or flag', async () => {
    const env = await cli(null, ['status'], { env: { KK_LOG_LEVEL: 'loud' } });
    expect([env.code, env.stderr]).toEqual([2, expect.stringContaining('KK_LOG_LEVEL')]);
    const url = await cli(null, ['status', '--json'], { env: { DATABASE_URL: 'mysql://root:hunter2@db/x' } });
    expect(url.code).toBe(2);
    expect(url.json()).toMatchObject({ ok: false, error: { problems: [expect.stringContaining('DATABASE_URL')] } });
    expect(url.stdout).not.toContain('hunter2');
    const port = await cli(null, ['serve', '--port', '99999']);
    expect([port.code, port.stderr]).toEqual([2, expect.stringContaining('--port')]);
  });
});

describe('serve and the entry point', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await makeCliDatabase();
  });
  afterAll(() => database.close());

  it('serve listens, answers health, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const signals = new EventEmitter();
    let announced: (line: string) => void;
    const listening = new Promise<string>((resolve) => (announced = resolve));
    const done = cli(database, ['serve', '--port', '0', '--json'], { signals: signals as unknown as SignalSource, stdout: (t) => announced(t) });
    const first = JSON.parse(await listening) as { ok: boolean; url: string; database: string };
    expect(first).toMatchObject({ ok: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(signals.listenerCount('SIGTERM')).toBe(1);
    signals.emit('SIGTERM', 'SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, command: 'serve' });
    await expect(fetch(`${first.url}/api/v1/health`)).rejects.toThrow();
  });

  it('npm run server -- status --json works as a process', { timeout: 120_000 }, async () => {
    const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, ...database.env };
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src-server/cli/main.ts', 'status', '--json', ...database.args], { cwd: ROOT, env });
    const status = JSON.parse(stdout) as { ok: boolean; status: { migrations: { applied: number } } };
    expect(status).toMatchObject({ ok: true, command: 'status', status: { migrations: { applied: MIGRATIONS.count } } });
  });
});

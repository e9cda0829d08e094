import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_TOKEN_HEADER } from '../../src-shared/devbridge';
import { DEMO_EMPLOYEES, DEMO_INITIAL_PIN, DEMO_PEOPLE, DEMO_PIN } from '../../src-shared/demo';

/**
 * `npm run demo` (scripts/kiosk-demo.ts) as a developer runs it: a real process that builds the
 * screens, starts the central server on PGlite, enrolls a kiosk store, syncs and serves the kiosk.
 * Run with this test's Node (the project's Node 24) and tsx, signalled directly rather than through
 * npx, so SIGTERM reaches the demo itself.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KIOSK_LINE = /Kiosk:\s+(http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{43,})/;

interface Demo {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startDemo(args: string[]): Demo {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/kiosk-demo.ts', ...args], {
    cwd: ROOT,
    // The demo's server is PGlite in its folder whatever the environment says.
    env: { ...process.env, DATABASE_URL: undefined, KK_LOG_LEVEL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, output: () => text, exited };
}

/** Resolves with the printed kiosk address; fails with the demo's output if it exits or stalls first. */
async function kioskAddress(demo: Demo, timeoutMs = 60_000): Promise<{ base: string; token: string }> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void demo.exited.then(() => (exited = true));
  for (;;) {
    const m = KIOSK_LINE.exec(demo.output());
    if (m) return { base: m[1]!, token: m[3]! };
    if (exited) throw new Error(`the demo exited before serving:\n${demo.output()}`);
    if (Date.now() > deadline) throw new Error(`no kiosk address after ${timeoutMs} ms:\n${demo.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function command(base: string, token: string, name: string, args: unknown = {}): Promise<{ ok: boolean; value?: unknown }> {
  const res = await fetch(`${base}/api/cmd`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
    body: JSON.stringify({ name, args }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; value?: unknown };
}

let dir: string | null = null;
let running: Demo | null = null;
afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('npm run demo', () => {
  it('serves an enrolled, synced kiosk at the printed address and stops cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'kk-demo-'));
    const data = join(dir, 'data');
    const demo = (running = startDemo(['--fresh', '--data', data, '--renderer-out', join(dir, 'renderer')]));
    const { base, token } = await kioskAddress(demo);

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<!doctype html>/i);

    // The people came from the central server: enrollment and the first pull worked.
    const list = await command(base, token, 'kiosk-staff-list');
    expect(list.ok).toBe(true);
    const staff = (list.value as { staff: { name: string; nip: string }[] }).staff;
    expect(staff.map((s) => s.nip).sort()).toEqual(DEMO_EMPLOYEES.filter((e) => e.active).map((e) => e.nip).sort());
    const status = await command(base, token, 'workstation-status');
    expect(status.value).toMatchObject({ enrolled: true, online: true, blocked: null });
    expect((status.value as { serverUrl: string }).serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // A fresh demo gives the supervisor a queue to clear: his staff's last days, sent to the server.
    const ahmad = DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.supervisors[0])!;
    const login = await command(base, token, 'kiosk-login', { nip: ahmad.nip, pin: DEMO_PIN });
    expect(login.ok).toBe(true);
    const queue = await command(base, token, 'review-queue', { sessionToken: (login.value as { token: string }).token });
    expect(queue.ok).toBe(true);
    const waiting = queue.value as { total: number; employees: { employee: { id: string } }[] };
    expect(waiting.total).toBeGreaterThan(0);
    const seededStaff: string[] = DEMO_PEOPLE.staff.slice(0, 3);
    expect(waiting.employees.map((e) => e.employee.id).filter((id) => !seededStaff.includes(id))).toEqual([]);
    expect(status.value, 'every seeded entry reached the server').toMatchObject({ pending: 0 });
    expect(demo.output()).toMatch(/Waiting for .*\(Verifikasi\): [1-9]\d* entries/);
    // Without the token, nothing.
    const anonymous = await fetch(`${base}/api/cmd`, { method: 'POST', body: JSON.stringify({ name: 'kiosk-staff-list', args: {} }) });
    expect(anonymous.status).toBe(401);

    // The printed guide: the server, someone with the initial PIN, a supervisor, how to stop.
    const out = demo.output();
    expect(out).toContain(`Server:  ${(status.value as { serverUrl: string }).serverUrl}`);
    const dimas = DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.mustChangePin)!;
    expect(out).toMatch(new RegExp(`${dimas.name.replace(/[.,]/g, '\\$&')}.*${DEMO_INITIAL_PIN}`));
    expect(out).toContain(DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.supervisors[0])!.name);
    expect(out).toContain('Ctrl+C to stop');

    demo.child.kill('SIGTERM');
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    // The server's data folder was released (its lock removed) and nothing listens any more.
    expect(existsSync(join(data, 'server', 'kinerja-server.lock'))).toBe(false);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });
});

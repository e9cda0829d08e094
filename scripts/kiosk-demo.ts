/**
 * `npm run demo`: the whole kiosk on one machine, as an office would run it. Builds the kiosk
 * screens, starts the central server on its embedded database (PGlite) with the demo unit, enrolls
 * a kiosk store with a fresh enrollment code, syncs, and serves the kiosk in a browser through the
 * dev bridge at a printed localhost address. On a fresh folder it then records a few days of work
 * for three of Ahmad's staff and sends them (scripts/demo-queue.ts), so the supervisor has a
 * Verifikasi queue to clear. A second run reuses the data: already enrolled, it only syncs and
 * serves. Ctrl+C (or SIGTERM) stops everything cleanly.
 *
 *   npm run demo -- [--fresh] [--data DIR] [--port N] [--server-port N] [--renderer-out DIR]
 *
 *   --fresh            delete the demo data first (DIR)
 *   --data DIR         root folder of the demo data (default data/demo): DIR/server, DIR/kiosk
 *   --port N           the kiosk's port (default: a free one)
 *   --server-port N    the central server's port (default: the one this kiosk enrolled with, or a free one)
 *   --renderer-out DIR where the screens are built (default dist/renderer)
 *
 * The demo uses the real clock; on a weekend or holiday "today" is refused by the rules, as it
 * would be in the office.
 */
import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandArgs, CommandName, CommandResult } from '../src-shared/api';
import { DEMO, DEMO_EMPLOYEES, DEMO_INITIAL_PIN, DEMO_PEOPLE, DEMO_PIN } from '../src-shared/demo';
import { isUnitWorkingDay } from '../src-shared/domain/calendar';
import { localNow } from '../src-shared/domain/dates';
import { formatNip } from '../src-shared/domain/nip';
import { openDevStore } from '../src-main/core/demo/dev-store';
import type { Core } from '../src-main/core/core';
import { getPolicy, holidaysBetween, workstationUnitId } from '../src-main/core/reference/queries';
import { startDevBridge, type DevBridge } from '../src-main/devbridge';
import { loadDemo } from '../src-server/admin/demo';
import { loadConfig } from '../src-server/config';
import { migrateDatabase, openDatabase, type Database } from '../src-server/db/client';
import { DataFolderLockedError, lockDataFolder } from '../src-server/db/folder-lock';
import { startServer, type RunningServer } from '../src-server/http/lifecycle';
import { createEnrollmentCode } from '../src-server/workstations/service';
import { buildRenderer } from './build-renderer';
import { seedReviewQueue, type QueueSeed } from './demo-queue';

const { values: opt } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    data: { type: 'string', default: 'data/demo' },
    port: { type: 'string' },
    'server-port': { type: 'string' },
    'renderer-out': { type: 'string', default: 'dist/renderer' },
  },
  strict: true,
});

/** A refusal to start, said plainly (no stack trace): the port is taken, the folder is in use… */
class DemoError extends Error {}

/** Prints a plain message and ends the process; callers stop what they started first. */
function quit(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function portOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) quit(`--${name} must be a port number 0–65535, got "${value}".`);
  return n;
}

const root = resolve(opt.data);
const serverDir = resolve(root, 'server');
const kioskDir = resolve(root, 'kiosk');
const kioskPort = portOption('port', opt.port) ?? 0;
const serverPortFlag = portOption('server-port', opt['server-port']);

/** A path as the developer would type it: relative under the current folder, absolute elsewhere. */
function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r === '' ? '.' : r.startsWith('..') || isAbsolute(r) ? path : r;
}

const lockedMessage = (e: DataFolderLockedError): string =>
  `Another demo (process ${e.pid}) is already running on ${shown(root)}.\n` +
  `Stop it first (Ctrl+C in its terminal), or run this one on another folder: npm run demo -- --data data/demo2`;

if (opt.fresh && existsSync(root)) {
  // Never pull the data out from under a demo that is running on it.
  if (existsSync(serverDir)) {
    try {
      lockDataFolder(serverDir)();
    } catch (e) {
      if (e instanceof DataFolderLockedError) quit(lockedMessage(e));
      throw e;
    }
  }
  rmSync(root, { recursive: true, force: true });
}

async function send<K extends CommandName>(core: Core, name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>> {
  const r = await core.send(name, token ? { ...(args as object), sessionToken: token } : args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} — ${r.error.message}`);
  return r.value as CommandResult<K>;
}

/** The port of the server this kiosk store already talks to, so a second run finds it again. */
function enrolledPort(core: Core): number | undefined {
  const url = core.ctx.sync.status().serverUrl;
  if (!url) return undefined;
  const port = Number(new URL(url).port);
  return port > 0 ? port : undefined;
}

async function openServer(): Promise<Database> {
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: serverDir });
    try {
      await migrateDatabase(database);
    } catch (e) {
      await database.close();
      throw e;
    }
    return database;
  } catch (e) {
    if (e instanceof DataFolderLockedError) throw new DemoError(lockedMessage(e));
    throw e;
  }
}

async function listen(database: Database, port: number): Promise<RunningServer> {
  // Quiet by default: the server's request log would bury the address to open. KK_LOG_LEVEL still wins.
  const config = loadConfig(process.env, { dataDir: serverDir, host: '127.0.0.1', port, logLevel: process.env['KK_LOG_LEVEL'] ?? 'warn' });
  if (!config.ok) throw new DemoError(`Invalid server configuration:\n  ${config.problems.join('\n  ')}`);
  return startServer(config.config, database);
}

/** A PC enrolled at another address (its server's port was taken this time): an operator re-enrolls it. */
async function reenroll(core: Core, database: Database, serverUrl: string): Promise<void> {
  const operator = DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.operator)!;
  const login = await core.send('kiosk-login', { nip: operator.nip, pin: DEMO_PIN });
  if (!login.ok) throw new DemoError(`This kiosk was enrolled with a server on another port, and the operator could not log in to re-enroll it (${login.error.message}).\nStart over with: npm run demo -- --fresh`);
  const token = (login.value as CommandResult<'kiosk-login'>).token;
  try {
    const { code } = await createEnrollmentCode(database.db, DEMO.unit.code, new Date());
    await send(core, 'workstation-enroll', { serverUrl, enrollmentCode: code, name: 'PC Demo' }, token);
  } finally {
    await core.send('kiosk-logout', { sessionToken: token });
  }
}

const ROLES: [id: string, tryThis: string][] = [
  [DEMO_PEOPLE.staff[0], 'staff: record a day (Catat Aktivitas)'],
  [DEMO_PEOPLE.supervisors[0], 'supervisor: Verifikasi — clear the queue; Tim — the team\'s month'],
  [DEMO_PEOPLE.head, 'head of unit: verifies the three supervisors'],
  [DEMO_PEOPLE.mustChangePin, 'first login: must choose a new PIN'],
  [DEMO_PEOPLE.operator, 'operator (own entries)'],
];

function staffTable(): string[] {
  const rows = ROLES.map(([id, note]) => {
    const e = DEMO_EMPLOYEES.find((x) => x.id === id)!;
    return [e.name, formatNip(e.nip), DEMO.pins[id]!.pin, note];
  });
  const head = ['Name', 'NIP', 'PIN', 'to try'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `    ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** What the fresh run recorded for Ahmad to verify (developer output). */
function seedLines(seed: QueueSeed | null): string[] {
  if (!seed) return [];
  const total = seed.created.reduce((n, c) => n + c.entries, 0);
  const ahmad = DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.supervisors[0])!.name;
  const lines = [`  Waiting for ${ahmad} (Verifikasi): ${total} entries`];
  for (const c of seed.created) if (c.entries > 0) lines.push(`    ${c.name}: ${c.entries} on ${c.dates.join(', ')}`);
  for (const s of seed.skipped) lines.push(`    not seeded — ${s}`);
  return [...lines, ''];
}

/** Developer output only: "today" on a weekend or holiday is refused by the rules, which is right. */
function todayHint(core: Core): string | null {
  const policy = getPolicy(core.ctx.db, workstationUnitId(core.ctx.db));
  const today = localNow(new Date(), policy.timeZone).date;
  if (isUnitWorkingDay(today, policy, holidaysBetween(core.ctx.db, today, today))) return null;
  return `  Note: today (${today}) is not a working day — Hari ini bukan hari kerja; pilih tanggal lain dalam jendela pencatatan.`;
}

// 1. The screens. Built first: a build error must not leave anything behind.
const out = resolve(opt['renderer-out']);
try {
  await buildRenderer({ outDir: out });
} catch (e) {
  quit(`The kiosk screens did not build:\n${e instanceof Error ? e.message : String(e)}`);
}

// 2. The central server's database first: its folder lock tells whether another demo runs on this data.
let database: Database | null = null;
try {
  database = await openServer();
} catch (e) {
  quit(e instanceof DemoError ? e.message : `The central server's database could not be opened: ${e instanceof Error ? e.message : String(e)}`);
}

// 3. The kiosk store, which knows where its server was (a second run reuses that port).
const opened = openDevStore(kioskDir);
if (!opened.ok) {
  await database.close();
  quit(`The kiosk store in ${shown(kioskDir)} cannot be opened: ${opened.error.message}\nStart over with: npm run demo -- --fresh`);
}
const { core, file } = opened.value;

let server: RunningServer | null = null;
let bridge: DevBridge | null = null;
let stopping: Promise<void> | null = null;
let seeded: QueueSeed | null = null;

function stop(): Promise<void> {
  stopping ??= (async () => {
    await bridge?.close();
    await core.ctx.sync.idle();
    core.close();
    // The running server owns the database and closes it; before it listens, the database is ours.
    if (server) await server.stop();
    else await database?.close();
  })();
  return stopping;
}

try {
  // The demo unit, people, catalog and calendar: loading them again changes nothing and keeps changed PINs.
  await loadDemo(database.db, new Date());
  const wanted = serverPortFlag ?? enrolledPort(core) ?? 0;
  try {
    server = await listen(database, wanted);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
    if (serverPortFlag !== undefined) throw new DemoError(`Port ${serverPortFlag} is already in use; pick another with --server-port, or leave it out for a free one.`);
    // The port this kiosk enrolled with is taken by something else: take a free one and re-enroll.
    database = null; // startServer closed it
    database = await openServer();
    server = await listen(database, 0);
  }
  const db = database;

  // 4. Enroll (first run, or the server moved), then sync.
  const status = core.ctx.sync.status();
  const fresh = !status.enrolled;
  if (!status.enrolled) {
    const { code } = await createEnrollmentCode(db.db, DEMO.unit.code, new Date());
    await send(core, 'workstation-enroll', { serverUrl: server.url, enrollmentCode: code, name: 'PC Demo' });
  } else if (status.serverUrl !== server.url) {
    await reenroll(core, db, server.url);
  }
  let synced = await send(core, 'sync-now', {});
  if (synced.status.blocked && synced.status.blocked !== 'update') {
    // The server forgot this PC (its folder was deleted, or it was revoked): the operator's fix is to enroll again.
    await reenroll(core, db, server.url);
    synced = await send(core, 'sync-now', {});
  }
  if (synced.outcome !== 'ok') console.warn(`  Sync did not complete: ${synced.error?.message ?? synced.outcome}`);

  // 4b. A fresh folder: the supervisor's queue, sent like any kiosk's entries.
  if (fresh && synced.outcome === 'ok') {
    seeded = await seedReviewQueue(core);
    const sent = await send(core, 'sync-now', {});
    if (sent.outcome !== 'ok') console.warn(`  The demo entries were not sent yet: ${sent.error?.message ?? sent.outcome}`);
  }

  // 5. The kiosk in a browser.
  try {
    bridge = await startDevBridge({ core, port: kioskPort, staticDir: out });
  } catch (e) {
    if ((e as { code?: string }).code === 'EADDRINUSE') throw new DemoError(`Port ${kioskPort} is already in use; pick another with --port, or leave it out for a free one.`);
    throw e;
  }
} catch (e) {
  await stop().catch(() => undefined);
  if (e instanceof DemoError) quit(e.message);
  quit(`The demo could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

const hint = todayHint(core);
console.log(
  [
    '',
    '  Kinerja Kiosk demo is running.',
    '',
    `  Kiosk:   ${bridge.url}/#token=${bridge.token}`,
    '           (open this address in Chromium, Chrome or Edge)',
    '',
    `  Server:  ${server!.url}  (PGlite in ${shown(serverDir)})`,
    `  Store:   ${shown(file)}`,
    '',
    `  Demo people to try (fictional). Everyone else of the unit uses PIN ${DEMO_PIN};`,
    `  Dimas and Ni Luh log in for the first time with ${DEMO_INITIAL_PIN} (a PIN changed in an earlier run stays changed):`,
    '',
    ...staffTable(),
    '',
    ...seedLines(seeded),
    ...(hint ? [hint, ''] : []),
    '  Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let signals = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  // A second Ctrl+C while stopping ends the process at once.
  if (++signals > 1) process.exit(1);
  console.log(`\n  Stopping (${signal})…`);
  stop().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('  The demo did not stop cleanly:', e);
      process.exit(1);
    },
  );
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

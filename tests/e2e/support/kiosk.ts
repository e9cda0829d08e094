import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandArgs, CommandName, CommandResult } from '../../../src-shared/api';
import { DEMO_EMPLOYEES, DEMO_PIN } from '../../../src-shared/demo';
import type { Result } from '../../../src-shared/errors';
import type { SettingKey, Settings } from '../../../src-shared/settings';
import { createCore, type Core } from '../../../src-main/core/core';
import { setSetting } from '../../../src-main/core/settings/service';
import { MemoryTokenStore } from '../../../src-main/core/sync/token-store';
import type { FetchLike } from '../../../src-main/core/sync/transport';
import { startDevBridge, type DevBridge } from '../../../src-main/devbridge/server';
import { startFaultProxy, type FaultProxy, type FaultServer } from '../../fault/support';
import { ensureRendererBuilt } from './renderer-build';
import { startE2eServer } from './server';

/**
 * Kiosks as people meet them, for a browser to drive: a central server (in process, PGlite in
 * memory, the demo data) and one or more workstations of the demo unit. Each workstation is a core
 * on its own SQLite file, enrolled with the server and past its first sync, with its own dev
 * bridge serving the built screens and its own fault proxy between it and the server, so a test
 * can pull one PC's cable (`offline()`) and plug it back in without losing the server's in-memory
 * database or disturbing the other PC.
 *
 * The clock: every core and the server start at the same instant on a working day and run on with
 * real time (a session does not expire mid-test, timestamps keep moving); `advance(ms)` jumps all
 * of them forward together, as the PCs of one office share the time of day.
 */

/** Wednesday 25 November 2026, 09:30 in Probolinggo (WIB, UTC+7): a working day, inside the window. */
export const E2E_START_ISO = '2026-11-25T02:30:00.000Z';

export interface KioskOptions {
  /** Start instant of all clocks (default E2E_START_ISO). */
  now?: string;
  /**
   * Arm the cores' sync timers with this interval (ms). Off by default: the screens' own triggers
   * (session end, "Kirim sekarang") still run, but nothing syncs behind a test's back.
   */
  syncIntervalMs?: number;
  /**
   * Enroll each PC and run its first sync (default true). `false` leaves a PC as it is on its first
   * start, its bridge already serving: the lock screen shows the first-run setup, and the server
   * runs for the PC to be enrolled through the screens (`server.enrollCode()`) or by `enroll()`.
   */
  enroll?: boolean;
}

type SyncAttempt = CommandResult<'sync-now'>;

/** One PC of the office: its core, its proxy to the server, and its kiosk address. */
export interface Workstation {
  /** The PC's name as enrolled ("PC A"). */
  name: string;
  /** The kiosk's address with the bridge token in the fragment, as `npm run demo` prints it. */
  url: string;
  core: Core;
  /** The central server every workstation of the office talks to. */
  server: FaultServer;
  /** This PC's cable to the server. */
  proxy: FaultProxy;
  /** The office's current time (every PC and the server share it). */
  now(): Date;
  /** Moves every clock of the office forward by `ms` (they keep running from there). */
  advance(ms: number): Promise<void>;
  /** Pulls this PC's network cable. */
  offline(): void;
  /** Plugs it back in. */
  online(): void;
  /** A command straight to the core, as the screens send it (with `token` for session commands). */
  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>>;
  /** Sends and expects success. */
  call<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>>;
  /** Logs a demo person in behind the screens' back (test setup only); returns the session token. */
  login(employeeId: string, pin?: string): Promise<string>;
  /** "Kirim sekarang" behind the screens: one push-then-pull; fails unless it reached the server. */
  sync(): Promise<SyncAttempt>;
  /**
   * Enrolls this PC through its proxy with a fresh code, as `startKiosk` does unless `enroll: false`,
   * and fails unless the first sync ran.
   */
  enroll(): Promise<void>;
  /** Sets a workstation setting as an operator would (settings service; audited as `actorId`). */
  setSetting<K extends SettingKey>(key: K, value: Settings[K], actorId?: string): Settings;
}

/** One kiosk with the server to itself: what most e2e files need. */
export interface Kiosk extends Workstation {
  close(): Promise<void>;
}

/** Two PCs of one unit on one server, sharing the clock: A and B. */
export interface Office {
  server: FaultServer;
  a: Workstation;
  b: Workstation;
  now(): Date;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A clock offset from real time: `base` at start, then real time passes; `jump` moves it. */
function offsetClock(startIso: string) {
  let base = Date.parse(startIso);
  const since = performance.now();
  return {
    now: () => new Date(base + (performance.now() - since)),
    jump(ms: number) {
      base += ms;
    },
  };
}

/**
 * Pulling the cable (`offline()`) resets the proxy's kept-alive connections, and a pooled socket
 * reset that way is found dead only when it is next used: a sync started within the pool's
 * keep-alive time after `online()` would fail once more (a real PC just retries after its backoff).
 * One connection per request makes offline/online exact; the fault suite covers kept-alive reuse.
 */
const oneConnectionPerRequest: FetchLike = (input, init) =>
  fetch(input, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), connection: 'close' } });

type Cleanups = (() => Promise<void> | void)[];

interface Shared {
  server: FaultServer;
  rendererDir: string;
  clock: ReturnType<typeof offsetClock>;
  advance(ms: number): Promise<void>;
  opts: KioskOptions;
}

/** Starts one workstation on the shared server and clock; what it starts is added to `cleanups`. */
async function startWorkstation(shared: Shared, name: string, cleanups: Cleanups): Promise<Workstation> {
  const { server, clock, opts } = shared;
  const dir = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const proxy = await startFaultProxy(server.url);
  cleanups.push(() => proxy.close());
  const opened = createCore({
    file: join(dir, 'kinerja.sqlite'),
    clock: clock.now,
    maintenance: false,
    sync: {
      autoStart: opts.syncIntervalMs !== undefined,
      tokenStore: new MemoryTokenStore(),
      ...(opts.syncIntervalMs !== undefined ? { intervalMs: () => opts.syncIntervalMs! } : {}),
      fetch: oneConnectionPerRequest,
      // Short backoffs: an offline test waits seconds for the retry, not minutes.
      backoffBaseMs: 200,
      backoffMaxMs: 1_000,
      timeoutMs: 5_000,
    },
  });
  if (!opened.ok) throw new Error(`${name} core: ${opened.error.code} ${opened.error.message}`);
  const core = opened.value;
  cleanups.push(async () => {
    await core.ctx.sync.idle();
    core.close();
  });

  const send = <K extends CommandName>(cmd: K, args: CommandArgs<K>, token?: string) =>
    core.send(cmd, token ? { ...(args as object), sessionToken: token } : args) as Promise<Result<CommandResult<K>>>;
  const call = async <K extends CommandName>(cmd: K, args: CommandArgs<K>, token?: string) => {
    const r = await send(cmd, args, token);
    if (!r.ok) throw new Error(`${name}: ${cmd} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

  // Enrollment runs the first pull: the PC then knows its unit's people, catalog and policy.
  const enroll = async () => {
    const enrolled = await call('workstation-enroll', { serverUrl: proxy.url, enrollmentCode: await server.enrollCode(), name });
    if (!enrolled.status.lastSuccessAt) throw new Error(`${name}: first sync failed: ${JSON.stringify(enrolled.status.lastError)}`);
  };
  if (opts.enroll !== false) await enroll();

  const bridge: DevBridge = await startDevBridge({ core, port: 0, staticDir: shared.rendererDir });
  // The bridge goes first: no browser request may reach a closed core.
  cleanups.push(() => bridge.close());

  return {
    name,
    url: `${bridge.url}/#token=${bridge.token}`,
    core,
    server,
    proxy,
    now: clock.now,
    advance: shared.advance,
    offline: () => proxy.partition(true),
    online: () => proxy.partition(false),
    send,
    call,
    enroll,
    async login(employeeId, pin = DEMO_PIN) {
      const nip = DEMO_EMPLOYEES.find((e) => e.id === employeeId)!.nip;
      return (await call('kiosk-login', { nip, pin })).token;
    },
    async sync() {
      const r = await call('sync-now', {});
      if (r.outcome !== 'ok') throw new Error(`${name}: sync ${r.outcome}: ${r.error?.code ?? ''} ${r.error?.message ?? ''}`);
      return r;
    },
    setSetting(key, value, actorId = DEMO_EMPLOYEES.find((e) => e.roles.includes('operator'))!.id) {
      const r = setSetting(core.ctx, actorId, key, value);
      if (!r.ok) throw new Error(`${name}: setting ${key}: ${r.error.code}`);
      return r.value;
    },
  };
}

/**
 * The server and the named workstations, started one after the other (each enrollment code is
 * single-use, and two first pulls at once would only compete for the 2 cores).
 */
async function startStack(names: readonly string[], opts: KioskOptions) {
  const start = opts.now ?? E2E_START_ISO;
  const renderer = await ensureRendererBuilt();
  const server = await startE2eServer(start);
  const cleanups: Cleanups = [() => server.stop()];
  const close = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    // Every clock reads `start` from here on (the server's ran while its database was prepared).
    const clock = offsetClock(start);
    await server.setClock(start);
    const shared: Shared = {
      server,
      rendererDir: renderer.dir,
      clock,
      opts,
      async advance(ms) {
        clock.jump(ms);
        await server.setClock(new Date(server.now().getTime() + ms).toISOString());
      },
    };
    const workstations: Workstation[] = [];
    for (const name of names) workstations.push(await startWorkstation(shared, name, cleanups));
    return { server, workstations, now: clock.now, advance: shared.advance, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One kiosk on its own server. */
export async function startKiosk(opts: KioskOptions = {}): Promise<Kiosk> {
  const stack = await startStack(['PC Uji E2E'], opts);
  return { ...stack.workstations[0]!, close: stack.close };
}

/** Two kiosks, PC A and PC B, of the demo unit on one server: for what only two PCs can do (conflicts). */
export async function startOffice(opts: KioskOptions = {}): Promise<Office> {
  const stack = await startStack(['PC A', 'PC B'], opts);
  const [a, b] = stack.workstations as [Workstation, Workstation];
  return { server: stack.server, a, b, now: stack.now, advance: stack.advance, close: stack.close };
}

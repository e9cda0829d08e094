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
import { startDevBridge, type DevBridge } from '../../../src-main/devbridge/server';
import { startFaultProxy, type FaultProxy, type FaultServer } from '../../fault/support';
import { ensureRendererBuilt } from './renderer-build';
import { startE2eServer } from './server';

/**
 * One kiosk as a person meets it, for a browser to drive: a central server (in process, PGlite in
 * memory, the demo data), a workstation core on a real SQLite file that is enrolled with it and has
 * done its first sync, and the dev bridge serving the built screens. The fault proxy sits between
 * the core and the server, so a test can pull the cable (`offline()`) and plug it back in without
 * losing the server's in-memory database.
 *
 * The clock: both sides start at the same instant on a working day and run on with real time (a
 * session does not expire mid-test, timestamps keep moving); `advance(ms)` jumps both forward.
 */

/** Wednesday 25 November 2026, 09:30 in Probolinggo (WIB, UTC+7): a working day, inside the window. */
export const E2E_START_ISO = '2026-11-25T02:30:00.000Z';

export interface KioskOptions {
  /** Start instant of both clocks (default E2E_START_ISO). */
  now?: string;
  /**
   * Arm the core's sync timer with this interval (ms). Off by default: the screens' own triggers
   * (session end, "Kirim sekarang") still run, but nothing syncs behind a test's back.
   */
  syncIntervalMs?: number;
}

export interface Kiosk {
  /** The kiosk's address with the bridge token in the fragment, as `npm run demo` prints it. */
  url: string;
  core: Core;
  server: FaultServer;
  proxy: FaultProxy;
  /** The kiosk's current time. */
  now(): Date;
  /** Moves both clocks forward by `ms` (they keep running from there). */
  advance(ms: number): Promise<void>;
  /** Pulls the network cable between the kiosk and the central server. */
  offline(): void;
  /** Plugs it back in. */
  online(): void;
  /** A command straight to the core, as the screens send it (with `token` for session commands). */
  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>>;
  /** Sends and expects success. */
  call<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>>;
  /** Logs a demo person in behind the screens' back (test setup only); returns the session token. */
  login(employeeId: string, pin?: string): Promise<string>;
  /** Sets a workstation setting as an operator would (settings service; audited as `actorId`). */
  setSetting<K extends SettingKey>(key: K, value: Settings[K], actorId?: string): Settings;
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

export async function startKiosk(opts: KioskOptions = {}): Promise<Kiosk> {
  const start = opts.now ?? E2E_START_ISO;
  const renderer = await ensureRendererBuilt();
  const server = await startE2eServer(start);
  const cleanups: (() => Promise<void> | void)[] = [() => server.stop()];
  const dir = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    const proxy = await startFaultProxy(server.url);
    cleanups.push(() => proxy.close());
    // Both clocks read `start` from here on (the server's ran while its database was prepared).
    const clock = offsetClock(start);
    await server.setClock(start);
    const opened = createCore({
      file: join(dir, 'kinerja.sqlite'),
      clock: clock.now,
      maintenance: false,
      sync: {
        autoStart: opts.syncIntervalMs !== undefined,
        tokenStore: new MemoryTokenStore(),
        ...(opts.syncIntervalMs !== undefined ? { intervalMs: () => opts.syncIntervalMs! } : {}),
        // Short backoffs: an offline test waits seconds for the retry, not minutes.
        backoffBaseMs: 200,
        backoffMaxMs: 1_000,
        timeoutMs: 5_000,
      },
    });
    if (!opened.ok) throw new Error(`kiosk core: ${opened.error.code} ${opened.error.message}`);
    const core = opened.value;
    cleanups.push(async () => {
      await core.ctx.sync.idle();
      core.close();
    });

    const send = <K extends CommandName>(name: K, args: CommandArgs<K>, token?: string) =>
      core.send(name, token ? { ...(args as object), sessionToken: token } : args) as Promise<Result<CommandResult<K>>>;
    const call = async <K extends CommandName>(name: K, args: CommandArgs<K>, token?: string) => {
      const r = await send(name, args, token);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    };

    // Enrollment runs the first pull: the PC then knows its unit's people, catalog and policy.
    const enrolled = await call('workstation-enroll', { serverUrl: proxy.url, enrollmentCode: await server.enrollCode(), name: 'PC Uji E2E' });
    if (!enrolled.status.lastSuccessAt) throw new Error(`kiosk: first sync failed: ${JSON.stringify(enrolled.status.lastError)}`);

    const bridge: DevBridge = await startDevBridge({ core, port: 0, staticDir: renderer.dir });
    // The bridge goes first: no browser request may reach a closed core.
    cleanups.push(() => bridge.close());

    return {
      url: `${bridge.url}/#token=${bridge.token}`,
      core,
      server,
      proxy,
      now: clock.now,
      async advance(ms) {
        clock.jump(ms);
        await server.setClock(new Date(server.now().getTime() + ms).toISOString());
      },
      offline: () => proxy.partition(true),
      online: () => proxy.partition(false),
      send,
      call,
      async login(employeeId, pin = DEMO_PIN) {
        const nip = DEMO_EMPLOYEES.find((e) => e.id === employeeId)!.nip;
        return (await call('kiosk-login', { nip, pin })).token;
      },
      setSetting(key, value, actorId = DEMO_EMPLOYEES.find((e) => e.roles.includes('operator'))!.id) {
        const r = setSetting(core.ctx, actorId, key, value);
        if (!r.ok) throw new Error(`setting ${key}: ${r.error.code}`);
        return r.value;
      },
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

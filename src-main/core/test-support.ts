import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandArgs, CommandName, CommandResult } from '../../src-shared/api';
import type { Result } from '../../src-shared/errors';
import { DEMO_PIN, DEMO_EMPLOYEES } from '../../src-shared/demo';
import { createCore, type Core, type CoreOptions } from './core';
import { seedDemo } from './demo/seed';
import { MemoryTokenStore } from './sync/token-store';

/**
 * A real core on a real SQLite file in a temp folder, seeded with the demo data, with a clock the
 * test moves. No part of the store is mocked.
 */
export interface TestCore {
  core: Core;
  dir: string;
  file: string;
  /** The kiosk's wall clock; set it with `setNow`. */
  now: Date;
  setNow(iso: string): void;
  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>>;
  /** Sends and expects success; throws with the error otherwise. */
  call<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>>;
  login(employeeId: string, pin?: string): Promise<string>;
  close(): void;
}

/** Wednesday 25 November 2026, 09:00 in Probolinggo (WIB = UTC+7). */
export const DEFAULT_NOW = '2026-11-25T02:00:00.000Z';

export async function makeTestCore(opts: { now?: string; seed?: boolean; dir?: string; sync?: CoreOptions['sync'] } = {}): Promise<TestCore> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'kk-core-'));
  const file = join(dir, 'kinerja.sqlite');
  const t = { now: new Date(opts.now ?? DEFAULT_NOW) };
  const opened = createCore({ file, clock: () => t.now, maintenance: false, sync: { autoStart: false, tokenStore: new MemoryTokenStore(), ...opts.sync } });
  if (!opened.ok) throw new Error(`open failed: ${opened.error.code}`);
  const core = opened.value;
  if (opts.seed !== false) await seedDemo(core.ctx.db, core.ctx.sqlite);
  const send = <K extends CommandName>(name: K, args: CommandArgs<K>, token?: string) =>
    core.send(name, token ? { ...(args as object), sessionToken: token } : args) as Promise<Result<CommandResult<K>>>;
  const tc: TestCore = {
    core,
    dir,
    file,
    get now() {
      return t.now;
    },
    set now(d: Date) {
      t.now = d;
    },
    setNow(iso) {
      t.now = new Date(iso);
    },
    send,
    async call(name, args, token) {
      const r = await send(name, args, token);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${r.error.field ?? ''}`);
      return r.value;
    },
    async login(employeeId, pin = DEMO_PIN) {
      const nip = DEMO_EMPLOYEES.find((e) => e.id === employeeId)!.nip;
      const r = await core.send('kiosk-login', { nip, pin });
      if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
      return (r.value as CommandResult<'kiosk-login'>).token;
    },
    close() {
      core.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return tc;
}

import { join } from 'node:path';
import type { CommandArgs, CommandName, CommandResult } from '../../../src-shared/api';
import type { Result } from '../../../src-shared/errors';
import { DEMO_EMPLOYEES, DEMO_PIN } from '../../../src-shared/demo';
import { createCore, type Core } from '../../../src-main/core/core';
import { FileTokenStore } from '../../../src-main/core/sync/token-store';

/**
 * A real workstation core on a real SQLite file, with the clock and sync settings the fault suite
 * needs: the wall clock runs (sessions do not expire mid-test) from a start the test chooses and
 * can move; automatic attempts are off unless asked for, with short backoffs so a test about
 * retries does not wait minutes. Used in process and inside workstation-child.ts alike.
 */
export interface WorkstationCoreOptions {
  dir: string;
  now?: string;
  /** Arm the timer loop (case 5: retried by the timer); default off. */
  autoSync?: boolean;
  intervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  batchMax?: number;
  /** Rows per pull page asked of the server (default the server's 500). */
  pullLimit?: number;
  protocol?: number;
}

export interface WorkstationCore {
  core: Core;
  file: string;
  setNow(iso: string): void;
  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>>;
  call<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>>;
  login(employeeId: string): Promise<string>;
  close(): void;
}

export function openWorkstationCore(o: WorkstationCoreOptions): WorkstationCore {
  let base = new Date(o.now ?? '2026-11-25T02:00:00.000Z').getTime();
  let since = performance.now();
  const clock = () => new Date(base + (performance.now() - since));
  const file = join(o.dir, 'kinerja.sqlite');
  const opened = createCore({
    file,
    clock,
    maintenance: false,
    sync: {
      autoStart: o.autoSync ?? false,
      tokenStore: new FileTokenStore(join(o.dir, 'workstation.token')),
      ...(o.intervalMs ? { intervalMs: () => o.intervalMs! } : {}),
      backoffBaseMs: o.backoffBaseMs ?? 200,
      backoffMaxMs: o.backoffMaxMs ?? 2_000,
      timeoutMs: 10_000,
      limits: { ...(o.batchMax ? { batchMax: o.batchMax } : {}), ...(o.pullLimit ? { pullLimit: o.pullLimit } : {}), ...(o.protocol ? { protocol: o.protocol } : {}) },
    },
  });
  if (!opened.ok) throw new Error(`open failed: ${opened.error.code}`);
  const core = opened.value;
  const send = <K extends CommandName>(name: K, args: CommandArgs<K>, token?: string) =>
    core.send(name, token ? { ...(args as object), sessionToken: token } : args) as Promise<Result<CommandResult<K>>>;
  return {
    core,
    file,
    setNow(iso) {
      base = new Date(iso).getTime();
      since = performance.now();
    },
    send,
    async call(name, args, token) {
      const r = await send(name, args, token);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${r.error.field ?? ''}`);
      return r.value;
    },
    async login(employeeId) {
      const nip = DEMO_EMPLOYEES.find((e) => e.id === employeeId)!.nip;
      const r = await send('kiosk-login', { nip, pin: DEMO_PIN });
      if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
      return r.value.token;
    },
    close: () => core.close(),
  };
}

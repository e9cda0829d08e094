import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandArgs, CommandName, CommandResult } from '../../../src-shared/api';
import type { Result } from '../../../src-shared/errors';
import { DEMO_EMPLOYEES, DEMO_PIN } from '../../../src-shared/demo';
import { openWorkstationCore, type WorkstationCore, type WorkstationCoreOptions } from './workstation-core';

/**
 * One interface for a workstation in this test process or in a child process (when the test kills
 * it). Everything goes through the real core's command map, as the UI's would.
 */
export interface Workstation {
  readonly dir: string;
  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>>;
  call<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>>;
  login(employeeId: string): Promise<string>;
  /** Enrolls with the server (through `serverUrl`, usually the fault proxy). */
  enroll(serverUrl: string, code: string, name?: string): Promise<CommandResult<'workstation-enroll'>>;
  sync(): Promise<CommandResult<'sync-now'>>;
  /** Raw SQL on the workstation's SQLite file, for assertions. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  setNow(iso: string): Promise<void>;
  close(): Promise<void>;
}

export type WorkstationOptions = Omit<WorkstationCoreOptions, 'dir'> & { dir?: string };

const newDir = (): string => mkdtempSync(join(tmpdir(), 'kk-ws-'));

abstract class Base implements Workstation {
  abstract readonly dir: string;
  abstract send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>>;
  abstract query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  abstract setNow(iso: string): Promise<void>;
  abstract close(): Promise<void>;
  async call<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>> {
    const r = await this.send(name, args, token);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${r.error.field ?? ''}`);
    return r.value;
  }
  async login(employeeId: string): Promise<string> {
    const nip = DEMO_EMPLOYEES.find((e) => e.id === employeeId)!.nip;
    return (await this.call('kiosk-login', { nip, pin: DEMO_PIN })).token;
  }
  enroll(serverUrl: string, code: string, name = 'PC uji'): Promise<CommandResult<'workstation-enroll'>> {
    return this.call('workstation-enroll', { serverUrl, enrollmentCode: code, name });
  }
  sync(): Promise<CommandResult<'sync-now'>> {
    return this.call('sync-now', {});
  }
}

export class InProcessWorkstation extends Base {
  readonly dir: string;
  readonly ws: WorkstationCore;
  constructor(opts: WorkstationOptions = {}) {
    super();
    this.dir = opts.dir ?? newDir();
    this.ws = openWorkstationCore({ ...opts, dir: this.dir });
  }
  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string) {
    return this.ws.send(name, args, token);
  }
  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return Promise.resolve(this.ws.core.ctx.sqlite.prepare(sql).all(...params) as T[]);
  }
  setNow(iso: string): Promise<void> {
    this.ws.setNow(iso);
    return Promise.resolve();
  }
  async close(): Promise<void> {
    await this.ws.core.ctx.sync.idle();
    this.ws.close();
  }
}

const CHILD = fileURLToPath(new URL('./workstation-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** A workstation in a child process: `kill()` is a power cut; `restart()` opens the same file again. */
export class ChildWorkstation extends Base {
  readonly dir: string;
  private child!: ChildProcess;
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited!: Promise<void>;

  private constructor(private readonly opts: WorkstationOptions) {
    super();
    this.dir = opts.dir ?? newDir();
  }

  static async start(opts: WorkstationOptions = {}): Promise<ChildWorkstation> {
    const w = new ChildWorkstation(opts);
    await w.spawn();
    return w;
  }

  private spawn(): Promise<void> {
    const child = fork(CHILD, [JSON.stringify({ ...this.opts, dir: this.dir })], {
      cwd: ROOT,
      execPath: process.execPath,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    live.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        live.delete(child);
        for (const w of this.waiting.values()) w.reject(new Error('workstation process exited'));
        this.waiting.clear();
        resolve();
      }),
    );
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; value?: unknown; error?: string }) => {
        if (m.ready) return resolve();
        const w = m.id !== undefined ? this.waiting.get(m.id) : undefined;
        if (!w) return;
        this.waiting.delete(m.id!);
        if (m.ok) w.resolve(m.value);
        else w.reject(new Error(m.error));
      });
    });
  }

  private request<T>(msg: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, ...msg });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>> {
    return this.request({ op: 'send', name, args, ...(token ? { token } : {}) });
  }
  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.request({ op: 'query', sql, params });
  }
  setNow(iso: string): Promise<void> {
    return this.request({ op: 'setNow', iso });
  }
  memory(): Promise<NodeJS.MemoryUsage> {
    return this.request({ op: 'memory' });
  }
  /** kill -9: no chance to finish a transaction or answer anything. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
  async restart(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) await this.kill();
    await this.spawn();
  }
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await this.request({ op: 'close' }).catch(() => undefined);
    await this.exited;
  }
}

import { fork, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from '../../../src-server/db/folder-lock';
import { clockAt, clockNow, TEST_NOW_ISO, type AdminOps, type ClockState, type FaultServer, type ServerOptions } from './admin';
import { seedDataDir } from './pglite-template';
import type { ChildInit, ChildOp, FromChild, ToChild } from './server-child';

/**
 * The parent's handle on a central server running as a child process (server-child.ts) on a PGlite
 * data folder: kill it (-9 included), restart it on the same folder, and run the operator's
 * commands through it over IPC, since the running server holds the folder's lock.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface ServerProcessOptions extends ServerOptions {
  dataDir: string;
  /** Port to listen on (default 0: a free one). */
  port?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess extends FaultServer {
  readonly dataDir: string;
  /** The current child's pid. */
  readonly pid: number;
  readonly running: boolean;
  /** Settles when the current child exits (whatever the reason). */
  readonly exited: Promise<ExitInfo>;
  /** How long the last start took: until the parent saw "listening", and the child's own part of it. */
  readonly lastStart: { totalMs: number; childMs: number };
  /** The child's last lines of output (its stderr carries a crash's stack). */
  output(): string;
  /** Sends the signal (default SIGKILL) and waits for the exit. A stopped server answers its last exit. */
  kill(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /**
   * A new child on the same folder (stopping the running one gracefully first); resolves when it
   * listens. It tries the previous port first, so a workstation pointed straight at it still reaches it.
   */
  restart(): Promise<void>;
}

// Every child of this test process, killed when the process exits, so none outlives the run.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<ExitInfo>;
}

class ServerProcessHandle implements ServerProcess {
  readonly dataDir: string;
  private clock: ClockState;
  private current!: Running;
  private alive = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly lines: string[] = [];
  lastStart = { totalMs: 0, childMs: 0 };

  constructor(private readonly opts: ServerProcessOptions) {
    this.dataDir = opts.dataDir;
    this.clock = clockAt(opts.now ?? TEST_NOW_ISO);
  }

  get url(): string {
    return this.current.url;
  }
  get pid(): number {
    return this.current.child.pid ?? -1;
  }
  get running(): boolean {
    return this.alive;
  }
  get exited(): Promise<ExitInfo> {
    return this.current.exited;
  }

  output(): string {
    return this.lines.join('\n');
  }

  private capture(chunk: Buffer): void {
    if (process.env['KK_FAULT_SERVER_LOG']) process.stderr.write(chunk);
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (this.lines.length > 200) this.lines.splice(0, this.lines.length - 200);
  }

  async start(port: number): Promise<void> {
    const began = performance.now();
    const init: ChildInit = { dataDir: this.dataDir, demo: this.opts.demo !== false, clock: this.clock, port, config: this.opts.config ?? {} };
    const child = fork(CHILD, [JSON.stringify(init)], {
      cwd: ROOT,
      execPath: process.execPath,
      // tsx resolves from cwd; the parent's own flags (vitest's) are not the child's business.
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    track(child);
    child.stdout?.on('data', (c: Buffer) => this.capture(c));
    child.stderr?.on('data', (c: Buffer) => this.capture(c));
    const exited = new Promise<ExitInfo>((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.current?.child === child) this.alive = false;
        for (const p of this.pending.values()) p.reject(new Error(`server process exited (${signal ?? code}) before answering`));
        this.pending.clear();
        resolve({ code, signal });
      });
    });
    child.on('message', (raw) => {
      const msg = raw as FromChild;
      if (msg.type !== 'reply') return;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.ok) p?.resolve(msg.value);
      else p?.reject(new Error(msg.message));
    });

    const ready = await new Promise<Extract<FromChild, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server process did not listen within ${START_TIMEOUT_MS} ms\n${this.output()}`));
      }, START_TIMEOUT_MS);
      const onMessage = (raw: unknown) => {
        const msg = raw as FromChild;
        if (msg.type === 'ready' || msg.type === 'failed') {
          clearTimeout(timer);
          child.off('message', onMessage);
          if (msg.type === 'ready') resolve(msg);
          else reject(new Error(`server process failed to start: ${msg.message}\n${this.output()}`));
        }
      };
      child.on('message', onMessage);
      void exited.then((info) => {
        clearTimeout(timer);
        reject(new Error(`server process exited (${info.signal ?? info.code}) before listening\n${this.output()}`));
      });
    });
    this.current = { child, url: ready.url, exited };
    this.alive = true;
    this.lastStart = { totalMs: Math.round(performance.now() - began), childMs: ready.startMs };
  }

  private call<T>(op: ChildOp, args: unknown[]): Promise<T> {
    if (!this.alive) return Promise.reject(new Error(`server process is not running (${op})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.current.child.send({ type: 'call', id, op, args } satisfies ToChild);
    });
  }

  enrollCode = (unitCode?: string) => this.call<string>('enrollCode', unitCode === undefined ? [] : [unitCode]);
  revoke = (workstationId: string) => this.call<{ revoked: boolean }>('revoke', [workstationId]);
  query: AdminOps['query'] = <T>(text: string, params: unknown[] = []) => this.call<T[]>('query', [text, params]);
  newEpoch = () => this.call<{ previous: string; epoch: string }>('newEpoch', []);

  now(): Date {
    return clockNow(this.clock);
  }

  async setClock(iso: string): Promise<void> {
    this.clock = clockAt(iso);
    if (this.alive) await this.call('setClock', [this.clock]);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> {
    if (this.alive) this.current.child.kill(signal);
    return this.current.exited;
  }

  async stop(): Promise<void> {
    const info = await this.kill('SIGTERM');
    if (info.code !== 0 && info.signal !== 'SIGKILL') throw new Error(`server process stopped with ${info.signal ?? info.code}\n${this.output()}`);
  }

  async restart(): Promise<void> {
    if (this.alive) await this.stop();
    // The kill -9'd child is reaped by now (exit event), so its lock is stale and taken over.
    await this.current.exited;
    await this.start(Number(new URL(this.url).port));
  }
}

/** Starts the central server as a child process on `dataDir` (created if missing); resolves when it listens. */
export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  await seedDataDir(opts.dataDir);
  const handle = new ServerProcessHandle(opts);
  await handle.start(opts.port ?? 0);
  return handle;
}

/** Copies a stopped (or killed) server's data folder, as a backup taken at that moment; the lock file stays behind. */
export function backupDataDir(src: string, dst: string): void {
  cpSync(src, dst, { recursive: true, filter: (path) => basename(path) !== LOCK_FILE });
}

import type { ServerConfig } from '../../../src-server/config';
import { migrateDatabase, openDatabase, type Database } from '../../../src-server/db/client';
import { startServer, type RunningServer } from '../../../src-server/http/lifecycle';
import { testConfig } from '../../../src-server/test-support';
import { adminOps, clockNow, ensureDemo, type AdminOps, type ClockState } from './admin';

/**
 * The central server as a child process on a PGlite data folder, wired as `npm run server -- serve`
 * does (open, migrate, startServer), so a test can kill -9 it and start another on the same folder.
 * Started by server-process.ts with `node --import tsx server-child.ts '<ChildInit JSON>'`; talks
 * to the parent over Node IPC only. Exits when the parent goes away (IPC disconnect).
 */
export interface ChildInit {
  dataDir: string;
  demo: boolean;
  clock: ClockState;
  /** 0 picks a free port; another port falls back to a free one if taken. */
  port: number;
  config: Partial<ServerConfig>;
}

export type ChildOp = keyof AdminOps | 'setClock';

export type ToChild = { type: 'call'; id: number; op: ChildOp; args: unknown[] };

export type FromChild =
  | { type: 'ready'; url: string; pid: number; startMs: number }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string };

const send = (msg: FromChild): void => {
  process.send?.(msg);
};

async function open(init: ChildInit): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite', dataDir: init.dataDir });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

async function listen(init: ChildInit, now: () => Date): Promise<{ database: Database; server: RunningServer }> {
  for (const port of init.port === 0 ? [0] : [init.port, 0]) {
    const database = await open(init);
    const config = testConfig({ ...init.config, dataDir: init.dataDir, host: '127.0.0.1', port });
    try {
      // startServer owns the database from here: it closes it on a failed listen.
      return { database, server: await startServer(config, database, { now }) };
    } catch (err) {
      if ((err as { code?: string }).code !== 'EADDRINUSE' || port === 0) throw err;
    }
  }
  throw new Error('unreachable');
}

async function main(): Promise<void> {
  const began = performance.now();
  const init = JSON.parse(process.argv[2] ?? '') as ChildInit;
  let clock = init.clock;
  const now = () => clockNow(clock);
  // The parent is gone (even by kill -9): nobody can stop this server any more.
  process.on('disconnect', () => process.exit(0));

  const { database, server } = await listen(init, now);
  if (init.demo) await ensureDemo(database, now());
  const ops = adminOps(database, now);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.stop().then(() => {
      process.disconnect?.();
      process.exit(0);
    });
    return stopping;
  };
  // The parent stops the server with SIGTERM, as an operator would.
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  process.on('message', (raw) => {
    const msg = raw as ToChild;
    if (msg.type !== 'call') return;
    const run = async (): Promise<unknown> => {
      switch (msg.op) {
        case 'setClock':
          clock = msg.args[0] as ClockState;
          return undefined;
        default: {
          const fn = ops[msg.op] as (...args: unknown[]) => Promise<unknown>;
          return fn(...msg.args);
        }
      }
    };
    run().then(
      (value) => send({ type: 'reply', id: msg.id, ok: true, value }),
      (err: unknown) => send({ type: 'reply', id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) }),
    );
  });

  send({ type: 'ready', url: server.url, pid: process.pid, startMs: Math.round(performance.now() - began) });
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  send({ type: 'failed', message });
  console.error(err);
  process.exitCode = 1;
  process.disconnect?.();
});

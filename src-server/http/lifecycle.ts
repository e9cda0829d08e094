import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import type { ServerConfig } from '../config';
import type { Database } from '../db/client';
import { buildServer } from '../server';
import { loggerOptions } from './app';

export interface StartOptions {
  now?: () => Date;
  /** Defaults to pino at config.logLevel with the secrets redacted (loggerOptions). */
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  onListening?: (url: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  /** Where the server listens, with the real port when config.port is 0. */
  url: string;
  /** Graceful shutdown, then the database is closed. Safe to call more than once. */
  stop(signal?: string): Promise<void>;
}

/**
 * Builds the server on an open, migrated database and listens. The running server owns the
 * database from here on: stop() closes it, and so does a failed start.
 */
export async function startServer(config: ServerConfig, database: Database, opts: StartOptions = {}): Promise<RunningServer> {
  let app: FastifyInstance | undefined;
  let url: string;
  try {
    app = await buildServer(
      { db: database.db, config, now: opts.now ?? (() => new Date()) },
      { logger: opts.logger ?? loggerOptions(config) },
    );
    url = await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
  const running = app;
  running.log.info({ url, database: database.describe, updatesDir: config.updatesDir }, 'server started');
  opts.onListening?.(url);

  let stopping: Promise<void> | undefined;
  const stop = (signal?: string): Promise<void> => {
    stopping ??= shutdown(running, database, config.shutdownGraceMs, signal);
    return stopping;
  };
  return { app: running, url, stop };
}

/**
 * fastify's close() stops accepting connections, answers 503 to requests that still arrive on
 * kept-alive sockets, and waits for requests in flight, so their database transactions commit.
 * After the grace period the remaining connections are cut; a transaction still running then fails
 * on the closed database and rolls back, and the kiosk sends the same batch again (exactly once).
 */
async function shutdown(app: FastifyInstance, database: Database, graceMs: number, signal: string | undefined): Promise<void> {
  app.log.info({ signal, graceMs }, 'shutting down');
  const timer = setTimeout(() => {
    app.log.warn({ graceMs }, 'grace period over: closing the remaining connections');
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
    await database.close();
    app.log.info('server stopped');
  }
}

/** What installSignalHandlers listens on: the process, or an emitter standing in for it in tests. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * SIGINT/SIGTERM start one graceful stop; the exit code says whether it went cleanly. The listeners
 * are removed at the first signal, so a second Ctrl+C ends the process at once. Returns a function
 * that removes the listeners (for a caller that stops by itself).
 */
export function installSignalHandlers(stop: (signal?: string) => Promise<void>, source: SignalSource = process): () => void {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const uninstall = () => {
    for (const s of signals) source.removeListener(s, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    uninstall();
    stop(signal).then(
      () => {
        process.exitCode = 0;
      },
      (err: unknown) => {
        console.error('shutdown failed:', err);
        process.exitCode = 1;
      },
    );
  }
  for (const s of signals) source.on(s, onSignal);
  return uninstall;
}

import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../src-shared/demo';
import type { Database } from '../db/client';
import { makeTestDatabase, TEST_NOW, testConfig } from '../test-support';
import { createEnrollmentCode } from '../workstations/service';
import { installSignalHandlers, startServer, type SignalSource } from './lifecycle';

/** Tests that make their own database need more than the default 20 s on a loaded machine (hooks have 60 s). */
const SETUP_MS = 60_000;

/**
 * Real sockets on port 0: what an operator sees when systemd (or Ctrl+C) stops the server while a
 * kiosk is sending: the request in flight is finished and committed, nothing new gets in, and the
 * database is closed last.
 */
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop().catch(() => undefined);
});

async function demoDatabase(): Promise<{ database: Database; code: string }> {
  const database = await makeTestDatabase({ demo: true });
  const { code } = await createEnrollmentCode(database.db, DEMO.unit.code, TEST_NOW);
  return { database, code };
}

/** A raw HTTP/1.1 connection, so the test decides exactly when each byte is sent. */
async function rawConnection(port: number): Promise<{ socket: Socket; received: Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const received = new Promise<string>((resolve) => {
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
  });
  return { socket, received };
}

async function connectError(port: number): Promise<string | null> {
  const socket = connect(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
    return null;
  } catch (err) {
    return String((err as { code?: unknown }).code);
  } finally {
    socket.destroy();
  }
}

const enrollHead = (length: number) =>
  `POST /api/v1/workstations/enroll HTTP/1.1\r\nHost: kk\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

const isClosed = (database: Database) => database.db.execute(sql`select 1`).then(() => false, () => true);

describe('startServer and stop', () => {
  it('listens on the real port, finishes the request in flight, refuses new work, then closes the database', async () => {
    const { database, code } = await demoDatabase();
    const onListening = vi.fn();
    const server = await startServer(testConfig({ port: 0, shutdownGraceMs: 10_000 }), database, { now: () => TEST_NOW, onListening });
    stops.push(() => server.stop());
    const port = Number(new URL(server.url).port);
    expect(port).toBeGreaterThan(0);
    expect(onListening).toHaveBeenCalledWith(server.url);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);

    const body = JSON.stringify({ enrollmentCode: code, name: 'PC Loket', clientId: randomUUID() });
    const { socket, received } = await rawConnection(port);
    socket.write(enrollHead(Buffer.byteLength(body)) + body.slice(0, 10));
    await sleep(100);

    const stopped = server.stop('SIGTERM');
    await sleep(100);
    expect(await connectError(port)).toBe('ECONNREFUSED');
    expect(await isClosed(database)).toBe(false);

    // The rest of the body, and a second request pipelined on the same kept-alive socket.
    socket.write(`${body.slice(10)}GET /api/v1/health HTTP/1.1\r\nHost: kk\r\n\r\n`);
    const text = await received;
    const [first, ...rest] = text.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(first).toMatch(/"token":"[A-Za-z0-9_-]{43,}"/);
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatch(/^HTTP\/1\.1 503/);
    expect(rest[0]).toMatch(/^connection: close/im);
    expect(rest[0]).toContain('"code":"UNAVAILABLE"');

    await stopped;
    expect(await isClosed(database)).toBe(true);
  }, SETUP_MS);

  it('cuts connections still open after the grace period, and stop() is idempotent', async () => {
    const database = await makeTestDatabase();
    const server = await startServer(testConfig({ port: 0, shutdownGraceMs: 300 }), database, { now: () => TEST_NOW });
    stops.push(() => server.stop());
    const { socket, received } = await rawConnection(Number(new URL(server.url).port));
    socket.write(`${enrollHead(500)}{"enrollmentCode":`); // a body that never completes
    await sleep(100);

    const started = Date.now();
    const first = server.stop();
    expect(server.stop('SIGINT')).toBe(first);
    await first;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await received).toBe('');
    expect(await isClosed(database)).toBe(true);
    await server.stop();
  }, SETUP_MS);

  it('closes the app and the database when it cannot listen', async () => {
    const running = await startServer(testConfig({ port: 0 }), await makeTestDatabase(), { now: () => TEST_NOW });
    stops.push(() => running.stop());
    const second = await makeTestDatabase();
    const port = Number(new URL(running.url).port);
    await expect(startServer(testConfig({ port }), second, { now: () => TEST_NOW })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await isClosed(second)).toBe(true);
  }, SETUP_MS);
});

describe('installSignalHandlers', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it('stops once on the first SIGTERM or SIGINT and reports a clean exit', async () => {
    const source = new EventEmitter();
    const stop = vi.fn(async (_signal?: string) => undefined);
    installSignalHandlers(stop, source as unknown as SignalSource);
    source.emit('SIGTERM', 'SIGTERM');
    source.emit('SIGINT', 'SIGINT');
    await sleep(0);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledWith('SIGTERM');
    expect(process.exitCode).toBe(0);
    // No listener is left, so a second Ctrl+C on a real process ends it at once.
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });

  it('sets a failing exit code when the shutdown fails', async () => {
    const source = new EventEmitter();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installSignalHandlers(() => Promise.reject(new Error('disk gone')), source as unknown as SignalSource);
    source.emit('SIGINT', 'SIGINT');
    await sleep(0);
    expect(process.exitCode).toBe(1);
    error.mockRestore();
  });

  it('can be removed before any signal', () => {
    const source = new EventEmitter();
    const uninstall = installSignalHandlers(async () => undefined, source as unknown as SignalSource);
    expect(source.listenerCount('SIGTERM')).toBe(1);
    uninstall();
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  backupDataDir,
  startFaultProxy,
  startInProcessServer,
  startServerProcess,
  type FaultProxy,
  type FaultServer,
  type ServerProcess,
} from './support';

/**
 * The harness of the fault-injection suite proves itself here: every proxy fault does what it
 * says against the real central server, and the child-process server survives kill -9 with its
 * committed data. The fault tests proper build on these guarantees.
 */

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

async function call(base: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const health = (base: string) => call(base, '/api/v1/health');

const enrollBody = (code: string, clientId = crypto.randomUUID()) => ({ enrollmentCode: code, name: 'PC Front Office', clientId });

async function enroll(base: string, code: string, clientId = crypto.randomUUID()) {
  const res = await call(base, '/api/v1/workstations/enroll', enrollBody(code, clientId));
  if (res.status !== 200) throw new Error(`enroll answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { workstationId: res.body['workstationId'] as string, token: res.body['token'] as string, clientId };
}

const pushNothing = (base: string, ws: { token: string; clientId: string }) =>
  call(base, '/api/v1/sync/push', { protocol: 1, clientId: ws.clientId, mutations: [] }, ws.token);

const workstationsOf = (server: FaultServer, clientId: string) =>
  server.query<{ id: string }>('select id from workstations where client_id = $1', [clientId]);

describe('fault proxy in front of the central server', () => {
  let server: FaultServer;
  let proxy: FaultProxy;

  beforeAll(async () => {
    server = await startInProcessServer();
    proxy = await startFaultProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });
  afterEach(() => {
    proxy.clear();
    proxy.partition(false);
  });

  it('forwards requests unchanged and logs them; the server clock starts at TEST_NOW', async () => {
    const res = await health(proxy.url);
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', protocol: 1 } });
    expect(res.body['serverTime']).toMatch(/^2026-11-25T02:0/);
    expect(proxy.log.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/health', outcome: 'forwarded', status: 200 });
  });

  it('a kept-alive connection is reused, and a reset kills it: the next request opens a new one and succeeds', async () => {
    await health(proxy.url);
    const before = proxy.connectionCount;
    await health(proxy.url);
    await health(proxy.url);
    expect(proxy.connectionCount).toBe(before);

    proxy.inject({ kind: 'reset' }, { path: '/api/v1/health' });
    await expect(health(proxy.url)).rejects.toThrow();
    expect(proxy.log.at(-1)).toMatchObject({ outcome: 'reset' });
    expect((await health(proxy.url)).status).toBe(200);
    expect(proxy.connectionCount).toBe(before + 1);
  });

  it('status answers the protocol error body without forwarding, for the matching path and the number of times asked', async () => {
    const code = await server.enrollCode();
    proxy.inject({ kind: 'status', status: 503, code: 'UNAVAILABLE' }, { path: '/api/v1/workstations/enroll', times: 2 });
    expect((await health(proxy.url)).status).toBe(200); // another path: untouched
    for (let i = 0; i < 2; i++) {
      const res = await call(proxy.url, '/api/v1/workstations/enroll', enrollBody(code));
      expect(res).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE' } } });
    }
    // The server never saw them: the single-use code still works.
    await enroll(proxy.url, code);
    expect(proxy.log.slice(-3).map((e) => e.outcome)).toEqual(['status', 'status', 'forwarded']);
  });

  it('status after forwarding: the server commits, the client gets the error', async () => {
    const code = await server.enrollCode();
    const clientId = crypto.randomUUID();
    proxy.inject({ kind: 'status', status: 502, code: 'UNAVAILABLE', afterForward: true });
    const res = await call(proxy.url, '/api/v1/workstations/enroll', enrollBody(code, clientId));
    expect(res).toMatchObject({ status: 502, body: { error: { code: 'UNAVAILABLE' } } });
    expect(await workstationsOf(server, clientId)).toHaveLength(1);
  });

  it('drop-after-forward: the server committed, the client saw only a socket error', async () => {
    const code = await server.enrollCode();
    const clientId = crypto.randomUUID();
    proxy.inject({ kind: 'drop-after-forward' }, { path: /enroll$/ });
    await expect(call(proxy.url, '/api/v1/workstations/enroll', enrollBody(code, clientId))).rejects.toThrow();
    expect(proxy.log.at(-1)).toMatchObject({ outcome: 'dropped', status: 200 });
    expect(await workstationsOf(server, clientId)).toHaveLength(1);
    // Sending it again meets the committed state: the code is spent.
    const again = await call(proxy.url, '/api/v1/workstations/enroll', enrollBody(code, crypto.randomUUID()));
    expect(again).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('reset: the connection is cut before the server sees the request', async () => {
    const code = await server.enrollCode();
    const clientId = crypto.randomUUID();
    proxy.inject({ kind: 'reset' }, { method: 'POST' });
    await expect(call(proxy.url, '/api/v1/workstations/enroll', enrollBody(code, clientId))).rejects.toThrow();
    expect(await workstationsOf(server, clientId)).toHaveLength(0);
    await enroll(proxy.url, code, clientId);
  });

  it('delay: the request is forwarded late, so a later one overtakes it', async () => {
    proxy.inject({ kind: 'delay', ms: 500 });
    const order: string[] = [];
    const arrived = new Promise<void>((resolve) => {
      const off = proxy.onRequest(() => {
        off();
        resolve();
      });
    });
    const slow = health(proxy.url).then((r) => order.push(`slow ${r.status}`));
    await arrived; // the slow one has taken the delay
    await health(proxy.url).then((r) => order.push(`fast ${r.status}`));
    await slow;
    expect(order).toEqual(['fast 200', 'slow 200']);
    expect(proxy.log.at(-1)).toMatchObject({ outcome: 'forwarded', rule: 'delay', status: 200 });
  });

  it('hang: no answer until clear(), which cuts the connection; other requests go through meanwhile', async () => {
    proxy.inject({ kind: 'hang' });
    const hung = health(proxy.url);
    hung.catch(() => undefined);
    await vi.waitFor(() => expect(proxy.log.at(-1)?.outcome).toBe('hung'));
    expect((await health(proxy.url)).status).toBe(200);
    proxy.clear();
    await expect(hung).rejects.toThrow();
  });

  it('partition resets every connection, kept-alive ones included, until it heals', async () => {
    expect((await health(proxy.url)).status).toBe(200);
    const from = proxy.log.length;
    proxy.partition(true);
    // The first attempts may die on kept-alive sockets the partition already cut, never reaching the proxy's handler.
    for (let i = 0; i < 3; i++) await expect(call(proxy.url, '/api/v1/workstations/enroll', enrollBody('XXXX-XXXX'))).rejects.toThrow();
    const during = proxy.log.slice(from).map((e) => e.outcome);
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set(['partitioned']));
    proxy.partition(false);
    expect((await health(proxy.url)).status).toBe(200);
  });

  it('onRequest sees each request with its body before the fault decision, and can be removed', async () => {
    const seen: string[] = [];
    const off = proxy.onRequest((req) => {
      seen.push(`${req.method} ${req.path} ${req.body.length > 0 ? (JSON.parse(req.body.toString()) as { name: string }).name : ''}`.trim());
      // Acting on arrival: this request gets a fault queued by the hook itself.
      if (req.method === 'POST') proxy.inject({ kind: 'status', status: 413, code: 'BATCH_TOO_LARGE' });
    });
    expect((await call(proxy.url, '/api/v1/workstations/enroll', enrollBody('XXXX-XXXX'))).status).toBe(413);
    off();
    await health(proxy.url);
    expect(seen).toEqual(['POST /api/v1/workstations/enroll PC Front Office']);
    expect(proxy.hookErrors).toEqual([]);

    // A hook that throws cuts that request's connection, and the error is kept for the test to see.
    const offBroken = proxy.onRequest(() => {
      throw new Error('broken hook');
    });
    await expect(health(proxy.url)).rejects.toThrow();
    offBroken();
    expect(proxy.hookErrors).toEqual([new Error('broken hook')]);
    proxy.hookErrors.length = 0;
  });

  it('revoking a workstation makes its token answer 403', async () => {
    const ws = await enroll(proxy.url, await server.enrollCode());
    expect((await pushNothing(proxy.url, ws)).status).toBe(200);
    expect(await server.revoke(ws.workstationId)).toEqual({ revoked: true });
    expect(await pushNothing(proxy.url, ws)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('an unreachable server is a socket error at the client, not a 502; retarget points the proxy elsewhere', async () => {
    const other = await startFaultProxy('http://127.0.0.1:1');
    try {
      await expect(health(other.url)).rejects.toThrow();
      expect(other.log.at(-1)).toMatchObject({ outcome: 'upstream-error' });
      other.retarget(server.url);
      expect((await health(other.url)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('setClock moves the server clock, which runs on from there', async () => {
    await server.setClock('2026-12-01T01:00:00Z');
    expect((await health(proxy.url)).body['serverTime']).toMatch(/^2026-12-01T01:0/);
    expect(server.now().toISOString()).toMatch(/^2026-12-01T01:0/);
    await server.setClock('2026-11-25T02:00:00Z');
  });
});

describe('central server as a child process on a PGlite folder', () => {
  let dir: string;
  let server: ServerProcess;
  let proxy: FaultProxy;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kk-fault-infra-'));
    server = await startServerProcess({ dataDir: join(dir, 'server') });
    proxy = await startFaultProxy(server.url);
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    if (server?.running) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 when a request arrives: the client sees a socket error; a restart on the same folder, and a restore from a copy of it, keep the committed data', async () => {
    const early = await enroll(proxy.url, await server.enrollCode());
    const pendingCode = await server.enrollCode();
    let killed: unknown;
    const off = proxy.onRequest(async (req) => {
      if (req.path.endsWith('/enroll')) killed = await server.kill();
    });
    await expect(call(proxy.url, '/api/v1/workstations/enroll', enrollBody(pendingCode))).rejects.toThrow();
    off();
    expect(killed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(proxy.log.at(-1)).toMatchObject({ outcome: 'upstream-error' });
    expect(server.running).toBe(false);
    const clockBefore = server.now();
    backupDataDir(join(dir, 'server'), join(dir, 'backup')); // a backup taken right after the crash

    await server.restart(); // the dead child's folder lock is stale and taken over
    proxy.retarget(server.url);
    expect(await workstationsOf(server, early.clientId)).toEqual([{ id: early.workstationId }]);
    expect((await pushNothing(proxy.url, early)).status).toBe(200);
    // The request the kill interrupted never reached the database: its code is still unspent.
    const late = await enroll(proxy.url, pendingCode);
    expect(server.now().getTime()).toBeGreaterThanOrEqual(clockBefore.getTime());

    const restored = await startServerProcess({ dataDir: join(dir, 'backup') });
    try {
      expect(await workstationsOf(restored, early.clientId)).toHaveLength(1);
      expect(await workstationsOf(restored, late.clientId)).toHaveLength(0);
      const [row] = await restored.query<{ value: string }>(`select value from server_meta where key = 'epoch'`);
      const { previous, epoch } = await restored.newEpoch();
      expect(previous).toBe(row!.value);
      expect(epoch).not.toBe(previous);
    } finally {
      await restored.stop();
    }
    expect(restored.running).toBe(false);
  }, 120_000);
});

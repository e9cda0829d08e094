import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../src-shared/demo';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol';
import { makeTestCore, type TestCore } from '../test-support';
import { checkServerUrl, testConnection } from './connection';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './tls-fixture';

/**
 * The operator's connection test against real sockets: plain HTTP servers that answer as a wrong
 * address would (404, an HTML page, a 500, another protocol), a closed port, a server that never
 * answers, a self-signed certificate. Against the real central server: tests/sync/test-connection.test.ts.
 */
let t: TestCore;
const servers: (http.Server | https.Server)[] = [];

beforeAll(async () => {
  t = await makeTestCore();
});
afterAll(() => t.close());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function listen(server: http.Server | https.Server, scheme = 'http'): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A web server that answers every request with this status, type and body. */
const answering = (status: number, type: string, body: string) =>
  listen(http.createServer((_req, res) => res.writeHead(status, { 'content-type': type }).end(body)));

const health = (protocol: number) => JSON.stringify({ status: 'ok', protocol, serverTime: '2026-11-25T02:00:01.000Z' });
const test = (serverUrl: string, timeoutMs?: number) => testConnection(t.core.ctx, null, { serverUrl }, timeoutMs ? { timeoutMs } : {});

async function answer(serverUrl: string, timeoutMs?: number) {
  const r = await test(serverUrl, timeoutMs);
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
}

describe('workstation-test-connection: what the operator is told', () => {
  it('reaches a server that answers the health document of our protocol', async () => {
    const url = await answering(200, 'application/json', health(PROTOCOL_VERSION));
    const a = await answer(`${url}/`);
    expect(a).toMatchObject({ reachable: true, code: null, serverTime: '2026-11-25T02:00:01.000Z', protocol: PROTOCOL_VERSION });
    expect(a.ms).toBeGreaterThanOrEqual(0);
    expect(a.message).toMatch(/^Server terhubung/);
  });

  it('asks the health route, under the server address given', async () => {
    const paths: string[] = [];
    const url = await listen(http.createServer((req, res) => (paths.push(req.url ?? ''), res.end(health(PROTOCOL_VERSION)))));
    await answer(`${url}/kinerja/`);
    expect(paths).toEqual(['/kinerja/api/v1/health']);
  });

  it('says a closed port cannot be reached: check the address and the network, connection refused', async () => {
    const url = await answering(200, 'text/plain', '');
    await new Promise((done) => servers.pop()!.close(done));
    const a = await answer(url);
    expect(a).toMatchObject({ reachable: false, code: 'SERVER_UNREACHABLE', ms: null, protocol: null, serverTime: null });
    expect(a.message).toMatch(/^Server tidak dapat dihubungi: periksa alamat dan jaringan \(sambungan ditolak.*ECONNREFUSED\)/);
  });

  it('says a name that does not resolve was not found', async () => {
    const a = await answer('http://kinerja-tidak-ada.invalid');
    expect(a.code).toBe('SERVER_UNREACHABLE');
    expect(a.message).toMatch(/periksa alamat dan jaringan \(nama server tidak ditemukan; (ENOTFOUND|EAI_AGAIN)/);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const url = await listen(http.createServer(() => {}));
    const started = Date.now();
    const a = await answer(url, 300);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(a).toMatchObject({ reachable: false, code: 'SERVER_UNREACHABLE' });
    expect(a.message).toContain('(tidak ada jawaban dalam 1 detik)');
  });

  it('names the certificate when the server shows one this PC does not trust', async () => {
    const url = await listen(https.createServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => res.end(health(PROTOCOL_VERSION))), 'https');
    const a = await answer(url);
    expect(a).toMatchObject({ reachable: false, code: 'SERVER_UNREACHABLE' });
    expect(a.message).toMatch(/^Sertifikat keamanan server tidak dapat dipercaya \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('says https failed (not the network) when the server speaks plain http', async () => {
    const url = await answering(200, 'application/json', health(PROTOCOL_VERSION));
    const a = await answer(url.replace('http:', 'https:'));
    expect(a.code).toBe('SERVER_UNREACHABLE');
    expect(a.message).toMatch(/^Sambungan aman \(https\) ke server gagal .*https:\/\/ atau http:\/\//);
  });

  it.each([
    ['a 404', 404, 'text/html', '<h1>Not Found</h1>', /HTTP 404/],
    ['an HTML page', 200, 'text/html', '<!doctype html><title>Portal Pemda</title>', /HTTP 200, text\/html/],
    ['JSON that is not our health document', 200, 'application/json', '{"status":"UP"}', /JSON/],
    ["a proxy's refusal", 403, 'text/html', 'Access denied', /HTTP 403/],
  ])('says the address is not a Kinerja Kiosk server when it answers with %s', async (_what, status, type, body, detail) => {
    const url = await answering(status, type, body);
    const a = await answer(url);
    expect(a).toMatchObject({ reachable: false, code: 'NOT_FOUND', serverTime: null, protocol: null });
    expect(a.ms).not.toBeNull();
    expect(a.message).toMatch(/^Alamat ini bukan server Kinerja Kiosk/);
    expect(a.message).toMatch(detail);
  });

  it('says the server has a problem (UNAVAILABLE) when it answers 5xx', async () => {
    const url = await answering(503, 'application/json', '{"error":{"code":"UNAVAILABLE","message":"db down"}}');
    const a = await answer(url);
    expect(a).toMatchObject({ reachable: false, code: 'UNAVAILABLE' });
    expect(a.message).toMatch(/^Server pusat sedang bermasalah \(HTTP 503\)/);
  });

  it('refuses another protocol version, saying which side must be updated', async () => {
    const newer = await answer(await answering(200, 'application/json', health(PROTOCOL_VERSION + 1)));
    expect(newer).toMatchObject({ reachable: false, code: 'PROTOCOL_UNSUPPORTED', protocol: PROTOCOL_VERSION + 1, serverTime: '2026-11-25T02:00:01.000Z' });
    expect(newer.message).toMatch(/perbarui aplikasi ini/);
    const older = await answer(await answering(200, 'application/json', health(PROTOCOL_VERSION - 1)));
    expect(older).toMatchObject({ code: 'PROTOCOL_UNSUPPORTED', protocol: PROTOCOL_VERSION - 1 });
    expect(older.message).toMatch(/server pusat perlu diperbarui/);
  });

  it.each([
    ['kinerja.pemda.go.id', /tidak valid/],
    ['localhost:8080', /harus diawali http:\/\/ atau https:\/\//],
    ['ftp://kinerja.pemda.go.id', /harus diawali http:\/\/ atau https:\/\//],
    ['http://', /tidak valid/],
    ['https://admin:rahasia@kinerja.pemda.go.id', /nama pengguna, sandi/],
    ['https://kinerja.pemda.go.id/?x=1', /tanda \? atau #/],
  ])('answers VALIDATION without any request for %s', async (serverUrl, message) => {
    let fetched = false;
    const r = await testConnection(t.core.ctx, null, { serverUrl }, { fetch: () => ((fetched = true), Promise.reject(new Error('no'))) });
    expect(r.ok && r.value).toMatchObject({ reachable: false, code: 'VALIDATION', ms: null });
    expect(r.ok && r.value.message).toMatch(message);
    expect(fetched).toBe(false);
  });

  it('accepts http and https addresses with a host, a port and a path', () => {
    for (const url of ['https://kinerja.pemda.go.id', ' http://10.0.0.5:8080/kinerja/ ', 'http://localhost:3000']) {
      expect(checkServerUrl(url)).toEqual({ ok: true, url: url.trim() });
    }
  });
});

describe('workstation-test-connection: who may run it', () => {
  it('lets anyone at a PC that is not enrolled try an address; once enrolled, only an operator', async () => {
    const c = await makeTestCore();
    try {
      const url = await answering(200, 'application/json', health(PROTOCOL_VERSION));
      expect(await c.send('workstation-test-connection', { serverUrl: url })).toMatchObject({ ok: true, value: { reachable: true } });
      c.core.ctx.sqlite.prepare("update sync_state set workstation_id = '0195e3a0-0000-7000-8000-000000000001', server_url = ? where id = 1").run(url);
      expect(await c.send('workstation-test-connection', { serverUrl: url })).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
      const staff = await c.login(DEMO_PEOPLE.staff[0]);
      expect(await c.send('workstation-test-connection', { serverUrl: url }, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const operator = await c.login(DEMO_PEOPLE.operator);
      expect(await c.send('workstation-test-connection', { serverUrl: url }, operator)).toMatchObject({ ok: true, value: { reachable: true } });
    } finally {
      c.close();
    }
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { MAX_PUSH_BYTES, MAX_TEXT, type Mutation } from '../../src-shared/protocol';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../test-support';
import { createEnrollmentCode } from '../workstations/service';

/**
 * Limits an operator relies on (README "Hardening"): body size (KK_BODY_LIMIT), enrollment
 * attempts per address (KK_ENROLL_PER_MINUTE), pushes and pulls per workstation
 * (KK_PUSH_PER_MINUTE, KK_PULL_PER_MINUTE), and request ids that tie a kiosk's report to the log.
 */
function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(res.headers['x-request-id']).toBeTruthy();
}

const ENROLL = '/api/v1/workstations/enroll';
const PUSH = '/api/v1/sync/push';
const PULL = '/api/v1/sync/pull';
const enrollBody = (code: string, name = 'PC Loket') => ({ enrollmentCode: code, name, clientId: crypto.randomUUID() });
const pushBody = (ws: EnrolledWorkstation, mutations: Mutation[] = []) => ({ protocol: 1, clientId: ws.clientId, mutations });

function createEntry(seq: number, description: string): Mutation {
  const actorId = DEMO_PEOPLE.staff[0];
  const minute = seq % 480;
  const at = (m: number) => `${String(7 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return {
    seq,
    id: uuidv7(),
    name: 'entry.create@1',
    actorId,
    clientTime: '2026-11-25T02:00:00.000Z',
    args: {
      entry: {
        id: uuidv7(),
        employeeId: actorId,
        workDate: '2026-11-25',
        startTime: at(minute),
        endTime: at(minute + 1),
        activityId: DEMO.catalog[0]!.id,
        volume: 1,
        description,
        status: 'draft',
      },
    },
  };
}

/** Small limits, so each is reached in a few requests. */
describe('tight limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await makeTestServer({ config: { bodyLimit: 1024, enrollPerMinute: 3, pushPerMinute: 2, pullPerMinute: 2 } });
  });
  afterAll(async () => server?.close());

  it('refuses a body over KK_BODY_LIMIT with 413 BATCH_TOO_LARGE and spends nothing', async () => {
    const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    const tooBig = await server.app.inject({ method: 'POST', url: ENROLL, payload: enrollBody(code, 'P'.repeat(1100)), remoteAddress: '10.0.1.1' });
    expectError(tooBig, 413, 'BATCH_TOO_LARGE');
    // The code was not spent: the same code still enrolls.
    const ok = await server.app.inject({ method: 'POST', url: ENROLL, payload: enrollBody(code), remoteAddress: '10.0.1.1' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('limits enrollment attempts per address with 429 RATE_LIMITED and retry-after', async () => {
    const attempt = (remoteAddress: string, headers: Record<string, string> = {}) =>
      server.app.inject({ method: 'POST', url: ENROLL, payload: enrollBody('WRONG-CODE'), remoteAddress, headers });
    for (let i = 0; i < 3; i++) expectError(await attempt('10.0.2.1'), 401, 'UNAUTHENTICATED');
    const limited = await attempt('10.0.2.1', { 'accept-language': 'en' });
    expectError(limited, 429, 'RATE_LIMITED');
    expect(limited.json().error.message).toBe('Too many requests; it will be retried shortly.');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // X-Forwarded-For is not trusted unless KK_TRUST_PROXY is set: it cannot reset the count.
    expectError(await attempt('10.0.2.1', { 'x-forwarded-for': '203.0.113.9' }), 429, 'RATE_LIMITED');
    // Another address still gets through.
    expectError(await attempt('10.0.2.2'), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['push', PUSH, (ws: EnrolledWorkstation) => pushBody(ws)],
    ['pull', PULL, (ws: EnrolledWorkstation) => ({ protocol: 1, clientId: ws.clientId, cursor: null })],
  ])('limits %s per workstation token, not per address', async (_name, url, body) => {
    const a = await enrollTestWorkstation(server, 'PC A');
    const b = await enrollTestWorkstation(server, 'PC B');
    const call = (ws: EnrolledWorkstation) => server.app.inject({ method: 'POST', url, headers: ws.auth, payload: body(ws), remoteAddress: '10.0.3.1' });
    for (let i = 0; i < 2; i++) expect((await call(a)).statusCode).toBe(200);
    const limited = await call(a);
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Same office address, another workstation: not limited.
    expect((await call(b)).statusCode).toBe(200);
  });
});

describe('realistic limits (defaults)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await makeTestServer({ config: { bodyLimit: MAX_PUSH_BYTES } });
  });
  afterAll(async () => server?.close());

  it('refuses a push over 2 MB with 413 BATCH_TOO_LARGE and applies none of it', async () => {
    const ws = await enrollTestWorkstation(server);
    const mutations = Array.from({ length: 1000 }, (_, i) => createEntry(i + 1, `Menyusun laporan ${i} `.padEnd(MAX_TEXT, '.')));
    const payload = JSON.stringify(pushBody(ws, mutations));
    expect(Buffer.byteLength(payload)).toBeGreaterThan(MAX_PUSH_BYTES);
    const res = await server.app.inject({ method: 'POST', url: PUSH, headers: { ...ws.auth, 'content-type': 'application/json' }, payload });
    expectError(res, 413, 'BATCH_TOO_LARGE');

    // Nothing was applied: the first mutation alone is still seq 1 and applies now.
    const first = await server.app.inject({ method: 'POST', url: PUSH, headers: ws.auth, payload: pushBody(ws, [mutations[0]!]) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results).toMatchObject([{ seq: 1, status: 'applied' }]);
    expect(first.json().lastProcessedSeq).toBe(1);
  });
});

describe('request ids', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await makeTestServer({ demo: false });
  });
  afterAll(async () => server?.close());

  it('puts an x-request-id on every answer, successes and errors alike', async () => {
    const answers = await Promise.all([
      server.app.inject({ method: 'GET', url: '/api/v1/health' }),
      server.app.inject({ method: 'GET', url: '/api/v1/nope' }),
      server.app.inject({ method: 'POST', url: ENROLL, headers: { 'content-type': 'application/json' }, payload: '{' }),
      server.app.inject({ method: 'POST', url: PUSH, payload: {} }),
      server.app.inject({ method: 'GET', url: '/api/v1/updates/stable/latest.yml' }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 400, 401, 404]);
    const ids = answers.map((r) => r.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('echoes a sane incoming x-request-id, so a kiosk retry can be followed in the log', async () => {
    for (const given of ['kiosk-0123456789', '0197a3b2-1c2d-7e8f-9a0b-1c2d3e4f5a6b', 'A.b_c-d.12345678']) {
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).toBe(given);
    }
  });

  it('replaces an odd incoming x-request-id', async () => {
    for (const given of ['short', 'x'.repeat(65), 'has spaces in it', '<script>alert(1)</script>', 'id\u00e9-unicode-123', 'a/b/c/d/e/f/g/h']) {
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': given } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage, type ErrorCode } from '../../src-shared/errors';
import { openDatabase } from '../db/client';
import { buildServer } from '../server';
import { makeTestDatabase, makeTestServer, TEST_NOW, testConfig, type TestServer } from '../test-support';
import { buildApp } from './app';

/** Tests that make their own database need more than the default 20 s on a loaded machine (hooks have 60 s). */
const SETUP_MS = 60_000;

/**
 * What a client gets when things go wrong: always `{error:{code, message}}` with the status of
 * PROTOCOL.md "Errors", a request id, the message in the asked language, and never a stack trace.
 */
function expectError(res: LightMyRequestResponse, status: number, code: ErrorCode): { code: string; message: string; detail?: string } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['x-request-id']).toBeTruthy();
  const body = res.json() as { error: { code: string; message: string; detail?: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\{\w+\}/);
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+|stack|node_modules/);
  return body.error;
}

let server: TestServer;
beforeAll(async () => {
  server = await makeTestServer();
});
afterAll(async () => server?.close());

const enroll = (payload: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/api/v1/workstations/enroll', headers: { 'content-type': 'application/json', ...headers }, payload });

describe('malformed requests', () => {
  it('answers malformed JSON with 400 VALIDATION', async () => {
    const error = expectError(await enroll('{"enrollmentCode": "ABCD-'), 400, 'VALIDATION');
    expect(error.message).toBe(errorMessage('VALIDATION', { field: 'body' }));
  });

  it('answers an empty, null, array or prototype-poisoning body with 400 VALIDATION', async () => {
    for (const payload of ['', 'null', '[]', '"text"', '{"__proto__": {"admin": true}, "name": "x"}']) {
      expectError(await enroll(payload), 400, 'VALIDATION');
    }
  });

  it('names the offending field', async () => {
    const error = expectError(await enroll(JSON.stringify({ enrollmentCode: 'X', name: 'PC', clientId: 'not-a-uuid' })), 400, 'VALIDATION');
    expect(error.message).toContain('clientId');
  });

  it('answers a body that is not JSON with 415 VALIDATION', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expectError(await enroll('enrollmentCode=ABCD', { 'content-type': type }), 415, 'VALIDATION');
    }
  });

  it('answers unknown routes and wrong methods with 404 NOT_FOUND', async () => {
    expectError(await server.app.inject({ method: 'GET', url: '/api/v1/nope' }), 404, 'NOT_FOUND');
    expectError(await server.app.inject({ method: 'GET', url: '/api/v1/workstations/enroll' }), 404, 'NOT_FOUND');
    expectError(await server.app.inject({ method: 'DELETE', url: '/api/v1/health' }), 404, 'NOT_FOUND');
    expectError(await server.app.inject({ method: 'GET', url: '/' }), 404, 'NOT_FOUND');
  });
});

describe('language of the message', () => {
  it('answers in Indonesian by default and in English for Accept-Language: en', async () => {
    const url = '/api/v1/nope';
    const id = expectError(await server.app.inject({ method: 'GET', url }), 404, 'NOT_FOUND');
    expect(id.message).toBe(errorMessage('NOT_FOUND', undefined, 'id'));
    for (const lang of ['en', 'en-US,en;q=0.9', 'EN-gb']) {
      const en = expectError(await server.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } }), 404, 'NOT_FOUND');
      expect(en.message).toBe('Not found.');
    }
    const fr = expectError(await server.app.inject({ method: 'GET', url, headers: { 'accept-language': 'fr-FR' } }), 404, 'NOT_FOUND');
    expect(fr.message).toBe(id.message);

    const bad = expectError(await enroll('{', { 'accept-language': 'en' }), 400, 'VALIDATION');
    expect(bad.message).toBe('Invalid input: body.');
  });
});

describe('internal errors', () => {
  it('answers a bug with 500 INTERNAL and no stack, message or detail of the error', async () => {
    const app = await buildApp({ db: server.db, config: testConfig(), now: () => TEST_NOW }, [
      (a) => {
        a.get('/test/bug', async () => {
          throw new Error('boom in /srv/kinerja/secret.ts with password hunter2');
        });
        a.get('/test/type-error', async () => (null as unknown as { x: number }).x);
      },
    ]);
    try {
      for (const url of ['/test/bug', '/test/type-error']) {
        const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
        const error = expectError(res, 500, 'INTERNAL');
        expect(error.message).toBe(errorMessage('INTERNAL', undefined, 'en'));
        expect(error.detail).toBeUndefined();
        expect(res.body).not.toMatch(/boom|hunter2|secret\.ts|null/);
      }
    } finally {
      await app.close();
    }
  });

  it('answers 503 UNAVAILABLE when the database is closed underneath a running server', async () => {
    const database = await makeTestDatabase();
    const app = await buildServer({ db: database.db, config: testConfig(), now: () => TEST_NOW });
    await database.close();
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/workstations/enroll',
        payload: { enrollmentCode: 'ABCD-EFGH', name: 'PC Loket', clientId: crypto.randomUUID() },
      });
      expectError(res, 503, 'UNAVAILABLE');
      const pull = await app.inject({
        method: 'POST',
        url: '/api/v1/sync/pull',
        headers: { authorization: `Bearer ${'a'.repeat(43)}` },
        payload: { protocol: 1, clientId: crypto.randomUUID(), cursor: null },
      });
      expectError(pull, 503, 'UNAVAILABLE');
    } finally {
      await app.close();
    }
  }, SETUP_MS);

  it('answers 503 UNAVAILABLE when the PostgreSQL server cannot be reached', async () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const database = await openDatabase({ kind: 'postgres', url: 'postgres://kk@127.0.0.1:1/kk', poolMax: 1 });
    const app = await buildServer({ db: database.db, config: testConfig(), now: () => TEST_NOW });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/workstations/enroll',
        payload: { enrollmentCode: 'ABCD-EFGH', name: 'PC Loket', clientId: crypto.randomUUID() },
        headers: { 'accept-language': 'en' },
      });
      expect(expectError(res, 503, 'UNAVAILABLE').message).toBe(errorMessage('UNAVAILABLE', undefined, 'en'));
    } finally {
      await app.close();
      await database.close();
    }
  });
});

import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import type { Database } from '../db/client';
import { hashPin } from '../employees/pin';
import { buildServer } from '../server';
import { makeTestDatabase, TEST_NOW, testConfig } from '../test-support';
import { createEnrollmentCode } from '../workstations/service';
import { hashSecret, normalizeEnrollmentCode } from '../workstations/tokens';
import { buildApp, loggerOptions } from './app';

/**
 * The server log at debug level, captured in memory, after a workstation's whole life: enrolling
 * with a code, pushing a PIN change, pulling (the answer carries PIN hashes), failing a query whose
 * parameters are secrets, and a careless route that logs a whole request. No line may carry the
 * bearer token, the enrollment code or the PIN hash, nor the hashes the server keeps of them.
 */
const lines: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});
const logger = { ...(loggerOptions({ logLevel: 'debug' }) as Exclude<FastifyServerOptions['logger'], boolean | undefined>), stream };

let database: Database;
let server: FastifyInstance;
let careless: FastifyInstance;
const secrets: Record<string, string> = {};

beforeAll(async () => {
  database = await makeTestDatabase({ demo: true });
  const deps = { db: database.db, config: testConfig({ logLevel: 'debug' }), now: () => TEST_NOW };
  server = await buildServer(deps, { logger });
  careless = await buildApp(deps, [
    (app) => {
      app.post('/test/log-everything', async (request) => {
        request.log.debug({ body: request.body, headers: request.headers }, 'whole request');
        return { ok: true };
      });
      app.post('/test/failing-query', async (request) => {
        const { a, b } = request.body as { a: string; b: string };
        await database.db.execute(sql`select * from no_such_table where a = ${a} and b = ${b}`);
        return { ok: true };
      });
    },
  ], { logger });
});

afterAll(async () => {
  await server?.close();
  await careless?.close();
  await database?.close();
});

describe('the log keeps secrets out', () => {
  it('writes no token, enrollment code or PIN hash in any line', async () => {
    const { code } = await createEnrollmentCode(database.db, DEMO.unit.code, TEST_NOW);
    const clientId = crypto.randomUUID();
    const enrolled = await server.inject({ method: 'POST', url: '/api/v1/workstations/enroll', payload: { enrollmentCode: code.toLowerCase(), name: 'PC Loket', clientId } });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const token = enrolled.json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    const again = await server.inject({ method: 'POST', url: '/api/v1/workstations/enroll', payload: { enrollmentCode: code, name: 'PC Lain', clientId: crypto.randomUUID() } });
    expect(again.statusCode).toBe(401);

    const actorId = DEMO_PEOPLE.staff[0];
    const pinHash = await hashPin('482916');
    const push = {
      protocol: 1,
      clientId,
      mutations: [{ seq: 1, id: uuidv7(), name: 'employee.changePin@1', args: { employeeId: actorId, pinHash }, actorId, clientTime: TEST_NOW.toISOString() }],
    };
    const pushed = await server.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth, payload: push });
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(pushed.json().results[0].status).toBe('applied');
    const pulled = await server.inject({ method: 'POST', url: '/api/v1/sync/pull', headers: auth, payload: { protocol: 1, clientId, cursor: null } });
    expect(pulled.statusCode, pulled.body).toBe(200);
    expect(pulled.body).toContain(pinHash); // the answer carries it; the log must not
    expect((await server.inject({ method: 'GET', url: '/api/v1/health', headers: auth })).statusCode).toBe(200);

    expect((await careless.inject({ method: 'POST', url: '/test/log-everything', headers: auth, payload: push })).statusCode).toBe(200);
    const enrollBody = { enrollmentCode: code, name: 'PC', clientId, token, pinHash };
    expect((await careless.inject({ method: 'POST', url: '/test/log-everything', headers: auth, payload: enrollBody })).statusCode).toBe(200);
    const failed = await careless.inject({ method: 'POST', url: '/test/failing-query', payload: { a: pinHash, b: token } });
    expect(failed.statusCode).toBe(500);

    Object.assign(secrets, {
      token,
      tokenHash: hashSecret(token),
      code,
      codeLower: code.toLowerCase(),
      codeNormalized: normalizeEnrollmentCode(code),
      codeHash: hashSecret(normalizeEnrollmentCode(code)),
      pinHash,
      pinSalt: pinHash.split('$')[4]!,
      pinKey: pinHash.split('$')[5]!,
    });
    const log = lines.join('\n');
    for (const [name, value] of Object.entries(secrets)) expect(log.includes(value), `${name} appears in the log`).toBe(false);
  });

  it('still logs what an operator needs: requests, ids, the failing query text and the redaction marks', async () => {
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.filter((e) => e['msg'] === 'incoming request').length).toBeGreaterThanOrEqual(8);
    expect(entries.every((e) => typeof e['reqId'] === 'string' || e['reqId'] === undefined)).toBe(true);
    expect(entries.some((e) => e['msg'] === 'workstation enrolled')).toBe(true);
    const failure = entries.find((e) => e['msg'] === 'unexpected error') as { err: { message: string; stack: string; cause?: { message: string } } } | undefined;
    expect(failure?.err.message).toContain('select * from no_such_table where a = $1 and b = $2');
    expect(failure?.err.cause?.message).toMatch(/no_such_table/);
    expect(failure?.err.stack).toMatch(/\n\s+at /);
    const whole = entries.filter((e) => e['msg'] === 'whole request');
    expect(whole).toHaveLength(2);
    expect(JSON.stringify(whole)).toContain('[redacted]');
  });
});

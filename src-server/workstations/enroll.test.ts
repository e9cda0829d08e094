import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src-shared/demo';
import { makeTestServer, type TestServer } from '../test-support';
import { createEnrollmentCode } from './service';

let server: TestServer;
beforeAll(async () => {
  server = await makeTestServer();
});
afterAll(async () => server.close());

const enrollBody = (enrollmentCode: string, clientId: string = crypto.randomUUID()) => ({ enrollmentCode, name: 'PC Ruang Rapat', clientId });
const enrollWith = (payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/workstations/enroll', payload });

describe('health and enrollment (happy path)', () => {
  it('answers health with the protocol and the server time', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', protocol: 1, serverTime: server.clock.now.toISOString() });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('enrolls a workstation with a fresh code typed in lower case with spaces, and answers its unit and a token', async () => {
    const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    const res = await enrollWith(enrollBody(` ${code.toLowerCase().replace(/-/g, ' ')} `));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unitId).toBe(DEMO.unit.id);
    expect(body.token.length).toBeGreaterThanOrEqual(43);
  });
});

describe('enrollment (errors)', () => {
  it('a used code, an expired code and an unknown code are 401 UNAUTHENTICATED', async () => {
    const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    expect((await enrollWith(enrollBody(code))).statusCode).toBe(200);
    const reused = await enrollWith(enrollBody(code));
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('UNAUTHENTICATED');

    const old = await createEnrollmentCode(server.db, DEMO.unit.code, new Date(server.clock.now.getTime() - 24 * 3600_000 - 1));
    expect((await enrollWith(enrollBody(old.code))).statusCode).toBe(401);
    expect((await enrollWith(enrollBody('AAAA-BBBB-CCCC'))).statusCode).toBe(401);
  });

  it('a clientId already bound to an active workstation (a copied database) is 409 and leaves the code unspent', async () => {
    const first = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    const clientId = crypto.randomUUID();
    expect((await enrollWith(enrollBody(first.code, clientId))).statusCode).toBe(200);
    const second = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    const copy = await enrollWith(enrollBody(second.code, clientId));
    expect(copy.statusCode).toBe(409);
    expect(copy.json().error.code).toBe('REENROLL_REQUIRED');
    expect((await enrollWith(enrollBody(second.code))).statusCode).toBe(200);
  });

  it('a missing field is 400 VALIDATION naming it', async () => {
    const res = await enrollWith({ name: 'PC', clientId: crypto.randomUUID() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'enrollmentCode' });
  });
});

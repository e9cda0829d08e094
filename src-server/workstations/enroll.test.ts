import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src-shared/demo';
import { makeTestServer, type TestServer } from '../test-support';
import { createEnrollmentCode } from './service';

let server: TestServer;
afterEach(async () => server?.close());

describe('health and enrollment (happy path)', () => {
  it('answers health with the protocol and the server time', async () => {
    server = await makeTestServer({ demo: false });
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', protocol: 1, serverTime: server.clock.now.toISOString() });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('enrolls a workstation with a fresh code and answers its unit and a token', async () => {
    server = await makeTestServer();
    const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/workstations/enroll',
      payload: { enrollmentCode: code.toLowerCase(), name: 'PC Ruang Rapat', clientId: crypto.randomUUID() },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unitId).toBe(DEMO.unit.id);
    expect(body.token.length).toBeGreaterThanOrEqual(43);
  });
});

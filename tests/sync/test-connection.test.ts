import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { PROTOCOL_VERSION } from '../../src-shared/protocol';
import { makeTestCore, type TestCore } from '../../src-main/core/test-support';
import { makeTestServer, TEST_NOW, type TestServer } from '../../src-server/test-support';
import { createEnrollmentCode } from '../../src-server/workstations/service';

/**
 * "Uji koneksi" against the real central server (PGlite, in process) over HTTP: the answer the
 * setup screen shows before enrolling, and the operator-only rule once the PC is enrolled.
 * The failures (closed port, 404, HTML, 5xx, TLS …): src-main/core/diagnostics/connection.test.ts.
 */
let server: TestServer;
let url: string;
let t: TestCore;

beforeAll(async () => {
  server = await makeTestServer({ config: { logLevel: 'error' } });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  t = await makeTestCore({ seed: false });
});
afterAll(async () => {
  t.close();
  await server.close();
});

describe('workstation-test-connection against the central server', () => {
  it('reaches it before enrollment, with its clock and protocol, then only for an operator', async () => {
    const before = await t.call('workstation-test-connection', { serverUrl: `${url}/` });
    expect(before).toMatchObject({ reachable: true, code: null, protocol: PROTOCOL_VERSION, serverTime: TEST_NOW.toISOString() });
    expect(before.ms).toBeGreaterThanOrEqual(0);

    const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    await t.call('workstation-enroll', { serverUrl: url, enrollmentCode: code, name: 'PC Depan' });
    expect(await t.send('workstation-test-connection', { serverUrl: url })).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    // The first pull brought the unit's people, so they can log in on this PC now.
    const staff = await t.login(DEMO_PEOPLE.staff[0]);
    expect(await t.send('workstation-test-connection', { serverUrl: url }, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const operator = await t.login(DEMO_PEOPLE.operator);
    expect(await t.call('workstation-test-connection', { serverUrl: url }, operator)).toMatchObject({ reachable: true, protocol: PROTOCOL_VERSION });
  });

  it('says a path that is not the server is not a Kinerja Kiosk server (the real 404)', async () => {
    const operator = await t.login(DEMO_PEOPLE.operator);
    const a = await t.call('workstation-test-connection', { serverUrl: `${url}/bukan-ini` }, operator);
    expect(a).toMatchObject({ reachable: false, code: 'NOT_FOUND' });
    expect(a.message).toMatch(/^Alamat ini bukan server Kinerja Kiosk \(HTTP 404\)/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import { readEpoch, startNewEpoch } from '../../db/sync-scope';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { encodeCursor } from './cursor';
import { insertEntries, pullPage, Replica } from './test-support';

/** Errors of the pull, and the cursors it cannot honour: those answer a reset, never an error. */
describe('pull (errors)', () => {
  let server: TestServer;
  let ws: EnrolledWorkstation;
  let fromNull: number;
  beforeAll(async () => {
    server = await makeTestServer();
    ws = await enrollTestWorkstation(server);
    await insertEntries(server.db, DEMO.unit.id, [{ employeeId: DEMO.employees[4]!.id }], server.clock.now);
    fromNull = (await pullPage(server, ws, null)).changes.length;
  });
  afterAll(() => server.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: '/api/v1/sync/pull', headers: { ...ws.auth, ...headers }, payload: payload as object });

  it.each([0, 5001, 1.5, '10', -1])('refuses limit %j with 400 VALIDATION naming the field', async (limit) => {
    const res = await post({ protocol: 1, clientId: ws.clientId, cursor: null, limit });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });

  it('accepts the limits at the edges', async () => {
    for (const limit of [1, 5000]) expect((await post({ protocol: 1, clientId: ws.clientId, cursor: null, limit })).statusCode).toBe(200);
  });

  it('refuses a body without cursor or clientId, or not JSON, with 400 VALIDATION', async () => {
    expect((await post({ protocol: 1, clientId: ws.clientId })).json().error).toMatchObject({ code: 'VALIDATION', field: 'cursor' });
    expect((await post({ protocol: 1, cursor: null })).json().error).toMatchObject({ code: 'VALIDATION', field: 'clientId' });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/sync/pull', headers: { ...ws.auth, 'content-type': 'application/json' }, payload: '{' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('answers 409 PROTOCOL_UNSUPPORTED for another protocol, before looking at the rest of the body', async () => {
    const res = await post({ protocol: 2, clientId: 'not-a-uuid', cursor: 12, limit: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROTOCOL_UNSUPPORTED');
  });

  it('answers in English when asked', async () => {
    const res = await post({ protocol: 1, clientId: ws.clientId, cursor: null, limit: 0 }, { 'accept-language': 'en' });
    expect(res.json().error.message).toMatch(/[a-z]/i);
    expect(res.json().error.message).not.toBe((await post({ protocol: 1, clientId: ws.clientId, cursor: null, limit: 0 })).json().error.message);
  });

  it.each([
    ['text that is no cursor', 'not a cursor!'],
    ['base64 that is no JSON', Buffer.from('hello').toString('base64url')],
    ['a cursor of a future format', Buffer.from(JSON.stringify({ f: 2, e: 'x', u: DEMO.unit.id, g: 0, v: 0 })).toString('base64url')],
    ['a cursor with a negative position', Buffer.from(JSON.stringify({ f: 1, e: 'x', u: DEMO.unit.id, g: -1, v: 0 })).toString('base64url')],
    ['an overlong cursor', 'A'.repeat(10_000)],
  ])('answers a reset from the beginning for %s', async (_what, cursor) => {
    const page = await pullPage(server, ws, cursor);
    expect(page).toMatchObject({ reset: true, hasMore: false });
    expect(page.changes.length).toBe(fromNull);
    const after = await pullPage(server, ws, page.cursor);
    expect(after).toMatchObject({ reset: false, changes: [] });
  });

  it('answers a reset for a cursor ahead of the counters (a database restored without a new epoch)', async () => {
    const epoch = await readEpoch(server.db);
    for (const ahead of [{ global: 10_000, unit: 0 }, { global: 0, unit: 10_000 }]) {
      const page = await pullPage(server, ws, encodeCursor({ epoch, unitId: DEMO.unit.id, ...ahead }));
      expect(page.reset).toBe(true);
      expect(page.changes.length).toBe(fromNull);
    }
  });

  it('answers a reset after a new epoch, and the workstation ends up holding the same rows', async () => {
    const replica = new Replica();
    await replica.sync(server, ws, 50);
    const before = new Map(replica.rows);
    await startNewEpoch(server.db);
    const pages = await replica.sync(server, ws, 50);
    expect(pages[0]!.reset).toBe(true);
    expect(pages.slice(1).every((p) => !p.reset)).toBe(true);
    expect(replica.rows).toEqual(before);
    expect(await pullPage(server, ws, replica.cursor)).toMatchObject({ reset: false, changes: [] });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import { entries, syncClients } from '../../db/schema';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { revokeWorkstation } from '../../workstations/service';
import { push, pushOk, TestOutbox } from './fixtures';

let server: TestServer;
beforeAll(async () => {
  server = await makeTestServer();
});
afterAll(async () => server.close());

/** A fresh workstation per test keeps seqs independent. */
async function fresh(): Promise<{ ws: EnrolledWorkstation; box: TestOutbox }> {
  const ws = await enrollTestWorkstation(server, `PC ${Math.random().toString(36).slice(2, 6)}`);
  return { ws, box: new TestOutbox(ws) };
}
const entryCount = async (id: string) => (await server.db.select({ id: entries.id }).from(entries).where(eq(entries.id, id))).length;
const lastSeq = async (ws: EnrolledWorkstation) =>
  (await server.db.select().from(syncClients).where(eq(syncClients.clientId, ws.clientId)))[0]!.lastSeq;

describe('push: bad requests are refused whole, with their documented code', () => {
  it('malformed JSON is 400 VALIDATION', async () => {
    const { ws } = await fresh();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { ...ws.auth, 'content-type': 'application/json' },
      payload: '{"protocol":1,"clientId":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('wrong types are 400 VALIDATION naming the field', async () => {
    const { ws } = await fresh();
    const res = await push(server, ws, [], { mutations: 'none' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'mutations' });
  });

  it('an unsupported protocol is 409 PROTOCOL_UNSUPPORTED before the body is read', async () => {
    const { ws, box } = await fresh();
    const m = box.create(E.siti);
    const res = await push(server, ws, [m], { protocol: 2, clientId: 'not-a-uuid' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PROTOCOL_UNSUPPORTED');
    expect(await entryCount(m.entryId)).toBe(0);
  });

  it('more than 1,000 mutations is 413 BATCH_TOO_LARGE and nothing is applied', async () => {
    const { ws, box } = await fresh();
    const ms = Array.from({ length: 1001 }, (_, i) => box.create(E.siti, { startTime: '08:00', endTime: '09:00', description: `Konsep surat nomor ${i} untuk rapat` }));
    const res = await push(server, ws, ms);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BATCH_TOO_LARGE');
    expect(await entryCount(ms[0]!.entryId)).toBe(0);
  });

  it('seqs out of order are 400 VALIDATION', async () => {
    const { ws, box } = await fresh();
    const a = box.create(E.siti);
    const b = box.create(E.siti, { startTime: '09:00', endTime: '10:00' });
    const res = await push(server, ws, [b, a]);
    expect(res.status).toBe(400);
    expect(await entryCount(a.entryId)).toBe(0);
  });

  it('unknown or malformed tokens are 401; a revoked workstation is 403; nothing is applied', async () => {
    const { ws, box } = await fresh();
    const m = box.create(E.siti);
    expect((await push(server, { ...ws, auth: { authorization: 'Bearer ' + 'x'.repeat(43) } }, [m])).status).toBe(401);
    expect((await push(server, { ...ws, auth: { authorization: 'Basic abc' } }, [m])).status).toBe(401);
    await revokeWorkstation(server.db, ws.workstationId, server.clock.now);
    const res = await push(server, ws, [m]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await entryCount(m.entryId)).toBe(0);
  });

  it("another workstation's clientId is 409 REENROLL_REQUIRED", async () => {
    const { ws, box } = await fresh();
    const other = await fresh();
    const res = await push(server, ws, [box.create(E.siti)], { clientId: other.ws.clientId });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REENROLL_REQUIRED');
  });

  it('a restored database replaying a processed seq with other content is 409 REENROLL_REQUIRED, nothing applied', async () => {
    const { ws, box } = await fresh();
    const a = box.create(E.siti, { startTime: '07:30', endTime: '08:00' });
    await pushOk(server, ws, [a]);
    // The restored file re-numbers a different mutation as seq 1, then queues a new one.
    const forked = new TestOutbox(ws).create(E.siti, { startTime: '13:00', endTime: '14:00' });
    const next = box.create(E.siti, { startTime: '14:00', endTime: '15:00' });
    const res = await push(server, ws, [forked, next]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REENROLL_REQUIRED');
    expect(await entryCount(forked.entryId)).toBe(0);
    expect(await entryCount(next.entryId)).toBe(0);
    // Same id, edited content: also a fork.
    const edited = { ...a, args: { entry: { ...(a.args as { entry: object }).entry, volume: 9 } } };
    expect((await push(server, ws, [edited])).status).toBe(409);
  });
});

describe('push: a mutation sent again under a new clientId (re-enrolled after a fork)', () => {
  it('is answered as the first time and applied once; other content under the same id is refused', async () => {
    const first = await fresh();
    const made = first.box.create(E.siti, { startTime: '13:00', endTime: '13:30', status: 'draft' });
    const submit = first.box.next('entry.submit@1', { entryId: made.entryId, baseRev: 1 }, E.siti);
    expect((await pushOk(server, first.ws, [made, submit])).results.map((r) => [r.status, r.rev])).toEqual([
      ['applied', 1],
      ['applied', 2],
    ]);
    // The same PC, restored and re-enrolled: what was pending is renumbered from 1 and sent again.
    const again = await fresh();
    const resent = [
      { ...made, seq: 1 },
      { ...submit, seq: 2 },
      { ...again.box.create(E.siti, { startTime: '14:00', endTime: '14:30' }), seq: 3, id: made.id },
    ];
    const result = await pushOk(server, again.ws, resent);
    expect(result.results.map((r) => [r.status, r.code, r.rev])).toEqual([
      ['applied', undefined, 1],
      ['applied', undefined, 2],
      ['rejected', 'VALIDATION', undefined],
    ]);
    expect(result.lastProcessedSeq).toBe(3);
    expect(await entryCount(made.entryId)).toBe(1);
    const [row] = await server.db.select().from(entries).where(eq(entries.id, made.entryId));
    expect(row).toMatchObject({ rev: 2, status: 'submitted' });
  });
});

describe('push: a mutation that cannot apply is answered and consumes its seq; its neighbours still apply', () => {
  it('unknown names, bad args and reused mutation ids are rejected VALIDATION', async () => {
    const { ws, box } = await fresh();
    const good = box.create(E.siti, { startTime: '08:00', endTime: '08:30' });
    const unknown = box.next('entry.archive@1', { entryId: good.entryId }, E.siti);
    const tooLong = box.create(E.siti, { startTime: '09:00', endTime: '09:30', description: 'x'.repeat(2001) });
    const reused = { ...box.create(E.siti, { startTime: '10:00', endTime: '10:30' }), id: good.id };
    const after = box.create(E.siti, { startTime: '11:00', endTime: '11:30' });
    const result = await pushOk(server, ws, [good, unknown, tooLong, reused, after]);
    expect(result.results.map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'VALIDATION'],
      ['rejected', 'VALIDATION'],
      ['rejected', 'VALIDATION'],
      ['applied', undefined],
    ]);
    expect(result.lastProcessedSeq).toBe(after.seq);
    expect(await entryCount(tooLong.entryId)).toBe(0);
    expect(await entryCount(reused.entryId)).toBe(0);
    expect(await lastSeq(ws)).toBe(after.seq);
    expect(result.results[1]!.message).toMatch(/tidak valid/);
  });

  it('domain rules answer their own codes: future date, missing note, stale revision, unknown entry', async () => {
    const { ws, box } = await fresh();
    const future = box.create(E.siti, { workDate: '2026-11-26' });
    const base = box.create(E.yohanes, { startTime: '13:00', endTime: '14:00' });
    const noNote = box.next('entry.review@1', { entryId: base.entryId, rev: 1, decision: 'reject', note: '  ' }, E.ahmad);
    const stale = box.next('entry.review@1', { entryId: base.entryId, rev: 7, decision: 'approve' }, E.ahmad);
    const missing = box.next('entry.submit@1', { entryId: crypto.randomUUID(), baseRev: 1 }, E.siti);
    const result = await pushOk(server, ws, [future, base, noNote, stale, missing]);
    expect(result.results.map((r) => [r.status, r.code ?? null, r.rev ?? null])).toEqual([
      ['rejected', 'DATE_IN_FUTURE', null],
      ['applied', null, 1],
      ['rejected', 'NOTE_REQUIRED', null],
      ['conflict', 'STALE_REVISION', 1],
      ['rejected', 'NOT_FOUND', null],
    ]);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import { entries, mutationResults, syncClients } from '../../db/schema';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { ACTIVITY, pushOk, TestOutbox } from './fixtures';

let server: TestServer;
let ws: EnrolledWorkstation;
let outbox: TestOutbox;

beforeAll(async () => {
  server = await makeTestServer();
  ws = await enrollTestWorkstation(server);
  outbox = new TestOutbox(ws);
});
afterAll(async () => server.close());

const entryRow = async (id: string) => (await server.db.select().from(entries).where(eq(entries.id, id)))[0];

describe('push: the life of an entry (happy path)', () => {
  it('creates an entry with derived minutes, the workstation and the client clock', async () => {
    const m = outbox.create(E.siti, { volume: 1 }, '2026-11-25T01:59:00.000Z');
    const result = await pushOk(server, ws, [m]);
    expect(result.results).toEqual([{ seq: m.seq, id: m.id, status: 'applied', rev: 1 }]);
    expect(result.lastProcessedSeq).toBe(m.seq);
    const row = await entryRow(m.entryId);
    expect(row).toMatchObject({
      employeeId: E.siti,
      status: 'submitted',
      rev: 1,
      minutes: 60,
      creditedMinutes: 30, // rule 7: one surat earns its 30-minute norm
      outputUnit: ACTIVITY.outputUnit,
      workstationId: ws.workstationId,
      flags: [],
    });
    expect(row!.createdAt.toISOString()).toBe('2026-11-25T01:59:00.000Z');
    expect(row!.receivedAt.toISOString()).toBe(server.clock.now.toISOString());
  });

  it('updates a draft, sends it, and the direct supervisor approves it; approved entries are locked', async () => {
    const create = outbox.create(E.yohanes, { status: 'draft', startTime: '09:00', endTime: '10:00' });
    const update = outbox.next('entry.update@1', { entryId: create.entryId, baseRev: 1, changes: { volume: 3, description: 'Tiga konsep surat undangan rapat' } }, E.yohanes);
    const submit = outbox.next('entry.submit@1', { entryId: create.entryId, baseRev: 2 }, E.yohanes);
    const approve = outbox.next('entry.review@1', { entryId: create.entryId, rev: 3, decision: 'approve' }, E.ahmad);
    const edit = outbox.next('entry.update@1', { entryId: create.entryId, baseRev: 4, changes: { volume: 1 } }, E.yohanes);
    const result = await pushOk(server, ws, [create, update, submit, approve, edit]);
    expect(result.results.map((r) => [r.status, r.code, r.rev])).toEqual([
      ['applied', undefined, 1],
      ['applied', undefined, 2],
      ['applied', undefined, 3],
      ['applied', undefined, 4],
      ['conflict', 'ENTRY_LOCKED', 4],
    ]);
    expect(await entryRow(create.entryId)).toMatchObject({ status: 'approved', rev: 4, volume: 3, creditedMinutes: 60, reviewerId: E.ahmad });
  });

  it('returns with a note, the owner fixes and resends, and a draft can be deleted (a tombstone stays)', async () => {
    const create = outbox.create(E.rahmawati, { startTime: '10:00', endTime: '11:00' });
    const ret = outbox.next('entry.review@1', { entryId: create.entryId, rev: 1, decision: 'return', note: 'Lengkapi nomor surat' }, E.ahmad);
    const fix = outbox.next('entry.update@1', { entryId: create.entryId, baseRev: 2, changes: { evidenceNote: 'No. 800/123/2026' } }, E.rahmawati);
    const resend = outbox.next('entry.submit@1', { entryId: create.entryId, baseRev: 3 }, E.rahmawati);
    const draft = outbox.create(E.rahmawati, { status: 'draft', startTime: '13:00', endTime: '14:00' });
    const del = outbox.next('entry.delete@1', { entryId: draft.entryId, baseRev: 1 }, E.rahmawati);
    const result = await pushOk(server, ws, [create, ret, fix, resend, draft, del]);
    expect(result.results.every((r) => r.status === 'applied')).toBe(true);
    expect(await entryRow(create.entryId)).toMatchObject({ status: 'submitted', rev: 4, reviewNote: 'Lengkapi nomor surat', evidenceNote: 'No. 800/123/2026' });
    expect(await entryRow(draft.entryId)).toMatchObject({ deleted: true });
  });

  it('changes a PIN: the new hash is stored and the first-login mark cleared', async () => {
    const hash = `scrypt$16384$8$1$${Buffer.alloc(16, 7).toString('base64url')}$${Buffer.alloc(32, 9).toString('base64url')}`;
    const m = outbox.next('employee.changePin@1', { employeeId: E.dimas, pinHash: hash }, E.dimas);
    expect((await pushOk(server, ws, [m])).results[0]).toMatchObject({ status: 'applied' });
    const row = await server.db.query.employees.findFirst({ where: (t, { eq: is }) => is(t.id, E.dimas) });
    expect(row).toMatchObject({ pinHash: hash, mustChangePin: false });
  });
});

describe('push: exactly once', () => {
  it('answers a replayed batch from the stored results and applies nothing twice', async () => {
    const a = outbox.create(E.dimas, { startTime: '14:00', endTime: '15:00' });
    const b = outbox.next('entry.submit@1', { entryId: a.entryId, baseRev: 1 }, E.dimas); // already submitted: rejected
    const first = await pushOk(server, ws, [a, b]);
    const again = await pushOk(server, ws, [a, b]);
    expect(again).toEqual({ ...first, serverTime: again.serverTime });
    expect(first.results[1]).toMatchObject({ status: 'rejected', code: 'ENTRY_NOT_SUBMITTABLE' });
    const stored = await server.db.select().from(mutationResults).where(eq(mutationResults.mutationId, a.id));
    expect(stored).toHaveLength(1);
    expect(await entryRow(a.entryId)).toMatchObject({ rev: 1 });
  });

  it('stops at a gap and reports how far it got', async () => {
    const a = outbox.create(E.siti, { startTime: '10:00', endTime: '11:00' });
    outbox.next('entry.submit@1', { entryId: a.entryId, baseRev: 1 }, E.siti); // never sent: the gap
    const c = outbox.create(E.siti, { startTime: '11:00', endTime: '12:00' });
    const result = await pushOk(server, ws, [a, c]);
    expect(result.lastProcessedSeq).toBe(a.seq);
    expect(result.results.map((r) => r.seq)).toEqual([a.seq]);
    expect(await entryRow(c.entryId)).toBeUndefined();
  });

  it('two copies of one batch pushed at the same time apply once and answer the same results', async () => {
    const fresh = await enrollTestWorkstation(server, 'PC Ruang Arsip');
    const box = new TestOutbox(fresh);
    const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
    const batch = [8, 9, 10, 11, 12].map((h) => box.create(E.fitri, { startTime: hour(h), endTime: hour(h + 1) }));
    const [one, two] = await Promise.all([pushOk(server, fresh, batch), pushOk(server, fresh, batch)]);
    expect(one.results.map((r) => [r.seq, r.status])).toEqual(two.results.map((r) => [r.seq, r.status]));
    expect(one.lastProcessedSeq).toBe(5);
    const [client] = await server.db.select().from(syncClients).where(eq(syncClients.clientId, fresh.clientId));
    expect(client!.lastSeq).toBe(5);
    const rows = await server.db.select({ id: entries.id }).from(entries).where(eq(entries.employeeId, E.fitri));
    expect(rows).toHaveLength(5);
  });
});

import { asc, desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import type { Mutation, PushResult } from '../../../src-shared/protocol';
import { employees, entries, mutationResults, syncClients } from '../../db/schema';
import { enrollTestWorkstation, makeTestServer, TEST_NOW, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { batchTesting } from './batch';
import { entryInput, pushOk, type EntryInput } from './fixtures';
import { pushBatch } from './service';

/**
 * The set-wise path (batch.ts) applies a chunk of mutations in one transaction, each mutation
 * seeing the ones before it in memory. It must answer and store exactly what the per-mutation path
 * does: the same inputs go to two fresh databases, one through the push route (set-wise), the other
 * one transaction per mutation, and every answer and row is compared.
 */
const NOTE_HASH = `scrypt$16384$8$1$${Buffer.alloc(16, 3).toString('base64url')}$${Buffer.alloc(32, 4).toString('base64url')}`;
const EVALUASI = 'de30c000-0000-4000-8000-000000000015'; // no norm: credited = duration
const RHK_SITI = 'de30b000-0000-4000-8000-000000000011';
const RHK_YOHANES = 'de30b000-0000-4000-8000-000000000013';
const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000).toISOString();
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** An outbox with fixed ids, so both databases receive the very same mutations. */
class Script {
  readonly mutations: Mutation[] = [];
  constructor(private seq = 0) {}
  add(name: string, args: unknown, actorId: string, clientTime = TEST_NOW.toISOString()): Mutation {
    const m = { seq: ++this.seq, id: crypto.randomUUID(), name, args, actorId, clientTime };
    this.mutations.push(m);
    return m;
  }
  create(actorId: string, entry: Partial<EntryInput>, clientTime?: string): string {
    const e = entryInput(actorId, { id: crypto.randomUUID(), ...entry });
    this.add('entry.create@1', { entry: e }, actorId, clientTime);
    return e.id;
  }
}

/** Entries that exist before the batch: the batch approves, moves, overlaps, deletes and returns them. */
function seed(): { script: Script; p: Record<string, string> } {
  const s = new Script();
  const p = {
    approve: s.create(E.siti, { workDate: '2026-11-24', startTime: '08:00', endTime: '09:00' }),
    move: s.create(E.yohanes, { workDate: '2026-11-24', startTime: '08:00', endTime: '09:00', status: 'draft' }),
    overlapped: s.create(E.rahmawati, { workDate: '2026-11-24', startTime: '10:00', endTime: '11:00' }),
    remove: s.create(E.dimas, { workDate: '2026-11-24', startTime: '08:00', endTime: '09:00', status: 'draft' }),
    giveBack: s.create(E.fitri, { workDate: '2026-11-24', startTime: '13:00', endTime: '14:00' }),
  };
  return { script: s, p };
}

/** 200 mutations, many depending on earlier ones of the same batch or on the seeded entries. */
function batch(p: Record<string, string>, from: number): Mutation[] {
  const s = new Script(from);
  // create → update → submit → approve → (locked) update, one entry.
  const c1 = s.create(E.siti, { startTime: '08:00', endTime: '09:00', status: 'draft' });
  s.add('entry.update@1', { entryId: c1, baseRev: 1, changes: { volume: 3, description: 'Tiga konsep surat undangan rapat koordinasi' } }, E.siti);
  s.add('entry.submit@1', { entryId: c1, baseRev: 2 }, E.siti);
  s.add('entry.submit@1', { entryId: c1, baseRev: 2 }, E.siti); // stale now
  s.add('entry.review@1', { entryId: c1, rev: 3, decision: 'approve' }, E.ahmad);
  s.add('entry.update@1', { entryId: c1, baseRev: 4, changes: { volume: 1 } }, E.siti);
  // Two creates that overlap within the batch; an approval blocked by it until one is returned.
  const o1 = s.create(E.niluh, { startTime: '09:00', endTime: '10:00' });
  const o2 = s.create(E.niluh, { startTime: '09:30', endTime: '10:30' });
  s.add('entry.review@1', { entryId: o1, rev: 1, decision: 'approve' }, E.maria);
  s.add('entry.review@1', { entryId: o2, rev: 1, decision: 'return', note: 'Jam bertabrakan' }, E.maria);
  s.add('entry.review@1', { entryId: o1, rev: 1, decision: 'approve' }, E.maria);
  // The day limit counts the batch's own earlier entries: 240 + 180 fit in 450, 60 more do not.
  s.create(E.rizky, { activityId: EVALUASI, startTime: '07:30', endTime: '11:30', volume: 1 });
  s.create(E.rizky, { activityId: EVALUASI, startTime: '12:00', endTime: '15:00', volume: 1 });
  s.create(E.rizky, { activityId: EVALUASI, startTime: '15:00', endTime: '16:00', volume: 1 });
  // Seeded entries: approved, moved to another day (its old slot is then free), overlapped, deleted, returned and fixed.
  s.add('entry.review@1', { entryId: p.approve, rev: 1, decision: 'approve' }, E.ahmad);
  s.add('entry.update@1', { entryId: p.move, baseRev: 1, changes: { workDate: '2026-11-25', startTime: '14:00', endTime: '15:00' } }, E.yohanes);
  s.create(E.yohanes, { workDate: '2026-11-24', startTime: '08:30', endTime: '09:30' });
  s.create(E.rahmawati, { workDate: '2026-11-24', startTime: '10:30', endTime: '11:30' });
  s.add('entry.delete@1', { entryId: p.remove, baseRev: 1 }, E.dimas);
  s.add('entry.update@1', { entryId: p.remove, baseRev: 1, changes: { volume: 2 } }, E.dimas);
  s.add('entry.review@1', { entryId: p.giveBack, rev: 1, decision: 'return', note: 'Lengkapi nomor surat' }, E.made);
  s.add('entry.update@1', { entryId: p.giveBack, baseRev: 2, changes: { evidenceNote: 'No. 800/77/2026' } }, E.fitri);
  s.add('entry.submit@1', { entryId: p.giveBack, baseRev: 3 }, E.fitri);
  // An overlap created then moved away within the batch: the entry left behind loses its mark.
  s.create(E.lina, { startTime: '10:00', endTime: '11:00' });
  const l2 = s.create(E.lina, { startTime: '10:30', endTime: '11:30', status: 'draft' });
  s.add('entry.update@1', { entryId: l2, baseRev: 1, changes: { workDate: '2026-11-24' } }, E.lina);
  // Refusals: a reused mutation id, bad args, an unknown name, someone else's entry, an RHK that is not hers,
  // a date before the window; a draft deleted then submitted.
  const reused = s.add('entry.create@1', { entry: entryInput(E.siti, { startTime: '11:00', endTime: '11:30' }) }, E.siti);
  s.mutations.push({ ...reused, seq: reused.seq + 1, args: { entry: entryInput(E.siti, { startTime: '12:00', endTime: '12:30' }) } });
  s.add('entry.create@1', { entry: { ...entryInput(E.siti), startTime: '25:00' } }, E.siti);
  s.add('entry.archive@1', { entryId: c1 }, E.siti);
  s.create(E.siti, { employeeId: E.yohanes, startTime: '13:00', endTime: '13:30' });
  s.create(E.siti, { rhkId: RHK_SITI, startTime: '13:00', endTime: '13:30' });
  s.create(E.siti, { rhkId: RHK_YOHANES, startTime: '14:00', endTime: '14:30' });
  s.create(E.siti, { workDate: '2026-11-19', startTime: '08:00', endTime: '09:00' });
  const d = s.create(E.dimas, { startTime: '13:00', endTime: '14:00', status: 'draft' });
  s.add('entry.delete@1', { entryId: d, baseRev: 1 }, E.dimas);
  s.add('entry.submit@1', { entryId: d, baseRev: 1 }, E.dimas);
  s.add('employee.changePin@1', { employeeId: E.dimas, pinHash: NOTE_HASH }, E.dimas);
  // Clocks: one running ahead, then two that went back from the latest one seen (both marked).
  s.create(E.asep, { startTime: '08:00', endTime: '09:00' }, at(120));
  s.create(E.asep, { startTime: '09:00', endTime: '10:00' }, at(-60));
  s.create(E.asep, { workDate: '2026-11-20', startTime: '09:00', endTime: '10:00' }, '2026-11-20T08:00:00.000Z');
  // The rest: ordinary creates over four days, fifteen minutes each.
  const filler = [E.yakobus, E.fransiska, E.andi, E.nurul];
  const days = ['2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25'];
  for (let n = 0; s.mutations.length < 200; n++) {
    const start = 7 * 60 + 30 + Math.floor(n / 16) * 15;
    s.create(filler[n % 4]!, { workDate: days[Math.floor(n / 4) % 4]!, startTime: hhmm(start), endTime: hhmm(start + 15), volume: 1 });
  }
  // The reused id consumed a seq of its own: renumber so seqs stay consecutive.
  return s.mutations.map((m, i) => ({ ...m, seq: from + i + 1 }));
}

interface Side {
  server: TestServer;
  ws: EnrolledWorkstation;
  push(ms: Mutation[]): Promise<PushResult>;
}

async function side(setWise: boolean): Promise<Side> {
  const server = await makeTestServer();
  const ws = await enrollTestWorkstation(server);
  const authed = { id: ws.workstationId, unitId: ws.unitId, clientId: ws.clientId, name: 'PC Front Office' };
  const push = setWise
    ? (ms: Mutation[]) => pushOk(server, ws, ms)
    : (ms: Mutation[]) => pushBatch(server.db, authed, { protocol: 1, clientId: ws.clientId, mutations: ms }, () => server.clock.now, undefined, { setWise: false });
  return { server, ws, push };
}

/** What a workstation or a report could see, without the ids and versions that differ by database. */
async function snapshot(s: Side) {
  const rows = await s.server.db.select().from(entries).orderBy(asc(entries.id));
  const results = await s.server.db.select().from(mutationResults).where(eq(mutationResults.clientId, s.ws.clientId)).orderBy(asc(mutationResults.seq));
  const [client] = await s.server.db.select().from(syncClients).where(eq(syncClients.clientId, s.ws.clientId));
  const [dimas] = await s.server.db.select().from(employees).where(eq(employees.id, E.dimas));
  return {
    entries: rows.map(({ version: _v, workstationId, ...r }) => ({ ...r, fromThisPc: workstationId === s.ws.workstationId, flags: [...r.flags].sort() })),
    results: results.map(({ clientId: _c, ...r }) => r),
    client: { lastSeq: client!.lastSeq, lastClientTime: client!.lastClientTime },
    pin: { pinHash: dimas!.pinHash, mustChangePin: dimas!.mustChangePin },
  };
}

let sides: Side[] = [];
afterEach(async () => {
  batchTesting.afterEntryWrites = null;
  batchTesting.prefetch = true;
  await Promise.all(sides.map((s) => s.server.close()));
  sides = [];
});

describe('push: a batch applied set-wise answers and stores what one transaction per mutation does', () => {
  it('a 200-mutation batch whose mutations depend on each other and on earlier entries', async () => {
    const [setWise, perMutation, lazy] = (sides = [await side(true), await side(false), await side(true)]);
    const { script, p } = seed();
    const mutations = batch(p, script.mutations.length);
    expect(mutations).toHaveLength(200);

    const seeded = await Promise.all([setWise!.push(script.mutations), perMutation!.push(script.mutations), lazy!.push(script.mutations)]);
    expect(seeded.map((r) => r.results.every((x) => x.status === 'applied'))).toEqual([true, true, true]);
    const [before] = await setWise!.server.db.select({ v: entries.version }).from(entries).orderBy(desc(entries.version)).limit(1);

    const [a, b] = [await setWise!.push(mutations), await perMutation!.push(mutations)];
    expect(a.results).toEqual(b.results);
    expect(a.lastProcessedSeq).toBe(mutations[199]!.seq);
    expect(await snapshot(setWise!)).toEqual(await snapshot(perMutation!));
    // Nothing read up front: every row is read when a mutation first asks for it. Same answers.
    batchTesting.prefetch = false;
    expect((await lazy!.push(mutations)).results).toEqual(b.results);
    batchTesting.prefetch = true;
    expect(await snapshot(lazy!)).toEqual(await snapshot(perMutation!));

    // The outcomes the batch was written to provoke, so the comparison is not of two empty answers.
    const codes = a.results.map((r) => r.code ?? r.status);
    for (const code of ['OVERLAP_FLAGGED', 'DAY_LIMIT_EXCEEDED', 'ENTRY_LOCKED', 'STALE_REVISION', 'NOT_FOUND', 'FORBIDDEN', 'RHK_UNAVAILABLE', 'DATE_BEFORE_WINDOW']) {
      expect(codes).toContain(code);
    }
    expect(codes.filter((c) => c === 'VALIDATION')).toHaveLength(3);
    const flagged = (await setWise!.server.db.select().from(entries)).filter((e) => e.flags.includes('overlap'));
    expect(flagged.map((e) => e.employeeId).sort()).toEqual([E.niluh, E.rahmawati, E.rahmawati].sort());
    expect((await setWise!.server.db.select().from(entries)).filter((e) => e.flags.includes('clock_skew'))).toHaveLength(3);

    // Every row the batch wrote carries one new version there (workstations pull it); one per mutation here.
    const written = (s: Side) => s.server.db.select({ v: entries.version }).from(entries).where(eq(entries.workstationId, s.ws.workstationId));
    const versions = (rows: { v: number }[]) => new Set(rows.map((r) => r.v).filter((v) => v > before!.v));
    expect(versions(await written(setWise!)).size).toBe(1);
    expect(versions(await written(lazy!)).size).toBe(1);
    expect(versions(await written(perMutation!)).size).toBeGreaterThan(100);
  }, 60_000); // 200 mutations one transaction each, twice over: ~12 s on an idle 2-core VM

  it('more than 200 mutations go in chunks of 200, each its own transaction and version', async () => {
    const [s] = (sides = [await side(true)]);
    const script = new Script();
    const staff = [E.siti, E.yohanes, E.rahmawati, E.dimas, E.niluh, E.rizky, E.fransiska, E.andi, E.fitri, E.asep, E.lina, E.yakobus, E.nurul, E.sri, E.maria];
    for (let n = 0; n < 450; n++) {
      const start = 7 * 60 + 30 + Math.floor(n / staff.length) * 10;
      script.create(staff[n % staff.length]!, { startTime: hhmm(start), endTime: hhmm(start + 10), volume: 1 });
    }
    const result = await s!.push(script.mutations);
    expect(result.lastProcessedSeq).toBe(450);
    expect(result.results.filter((r) => r.status === 'applied')).toHaveLength(450);
    const rows = await s!.server.db.select({ v: entries.version }).from(entries);
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((r) => r.v)).size).toBe(3);
  });
});

describe('push: when the set-wise path fails, the batch is applied one mutation at a time, still exactly once', () => {
  it('a failure after the entries were written rolls them back and the fallback applies each once', async () => {
    const [s] = (sides = [await side(true)]);
    const script = new Script();
    const first = script.create(E.siti, { startTime: '08:00', endTime: '09:00', status: 'draft' });
    script.add('entry.update@1', { entryId: first, baseRev: 1, changes: { volume: 3 } }, E.siti);
    script.add('entry.submit@1', { entryId: first, baseRev: 2 }, E.siti);
    for (let h = 9; h < 15; h++) script.create(E.yohanes, { startTime: hhmm(h * 60), endTime: hhmm(h * 60 + 30) });
    let thrown = 0;
    batchTesting.afterEntryWrites = () => {
      thrown++;
      throw new Error('injected: a bug in the set-wise path');
    };

    const result = await s!.push(script.mutations);
    expect(thrown).toBe(1);
    expect(result.results.map((r) => r.status)).toEqual(Array(9).fill('applied'));
    expect(result.results.slice(0, 3).map((r) => r.rev)).toEqual([1, 2, 3]);
    const rows = await s!.server.db.select().from(entries);
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.id === first)).toMatchObject({ status: 'submitted', rev: 3, volume: 3 });
    // One transaction per mutation: each took its own version.
    expect(new Set(rows.map((r) => r.version)).size).toBe(7);
    const stored = await s!.server.db.select().from(mutationResults).where(eq(mutationResults.clientId, s!.ws.clientId));
    expect(stored).toHaveLength(9);

    // The kiosk never got the answer and sends the batch again: answered from the stored results.
    batchTesting.afterEntryWrites = null;
    const again = await s!.push(script.mutations);
    expect(again.results).toEqual(result.results);
    expect(await s!.server.db.select().from(entries)).toHaveLength(7);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import { PolicySchema } from '../../../src-shared/domain/policy';
import type { Employee } from '../../../src-shared/domain/types';
import { withTransaction } from '../../db/transaction';
import { writeReference } from '../../reference/write';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { pushOk, TestOutbox } from './fixtures';

/**
 * The role matrix of per-mutation authorization (PROTOCOL.md, ARCHITECTURE.md "Security model"):
 * staff / supervisor / head, same unit / other unit, own / others' entries. Every case pushes
 * through the real route and reads the answer the workstation would get.
 */
const OTHER_UNIT = '0be00000-0000-4000-8000-000000000001';
const OTHER_BOSS = '0be00000-0000-4000-8000-0000000000b1';
const OTHER_STAFF = '0be00000-0000-4000-8000-0000000000b2';
const INACTIVE = '0be00000-0000-4000-8000-0000000000b3';

let server: TestServer;
let ws: EnrolledWorkstation;
let otherWs: EnrolledWorkstation;
/** Entries made in setup, keyed by owner: all submitted, rev 1. */
const entryOf: Record<string, string> = {};

const person = (id: string, nip: string, unitId: string, supervisorId: string | null, active = true): Employee => ({
  id,
  nip,
  name: `Pegawai ${nip.slice(-3)}`,
  unitId,
  positionTitle: 'Pengadministrasi Perkantoran',
  supervisorId,
  roles: supervisorId ? ['staff'] : ['staff', 'supervisor'],
  tppBase: null,
  active,
});

beforeAll(async () => {
  server = await makeTestServer();
  await withTransaction(server.db, (tx) =>
    writeReference(
      tx,
      {
        units: [{ id: OTHER_UNIT, code: 'BAG-UMUM', name: 'Bagian Umum', parentId: null, timeZone: 'Asia/Jakarta' }],
        policies: [{ unitId: OTHER_UNIT, policy: PolicySchema.parse({}) }],
        employees: [
          person(OTHER_BOSS, '198001012005011001', OTHER_UNIT, null),
          person(OTHER_STAFF, '199001012015011002', OTHER_UNIT, OTHER_BOSS),
          // Inactive, yet in the demo unit: retired or moved, still on an old kiosk's list.
          person(INACTIVE, '199101012016011003', 'de30a000-0000-4000-8000-000000000001', E.ahmad, false),
        ],
      },
      server.clock.now,
    ),
  );
  ws = await enrollTestWorkstation(server);
  otherWs = await enrollTestWorkstation(server, 'PC Bagian Umum', 'BAG-UMUM');
  const box = new TestOutbox(ws);
  const setup = [E.siti, E.ahmad, E.rizky].map((id) => box.create(id, { startTime: '07:30', endTime: '08:00' }));
  setup.forEach((m, i) => (entryOf[[E.siti, E.ahmad, E.rizky][i]!] = m.entryId));
  const otherBox = new TestOutbox(otherWs);
  const otherEntry = otherBox.create(OTHER_STAFF);
  entryOf[OTHER_STAFF] = otherEntry.entryId;
  const made = await pushOk(server, ws, [{ ...setup[0]!, seq: 1 }, { ...setup[1]!, seq: 2 }, { ...setup[2]!, seq: 3 }]);
  const otherMade = await pushOk(server, otherWs, [{ ...otherEntry, seq: 1 }]);
  expect([...made.results, ...otherMade.results].map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
});
afterAll(async () => server.close());

let seq = 3;
let otherSeq = 1;
async function outcome(actor: string, name: string, args: unknown, on: 'demo' | 'other' = 'demo') {
  const target = on === 'demo' ? ws : otherWs;
  const s = on === 'demo' ? ++seq : ++otherSeq;
  const m = { seq: s, id: crypto.randomUUID(), name, args, actorId: actor, clientTime: server.clock.now.toISOString() };
  const r = (await pushOk(server, target, [m])).results[0]!;
  return r.status === 'applied' ? 'applied' : r.code;
}

const review = (entryId: string, decision = 'return') => ({ entryId, rev: 1, decision, note: 'Periksa lagi' });

describe('security: who may review (only the direct supervisor, never oneself)', () => {
  it.each([
    ['staff reviewing a peer', E.yohanes, E.siti, 'NOT_SUPERVISOR'],
    ['another supervisor of the unit', E.maria, E.siti, 'NOT_SUPERVISOR'],
    ["the head, who is the supervisor's supervisor, on staff", E.sri, E.siti, 'NOT_SUPERVISOR'],
    ['a supervisor on their own entry', E.ahmad, E.ahmad, 'SELF_REVIEW'],
    ['the operator', E.nurul, E.rizky, 'NOT_SUPERVISOR'],
    ["the head on her direct report's entry", E.sri, E.ahmad, 'applied'],
    ['the direct supervisor', E.maria, E.rizky, 'applied'],
  ])('%s', async (_label, actor, owner, expected) => {
    expect(await outcome(actor, 'entry.review@1', review(entryOf[owner]!))).toBe(expected);
  });
});

describe("security: staff write only their own entries and PIN", () => {
  it.each([
    ['create an entry for someone else', E.siti, 'entry.create@1', () => ({ entry: { ...newEntry(E.yohanes) } }), 'FORBIDDEN'],
    ["update someone else's entry", E.yohanes, 'entry.update@1', () => ({ entryId: entryOf[E.siti], baseRev: 1, changes: { volume: 1 } }), 'FORBIDDEN'],
    ["submit someone else's entry", E.ahmad, 'entry.submit@1', () => ({ entryId: entryOf[E.siti], baseRev: 1 }), 'FORBIDDEN'],
    ["delete someone else's entry", E.sri, 'entry.delete@1', () => ({ entryId: entryOf[E.siti], baseRev: 1 }), 'FORBIDDEN'],
    ["change someone else's PIN", E.ahmad, 'employee.changePin@1', () => ({ employeeId: E.siti, pinHash: goodHash }), 'FORBIDDEN'],
    ['create own entry as staff', E.lina, 'entry.create@1', () => ({ entry: newEntry(E.lina) }), 'applied'],
    ['create own entry as the head', E.sri, 'entry.create@1', () => ({ entry: newEntry(E.sri) }), 'applied'],
  ])('%s', async (_label, actor, name, args, expected) => {
    expect(await outcome(actor, name, args())).toBe(expected);
  });
});

describe('security: the actor must be an active employee of the workstation unit', () => {
  it('an employee of another unit acting on this unit’s workstation is FORBIDDEN', async () => {
    expect(await outcome(OTHER_STAFF, 'entry.create@1', { entry: newEntry(OTHER_STAFF) })).toBe('FORBIDDEN');
  });
  it('this unit’s staff acting on another unit’s workstation is FORBIDDEN', async () => {
    expect(await outcome(E.siti, 'entry.create@1', { entry: newEntry(E.siti) }, 'other')).toBe('FORBIDDEN');
  });
  it('an inactive employee is FORBIDDEN', async () => {
    expect(await outcome(INACTIVE, 'entry.create@1', { entry: newEntry(INACTIVE) })).toBe('FORBIDDEN');
  });
  it('an unknown actor id is FORBIDDEN', async () => {
    const ghost = crypto.randomUUID();
    expect(await outcome(ghost, 'entry.create@1', { entry: newEntry(ghost) })).toBe('FORBIDDEN');
  });
  it("a supervisor of another unit cannot review this unit's entries from their own workstation", async () => {
    expect(await outcome(OTHER_BOSS, 'entry.review@1', review(entryOf[E.siti]!), 'other')).toBe('NOT_FOUND');
  });
});

const goodHash = `scrypt$16384$8$1$${Buffer.alloc(16, 1).toString('base64url')}$${Buffer.alloc(32, 2).toString('base64url')}`;
let hour = 12;
function newEntry(employeeId: string) {
  hour = hour >= 15 ? 12 : hour + 1;
  return {
    id: crypto.randomUUID(),
    employeeId,
    workDate: '2026-11-25',
    startTime: `${hour}:00`,
    endTime: `${hour}:30`,
    activityId: 'de30c000-0000-4000-8000-000000000001',
    volume: 1,
    description: 'Menyusun konsep surat dinas untuk pimpinan',
    status: 'submitted' as const,
  };
}

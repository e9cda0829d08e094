import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import { withTransaction } from '../../db/transaction';
import { writeReference } from '../../reference/write';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { Replica } from './test-support';

/**
 * A person moved to another unit must disappear from the old unit's kiosks (its staff list, its
 * logins) and appear on the new unit's — although the employee row now lives in the new scope.
 */
const UMUM = '0be00000-0000-4000-8000-000000000002';
let server: TestServer;
let oldUnitPc: EnrolledWorkstation;
let newUnitPc: EnrolledWorkstation;

beforeAll(async () => {
  server = await makeTestServer();
  await withTransaction(server.db, (tx) =>
    writeReference(tx, { units: [{ id: UMUM, code: 'BAG-UMUM', name: 'Bagian Umum', parentId: null, timeZone: 'Asia/Jakarta' }] }, server.clock.now),
  );
  oldUnitPc = await enrollTestWorkstation(server, 'PC Organisasi');
  newUnitPc = await enrollTestWorkstation(server, 'PC Umum', 'BAG-UMUM');
});
afterAll(async () => server.close());

describe('pull: an employee who moves to another unit', () => {
  it('is deleted on the old unit’s workstations and put on the new unit’s', async () => {
    const before = new Replica();
    await before.sync(server, oldUnitPc);
    expect(before.rows.has(`employees:${E.rizky}`)).toBe(true);
    const elsewhere = new Replica();
    await elsewhere.sync(server, newUnitPc);
    expect(elsewhere.rows.has(`employees:${E.rizky}`)).toBe(false);

    const rizky = DEMO.employees.find((e) => e.id === E.rizky)!;
    await withTransaction(server.db, (tx) => writeReference(tx, { employees: [{ ...rizky, unitId: UMUM, supervisorId: null }] }, server.clock.now));

    const [page] = await before.sync(server, oldUnitPc);
    expect(page!.changes).toEqual([expect.objectContaining({ table: 'employees', id: E.rizky, op: 'delete', row: null })]);
    expect(before.rows.has(`employees:${E.rizky}`)).toBe(false);
    expect(before.count('employees')).toBe(DEMO.employees.length - 1);

    await elsewhere.sync(server, newUnitPc);
    expect(elsewhere.rows.get(`employees:${E.rizky}`)).toMatchObject({ unitId: UMUM });

    // A workstation of the old unit starting from nothing never hears of him.
    const fresh = new Replica();
    await fresh.sync(server, oldUnitPc);
    expect(fresh.rows.has(`employees:${E.rizky}`)).toBe(false);
  });
});

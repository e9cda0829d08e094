import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS as E } from '../../src-shared/demo';
import { writeReference } from '../reference/write';
import type { Db } from '../db/client';
import { auditLog, employees, syncCounters } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { makeTestDatabase, TEST_NOW } from '../test-support';
import { setPin } from './set-pin';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await makeTestDatabase({ demo: true });
  db = database.db;
  close = () => database.close();
});
afterAll(() => close());

const SITI_NIP = DEMO.employees.find((e) => e.id === E.siti)!.nip;
const employee = async (id: string) => (await db.select().from(employees).where(eq(employees.id, id)))[0]!;
const unitVersion = async () => Number((await db.select().from(syncCounters).where(eq(syncCounters.scope, DEMO.unit.id)))[0]!.version);

describe('set-pin', () => {
  it('refuses PINs the kiosk would refuse, and changes nothing', async () => {
    const before = await employee(E.siti);
    for (const pin of ['111111', '123456', '098765', '121212', '123123']) {
      expect(await setPin(db, { nip: SITI_NIP, pin, mustChangePin: true }, TEST_NOW)).toEqual({ ok: false, code: 'PIN_TOO_WEAK', params: { length: 6 } });
    }
    expect(await setPin(db, { nip: SITI_NIP, pin: '2468', mustChangePin: true }, TEST_NOW)).toMatchObject({ ok: false, code: 'PIN_FORMAT' });
    expect(await employee(E.siti)).toEqual(before);
  });

  it('answers NIP_INVALID and NIP_UNKNOWN for a malformed or unknown NIP', async () => {
    expect(await setPin(db, { nip: '1234', pin: '258013', mustChangePin: true }, TEST_NOW)).toEqual({ ok: false, code: 'NIP_INVALID' });
    expect(await setPin(db, { nip: '199901012024011009', pin: '258013', mustChangePin: true }, TEST_NOW)).toEqual({ ok: false, code: 'NIP_UNKNOWN' });
  });

  it('stores a kiosk-format hash, forces a change, takes a new unit version and audits without the secret', async () => {
    const v0 = await unitVersion();
    const result = await setPin(db, { nip: '19920618 201903 2 007', pin: '258013', mustChangePin: true }, TEST_NOW);
    expect(result).toEqual({ ok: true, employeeId: E.siti, name: expect.any(String), unitCode: DEMO.unit.code, mustChangePin: true, version: v0 + 1 });
    const after = await employee(E.siti);
    expect(after.pinHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(after).toMatchObject({ mustChangePin: true, version: v0 + 1 });

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, E.siti));
    expect(audit).toEqual([expect.objectContaining({ action: 'employee.set_pin', entityType: 'employee' })]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('258013');
    expect(text).not.toContain(after.pinHash!);
    expect(text).not.toContain(after.pinHash!.split('$')[5]!);
  });

  it('clears must_change_pin on request and follows the unit policy PIN length', async () => {
    await withTransaction(db, (tx) => writeReference(tx, { policies: [{ unitId: DEMO.unit.id, policy: { ...DEMO.policy, pinLength: 4 } }] }, TEST_NOW));
    expect(await setPin(db, { nip: SITI_NIP, pin: '258013', mustChangePin: false }, TEST_NOW)).toMatchObject({ ok: false, code: 'PIN_FORMAT', params: { length: 4 } });
    expect(await setPin(db, { nip: SITI_NIP, pin: '2580', mustChangePin: false }, TEST_NOW)).toMatchObject({ ok: true, mustChangePin: false });
    expect((await employee(E.siti)).mustChangePin).toBe(false);
  });
});

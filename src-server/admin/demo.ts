import { DEMO } from '../../src-shared/demo';
import type { Db } from '../db/client';
import { withTransaction } from '../db/transaction';
import { hashPin } from '../employees/pin';
import { writeReference, type ReferenceCounts } from '../reference/write';

/**
 * Loads the demo data set of src-shared/demo (the same people, catalog and calendar the kiosk
 * seeds), with the demo PINs hashed. Loading twice changes nothing the second time. PIN hashes are
 * only written for employees who have none yet, so a PIN changed at a kiosk survives a reload.
 */
export async function loadDemo(db: Db, now: Date): Promise<ReferenceCounts> {
  const hashes = new Map<string, string>();
  const byPin = new Map<string, Promise<string>>();
  for (const e of DEMO.employees) {
    const pin = DEMO.pins[e.id]!.pin;
    if (!byPin.has(pin)) byPin.set(pin, hashPin(pin));
    hashes.set(e.id, await byPin.get(pin)!);
  }
  return withTransaction(db, async (tx) => {
    const existing = new Set(
      (await tx.query.employees.findMany({ columns: { id: true, pinHash: true } })).filter((e) => e.pinHash).map((e) => e.id),
    );
    return writeReference(
      tx,
      {
        units: [DEMO.unit],
        policies: [{ unitId: DEMO.unit.id, policy: DEMO.policy }],
        employees: DEMO.employees.map((e) =>
          existing.has(e.id) ? e : { ...e, pinHash: hashes.get(e.id)!, mustChangePin: DEMO.pins[e.id]!.mustChangePin },
        ),
        catalog: DEMO.catalog,
        rhk: DEMO.rhk,
        holidays: DEMO.holidays,
        absences: DEMO.absences,
      },
      now,
    );
  });
}

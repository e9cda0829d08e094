import { eq } from 'drizzle-orm';
import { DEMO } from '../../../src-shared/demo';
import { absences, catalog, employees, holidays, policies, rhk, syncState, units } from '../db/schema';
import { catalogSearchText } from '../catalog/service';
import { hashPin } from '../kiosk/pin';
import type { Db } from '../context';
import type Database from 'better-sqlite3';

/**
 * Hashing 17 PINs with scrypt takes most of a second; tests seed many databases in one process,
 * so each demo person's hash is made once per process (still one salt per person).
 */
const hashes = new Map<string, Promise<string>>();
function demoHash(employeeId: string, pin: string): Promise<string> {
  const key = `${employeeId}:${pin}`;
  let h = hashes.get(key);
  if (!h) hashes.set(key, (h = hashPin(pin)));
  return h;
}

/**
 * Loads the documented demo data set (src-shared/demo, fictional people) into a local store as if
 * the central server had sent it, and points the workstation at the demo unit. Idempotent: rows
 * already there are replaced by the demo version; entries and the outbox are not touched.
 */
export async function seedDemo(db: Db, sqlite: Database.Database): Promise<void> {
  const pinHashes = await Promise.all(DEMO.employees.map((e) => demoHash(e.id, DEMO.pins[e.id]!.pin)));
  sqlite.transaction(() => {
    const u = DEMO.unit;
    db.insert(units).values(u).onConflictDoUpdate({ target: units.id, set: u }).run();
    DEMO.employees.forEach((e, i) => {
      const row = {
        id: e.id,
        nip: e.nip,
        name: e.name,
        unitId: e.unitId,
        positionTitle: e.positionTitle,
        supervisorId: e.supervisorId,
        roles: JSON.stringify(e.roles),
        pinHash: pinHashes[i]!,
        mustChangePin: DEMO.pins[e.id]!.mustChangePin ? 1 : 0,
        tppBase: e.tppBase,
        active: e.active ? 1 : 0,
      };
      db.insert(employees).values(row).onConflictDoUpdate({ target: employees.id, set: row }).run();
    });
    for (const a of DEMO.catalog) {
      const row = { ...a, active: a.active ? 1 : 0, searchText: catalogSearchText(a) };
      db.insert(catalog).values(row).onConflictDoUpdate({ target: catalog.id, set: row }).run();
    }
    for (const r of DEMO.rhk) {
      const row = { ...r, active: r.active ? 1 : 0 };
      db.insert(rhk).values(row).onConflictDoUpdate({ target: rhk.id, set: row }).run();
    }
    for (const h of DEMO.holidays) db.insert(holidays).values(h).onConflictDoUpdate({ target: holidays.date, set: h }).run();
    for (const a of DEMO.absences) db.insert(absences).values(a).onConflictDoUpdate({ target: absences.id, set: a }).run();
    const body = JSON.stringify(DEMO.policy);
    db.insert(policies).values({ unitId: u.id, body }).onConflictDoUpdate({ target: policies.unitId, set: { body } }).run();
    db.update(syncState).set({ unitId: u.id }).where(eq(syncState.id, 1)).run();
  }).immediate();
}

import { and, asc, between, eq } from 'drizzle-orm';
import { PolicySchema, DEFAULT_POLICY, type Policy } from '../../../src-shared/domain/policy';
import type { Absence, Activity, Employee, Holiday, Rhk } from '../../../src-shared/domain/types';
import { absences, catalog, employees, holidays, policies, rhk, syncState, units } from '../db/schema';
import type { Db } from '../context';
import { rowToAbsence, rowToActivity, rowToEmployee, rowToHoliday, rowToRhk } from './mappers';

/** Reads of the reference data the server sends down. Query functions take the database first. */

export function getEmployee(db: Db, id: string): Employee | null {
  const r = db.select().from(employees).where(eq(employees.id, id)).get();
  return r ? rowToEmployee(r) : null;
}

export function getEmployeeRowByNip(db: Db, nip: string) {
  return db.select().from(employees).where(eq(employees.nip, nip)).get() ?? null;
}

export function listUnitEmployees(db: Db, unitId: string | null): Employee[] {
  const q = db.select().from(employees);
  const rows = (unitId ? q.where(eq(employees.unitId, unitId)) : q).orderBy(asc(employees.name)).all();
  return rows.map(rowToEmployee);
}

export function hasSubordinates(db: Db, employeeId: string): boolean {
  return (
    db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.supervisorId, employeeId), eq(employees.active, 1)))
      .limit(1)
      .get() !== undefined
  );
}

/** The workstation's unit once enrolled (or seeded); null on a fresh, unenrolled store. */
export function workstationUnitId(db: Db): string | null {
  return db.select({ unitId: syncState.unitId }).from(syncState).where(eq(syncState.id, 1)).get()?.unitId ?? null;
}

export function getUnitName(db: Db, unitId: string | null): string | null {
  if (!unitId) return null;
  return db.select({ name: units.name }).from(units).where(eq(units.id, unitId)).get()?.name ?? null;
}

/**
 * The unit's policy. A stored document that fails to parse is a server bug; the kiosk keeps
 * working on the defaults rather than locking everyone out, and the defaults are the documented ones.
 */
export function getPolicy(db: Db, unitId: string | null): Policy {
  if (!unitId) return DEFAULT_POLICY;
  const r = db.select({ body: policies.body }).from(policies).where(eq(policies.unitId, unitId)).get();
  if (!r) return DEFAULT_POLICY;
  try {
    const parsed = PolicySchema.safeParse(JSON.parse(r.body));
    return parsed.success ? parsed.data : DEFAULT_POLICY;
  } catch {
    return DEFAULT_POLICY;
  }
}

export function getActivity(db: Db, id: string): Activity | null {
  const r = db.select().from(catalog).where(eq(catalog.id, id)).get();
  return r ? rowToActivity(r) : null;
}

export function getRhk(db: Db, id: string): Rhk | null {
  const r = db.select().from(rhk).where(eq(rhk.id, id)).get();
  return r ? rowToRhk(r) : null;
}

/** Holidays in [from, to]: a few dozen rows a year, read by primary-key range. */
export function holidaysBetween(db: Db, from: string, to: string): Map<string, Holiday> {
  const rows = db.select().from(holidays).where(between(holidays.date, from, to)).all();
  return new Map(rows.map((r) => [r.date, rowToHoliday(r)]));
}

export function absencesBetween(db: Db, employeeId: string, from: string, to: string): Absence[] {
  return db
    .select()
    .from(absences)
    .where(and(eq(absences.employeeId, employeeId), between(absences.date, from, to)))
    .all()
    .map(rowToAbsence);
}

export function workstationIdOf(db: Db): string | null {
  return db.select({ id: syncState.workstationId }).from(syncState).where(eq(syncState.id, 1)).get()?.id ?? null;
}

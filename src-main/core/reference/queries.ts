import { and, asc, between, eq, sql } from 'drizzle-orm';
import { PolicySchema, DEFAULT_POLICY, type Policy } from '../../../src-shared/domain/policy';
import type { Absence, Activity, Employee, Holiday, Rhk } from '../../../src-shared/domain/types';
import { absences, catalog, employees, entries, holidays, policies, rhk, syncState, units } from '../db/schema';
import type { Db } from '../context';
import { rowToAbsence, rowToActivity, rowToEmployee, rowToHoliday, rowToRhk } from './mappers';
import { perDb } from '../prepared';

const ph = sql.placeholder;
const q = perDb((db: Db) => ({
  employee: db.select().from(employees).where(eq(employees.id, ph('id'))).prepare(),
  activity: db.select().from(catalog).where(eq(catalog.id, ph('id'))).prepare(),
  rhk: db.select().from(rhk).where(eq(rhk.id, ph('id'))).prepare(),
  policyBody: db.select({ body: policies.body }).from(policies).where(eq(policies.unitId, ph('unitId'))).prepare(),
  holidays: db.select().from(holidays).where(between(holidays.date, ph('from'), ph('to'))).prepare(),
  absences: db
    .select()
    .from(absences)
    .where(and(eq(absences.employeeId, ph('employeeId')), between(absences.date, ph('from'), ph('to'))))
    .prepare(),
  state: db
    .select({ clientId: syncState.clientId, unitId: syncState.unitId, workstationId: syncState.workstationId })
    .from(syncState)
    .where(eq(syncState.id, 1))
    .prepare(),
}));

/** Parsed policies by their stored text: parsing and validating a policy on every command is waste. */
const parsedPolicies = new Map<string, Policy>();
function parsePolicy(body: string): Policy {
  let policy = parsedPolicies.get(body);
  if (!policy) {
    try {
      const parsed = PolicySchema.safeParse(JSON.parse(body));
      policy = parsed.success ? parsed.data : DEFAULT_POLICY;
    } catch {
      policy = DEFAULT_POLICY;
    }
    if (parsedPolicies.size > 64) parsedPolicies.clear();
    parsedPolicies.set(body, policy);
  }
  return policy;
}

/** Reads of the reference data the server sends down. Query functions take the database first. */

export function getEmployee(db: Db, id: string): Employee | null {
  const r = q(db).employee.get({ id });
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

/**
 * Whether the person supervises anybody (Verifikasi and Tim in the menu): an active subordinate,
 * or one who has left but still has entries waiting for this supervisor's decision — those must
 * stay reachable until they are decided (the queue lists them, and the server accepts the decision).
 */
export function hasSubordinates(db: Db, employeeId: string): boolean {
  return (
    db
      .select({ id: employees.id })
      .from(employees)
      .where(
        and(
          eq(employees.supervisorId, employeeId),
          sql`(${employees.active} = 1 or exists (select 1 from ${entries} where ${entries.employeeId} = ${employees.id} and ${entries.status} = 'submitted'))`,
        ),
      )
      .limit(1)
      .get() !== undefined
  );
}

/** This database file's identity row: its client id, and the workstation and unit once enrolled. */
export function syncIdentity(db: Db): { clientId: string; unitId: string | null; workstationId: string | null } | null {
  return q(db).state.get() ?? null;
}

/** The workstation's unit once enrolled (or seeded); null on a fresh, unenrolled store. */
export function workstationUnitId(db: Db): string | null {
  return q(db).state.get()?.unitId ?? null;
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
  const r = q(db).policyBody.get({ unitId });
  return r ? parsePolicy(r.body) : DEFAULT_POLICY;
}

export function getActivity(db: Db, id: string): Activity | null {
  const r = q(db).activity.get({ id });
  return r ? rowToActivity(r) : null;
}

export function getRhk(db: Db, id: string): Rhk | null {
  const r = q(db).rhk.get({ id });
  return r ? rowToRhk(r) : null;
}

/**
 * The person's active RHK (SKP targets) of one year, in the order the server created them: the
 * entry form offers them to link an activity to (rule: an RHK counts only for work of its year).
 */
export function activeRhkOf(db: Db, employeeId: string, year: number): Rhk[] {
  return db
    .select()
    .from(rhk)
    .where(and(eq(rhk.employeeId, employeeId), eq(rhk.year, year), eq(rhk.active, 1)))
    .orderBy(asc(rhk.id))
    .all()
    .map(rowToRhk);
}

/** Holidays in [from, to]: a few dozen rows a year, read by primary-key range. */
export function holidaysBetween(db: Db, from: string, to: string): Map<string, Holiday> {
  const rows = q(db).holidays.all({ from, to });
  return new Map(rows.map((r) => [r.date, rowToHoliday(r)]));
}

export function absencesBetween(db: Db, employeeId: string, from: string, to: string): Absence[] {
  return q(db).absences.all({ employeeId, from, to }).map(rowToAbsence);
}

export function workstationIdOf(db: Db): string | null {
  return q(db).state.get()?.workstationId ?? null;
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ReviewItem } from '../../../src-shared/api';
import { blockingOverlaps } from '../../../src-shared/domain/overlap';
import type { Entry } from '../../../src-shared/domain/types';
import type { Db } from '../context';
import { catalog, employees, entries, rhk } from '../db/schema';
import { daySlots, rowToEntry, toViews, type DaySlot } from '../entries/queries';
import { perDb } from '../prepared';

export interface Person {
  id: string;
  nip: string;
  name: string;
  positionTitle: string;
}

const q = perDb((db: Db) => ({
  // Always from the supervisor's people (employees_supervisor_idx) to their waiting entries
  // (entries_status_employee_idx): the cost follows this supervisor's queue, not the unit's or the
  // store's size. CROSS JOIN keeps SQLite from starting at the unit's waiting entries instead.
  waiting: db
    .select({ entry: entries, person: { id: employees.id, nip: employees.nip, name: employees.name, positionTitle: employees.positionTitle } })
    .from(employees)
    .crossJoin(entries)
    .where(and(eq(employees.supervisorId, sql.placeholder('supervisorId')), eq(entries.employeeId, employees.id), sql`${entries.status} = 'submitted'`))
    .orderBy(asc(employees.name), asc(employees.id), asc(entries.workDate), asc(entries.startTime))
    .prepare(),
}));

/** The SQL of the queue's read, for the query-plan test. */
export const waitingSql = (db: Db): string => q(db).waiting.getQuery().sql;

/**
 * Every waiting entry of the supervisor's direct subordinates, by person (name order), day and
 * start time. Inactive people are included: their waiting work still needs a decision before the
 * deadline, and the server accepts it.
 */
export function waitingFor(db: Db, supervisorId: string): { person: Person; entry: Entry }[] {
  return q(db).waiting.all({ supervisorId }).map((r) => ({ person: r.person, entry: rowToEntry(r.entry) }));
}

export type SlotsOf = (e: Entry) => DaySlot[];

/** The day's entries of each (person, day), read once however many of that day's entries ask. */
export function daySlotsCache(db: Db): SlotsOf {
  const days = new Map<string, DaySlot[]>();
  return (e) => {
    const key = `${e.employeeId}|${e.workDate}`;
    let slots = days.get(key);
    if (!slots) days.set(key, (slots = daySlots(db, e.employeeId, e.workDate)));
    return slots;
  };
}

/**
 * Entries as the supervisor reviews them: the entry view, the catalog norm, the RHK title and the
 * overlaps computed from this PC's copy of the day (see decision.ts for why not the server's flag).
 */
export function toItems(db: Db, list: Entry[], slotsOf: SlotsOf = daySlotsCache(db)): ReviewItem[] {
  if (list.length === 0) return [];
  const activityIds = [...new Set(list.map((e) => e.activityId).filter((x): x is string => x !== null))];
  const rhkIds = [...new Set(list.map((e) => e.rhkId).filter((x): x is string => x !== null))];
  const norms = new Map(
    activityIds.length ? db.select({ id: catalog.id, norm: catalog.normMinutes }).from(catalog).where(inArray(catalog.id, activityIds)).all().map((r) => [r.id, r.norm]) : [],
  );
  const titles = new Map(rhkIds.length ? db.select({ id: rhk.id, title: rhk.title }).from(rhk).where(inArray(rhk.id, rhkIds)).all().map((r) => [r.id, r.title]) : []);
  return toViews(db, list).map((view, i) => ({
    ...view,
    normMinutes: view.activityId ? (norms.get(view.activityId) ?? null) : null,
    rhkTitle: view.rhkId ? (titles.get(view.rhkId) ?? null) : null,
    overlapsWith: blockingOverlaps(list[i]!, slotsOf(list[i]!)).map((o) => ({ id: o.id, startTime: o.startTime, endTime: o.endTime, status: o.status })),
  }));
}

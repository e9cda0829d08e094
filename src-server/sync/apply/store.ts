import { and, eq, ne } from 'drizzle-orm';
import type { Policy } from '../../../src-shared/domain/policy';
import type { Absence, Activity, Entry, Rhk } from '../../../src-shared/domain/types';
import type { Tx } from '../../db/client';
import { absences, employees, entries, rhk } from '../../db/schema';
import { nextVersion } from '../../db/sync-scope';
import { toRhk } from '../../reference/rows';
import type { HolidayLookup, ReferenceCache } from './reference-cache';

export type EntryRow = typeof entries.$inferSelect;
export type NewEntryRow = typeof entries.$inferInsert;
export type EntryPatch = Partial<Omit<EntryRow, 'id'>>;
export type EmployeeRow = typeof employees.$inferSelect;
export type EmployeePatch = Partial<Pick<EmployeeRow, 'pinHash' | 'mustChangePin' | 'version' | 'updatedAt'>>;
export type DaySlot = Pick<Entry, 'id' | 'startTime' | 'endTime' | 'status' | 'minutes' | 'flags'>;

/**
 * Everything an applier reads or writes, inside the caller's transaction. Two implementations must
 * answer alike: SqlStore asks the database at each call (the per-mutation path), MemoryStore
 * (batch-store.ts) answers from what a batch read set-wise up front plus the batch's own writes so
 * far, and writes them all at the end. Rows handed out are copies: an applier's snapshot of a day
 * does not change under it when it writes.
 */
export interface ApplyStore {
  employee(id: string): Promise<EmployeeRow | null>;
  updateEmployee(id: string, patch: EmployeePatch): Promise<void>;
  policy(unitId: string): Promise<Policy>;
  /** Any entry with that id (deleted or another unit's too); `lock`: for the rest of the transaction. */
  entry(id: string, lock: boolean): Promise<EntryRow | null>;
  /** The employee's other live entries on a date (the overlap and day-total checks). */
  daySlots(employeeId: string, workDate: string, excludeId: string | null): Promise<DaySlot[]>;
  absences(employeeId: string, date: string): Promise<Absence[]>;
  activity(id: string | null): Promise<Activity | null>;
  rhk(id: string | null): Promise<Rhk | null>;
  /** Holidays from `from` (minus the backdating walk's reach) to `to`. */
  holidays(from: string, to: string): Promise<HolidayLookup>;
  insertEntry(row: NewEntryRow): Promise<void>;
  updateEntry(id: string, patch: EntryPatch): Promise<void>;
  /** The next version of a sync scope (nextVersion); the caller takes it once per mutation. */
  version(scope: string): Promise<number>;
}

export const DAY_SLOT_COLUMNS = {
  id: entries.id,
  startTime: entries.startTime,
  endTime: entries.endTime,
  status: entries.status,
  minutes: entries.minutes,
  flags: entries.flags,
};

export const ABSENCE_COLUMNS = {
  id: absences.id,
  employeeId: absences.employeeId,
  date: absences.date,
  kind: absences.kind,
  note: absences.note,
};

/** The per-mutation path: one statement per question, as the mutation's rules ask it. */
export class SqlStore implements ApplyStore {
  constructor(
    private readonly tx: Tx,
    private readonly cache: ReferenceCache,
  ) {}

  async employee(id: string): Promise<EmployeeRow | null> {
    const [row] = await this.tx.select().from(employees).where(eq(employees.id, id));
    return row ?? null;
  }

  async updateEmployee(id: string, patch: EmployeePatch): Promise<void> {
    await this.tx.update(employees).set(patch).where(eq(employees.id, id));
  }

  policy(unitId: string): Promise<Policy> {
    return this.cache.policy(this.tx, unitId);
  }

  async entry(id: string, lock: boolean): Promise<EntryRow | null> {
    const query = this.tx.select().from(entries).where(eq(entries.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  }

  async daySlots(employeeId: string, workDate: string, excludeId: string | null): Promise<DaySlot[]> {
    const conditions = [eq(entries.employeeId, employeeId), eq(entries.workDate, workDate), eq(entries.deleted, false)];
    if (excludeId) conditions.push(ne(entries.id, excludeId));
    return (await this.tx.select(DAY_SLOT_COLUMNS).from(entries).where(and(...conditions))) as DaySlot[];
  }

  async absences(employeeId: string, date: string): Promise<Absence[]> {
    const rows = await this.tx
      .select(ABSENCE_COLUMNS)
      .from(absences)
      .where(and(eq(absences.employeeId, employeeId), eq(absences.date, date), eq(absences.deleted, false)));
    return rows as Absence[];
  }

  activity(id: string | null): Promise<Activity | null> {
    return this.cache.activity(this.tx, id);
  }

  async rhk(id: string | null): Promise<Rhk | null> {
    if (!id) return null;
    const [row] = await this.tx.select().from(rhk).where(eq(rhk.id, id));
    return row && !row.deleted ? toRhk(row) : null;
  }

  holidays(from: string, to: string): Promise<HolidayLookup> {
    return this.cache.holidays(this.tx, from, to);
  }

  async insertEntry(row: NewEntryRow): Promise<void> {
    await this.tx.insert(entries).values(row);
  }

  async updateEntry(id: string, patch: EntryPatch): Promise<void> {
    await this.tx.update(entries).set(patch).where(eq(entries.id, id));
  }

  version(scope: string): Promise<number> {
    return nextVersion(this.tx, scope);
  }
}

import { asc, eq, sql } from 'drizzle-orm';
import type { Policy } from '../../../src-shared/domain/policy';
import type { Absence, Activity, Rhk } from '../../../src-shared/domain/types';
import type { Tx } from '../../db/client';
import { absences, employees, entries, rhk } from '../../db/schema';
import { nextVersion } from '../../db/sync-scope';
import { toRhk } from '../../reference/rows';
import { anyId, insertFromJson, onDays, updateFromJson } from './bulk-sql';
import type { HolidayLookup, ReferenceCache } from './reference-cache';
import { ABSENCE_COLUMNS, type ApplyStore, type DaySlot, type EmployeePatch, type EmployeeRow, type EntryPatch, type EntryRow, type NewEntryRow } from './store';

const dayKey = (employeeId: string, workDate: string) => `${employeeId}|${workDate}`;
const keyOf = (r: EntryRow) => dayKey(r.employeeId, r.workDate);
const copy = (r: EntryRow): EntryRow => ({ ...r, flags: [...r.flags] });
/** Stands in for the version until flush() takes the real one; never written. */
const PENDING_VERSION = -1;

/**
 * A new row as the database would store it: what the insert leaves out (undefined, as drizzle
 * skips it) takes the column's default. Spelled out, not spread: rows keep one shape, which keeps
 * reading and copying them cheap.
 */
function newRow(v: NewEntryRow): EntryRow {
  return {
    id: v.id,
    employeeId: v.employeeId,
    unitId: v.unitId,
    workDate: v.workDate,
    startTime: v.startTime,
    endTime: v.endTime,
    minutes: v.minutes,
    creditedMinutes: v.creditedMinutes,
    activityId: v.activityId ?? null,
    activityText: v.activityText ?? null,
    rhkId: v.rhkId ?? null,
    volume: v.volume,
    outputUnit: v.outputUnit,
    description: v.description,
    evidenceNote: v.evidenceNote ?? null,
    status: v.status,
    rev: v.rev ?? 1,
    reviewerId: v.reviewerId ?? null,
    reviewNote: v.reviewNote ?? null,
    reviewedAt: v.reviewedAt ?? null,
    flags: v.flags ?? [],
    workstationId: v.workstationId ?? null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    receivedAt: v.receivedAt,
    version: v.version ?? 0,
    deleted: v.deleted ?? false,
  };
}

/**
 * The batch path's store: a batch's reads are made set-wise before its first mutation applies
 * (lockEntries, loadEmployees, loadDays, loadRhks), its mutations then read and write these rows in
 * memory, and flush() writes the final state with a few multi-row statements. It answers what the
 * database would answer at that point of a per-mutation run: every row it knows is authoritative
 * (a day read later from the database is merged with the batch's own writes), and anything it was
 * not given up front it reads on first use, as SqlStore does.
 *
 * Every row a batch writes carries the one version of the workstation's unit, taken by flush()
 * just before the writes so the counter's row lock is held only for them and the commit.
 */
export class MemoryStore implements ApplyStore {
  /** Entries by id; null: known not to exist. */
  private readonly rows = new Map<string, EntryRow | null>();
  private readonly locked = new Set<string>();
  /** Live entries of each (employee, date) read so far. */
  private readonly days = new Map<string, Set<string>>();
  /** Entries created by the batch, in order: inserted whole by flush(). */
  private readonly inserted = new Set<string>();
  /** Entries that existed before the batch → the columns it wrote. */
  private readonly dirty = new Map<string, Set<keyof EntryRow>>();
  private readonly absenceDays = new Map<string, Absence[]>();
  private readonly rhks = new Map<string, Rhk | null>();
  private readonly people = new Map<string, EmployeeRow | null>();
  private readonly peopleWrites: { id: string; patch: EmployeePatch }[] = [];
  private versionTaken = false;

  constructor(
    private readonly tx: Tx,
    private readonly cache: ReferenceCache,
    /** The workstation's unit: the only scope a push writes to. */
    private readonly scope: string,
  ) {}

  /** Reads and locks (in id order, as every batch does) the entries a batch names. */
  async lockEntries(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.rows.has(id));
    if (wanted.length === 0) return;
    const found = await this.tx.select().from(entries).where(anyId(sql`${entries.id}`, wanted)).orderBy(asc(entries.id)).for('update');
    for (const r of found) {
      this.rows.set(r.id, r);
      this.locked.add(r.id);
    }
    for (const id of wanted) if (!this.rows.has(id)) this.rows.set(id, null);
  }

  /** The batch's entry as read so far (for planning what else to read). */
  known(id: string): EntryRow | null {
    return this.rows.get(id) ?? null;
  }

  async loadEmployees(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.people.has(id));
    if (wanted.length === 0) return;
    for (const r of await this.tx.select().from(employees).where(anyId(sql`${employees.id}`, wanted))) this.people.set(r.id, r);
    for (const id of wanted) if (!this.people.has(id)) this.people.set(id, null);
  }

  /** The live entries and the absences of each (employee, date), one statement each. */
  async loadDays(pairs: Iterable<[string, string]>): Promise<void> {
    const wanted = new Map<string, [string, string]>();
    for (const [e, d] of pairs) if (!this.days.has(dayKey(e, d))) wanted.set(dayKey(e, d), [e, d]);
    if (wanted.size === 0) return;
    const list = [...wanted.values()];
    const found = await this.tx.select().from(entries).where(onDays('entries', 'work_date', list));
    this.mergeDays(wanted.keys(), found);
    const away = list.filter(([e, d]) => !this.absenceDays.has(dayKey(e, d)));
    if (away.length === 0) return;
    const rows = (await this.tx.select(ABSENCE_COLUMNS).from(absences).where(onDays('absences', 'date', away))) as Absence[];
    for (const [e, d] of away) this.absenceDays.set(dayKey(e, d), []);
    for (const a of rows) this.absenceDays.get(dayKey(a.employeeId, a.date))?.push(a);
  }

  async loadRhks(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.rhks.has(id));
    if (wanted.length === 0) return;
    for (const r of await this.tx.select().from(rhk).where(anyId(sql`${rhk.id}`, wanted))) this.rhks.set(r.id, r.deleted ? null : toRhk(r));
    for (const id of wanted) if (!this.rhks.has(id)) this.rhks.set(id, null);
  }

  /**
   * Days read from the database, seen through the batch's writes: a row the batch knows counts
   * where the batch has put it, and a row the batch created or moved there counts too.
   */
  private mergeDays(keys: Iterable<string>, found: readonly EntryRow[]): void {
    const sets = new Map<string, Set<string>>();
    for (const k of keys) sets.set(k, new Set());
    for (const r of found) if (!this.rows.get(r.id)) this.rows.set(r.id, r);
    const place = (r: EntryRow | null | undefined) => {
      if (r && !r.deleted) sets.get(keyOf(r))?.add(r.id);
    };
    for (const r of found) place(this.rows.get(r.id));
    if (this.inserted.size > 0 || this.dirty.size > 0) for (const r of this.rows.values()) place(r);
    for (const [k, s] of sets) this.days.set(k, s);
  }

  async employee(id: string): Promise<EmployeeRow | null> {
    if (!this.people.has(id)) await this.loadEmployees([id]);
    const r = this.people.get(id);
    return r ? { ...r } : null;
  }

  async updateEmployee(id: string, patch: EmployeePatch): Promise<void> {
    const r = this.people.get(id);
    if (r) {
      const next = { ...r };
      for (const k in patch) {
        const key = k as keyof EmployeePatch;
        if (patch[key] !== undefined) (next as Record<string, unknown>)[key] = patch[key];
      }
      this.people.set(id, next);
    }
    this.peopleWrites.push({ id, patch });
  }

  policy(unitId: string): Promise<Policy> {
    return this.cache.policy(this.tx, unitId);
  }

  async entry(id: string, lock: boolean): Promise<EntryRow | null> {
    if (!this.rows.has(id)) {
      const query = this.tx.select().from(entries).where(eq(entries.id, id));
      const [r] = lock ? await query.for('update') : await query;
      this.rows.set(id, r ?? null);
      if (r && lock) this.locked.add(id);
    } else if (lock && !this.locked.has(id) && !this.inserted.has(id) && this.rows.get(id)) {
      // Read with its day, before it was locked: what another transaction committed since then
      // counts, as it would for SqlStore, unless the batch has already changed the row itself.
      const [fresh] = await this.tx.select().from(entries).where(eq(entries.id, id)).for('update');
      this.locked.add(id);
      if (fresh && !this.dirty.has(id)) this.put(this.rows.get(id)!, fresh);
    }
    const r = this.rows.get(id);
    return r ? copy(r) : null;
  }

  async daySlots(employeeId: string, workDate: string, excludeId: string | null): Promise<DaySlot[]> {
    const key = dayKey(employeeId, workDate);
    if (!this.days.has(key)) await this.loadDays([[employeeId, workDate]]);
    const out: DaySlot[] = [];
    for (const id of this.days.get(key)!) {
      if (id === excludeId) continue;
      const r = this.rows.get(id)!;
      out.push({ id, startTime: r.startTime, endTime: r.endTime, status: r.status, minutes: r.minutes, flags: [...r.flags] } as DaySlot);
    }
    return out;
  }

  async absences(employeeId: string, date: string): Promise<Absence[]> {
    const key = dayKey(employeeId, date);
    if (!this.absenceDays.has(key)) await this.loadDays([[employeeId, date]]);
    return this.absenceDays.get(key)!.map((a) => ({ ...a }));
  }

  activity(id: string | null): Promise<Activity | null> {
    return this.cache.activity(this.tx, id);
  }

  async rhk(id: string | null): Promise<Rhk | null> {
    if (!id) return null;
    if (!this.rhks.has(id)) await this.loadRhks([id]);
    return this.rhks.get(id) ?? null;
  }

  holidays(from: string, to: string): Promise<HolidayLookup> {
    return this.cache.holidays(this.tx, from, to);
  }

  async insertEntry(values: NewEntryRow): Promise<void> {
    const row = newRow(values);
    // The database would refuse the second insert of an id (23505); so must the batch.
    if (this.rows.get(row.id)) throw new Error(`batch: entry ${row.id} inserted twice`);
    this.rows.set(row.id, row);
    this.inserted.add(row.id);
    if (!row.deleted) this.days.get(keyOf(row))?.add(row.id);
  }

  async updateEntry(id: string, patch: EntryPatch): Promise<void> {
    const before = this.rows.get(id);
    if (!before) throw new Error(`batch: update of entry ${id} the batch has not read`);
    const after = { ...before };
    const columns = this.inserted.has(id) ? null : (this.dirty.get(id) ?? new Set<keyof EntryRow>());
    // Undefined members are skipped, as drizzle's update skips them.
    for (const k in patch) {
      const key = k as keyof EntryPatch;
      if (patch[key] === undefined) continue;
      (after as Record<string, unknown>)[key] = patch[key];
      columns?.add(key);
    }
    if (columns) this.dirty.set(id, columns);
    this.put(before, after);
  }

  /** Replaces a known row, moving it between the days read so far. */
  private put(before: EntryRow, after: EntryRow): void {
    this.rows.set(after.id, after);
    this.days.get(keyOf(before))?.delete(after.id);
    if (!after.deleted) this.days.get(keyOf(after))?.add(after.id);
  }

  async version(scope: string): Promise<number> {
    // A push writes only its workstation's unit; anything else is a bug the per-mutation path handles.
    if (scope !== this.scope) throw new Error(`batch: version of scope ${scope} inside a push of unit ${this.scope}`);
    this.versionTaken = true;
    return PENDING_VERSION;
  }

  /** Writes what the batch changed: entries created, entries changed (by the columns changed), PINs. */
  async flush(): Promise<void> {
    const writes = this.inserted.size + this.dirty.size + this.peopleWrites.length;
    if (writes === 0) return;
    if (!this.versionTaken) throw new Error('batch: writes without a version');
    const version = await nextVersion(this.tx, this.scope);
    if (this.inserted.size > 0) {
      const created = [...this.inserted].map((id) => ({ ...this.rows.get(id)!, version }));
      await this.tx.execute(insertFromJson(entries, created));
    }

    // Rows that existed: one statement per set of columns changed, writing only those (a row of the
    // day that is not locked gets only its overlap mark and version, as refreshOverlapFlags wrote them).
    const groups = new Map<string, { columns: (keyof EntryRow)[]; rows: EntryRow[] }>();
    for (const [id, set] of this.dirty) {
      const columns = [...new Set([...set, 'version' as const])].sort();
      const group = groups.get(columns.join(',')) ?? { columns, rows: [] };
      group.rows.push({ ...this.rows.get(id)!, version });
      groups.set(columns.join(','), group);
    }
    for (const { columns, rows } of groups.values()) await this.tx.execute(updateFromJson(entries, columns, rows));

    for (const w of this.peopleWrites) {
      await this.tx.update(employees).set({ ...w.patch, version }).where(eq(employees.id, w.id));
    }
  }
}

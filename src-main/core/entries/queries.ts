import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Entry, EntryFlag, EntryStatus } from '../../../src-shared/domain/types';
import type { EntryView } from '../../../src-shared/api';
import { catalog, entries, outbox } from '../db/schema';
import type { Db } from '../context';
import { parseJsonArray } from '../reference/mappers';
import { perDb } from '../prepared';

type EntryRow = typeof entries.$inferSelect;

export const rowToEntry = (r: EntryRow): Entry => ({
  id: r.id,
  employeeId: r.employeeId,
  workDate: r.workDate,
  startTime: r.startTime,
  endTime: r.endTime,
  minutes: r.minutes,
  creditedMinutes: r.creditedMinutes,
  activityId: r.activityId,
  activityText: r.activityText,
  rhkId: r.rhkId,
  volume: r.volume,
  outputUnit: r.outputUnit,
  description: r.description,
  evidenceNote: r.evidenceNote,
  status: r.status as EntryStatus,
  rev: r.rev,
  reviewerId: r.reviewerId,
  reviewNote: r.reviewNote,
  reviewedAt: r.reviewedAt,
  flags: parseJsonArray<EntryFlag>(r.flags),
  workstationId: r.workstationId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  receivedAt: r.receivedAt,
  syncCode: r.syncCode,
  syncMessage: r.syncMessage,
});

export const entryToRow = (e: Entry): typeof entries.$inferInsert => ({ ...e, flags: JSON.stringify(e.flags) });

/**
 * Prepared once per database: the hot paths (every create checks the day; every screen lists a
 * month) skip drizzle's query building and SQLite's parsing on each call.
 */
function prepare(db: Db) {
  return {
    byId: db.select().from(entries).where(eq(entries.id, sql.placeholder('id'))).prepare(),
    sameDay: db
      .select({ id: entries.id, startTime: entries.startTime, endTime: entries.endTime, status: entries.status, minutes: entries.minutes })
      .from(entries)
      .where(and(eq(entries.employeeId, sql.placeholder('employeeId')), eq(entries.workDate, sql.placeholder('workDate'))))
      .prepare(),
    range: db
      .select()
      .from(entries)
      .where(and(eq(entries.employeeId, sql.placeholder('employeeId')), between(entries.workDate, sql.placeholder('from'), sql.placeholder('to'))))
      .orderBy(asc(entries.workDate), asc(entries.startTime))
      .prepare(),
    insert: db
      .insert(entries)
      .values({
        id: sql.placeholder('id'),
        employeeId: sql.placeholder('employeeId'),
        workDate: sql.placeholder('workDate'),
        startTime: sql.placeholder('startTime'),
        endTime: sql.placeholder('endTime'),
        minutes: sql.placeholder('minutes'),
        creditedMinutes: sql.placeholder('creditedMinutes'),
        activityId: sql.placeholder('activityId'),
        activityText: sql.placeholder('activityText'),
        rhkId: sql.placeholder('rhkId'),
        volume: sql.placeholder('volume'),
        outputUnit: sql.placeholder('outputUnit'),
        description: sql.placeholder('description'),
        evidenceNote: sql.placeholder('evidenceNote'),
        status: sql.placeholder('status'),
        rev: sql.placeholder('rev'),
        reviewerId: sql.placeholder('reviewerId'),
        reviewNote: sql.placeholder('reviewNote'),
        reviewedAt: sql.placeholder('reviewedAt'),
        flags: sql.placeholder('flags'),
        workstationId: sql.placeholder('workstationId'),
        createdAt: sql.placeholder('createdAt'),
        updatedAt: sql.placeholder('updatedAt'),
        receivedAt: sql.placeholder('receivedAt'),
        syncCode: sql.placeholder('syncCode'),
        syncMessage: sql.placeholder('syncMessage'),
      })
      .prepare(),
  };
}

const q = perDb(prepare);

/** The SQL of the hot reads, for the query-plan tests. */
export function hotQueries(db: Db): Record<'byId' | 'sameDay' | 'range', string> {
  const p = q(db);
  return { byId: p.byId.getQuery().sql, sameDay: p.sameDay.getQuery().sql, range: p.range.getQuery().sql };
}

export function getEntry(db: Db, id: string): Entry | null {
  const r = q(db).byId.get({ id });
  return r ? rowToEntry(r) : null;
}

export type DaySlot = Pick<Entry, 'id' | 'startTime' | 'endTime' | 'status' | 'minutes'>;

/** What the overlap and day-total rules need of the other entries of a day, and nothing more. */
export function daySlots(db: Db, employeeId: string, workDate: string): DaySlot[] {
  return q(db).sameDay.all({ employeeId, workDate }) as DaySlot[];
}

export function entriesOnDay(db: Db, employeeId: string, workDate: string): Entry[] {
  return entriesBetween(db, employeeId, workDate, workDate);
}

export function entriesBetween(db: Db, employeeId: string, from: string, to: string): Entry[] {
  return q(db).range.all({ employeeId, from, to }).map(rowToEntry);
}

export function insertEntry(db: Db, e: Entry): void {
  q(db).insert.run(entryToRow(e) as Record<string, unknown>);
}

export function replaceEntry(db: Db, e: Entry): void {
  const { id, ...rest } = entryToRow(e);
  db.update(entries).set(rest).where(eq(entries.id, id)).run();
}

export function deleteEntryRow(db: Db, id: string): void {
  db.delete(entries).where(eq(entries.id, id)).run();
}

/** Rows → what screens show: the activity's name and whether the server still has to hear of it. */
export function toViews(db: Db, list: Entry[]): EntryView[] {
  if (list.length === 0) return [];
  const ids = list.map((e) => e.id);
  const activityIds = [...new Set(list.map((e) => e.activityId).filter((x): x is string => x !== null))];
  const names = new Map(
    activityIds.length ? db.select({ id: catalog.id, name: catalog.name }).from(catalog).where(inArray(catalog.id, activityIds)).all().map((r) => [r.id, r.name]) : [],
  );
  const pending = new Set(db.selectDistinct({ id: outbox.entityId }).from(outbox).where(and(inArray(outbox.entityId, ids), isNull(outbox.ackedAt))).all().map((r) => r.id));
  return list.map((e) => ({
    ...e,
    activityName: e.activityId ? (names.get(e.activityId) ?? e.activityText ?? '') : (e.activityText ?? ''),
    pending: pending.has(e.id),
  }));
}

import { and, asc, eq, gt, gte, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { PolicySchema } from '../../../src-shared/domain/policy';
import type { AbsenceKind, EntryFlag, EntryStatus, HolidayKind, Role } from '../../../src-shared/domain/types';
import type { SyncTable } from '../../../src-shared/protocol';
import type { SyncRows } from '../../../src-shared/sync-rows';
import type { Executor } from '../../db/client';
import { absences, catalog, employees, entries, holidays, policies, rhk, unitDepartures, units } from '../../db/schema';
import { toActivity, toRhk } from '../../reference/rows';

/**
 * One query per synced table and page: the rows of a scope above a version, in version order, each
 * mapped at this boundary to the wire row of src-shared/sync-rows (camelCase, ISO timestamps, the
 * policy parsed with its defaults). Unit tables are read by (unit_id, version), the indexes made
 * for this; the global tables by version.
 */

/**
 * Which rows of a table to read: versions above `after` (the first `limit`), or every row of one
 * version (a version larger than the page limit is sent whole). From the beginning tombstones are
 * left out: the client holds nothing they could delete.
 */
export type Range = { skipTombstones: boolean } & ({ after: number; limit: number } | { exact: number });

export interface Fetched {
  table: SyncTable;
  id: string;
  version: number;
  /** Null for a tombstone (`op: "delete"`). */
  row: SyncRows[SyncTable] | null;
}

export interface TableSource {
  table: SyncTable;
  fetch(ex: Executor, range: Range): Promise<Fetched[]>;
}

interface Versioned {
  version: PgColumn;
  deleted: PgColumn;
}

function inRange(t: Versioned, range: Range): SQL {
  const version = 'exact' in range ? eq(t.version, range.exact) : gt(t.version, range.after);
  return range.skipTombstones ? and(version, eq(t.deleted, false))! : version;
}

function paged<Q extends PgSelect>(query: Q, t: Versioned, range: Range): Q {
  const ordered = query.orderBy(asc(t.version));
  return 'exact' in range ? ordered : ordered.limit(range.limit);
}

const iso = (d: Date): string => d.toISOString();

/** A table's fetch: its query, the change id of a row, and the wire row of a live one. */
function source<R extends { version: number; deleted: boolean }>(
  table: SyncTable,
  query: (ex: Executor, range: Range) => Promise<R[]>,
  key: (r: R) => string,
  toRow: (r: R) => SyncRows[SyncTable],
): TableSource {
  return {
    table,
    fetch: async (ex, range) => (await query(ex, range)).map((r) => ({ table, id: key(r), version: r.version, row: r.deleted ? null : toRow(r) })),
  };
}

const byId = (r: { id: string }): string => r.id;

const unitRow = (r: typeof units.$inferSelect): SyncRows['units'] => ({
  id: r.id,
  code: r.code,
  name: r.name,
  parentId: r.parentId,
  timeZone: r.timeZone,
});

const employeeRow = (r: typeof employees.$inferSelect): SyncRows['employees'] => ({
  id: r.id,
  nip: r.nip,
  name: r.name,
  unitId: r.unitId,
  positionTitle: r.positionTitle,
  supervisorId: r.supervisorId,
  roles: r.roles as Role[],
  pinHash: r.pinHash,
  mustChangePin: r.mustChangePin,
  tppBase: r.tppBase,
  active: r.active,
});

const catalogRow = (r: typeof catalog.$inferSelect): SyncRows['catalog'] => toActivity(r);

const rhkRow = (r: typeof rhk.$inferSelect): SyncRows['rhk'] => toRhk(r);

// Writers validate the document with PolicySchema, so a failure here is a bug and throws.
const policyRow = (r: typeof policies.$inferSelect): SyncRows['policies'] => ({ unitId: r.unitId, policy: PolicySchema.parse(r.body) });

const holidayRow = (r: typeof holidays.$inferSelect): SyncRows['holidays'] => ({ date: r.date, name: r.name, kind: r.kind as HolidayKind });

const absenceRow = (r: typeof absences.$inferSelect): SyncRows['absences'] => ({
  id: r.id,
  employeeId: r.employeeId,
  date: r.date,
  kind: r.kind as AbsenceKind,
  note: r.note,
});

const entryRow = (r: typeof entries.$inferSelect): SyncRows['entries'] => ({
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
  reviewedAt: r.reviewedAt ? iso(r.reviewedAt) : null,
  flags: r.flags as EntryFlag[],
  workstationId: r.workstationId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  receivedAt: iso(r.receivedAt),
});

/**
 * The entries of a unit in the pull window: work dates from `from` on (the first day of the month
 * two months back). Only a lower bound, so an entry never leaves and re-enters the window.
 * Exported unexecuted for the query-plan test.
 */
export function entriesQuery(ex: Executor, unitId: string, from: string, range: Range) {
  const where = and(eq(entries.unitId, unitId), inRange(entries, range), gte(entries.workDate, from));
  return paged(ex.select().from(entries).where(where).$dynamic(), entries, range);
}

/** The global scope: the city-wide catalog (all of it; the kiosk checks an activity's scope) and holidays. */
export const GLOBAL_SOURCES: TableSource[] = [
  source('catalog', (ex, range) => paged(ex.select().from(catalog).where(inRange(catalog, range)).$dynamic(), catalog, range), byId, catalogRow),
  source('holidays', (ex, range) => paged(ex.select().from(holidays).where(inRange(holidays, range)).$dynamic(), holidays, range), (r) => r.date, holidayRow),
];

/** A unit's scope: the unit row itself, its policy, roster, RHK, absences, and the window's entries. */
export function unitSources(unitId: string, entriesFrom: string): TableSource[] {
  return [
    source('units', (ex, range) => paged(ex.select().from(units).where(and(eq(units.id, unitId), inRange(units, range))).$dynamic(), units, range), byId, unitRow),
    source(
      'policies',
      (ex, range) => paged(ex.select().from(policies).where(and(eq(policies.unitId, unitId), inRange(policies, range))).$dynamic(), policies, range),
      (r) => r.unitId,
      policyRow,
    ),
    source(
      'employees',
      (ex, range) => paged(ex.select().from(employees).where(and(eq(employees.unitId, unitId), inRange(employees, range))).$dynamic(), employees, range),
      byId,
      employeeRow,
    ),
    // People who moved to another unit: always tombstones (`employees` deletes) in this scope.
    source(
      'employees',
      (ex, range) =>
        paged(ex.select().from(unitDepartures).where(and(eq(unitDepartures.unitId, unitId), inRange(unitDepartures, range))).$dynamic(), unitDepartures, range),
      (r) => r.employeeId,
      () => {
        throw new Error('a departure is always a tombstone');
      },
    ),
    source('rhk', (ex, range) => paged(ex.select().from(rhk).where(and(eq(rhk.unitId, unitId), inRange(rhk, range))).$dynamic(), rhk, range), byId, rhkRow),
    source(
      'absences',
      (ex, range) => paged(ex.select().from(absences).where(and(eq(absences.unitId, unitId), inRange(absences, range))).$dynamic(), absences, range),
      byId,
      absenceRow,
    ),
    source('entries', (ex, range) => entriesQuery(ex, unitId, entriesFrom, range), byId, entryRow),
  ];
}

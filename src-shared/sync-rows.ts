import { z } from 'zod';
import { PolicySchema } from './domain/policy';
import {
  ACTIVITY_CATEGORIES,
  AbsenceKindSchema,
  ClockTimeSchema,
  EntryFlagSchema,
  EntryStatusSchema,
  HOLIDAY_KINDS,
  IsoDateSchema,
  RoleSchema,
} from './domain/types';
import type { SyncTable } from './protocol';

/**
 * The rows a pull sends (PROTOCOL.md "PullResult"), one schema per synced table: the server builds
 * its rows to pass these and the workstation parses `change.row` with them. Enums, dates and clock
 * times are checked like the domain types; text lengths are not, because a row the server already
 * holds must never make a workstation's pull fail. Ids are any 8-4-4-4-12 hex (`z.guid`): imported
 * ids need not carry an RFC version nibble. Unknown keys are stripped, so a later server may add
 * fields (migrations are additive) without breaking an older workstation.
 */
const Id = z.guid();
const Timestamp = z.iso.datetime({ offset: true });

export const UnitRowSchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  parentId: Id.nullable(),
  timeZone: z.string().min(1),
});

export const EmployeeRowSchema = z.object({
  id: Id,
  nip: z.string().regex(/^[0-9]{18}$/),
  name: z.string(),
  unitId: Id,
  positionTitle: z.string(),
  supervisorId: Id.nullable(),
  roles: z.array(RoleSchema),
  /** `scrypt$N$r$p$salt$hash`; null until a PIN is set. The kiosk verifies logins offline with it. */
  pinHash: z.string().nullable(),
  mustChangePin: z.boolean(),
  tppBase: z.number().int().nullable(),
  active: z.boolean(),
});

export const CatalogRowSchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  outputUnit: z.string(),
  normMinutes: z.number().int().positive().nullable(),
  category: z.enum(ACTIVITY_CATEGORIES),
  scopeUnitId: Id.nullable(),
  scopePosition: z.string().nullable(),
  active: z.boolean(),
});

export const RhkRowSchema = z.object({
  id: Id,
  employeeId: Id,
  year: z.number().int(),
  title: z.string(),
  indicator: z.string(),
  target: z.number().int(),
  outputUnit: z.string(),
  active: z.boolean(),
});

/** The unit's whole policy document, defaults filled in. */
export const PolicyRowSchema = z.object({ unitId: Id, policy: PolicySchema });

export const HolidayRowSchema = z.object({ date: IsoDateSchema, name: z.string(), kind: z.enum(HOLIDAY_KINDS) });

export const AbsenceRowSchema = z.object({
  id: Id,
  employeeId: Id,
  date: IsoDateSchema,
  kind: AbsenceKindSchema,
  note: z.string().nullable(),
});

export const EntryRowSchema = z.object({
  id: Id,
  employeeId: Id,
  workDate: IsoDateSchema,
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
  minutes: z.number().int().positive(),
  creditedMinutes: z.number().int().min(0),
  activityId: Id.nullable(),
  activityText: z.string().nullable(),
  rhkId: Id.nullable(),
  volume: z.number().int().min(1),
  outputUnit: z.string(),
  description: z.string(),
  evidenceNote: z.string().nullable(),
  status: EntryStatusSchema,
  rev: z.number().int().min(1),
  reviewerId: Id.nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  flags: z.array(EntryFlagSchema),
  workstationId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Server clock of the last accepted change. */
  receivedAt: Timestamp,
});

export const SYNC_ROW_SCHEMAS = {
  units: UnitRowSchema,
  employees: EmployeeRowSchema,
  catalog: CatalogRowSchema,
  rhk: RhkRowSchema,
  policies: PolicyRowSchema,
  holidays: HolidayRowSchema,
  absences: AbsenceRowSchema,
  entries: EntryRowSchema,
} as const satisfies Record<SyncTable, z.ZodType>;

export type SyncRows = { [T in SyncTable]: z.infer<(typeof SYNC_ROW_SCHEMAS)[T]> };
export type UnitRow = SyncRows['units'];
export type EmployeeRow = SyncRows['employees'];
export type CatalogRow = SyncRows['catalog'];
export type RhkRow = SyncRows['rhk'];
export type PolicyRow = SyncRows['policies'];
export type HolidayRow = SyncRows['holidays'];
export type AbsenceRow = SyncRows['absences'];
export type EntryRow = SyncRows['entries'];

/** A change's `id`: the row's key — the date for holidays, the unit id for policies. */
export function syncRowId<T extends SyncTable>(table: T, row: SyncRows[T]): string {
  if (table === 'holidays') return (row as HolidayRow).date;
  if (table === 'policies') return (row as PolicyRow).unitId;
  return (row as { id: string }).id;
}

/** A pulled change with its row parsed for its table; `row` is null exactly when `op` is delete. */
export type SyncChange = {
  [T in SyncTable]:
    | { table: T; id: string; op: 'put'; row: SyncRows[T]; version: number }
    | { table: T; id: string; op: 'delete'; row: null; version: number };
}[SyncTable];

export type ParsedChange = { ok: true; change: SyncChange } | { ok: false; error: string };

/**
 * Parses one change of a PullResult (already shape-checked by ChangeSchema): the row by its
 * table's schema, and the change id against the row's key, so a workstation never files a row
 * under another id.
 */
export function parseSyncChange(change: { table: SyncTable; id: string; op: 'put' | 'delete'; row: unknown; version: number }): ParsedChange {
  const { table, id, op, version } = change;
  if (op === 'delete') {
    return change.row === null
      ? { ok: true, change: { table, id, op, row: null, version } as SyncChange }
      : { ok: false, error: `${table} ${id}: a delete carries no row` };
  }
  const parsed = SYNC_ROW_SCHEMAS[table].safeParse(change.row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${table} ${id}: ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}` };
  }
  const row = parsed.data as SyncRows[SyncTable];
  if (syncRowId(table, row as never) !== id) return { ok: false, error: `${table} ${id}: the row's key is ${syncRowId(table, row as never)}` };
  return { ok: true, change: { table, id, op, row, version } as SyncChange };
}

import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The central database (PostgreSQL, or PGlite embedded). Column names are snake_case; services map
 * rows to the domain types of src-shared at the query boundary.
 *
 * Sync scope (PROTOCOL.md "Cursor"): every row a workstation pulls carries `version`, the value of
 * its scope's counter in `sync_counters` taken by the transaction that last wrote it. A unit's rows
 * (the unit, its employees, RHK, absences, policy and entries) use the unit's counter; the city-wide
 * catalog and holidays use the global counter. The counter row is locked (UPDATE … RETURNING) until
 * commit, so versions commit in order and a pull never skips a version still in flight.
 * Synced rows are never deleted: `deleted` marks a tombstone that is pulled like any other change.
 */

const version = () => bigint('version', { mode: 'number' }).notNull().default(0);
const deleted = () => boolean('deleted').notNull().default(false);
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const createdAtNow = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Key-value facts about this database: `epoch` (changes when a backup is restored). */
export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One row per sync scope: a unit id, or GLOBAL_SCOPE for the catalog and holidays. */
export const syncCounters = pgTable('sync_counters', {
  scope: text('scope').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export const units = pgTable('units', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: uuid('parent_id'),
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  version: version(),
  deleted: deleted(),
  updatedAt: updatedAt(),
});

export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey(),
    nip: text('nip').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    positionTitle: text('position_title').notNull().default(''),
    supervisorId: uuid('supervisor_id'),
    roles: text('roles').array().notNull().default(sql`'{staff}'::text[]`),
    /** `scrypt$N$r$p$salt$hash`, made by the server (set-pin) or on a workstation (changePin). */
    pinHash: text('pin_hash'),
    mustChangePin: boolean('must_change_pin').notNull().default(true),
    tppBase: integer('tpp_base'),
    active: boolean('active').notNull().default(true),
    version: version(),
    deleted: deleted(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('employees_nip_uq').on(t.nip),
    index('employees_unit_version_idx').on(t.unitId, t.version),
    index('employees_supervisor_idx').on(t.supervisorId),
    check('employees_nip_ck', sql`${t.nip} ~ '^[0-9]{18}$'`),
  ],
);

/**
 * An employee who moved to another unit leaves this tombstone in the old unit's scope, so the old
 * unit's workstations drop the person from their staff list (the employee row itself now carries
 * the new unit's versions). Pulled as an `employees` delete; always a tombstone.
 */
export const unitDepartures = pgTable(
  'unit_departures',
  {
    unitId: uuid('unit_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    version: version(),
    deleted: boolean('deleted').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.employeeId] }), index('unit_departures_unit_version_idx').on(t.unitId, t.version)],
);

export const catalog = pgTable(
  'catalog',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    outputUnit: text('output_unit').notNull(),
    normMinutes: integer('norm_minutes'),
    category: text('category').notNull().default('tugas_pokok'),
    scopeUnitId: uuid('scope_unit_id'),
    scopePosition: text('scope_position'),
    active: boolean('active').notNull().default(true),
    version: version(),
    deleted: deleted(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('catalog_code_uq').on(t.code),
    index('catalog_version_idx').on(t.version),
    check('catalog_category_ck', sql`${t.category} in ('tugas_pokok','tugas_tambahan')`),
    check('catalog_norm_ck', sql`${t.normMinutes} is null or ${t.normMinutes} > 0`),
  ],
);

export const rhk = pgTable(
  'rhk',
  {
    id: uuid('id').primaryKey(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    /** The employee's unit when written: the sync scope of the row. */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    indicator: text('indicator').notNull().default(''),
    target: integer('target').notNull().default(0),
    outputUnit: text('output_unit').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: version(),
    deleted: deleted(),
    updatedAt: updatedAt(),
  },
  (t) => [index('rhk_unit_version_idx').on(t.unitId, t.version), index('rhk_employee_year_idx').on(t.employeeId, t.year)],
);

/** One policy document per unit, validated by PolicySchema when written and read. */
export const policies = pgTable('policies', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  body: jsonb('body').notNull(),
  version: version(),
  deleted: deleted(),
  updatedAt: updatedAt(),
});

/** National holidays and cuti bersama: city-wide, global scope. */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('libur_nasional'),
    version: version(),
    deleted: deleted(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('holidays_version_idx').on(t.version),
    check('holidays_kind_ck', sql`${t.kind} in ('libur_nasional','cuti_bersama')`),
  ],
);

export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    version: version(),
    deleted: deleted(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('absences_employee_date_uq').on(t.employeeId, t.date),
    index('absences_unit_version_idx').on(t.unitId, t.version),
    check('absences_kind_ck', sql`${t.kind} in ('cuti','sakit','izin','dinas_luar')`),
  ],
);

export const entries = pgTable(
  'entries',
  {
    id: uuid('id').primaryKey(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    /** The employee's unit when written: the sync scope of the row. */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    workDate: date('work_date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    minutes: integer('minutes').notNull(),
    creditedMinutes: integer('credited_minutes').notNull(),
    activityId: uuid('activity_id'),
    activityText: text('activity_text'),
    rhkId: uuid('rhk_id'),
    volume: integer('volume').notNull(),
    outputUnit: text('output_unit').notNull(),
    description: text('description').notNull(),
    evidenceNote: text('evidence_note'),
    status: text('status').notNull(),
    rev: integer('rev').notNull().default(1),
    reviewerId: uuid('reviewer_id'),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    workstationId: uuid('workstation_id'),
    /** Client clock of the create and of the last change (as sent in the mutation). */
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Server clock when the last accepted change arrived. */
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: version(),
    deleted: deleted(),
  },
  (t) => [
    index('entries_unit_version_idx').on(t.unitId, t.version),
    index('entries_employee_date_idx').on(t.employeeId, t.workDate, t.startTime),
    index('entries_status_employee_idx').on(t.status, t.employeeId, t.workDate),
    check('entries_status_ck', sql`${t.status} in ('draft','submitted','approved','returned','rejected')`),
    check('entries_volume_ck', sql`${t.volume} >= 1`),
    check('entries_minutes_ck', sql`${t.minutes} > 0 and ${t.creditedMinutes} >= 0 and ${t.creditedMinutes} <= ${t.minutes}`),
  ],
);

export const workstations = pgTable(
  'workstations',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    name: text('name').notNull(),
    /** sha256 of the bearer token (hex); the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    /** The local database file this workstation syncs (PROTOCOL.md "Client"). */
    clientId: uuid('client_id').notNull(),
    enrolledAt: createdAtNow('enrolled_at'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }),
    lastIp: text('last_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('workstations_token_hash_uq').on(t.tokenHash), index('workstations_unit_idx').on(t.unitId)],
);

/** Exactly-once state per client (PROTOCOL.md): the row is locked by every push transaction. */
export const syncClients = pgTable('sync_clients', {
  clientId: uuid('client_id').primaryKey(),
  workstationId: uuid('workstation_id')
    .notNull()
    .references(() => workstations.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  /** Latest client clock seen, to flag a clock that went backwards. */
  lastClientTime: timestamp('last_client_time', { withTimezone: true, mode: 'date' }),
  updatedAt: updatedAt(),
});

/**
 * The stored answer for every processed mutation, replayed for a seq ≤ last_seq. Keyed by the
 * client's seq; the mutation id is indexed (not unique) so a mutation that reuses another's id can
 * still be answered — rejected — and its seq consumed.
 */
export const mutationResults = pgTable(
  'mutation_results',
  {
    mutationId: uuid('mutation_id').notNull(),
    clientId: uuid('client_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    actorId: uuid('actor_id').notNull(),
    /** sha256 of the canonical mutation (name, args, actor, clientTime): a reused id with other content is caught. */
    contentHash: text('content_hash').notNull(),
    status: text('status').notNull(),
    code: text('code'),
    message: text('message'),
    rev: integer('rev'),
    processedAt: createdAtNow('processed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.seq] }),
    index('mutation_results_mutation_idx').on(t.mutationId),
    index('mutation_results_processed_idx').on(t.processedAt),
    check('mutation_results_status_ck', sql`${t.status} in ('applied','rejected','conflict')`),
  ],
);

export const enrollmentCodes = pgTable(
  'enrollment_codes',
  {
    /** sha256 of the normalized code (hex); the code is shown once and never stored. */
    codeHash: text('code_hash').primaryKey(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    createdAt: createdAtNow('created_at'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    workstationId: uuid('workstation_id'),
  },
  (t) => [index('enrollment_codes_unit_idx').on(t.unitId)],
);

/** What operators and workstations did on the server, for a later reader (never secrets). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: createdAtNow('at'),
    actorId: uuid('actor_id'),
    workstationId: uuid('workstation_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('audit_entity_idx').on(t.entityId), index('audit_at_idx').on(t.at)],
);

export const schema = {
  serverMeta,
  syncCounters,
  units,
  employees,
  unitDepartures,
  catalog,
  rhk,
  policies,
  holidays,
  absences,
  entries,
  workstations,
  syncClients,
  mutationResults,
  enrollmentCodes,
  auditLog,
};

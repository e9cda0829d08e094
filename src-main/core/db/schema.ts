import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The workstation's local store. Reference tables (units … absences) mirror what the central
 * server sends down for this workstation's unit; `entries` holds both the staff's own writes and
 * what others wrote elsewhere; `outbox` is the ordered log of mutations still to push.
 * Column names are snake_case; rows are mapped to domain types at the query boundary.
 * Booleans are 0/1 integers; lists and documents are JSON text.
 *
 * No foreign keys between the mirrored tables: pull pages arrive in the server's version order,
 * not parent-before-child, and the server already enforces those relations. `foreign_keys=ON`
 * is still set at open so any local-only relation added later is enforced.
 */

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  version: integer('version').notNull().default(0),
});

export const employees = sqliteTable(
  'employees',
  {
    id: text('id').primaryKey(),
    nip: text('nip').notNull(),
    name: text('name').notNull(),
    unitId: text('unit_id').notNull(),
    positionTitle: text('position_title').notNull().default(''),
    supervisorId: text('supervisor_id'),
    /** JSON array of roles. */
    roles: text('roles').notNull().default('["staff"]'),
    /** `scrypt$N$r$p$salt$hash`; null until the operator sets an initial PIN. */
    pinHash: text('pin_hash'),
    mustChangePin: integer('must_change_pin').notNull().default(1),
    tppBase: integer('tpp_base'),
    active: integer('active').notNull().default(1),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('employees_nip_uq').on(t.nip),
    index('employees_unit_name_idx').on(t.unitId, t.name),
    index('employees_supervisor_idx').on(t.supervisorId),
  ],
);

export const catalog = sqliteTable(
  'catalog',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    outputUnit: text('output_unit').notNull(),
    normMinutes: integer('norm_minutes'),
    category: text('category').notNull().default('tugas_pokok'),
    scopeUnitId: text('scope_unit_id'),
    scopePosition: text('scope_position'),
    /** Lower-cased, accent-free name + code + keywords, for search. */
    searchText: text('search_text').notNull().default(''),
    active: integer('active').notNull().default(1),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('catalog_active_name_idx').on(t.active, t.name)],
);

export const rhk = sqliteTable(
  'rhk',
  {
    id: text('id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    indicator: text('indicator').notNull().default(''),
    target: integer('target').notNull().default(0),
    outputUnit: text('output_unit').notNull().default(''),
    active: integer('active').notNull().default(1),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('rhk_employee_year_idx').on(t.employeeId, t.year)],
);

export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('libur_nasional'),
  version: integer('version').notNull().default(0),
});

export const absences = sqliteTable(
  'absences',
  {
    id: text('id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(0),
  },
  (t) => [uniqueIndex('absences_employee_date_uq').on(t.employeeId, t.date)],
);

/** One policy document per unit (JSON validated by PolicySchema when read). */
export const policies = sqliteTable('policies', {
  unitId: text('unit_id').primaryKey(),
  body: text('body').notNull(),
  version: integer('version').notNull().default(0),
});

export const entries = sqliteTable(
  'entries',
  {
    id: text('id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    workDate: text('work_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    minutes: integer('minutes').notNull(),
    creditedMinutes: integer('credited_minutes').notNull(),
    activityId: text('activity_id'),
    activityText: text('activity_text'),
    rhkId: text('rhk_id'),
    volume: integer('volume').notNull(),
    outputUnit: text('output_unit').notNull(),
    description: text('description').notNull(),
    evidenceNote: text('evidence_note'),
    status: text('status').notNull(),
    rev: integer('rev').notNull().default(1),
    reviewerId: text('reviewer_id'),
    reviewNote: text('review_note'),
    reviewedAt: text('reviewed_at'),
    /** JSON array of EntryFlag. */
    flags: text('flags').notNull().default('[]'),
    workstationId: text('workstation_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    receivedAt: text('received_at'),
    syncCode: text('sync_code'),
    syncMessage: text('sync_message'),
    /**
     * 1 when the server refused this entry's creation: it exists only here. The owner may fix and
     * send it again (sent as a new entry.create) or delete it without a mutation.
     */
    localOnly: integer('local_only').notNull().default(0),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    // entry-list, recap-month, overlap and day-total checks: one employee, a date range.
    index('entries_employee_date_idx').on(t.employeeId, t.workDate, t.startTime),
    // the supervisor's approval queue: submitted entries of given employees.
    index('entries_status_employee_idx').on(t.status, t.employeeId, t.workDate),
    check('entries_status_ck', sql`${t.status} in ('draft','submitted','approved','returned','rejected')`),
    check('entries_volume_ck', sql`${t.volume} >= 1`),
    check('entries_minutes_ck', sql`${t.minutes} > 0 and ${t.creditedMinutes} >= 0 and ${t.creditedMinutes} <= ${t.minutes}`),
  ],
);

/**
 * Mutations waiting to be pushed, in order. `seq` is AUTOINCREMENT so it never goes back or reuses
 * a number, and a rolled-back write leaves no gap (sqlite_sequence rolls back with it).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** JSON of the mutation args (PROTOCOL.md). */
    args: text('args').notNull(),
    actorId: text('actor_id').notNull(),
    clientTime: text('client_time').notNull(),
    /** The entity the mutation touches, to mark it when the server rejects the mutation. */
    entityId: text('entity_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /**
     * When the server answered this mutation; null while it is still to be pushed. Answered
     * mutations are kept for a while (sync/retention.ts): a server restored from an older backup
     * has lost them, and they are pushed again from here.
     */
    ackedAt: text('acked_at'),
    resultStatus: text('result_status'),
    resultCode: text('result_code'),
  },
  (t) => [
    uniqueIndex('outbox_id_uq').on(t.id),
    index('outbox_entity_idx').on(t.entityId),
    index('outbox_pending_idx').on(t.seq).where(sql`${t.ackedAt} is null`),
  ],
);

/**
 * The server's copy of each entry as last pulled (`body` = the EntryRow JSON; null once the
 * server deleted it). `entries` shows local changes still in the outbox on top of it; when the
 * server refuses such a change, the entry goes back to this copy.
 */
export const syncedEntries = sqliteTable('synced_entries', {
  id: text('id').primaryKey(),
  body: text('body'),
  version: integer('version').notNull(),
});

/** Rows a full pull has sent so far (only while one runs): what it never sends is swept at its end. */
export const resyncSeen = sqliteTable(
  'resync_seen',
  {
    tbl: text('tbl').notNull(),
    id: text('id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.id] })],
);

/** The last sync attempts, newest last, for the operator's sync-log (kept to 200). */
export const syncLog = sqliteTable('sync_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  trigger: text('trigger').notNull(),
  outcome: text('outcome').notNull(),
  pushed: integer('pushed').notNull().default(0),
  applied: integer('applied').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  pulled: integer('pulled').notNull().default(0),
  errorCode: text('error_code'),
  detail: text('detail'),
});

/** One row: this database file's identity and its sync position. */
export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    /** Made when the file is created; a copied file keeps it, which the server detects. */
    clientId: text('client_id').notNull(),
    workstationId: text('workstation_id'),
    workstationName: text('workstation_name'),
    unitId: text('unit_id'),
    serverUrl: text('server_url'),
    cursor: text('cursor'),
    lastProcessedSeq: integer('last_processed_seq').notNull().default(0),
    lastSyncAt: text('last_sync_at'),
    /** 1 while a pull from the beginning runs (after enrollment or a reset): see resync_seen. */
    resyncing: integer('resyncing').notNull().default(0),
    /**
     * Why pushing stopped until an operator acts: 'unauthenticated' | 'revoked' | 'reenroll' |
     * 'update'; null when sync may run. Kept across restarts so a revoked PC does not retry forever.
     */
    blocked: text('blocked'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [check('sync_state_single_ck', sql`${t.id} = 1`)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** JSON object with what a later reader needs to understand the action. */
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('audit_actor_at_idx').on(t.actorId, t.at), index('audit_entity_idx').on(t.entityId)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Wrong-PIN counters, per employee on this workstation. */
export const kioskLockouts = sqliteTable('kiosk_lockouts', {
  employeeId: text('employee_id').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  /** How many times this employee has been locked since the last good PIN: the delay grows. */
  lockCount: integer('lock_count').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastFailedAt: text('last_failed_at'),
});

/** Activities an employee starred on this workstation (shown first in catalog-search). */
export const catalogFavorites = sqliteTable(
  'catalog_favorites',
  {
    employeeId: text('employee_id').notNull(),
    activityId: text('activity_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.activityId] })],
);

/**
 * A supervisor's decision the central server refused (entry.review@1 answered `rejected` or
 * `conflict`: decided on another PC, changed meanwhile, overlap, deadline), written when the answer
 * is settled (sync/settle.ts) and shown in that supervisor's Verifikasi until dismissed. The entry's
 * day and times are kept as they were then: the owner may move the entry later. `mutation_id` makes
 * settling the same answer twice (a server restored from a backup answers again) write one notice.
 */
export const reviewNotices = sqliteTable(
  'review_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mutationId: text('mutation_id').notNull(),
    actorId: text('actor_id').notNull(),
    entryId: text('entry_id').notNull(),
    employeeId: text('employee_id'),
    workDate: text('work_date').notNull().default(''),
    startTime: text('start_time').notNull().default(''),
    endTime: text('end_time').notNull().default(''),
    decision: text('decision').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    /** When this PC learnt of the refusal. */
    at: text('at').notNull(),
    dismissedAt: text('dismissed_at'),
  },
  (t) => [
    uniqueIndex('review_notices_mutation_uq').on(t.mutationId),
    // The queue reads one supervisor's notices still to read, newest first.
    index('review_notices_open_idx').on(t.actorId, t.id).where(sql`${t.dismissedAt} is null`),
    check('review_notices_decision_ck', sql`${t.decision} in ('approve','return','reject')`),
  ],
);

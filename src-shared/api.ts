import { z } from 'zod';
import {
  ClockTimeSchema,
  EntryFlagSchema,
  EntryStatusSchema,
  IsoDateSchema,
  MonthSchema,
  RoleSchema,
  type Entry,
} from './domain/types';
import { AppErrorSchema, ErrorCodeSchema } from './error-schemas';
import { WireTextSchema } from './protocol';
import { SETTING_KEYS, SettingsSchema, type SettingKey } from './settings';

/**
 * The app API: every command the UI may call, with its argument and result schemas.
 * The core's handler map must implement exactly these names (a missing one fails to compile);
 * the renderer's `send()` takes its types from here. No other list of command names exists.
 *
 * `auth` says who may call:
 *  - 'none': the lock screen (no session);
 *  - 'session': a logged-in person whose PIN is not waiting to be changed;
 *  - 'session-any': a logged-in person, even one who still has to change the initial PIN;
 *  - 'operator': a logged-in person with the operator or admin role.
 * For every command but 'none', the transport adds `sessionToken` to the args (see SessionArgs);
 * screens never handle it.
 */

const Uuid = z.uuid();
const Text = WireTextSchema;

export const EntrySchema = z.object({
  id: z.string(),
  employeeId: z.string(),
  workDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  minutes: z.number(),
  creditedMinutes: z.number(),
  activityId: z.string().nullable(),
  activityText: z.string().nullable(),
  rhkId: z.string().nullable(),
  volume: z.number(),
  outputUnit: z.string(),
  description: z.string(),
  evidenceNote: z.string().nullable(),
  status: EntryStatusSchema,
  rev: z.number(),
  reviewerId: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  flags: z.array(EntryFlagSchema),
  workstationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  receivedAt: z.string().nullable(),
  syncCode: z.string().nullable(),
  syncMessage: z.string().nullable(),
}) satisfies z.ZodType<Entry>;

/** An entry as listed on screen: the row plus the names a screen needs beside it. */
export const EntryViewSchema = EntrySchema.extend({
  activityName: z.string(),
  /** Whether the server still has to receive this entry's latest change. */
  pending: z.boolean(),
});
export type EntryView = z.infer<typeof EntryViewSchema>;

const WarningsSchema = z.array(AppErrorSchema);

export const SessionInfoSchema = z.object({
  token: z.string(),
  employee: z.object({
    id: z.string(),
    nip: z.string(),
    name: z.string(),
    positionTitle: z.string(),
    roles: z.array(RoleSchema),
    hasSubordinates: z.boolean(),
  }),
  mustChangePin: z.boolean(),
  /** The UI logs out after this much inactivity (policy, or this PC's override). */
  idleLogoutSeconds: z.number(),
  startedAt: z.string(),
  /**
   * The person's entries the central server refused or changed under them since they last acted
   * on them (sync/settle.ts): shown right after login, in plain Indonesian, with what to do.
   */
  syncNotices: z.array(
    z.object({ entryId: z.string(), workDate: z.string(), startTime: z.string(), endTime: z.string(), code: ErrorCodeSchema, message: z.string() }),
  ),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

const EntryFieldsSchema = z.object({
  workDate: IsoDateSchema,
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
  activityId: Uuid.nullable(),
  activityText: Text.nullable().optional(),
  rhkId: Uuid.nullable().optional(),
  volume: z.number().int(),
  description: Text,
  evidenceNote: Text.nullable().optional(),
});

export const RecapSchema = z.object({
  employeeId: z.string(),
  employeeName: z.string(),
  month: z.string(),
  workingDays: z.number(),
  countedAbsenceDays: z.number(),
  effectiveMinutes: z.number(),
  approvedMinutes: z.number(),
  waitingMinutes: z.number(),
  returnedMinutes: z.number(),
  draftMinutes: z.number(),
  rejectedMinutes: z.number(),
  capaianPercent: z.number(),
  tppEstimate: z.number().nullable(),
  daysWithoutEntries: z.array(z.string()),
  periodClosesOn: z.string(),
  daysLeftBeforeClose: z.number(),
  approvalDeadline: z.string(),
});

export const CatalogItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  outputUnit: z.string(),
  normMinutes: z.number().nullable(),
  category: z.enum(['tugas_pokok', 'tugas_tambahan']),
  favorite: z.boolean(),
  lastUsedAt: z.string().nullable(),
  useCount: z.number(),
});

/** A rule's finding on a form that is being filled in (entry-check, entry-form): an error blocks, a warning informs. */
export const IssueViewSchema = AppErrorSchema.extend({ severity: z.enum(['error', 'warning']) });
export type IssueView = z.infer<typeof IssueViewSchema>;

/** One date the wizard may offer, with what the date rules (1 and 2) say about it. */
export const FormDateSchema = z.object({
  date: z.string(),
  /** ISO weekday, 1 = Monday. */
  weekday: z.number(),
  /** The working window of that day (rule 3 warns outside it). */
  window: z.object({ start: z.string(), end: z.string() }),
  /** Empty when the date is fine; a warning still lets the person go on; an error does not. */
  issues: z.array(IssueViewSchema),
  /** Minutes the person already logged that day (non-rejected entries). */
  loggedMinutes: z.number(),
  /** End of the day's last non-rejected entry, for the time step's "lanjut dari" quick pick. */
  lastEndTime: z.string().nullable(),
});

/** What the guided entry form needs to know before the first step (entry-form). */
export const EntryFormSchema = z.object({
  today: z.string(),
  /** The local clock, HH:mm, for "sampai sekarang" quick picks. */
  now: z.string(),
  /** The earliest date the backdating window allows (rule 1). */
  earliestDate: z.string(),
  /** Today and every calendar day back to earliestDate, newest first. */
  dates: z.array(FormDateSchema),
  maxMinutesPerDay: z.number(),
  minDescriptionChars: z.number(),
  maxVolume: z.number(),
  allowFreeTextActivity: z.boolean(),
  /** The person's active RHK targets for the current year. */
  rhk: z.array(
    z.object({ id: z.string(), year: z.number(), title: z.string(), indicator: z.string(), target: z.number(), outputUnit: z.string() }),
  ),
});
export type EntryForm = z.infer<typeof EntryFormSchema>;

/** One day of a month as the calendar shows it (calendar-month). */
export const CalendarDaySchema = z.object({
  date: z.string(),
  weekday: z.number(),
  working: z.boolean(),
  /** Why the day is not a working day, in plain words (akhir pekan, libur: …, cuti); null when it is. */
  reason: z.string().nullable(),
  kind: z.enum(['working', 'weekend', 'holiday', 'absence']),
});

/** A person as the supervisor's screens and the reports name them. */
export const PersonSchema = z.object({
  id: z.string(),
  nip: z.string(),
  name: z.string(),
  positionTitle: z.string(),
});

/** One entry as the supervisor reviews it: the entry plus what a decision needs beside it. */
export const ReviewItemSchema = EntryViewSchema.extend({
  /** The catalog norm per unit of output (waktu efektif); null for free text or an activity without norm. */
  normMinutes: z.number().nullable(),
  rhkTitle: z.string().nullable(),
  /**
   * The person's other standing (draft, waiting, approved) entries that day whose times overlap this
   * one, computed from this PC's copy (rule 4): it cannot be approved while any of them stands.
   */
  overlapsWith: z.array(z.object({ id: z.string(), startTime: z.string(), endTime: z.string(), status: EntryStatusSchema })),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** The approval deadline of one period (month) the queue holds entries of. */
export const ReviewPeriodSchema = z.object({
  month: z.string(),
  deadline: z.string(),
  /** Calendar days from today to the deadline (0 on the day itself; negative once passed). */
  daysLeft: z.number(),
  open: z.boolean(),
});

/** A decision of this supervisor that the central server refused (decided elsewhere, changed meanwhile, overlap, deadline). */
export const ReviewNoticeSchema = z.object({
  id: z.number(),
  entryId: z.string(),
  employeeName: z.string(),
  workDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  decision: z.enum(['approve', 'return', 'reject']),
  code: ErrorCodeSchema,
  message: z.string(),
  at: z.string(),
});

/** Verifikasi: everything waiting for the logged-in supervisor, by employee, then by day (oldest first). */
export const ReviewQueueSchema = z.object({
  today: z.string(),
  /** Entries waiting, over all employees. */
  total: z.number(),
  employees: z.array(
    z.object({
      employee: PersonSchema,
      waiting: z.number(),
      waitingMinutes: z.number(),
      days: z.array(
        z.object({
          date: z.string(),
          /** Credited minutes of the waiting entries of the day. */
          waitingMinutes: z.number(),
          /** Minutes the person logged that day over all non-rejected entries (the day's total). */
          dayMinutes: z.number(),
          entries: z.array(ReviewItemSchema),
        }),
      ),
    }),
  ),
  periods: z.array(ReviewPeriodSchema),
  notices: z.array(ReviewNoticeSchema),
});
export type ReviewQueue = z.infer<typeof ReviewQueueSchema>;

const ReviewRefSchema = z.object({ entryId: Uuid, rev: z.number().int().min(1) }).strict();

const UnitRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

/**
 * The team's month (Tim, the printed team report and its XLSX): built by one function in the core,
 * so the screen, the print view and the spreadsheet always show the same figures.
 */
export const TeamReportSchema = z.object({
  unit: UnitRefSchema,
  month: z.string(),
  today: z.string(),
  generatedAt: z.string(),
  supervisor: PersonSchema,
  approvalDeadline: z.string(),
  approvalOpen: z.boolean(),
  rows: z.array(
    z.object({
      employee: PersonSchema,
      recap: RecapSchema,
      /** Entries of the month still waiting for this supervisor's decision. */
      waitingForReview: z.number(),
    }),
  ),
  totals: z.object({
    employees: z.number(),
    effectiveMinutes: z.number(),
    approvedMinutes: z.number(),
    waitingMinutes: z.number(),
    returnedMinutes: z.number(),
    rejectedMinutes: z.number(),
    daysWithoutEntries: z.number(),
    waitingForReview: z.number(),
    /** Sum of the rows' estimates; null when no row has a TPP base. */
    tppEstimate: z.number().nullable(),
  }),
});
export type TeamReport = z.infer<typeof TeamReportSchema>;

/** One employee's month (the printed recap and its XLSX): the recap and the month's entries except drafts. */
export const EmployeeReportSchema = z.object({
  unit: UnitRefSchema,
  month: z.string(),
  today: z.string(),
  generatedAt: z.string(),
  employee: PersonSchema,
  supervisor: PersonSchema.nullable(),
  recap: RecapSchema,
  entries: z.array(EntryViewSchema),
});
export type EmployeeReport = z.infer<typeof EmployeeReportSchema>;

export const RestoreReportSchema = z.object({
  at: z.string(),
  corruptMovedTo: z.string(),
  restoredFrom: z.string().nullable(),
  reason: z.string(),
});

export const SYNC_TRIGGERS = ['start', 'timer', 'retry', 'manual', 'session-end', 'network', 'enroll'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/** The status bar's view of the sync loop (command workstation-status, event sync-status). */
export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  workstationId: z.string().nullable(),
  /** Whether the last attempt reached the server; null before the first attempt. */
  online: z.boolean().nullable(),
  running: z.boolean(),
  /** Local changes the server has not answered yet. */
  pending: z.number(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: ErrorCodeSchema, message: z.string(), at: z.string() }).nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Set when sync stopped until an operator acts: re-enroll, or update the app. */
  blocked: z.enum(['unauthenticated', 'revoked', 'reenroll', 'update']).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

const SyncAttemptSchema = z.object({
  outcome: z.enum(['ok', 'retry', 'blocked']),
  error: AppErrorSchema.nullable(),
  pushed: z.number(),
  applied: z.number(),
  refused: z.number(),
  pulled: z.number(),
  status: SyncStatusSchema,
});

/** The value is checked against the key's own schema by the handler (VALIDATION on `value`). */
const SettingSetSchema = z.object({ key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]), value: z.unknown() }).strict();

const cmd = <A extends z.ZodType, R extends z.ZodType, Auth extends AuthLevel>(auth: Auth, args: A, result: R) => ({
  auth,
  args,
  result,
});
export type AuthLevel = 'none' | 'session' | 'session-any' | 'operator';
const NoArgs = z.object({}).strict();

export const commands = {
  'app-status': cmd(
    'none',
    NoArgs,
    z.object({
      schemaVersion: z.number(),
      clientId: z.string(),
      enrolled: z.boolean(),
      unitName: z.string().nullable(),
      restored: RestoreReportSchema.nullable(),
      /** Set when the daily backup's copy failed its integrity check: the store may be damaged. */
      integrityWarning: z.string().nullable(),
      pendingMutations: z.number(),
    }),
  ),
  'kiosk-staff-list': cmd(
    'none',
    z.object({ query: z.string().max(100).optional() }).strict(),
    z.object({
      showList: z.boolean(),
      pinLength: z.number(),
      /**
       * The PC's idle logout (policy, or this PC's override). The lock screen uses it too: a name
       * chosen or a NIP typed and then left alone goes back to a clean list after this long.
       */
      idleSeconds: z.number(),
      staff: z.array(
        z.object({
          id: z.string(),
          nip: z.string(),
          nipFormatted: z.string(),
          name: z.string(),
          positionTitle: z.string(),
          initials: z.string(),
          lockedUntil: z.string().nullable(),
        }),
      ),
    }),
  ),
  'kiosk-login': cmd('none', z.object({ nip: z.string().max(40), pin: z.string().max(20) }).strict(), SessionInfoSchema),
  'kiosk-logout': cmd('session-any', NoArgs, z.object({ loggedOut: z.literal(true) })),
  'kiosk-session': cmd('session-any', NoArgs, SessionInfoSchema),
  'kiosk-change-pin': cmd(
    'session-any',
    z.object({ currentPin: z.string().max(20).optional(), newPin: z.string().max(20) }).strict(),
    z.object({ changed: z.literal(true) }),
  ),
  'entry-create': cmd(
    'session',
    EntryFieldsSchema.extend({ submit: z.boolean().default(false) }).strict(),
    z.object({ entry: EntryViewSchema, warnings: WarningsSchema }),
  ),
  'entry-update': cmd(
    'session',
    z
      .object({ entryId: Uuid, rev: z.number().int().min(1), changes: EntryFieldsSchema.partial().strict() })
      .strict(),
    z.object({ entry: EntryViewSchema, warnings: WarningsSchema }),
  ),
  'entry-submit': cmd(
    'session',
    z.object({ entryId: Uuid, rev: z.number().int().min(1) }).strict(),
    z.object({ entry: EntryViewSchema, warnings: WarningsSchema }),
  ),
  'entry-delete': cmd(
    'session',
    z.object({ entryId: Uuid, rev: z.number().int().min(1) }).strict(),
    z.object({ deleted: z.string() }),
  ),
  'entry-list': cmd(
    'session',
    z.object({ employeeId: Uuid.optional(), month: MonthSchema }).strict(),
    z.object({ employeeId: z.string(), month: z.string(), entries: z.array(EntryViewSchema) }),
  ),
  'entry-copy-day': cmd(
    'session',
    z.object({ fromDate: IsoDateSchema.optional(), toDate: IsoDateSchema.optional() }).strict(),
    z.object({
      fromDate: z.string(),
      toDate: z.string(),
      created: z.array(EntryViewSchema),
      skipped: z.array(z.object({ sourceId: z.string(), error: AppErrorSchema })),
    }),
  ),
  /** The guided form's context: allowed dates with their rule findings, limits, the person's RHK. */
  'entry-form': cmd('session', NoArgs, EntryFormSchema),
  /**
   * Runs every entry rule on the fields given so far, without writing anything: the wizard calls it
   * at each step and shows the findings of that step's fields. Rules whose inputs are missing are
   * skipped; `entryId` names the entry being edited (it does not clash with itself).
   */
  'entry-check': cmd(
    'session',
    EntryFieldsSchema.partial().extend({ entryId: Uuid.optional() }).strict(),
    z.object({ issues: z.array(IssueViewSchema) }),
  ),
  'calendar-month': cmd(
    'session',
    /** The current month (of the PC's clock, in the unit's time zone) when `month` is absent. */
    z.object({ month: MonthSchema.optional() }).strict(),
    z.object({ month: z.string(), today: z.string(), days: z.array(CalendarDaySchema) }),
  ),
  'catalog-search': cmd(
    'session',
    z.object({ query: z.string().max(100).optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ items: z.array(CatalogItemSchema) }),
  ),
  'catalog-favorite-set': cmd(
    'session',
    z.object({ activityId: Uuid, favorite: z.boolean() }).strict(),
    z.object({ activityId: z.string(), favorite: z.boolean() }),
  ),
  'recap-month': cmd(
    'session',
    z.object({ employeeId: Uuid.optional(), month: MonthSchema }).strict(),
    RecapSchema,
  ),
  /** Verifikasi: the entries waiting for the logged-in supervisor, with the period deadlines and refused decisions. */
  'review-queue': cmd('session', NoArgs, ReviewQueueSchema),
  /** One subordinate's entry as it is now, in any status (the "what changed" of a stale decision). */
  'review-entry': cmd('session', z.object({ entryId: Uuid }).strict(), z.object({ item: ReviewItemSchema })),
  /**
   * The direct supervisor's decision on one waiting entry, on the revision they saw (`rev`): one
   * entry.review@1 mutation. A note is required to return or reject.
   */
  'review-decide': cmd(
    'session',
    ReviewRefSchema.extend({ decision: z.enum(['approve', 'return', 'reject']), note: Text.optional() }).strict(),
    z.object({ entry: EntryViewSchema }),
  ),
  /**
   * "Setujui semua": approves exactly the entries listed (what the confirmation counted), each on
   * the revision shown, in one transaction: all of them or none. One entry.review@1 per entry.
   */
  'review-approve-all': cmd(
    'session',
    z.object({ items: z.array(ReviewRefSchema).min(1).max(500) }).strict(),
    z.object({ approved: z.array(EntryViewSchema) }),
  ),
  /**
   * Two (or more) overlapping entries: the supervisor keeps one and returns the others with a note,
   * in one transaction. The kept entry stays waiting, now free to be approved.
   */
  'review-resolve-overlap': cmd(
    'session',
    z.object({ keep: ReviewRefSchema, others: z.array(ReviewRefSchema).min(1).max(20), note: Text }).strict(),
    z.object({ kept: ReviewItemSchema, returned: z.array(EntryViewSchema) }),
  ),
  /** "Mengerti": the supervisor has read a refused decision's notice. */
  'review-notice-dismiss': cmd('session', z.object({ id: z.number().int().min(1) }).strict(), z.object({ dismissed: z.literal(true) })),
  /** Tim: the month of each direct subordinate (the current month when `month` is absent). */
  'report-team': cmd('session', z.object({ month: MonthSchema.optional() }).strict(), TeamReportSchema),
  /** One employee's month for printing: oneself, or a direct subordinate. */
  'report-employee': cmd('session', z.object({ employeeId: Uuid.optional(), month: MonthSchema.optional() }).strict(), EmployeeReportSchema),
  /** The same reports as an Excel workbook (exceljs), base64 for the screen to save. */
  'report-xlsx': cmd(
    'session',
    z.object({ kind: z.enum(['team', 'employee']), employeeId: Uuid.optional(), month: MonthSchema.optional() }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  ),
  /**
   * Registers this PC with the central server. Anyone may do it on a PC that is not enrolled yet
   * (nobody can log in before the first pull); once enrolled, only an operator may re-enroll.
   */
  'workstation-enroll': cmd(
    'none',
    z
      .object({
        serverUrl: z.string().min(1).max(500),
        enrollmentCode: z.string().min(1).max(100),
        name: z.string().trim().min(1).max(200),
      })
      .strict(),
    z.object({ workstationId: z.string(), unitId: z.string(), status: SyncStatusSchema }),
  ),
  'workstation-status': cmd('none', NoArgs, SyncStatusSchema),
  /**
   * First-run setup and the operator's screens: can this PC reach a central server at `serverUrl`
   * (GET /api/v1/health)? Anyone on a PC that is not enrolled yet; once enrolled, only an operator.
   * Never throws for a bad address: `reachable: false` with a code and a plain message.
   */
  'workstation-test-connection': cmd(
    'none',
    z.object({ serverUrl: z.string().min(1).max(500) }).strict(),
    z.object({
      reachable: z.boolean(),
      /** Why not: VALIDATION (not an http(s) address), SERVER_UNREACHABLE, PROTOCOL_UNSUPPORTED, UNAVAILABLE … */
      code: ErrorCodeSchema.nullable(),
      message: z.string(),
      serverTime: z.string().nullable(),
      protocol: z.number().nullable(),
      /** Round trip in ms when reached. */
      ms: z.number().nullable(),
    }),
  ),
  /** "Kirim sekarang": one sync attempt now; resolves when it has finished. */
  'sync-now': cmd('none', NoArgs, SyncAttemptSchema),
  'sync-log': cmd(
    'operator',
    z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({
      items: z.array(
        z.object({
          id: z.number(),
          startedAt: z.string(),
          finishedAt: z.string(),
          trigger: z.string(),
          outcome: z.string(),
          pushed: z.number(),
          applied: z.number(),
          refused: z.number(),
          pulled: z.number(),
          errorCode: z.string().nullable(),
          detail: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** Diagnostics: PRAGMA quick_check on the live store (read only; a few hundred ms on a big file). */
  'diagnostics-db-check': cmd('operator', NoArgs, z.object({ ok: z.boolean(), result: z.string(), ms: z.number() })),
  /** Diagnostics: a backup now (the same copy and check as the daily one). */
  'diagnostics-backup-now': cmd('operator', NoArgs, z.object({ file: z.string(), at: z.string() })),
  /**
   * Diagnostics: one zip for the IT operator or the help desk: app status, sync status and log,
   * settings, the recent audit log and the app's log files. No PIN hashes, no tokens.
   */
  'diagnostics-export': cmd('operator', NoArgs, z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), bytes: z.number() })),
  /** "Keluar": quits the app. `quitting: false` where no shell can quit (the dev bridge). */
  'app-quit': cmd('operator', NoArgs, z.object({ quitting: z.boolean() })),
  'settings-get': cmd('none', NoArgs, SettingsSchema),
  'settings-set': cmd('operator', SettingSetSchema, SettingsSchema),
  'audit-list': cmd(
    'session',
    z
      .object({
        employeeId: Uuid.optional(),
        before: z.number().int().min(1).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    z.object({
      items: z.array(
        z.object({
          id: z.number(),
          at: z.string(),
          actorId: z.string().nullable(),
          actorName: z.string().nullable(),
          action: z.string(),
          entityType: z.string().nullable(),
          entityId: z.string().nullable(),
          detail: z.record(z.string(), z.unknown()),
        }),
      ),
      nextBefore: z.number().nullable(),
    }),
  ),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export const COMMAND_NAMES = Object.keys(commands) as CommandName[];
/** What a screen passes (defaults may be omitted). */
export type CommandArgs<K extends CommandName> = z.input<Commands[K]['args']>;
/** What a handler receives, after parsing. */
export type ParsedArgs<K extends CommandName> = z.output<Commands[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<Commands[K]['result']>;

/** What the transport sends for commands that need a session. */
export type SessionArgs = { sessionToken?: string };

export const SessionEndedSchema = z.object({ reason: z.enum(['logout', 'idle', 'replaced']) });

/** Events main pushes to the renderer (the preload's `on(event, fn)` accepts only these). */
export interface Events {
  'session-ended': z.infer<typeof SessionEndedSchema>;
  'sync-status': SyncStatus;
}
export { EVENT_NAMES } from './command-auth';

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

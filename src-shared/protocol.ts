import { z } from 'zod';
import { ErrorCodeSchema } from './error-schemas';
import { ClockTimeSchema, EntryStatusSchema, IsoDateSchema } from './domain/types';

/**
 * Sync protocol v1 (PROTOCOL.md): the wire types shared by the workstation and the central server.
 * One definition for both sides; every body crossing the network is parsed with these.
 */
export const PROTOCOL_VERSION = 1 as const;
/** A single text field on the wire is at most this long (VALIDATION otherwise). */
export const MAX_TEXT = 2000;
export const MAX_PUSH_MUTATIONS = 1000;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 5000;

const Uuid = z.uuid();
/**
 * A text field on the wire: at most MAX_TEXT characters and no NUL, which PostgreSQL cannot store
 * (such a mutation would fail on the server at every retry and hold up the queue behind it).
 */
export const WireTextSchema = z
  .string()
  .max(MAX_TEXT)
  .refine((s) => !s.includes('\u0000'), { message: 'contains a NUL character' });
const Text = WireTextSchema;
const IsoTimestamp = z.iso.datetime({ offset: true });

export const EntryWireSchema = z.object({
  id: Uuid,
  employeeId: Uuid,
  workDate: IsoDateSchema,
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
  /**
   * Extension of v1 (docs/PROTOCOL-NOTES.md): null together with `activityText` for a free-text
   * activity when the unit's policy allows it. Catalog entries always carry the id.
   */
  activityId: Uuid.nullable(),
  activityText: Text.nullable().optional(),
  rhkId: Uuid.nullable().optional(),
  volume: z.number().int().min(1),
  description: Text,
  evidenceNote: Text.nullable().optional(),
  status: z.enum(['draft', 'submitted']),
});

export const EntryChangesSchema = z
  .object({
    workDate: IsoDateSchema,
    startTime: ClockTimeSchema,
    endTime: ClockTimeSchema,
    activityId: Uuid.nullable(),
    activityText: Text.nullable(),
    rhkId: Uuid.nullable(),
    volume: z.number().int().min(1),
    description: Text,
    evidenceNote: Text.nullable(),
  })
  .partial()
  .strict();
export type EntryChanges = z.infer<typeof EntryChangesSchema>;

export const MutationArgsSchemas = {
  'entry.create@1': z.object({ entry: EntryWireSchema }),
  'entry.update@1': z.object({ entryId: Uuid, baseRev: z.number().int().min(1), changes: EntryChangesSchema }),
  'entry.submit@1': z.object({ entryId: Uuid, baseRev: z.number().int().min(1) }),
  'entry.delete@1': z.object({ entryId: Uuid, baseRev: z.number().int().min(1) }),
  'entry.review@1': z
    .object({
      entryId: Uuid,
      rev: z.number().int().min(1),
      decision: z.enum(['approve', 'return', 'reject']),
      note: Text.optional(),
    })
    .refine((a) => a.decision === 'approve' || (a.note ?? '').trim().length > 0, {
      message: 'note required unless approve',
      path: ['note'],
    }),
  'employee.changePin@1': z.object({ employeeId: Uuid, pinHash: z.string().min(1).max(512) }),
} as const;

export type MutationName = keyof typeof MutationArgsSchemas;
export const MUTATION_NAMES = Object.keys(MutationArgsSchemas) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof MutationArgsSchemas)[N]>;

export const MutationSchema = z.object({
  seq: z.number().int().min(1),
  id: Uuid,
  name: z.string().min(1).max(100),
  args: z.unknown(),
  actorId: Uuid,
  clientTime: IsoTimestamp,
});
export type Mutation = z.infer<typeof MutationSchema>;

/** Parses a mutation's args by its name; unknown names fail (the server answers VALIDATION). */
export function parseMutationArgs(name: string, args: unknown) {
  const schema = (MutationArgsSchemas as Record<string, z.ZodType | undefined>)[name];
  if (!schema) return { success: false as const, error: `unknown mutation ${name}` };
  const parsed = schema.safeParse(args);
  return parsed.success
    ? { success: true as const, data: parsed.data }
    : { success: false as const, error: parsed.error.issues[0]?.message ?? 'invalid' };
}

export const HealthSchema = z.object({ status: z.literal('ok'), protocol: z.number().int(), serverTime: IsoTimestamp });

export const EnrollRequestSchema = z.object({
  enrollmentCode: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  clientId: Uuid,
});
export const EnrollResponseSchema = z.object({ workstationId: Uuid, unitId: Uuid, token: z.string().min(32) });

export const PushRequestSchema = z.object({
  protocol: z.number().int(),
  clientId: Uuid,
  mutations: z.array(MutationSchema).max(MAX_PUSH_MUTATIONS),
});

export const MutationResultSchema = z.object({
  seq: z.number().int(),
  id: Uuid,
  status: z.enum(['applied', 'rejected', 'conflict']),
  code: ErrorCodeSchema.optional(),
  message: z.string().optional(),
  rev: z.number().int().optional(),
});
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResultSchema = z.object({
  lastProcessedSeq: z.number().int().min(0),
  results: z.array(MutationResultSchema),
  serverTime: IsoTimestamp,
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PullRequestSchema = z.object({
  protocol: z.number().int(),
  clientId: Uuid,
  cursor: z.string().nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});

export const SYNC_TABLES = ['units', 'employees', 'catalog', 'rhk', 'policies', 'holidays', 'absences', 'entries'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export const ChangeSchema = z.object({
  table: z.enum(SYNC_TABLES),
  id: z.string(),
  op: z.enum(['put', 'delete']),
  row: z.record(z.string(), z.unknown()).nullable(),
  version: z.number().int(),
});

export const PullResultSchema = z.object({
  cursor: z.string().nullable(),
  changes: z.array(ChangeSchema),
  hasMore: z.boolean(),
  reset: z.boolean(),
  lastProcessedSeq: z.number().int().min(0),
});
export type PullResult = z.infer<typeof PullResultSchema>;

export const ErrorBodySchema = z.object({ error: z.object({ code: ErrorCodeSchema, message: z.string() }) });

/** Entry statuses on the wire for pulled rows (all five). */
export const WireEntryStatusSchema = EntryStatusSchema;

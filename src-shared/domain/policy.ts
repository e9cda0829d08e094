import { z } from 'zod';
import { AbsenceKindSchema, ClockTimeSchema } from './types';

/**
 * A unit's policy, sent down by the central server. Every number in DOMAIN.md is a default here;
 * no screen or rule hard-codes one. Parsing `{}` gives the defaults.
 */
const WindowSchema = z.object({ start: ClockTimeSchema, end: ClockTimeSchema });
export type WorkingWindow = z.infer<typeof WindowSchema>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const PolicySchema = z.object({
  timeZone: z.string().default('Asia/Jakarta'),
  workingDays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  /** Working window per ISO weekday; a weekday missing here uses `defaultWindow`. */
  defaultWindow: WindowSchema.default({ start: '07:30', end: '16:00' }),
  windows: z.record(z.string().regex(/^[1-7]$/), WindowSchema).default({ '5': { start: '07:30', end: '16:30' } }),
  effectiveMinutesPerDay: z.number().int().min(1).max(1440).default(300),
  maxMinutesPerDay: z.number().int().min(1).max(1440).default(450),
  /** Entries may be made for today and this many working days back. */
  backdateWorkingDays: z.number().int().min(0).max(60).default(3),
  /** Staff may change a month's entries until this day of the next month (inclusive). */
  periodCloseDay: z.number().int().min(1).max(28).default(5),
  /** Supervisors may review a month's entries until this day of the next month (inclusive). */
  approvalDeadlineDay: z.number().int().min(1).max(28).default(10),
  /** Share of the TPP that depends on performance, 0–1. */
  tppPerformanceShare: z.number().min(0).max(1).default(0.6),
  idleLogoutSeconds: z.number().int().min(15).max(3600).default(60),
  pinLength: z.number().int().min(4).max(8).default(6),
  maxWrongPins: z.number().int().min(3).max(10).default(5),
  lockoutMinutes: z.number().int().min(1).max(60).default(5),
  showStaffList: z.boolean().default(true),
  allowFreeTextActivity: z.boolean().default(false),
  /** Entries on weekends and holidays: refused, or accepted with a warning and a flag. */
  nonWorkingDayEntries: z.enum(['block', 'warn']).default('block'),
  /** Absence kinds on which an entry is still accepted, with a warning (e.g. dinas luar). */
  absenceKindsAllowingEntries: z.array(AbsenceKindSchema).default(['dinas_luar']),
  /** Absence kinds that reduce the month's effective minutes. */
  countedAbsenceKinds: z.array(AbsenceKindSchema).default(['cuti', 'sakit', 'dinas_luar']),
  /** Minimum meaningful characters in an uraian (description). */
  minDescriptionChars: z.number().int().min(1).max(200).default(10),
  maxVolume: z.number().int().min(1).max(100000).default(999),
});

export type Policy = z.infer<typeof PolicySchema>;

export const DEFAULT_POLICY: Policy = PolicySchema.parse({});

// Lives in calendar.ts so that code showing the rules (the kiosk screens) need not load zod.
export { windowFor } from './calendar';

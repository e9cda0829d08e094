import { z } from 'zod';

/** Domain types shared by kiosk, core and server. Plain data: no database 0/1 or JSON text here. */

export const ENTRY_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'rejected'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const EntryStatusSchema = z.enum(ENTRY_STATUSES);

export const ABSENCE_KINDS = ['cuti', 'sakit', 'izin', 'dinas_luar'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const AbsenceKindSchema = z.enum(ABSENCE_KINDS);

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const ROLES = ['staff', 'supervisor', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const ACTIVITY_CATEGORIES = ['tugas_pokok', 'tugas_tambahan'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** Flags the server or the kiosk puts on an entry for the supervisor to see. */
export const ENTRY_FLAGS = ['overlap', 'late_entry', 'clock_skew', 'outside_hours', 'non_working_day'] as const;
export type EntryFlag = (typeof ENTRY_FLAGS)[number];
export const EntryFlagSchema = z.enum(ENTRY_FLAGS);

/** `YYYY-MM-DD` that is a real calendar date. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
/** `HH:mm`, 00:00–23:59. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
/** `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export interface Unit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  timeZone: string;
}

export interface Employee {
  id: string;
  nip: string;
  name: string;
  unitId: string;
  positionTitle: string;
  supervisorId: string | null;
  roles: Role[];
  /** Monthly TPP base in rupiah when the server provides it. */
  tppBase: number | null;
  active: boolean;
}

export interface Activity {
  id: string;
  code: string;
  name: string;
  /** Output unit (satuan): dokumen, surat, laporan, kegiatan, berkas … */
  outputUnit: string;
  /** Norm minutes per unit of output (waktu efektif); null when the catalog gives none. */
  normMinutes: number | null;
  category: ActivityCategory;
  /** When set, only employees of this unit may use it. */
  scopeUnitId: string | null;
  /** When set, only employees whose position title contains this text may use it. */
  scopePosition: string | null;
  active: boolean;
}

export interface Rhk {
  id: string;
  employeeId: string;
  year: number;
  title: string;
  indicator: string;
  target: number;
  outputUnit: string;
  active: boolean;
}

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

export interface Absence {
  id: string;
  employeeId: string;
  date: string;
  kind: AbsenceKind;
  note: string | null;
}

export interface Entry {
  id: string;
  employeeId: string;
  workDate: string;
  startTime: string;
  endTime: string;
  /** end − start, in minutes. */
  minutes: number;
  /** min(duration, norm × volume) when the catalog gives a norm, else the duration (rule 7). */
  creditedMinutes: number;
  activityId: string | null;
  /** Free-text activity name, only when the unit's policy allows it and activityId is null. */
  activityText: string | null;
  rhkId: string | null;
  volume: number;
  outputUnit: string;
  description: string;
  evidenceNote: string | null;
  status: EntryStatus;
  rev: number;
  reviewerId: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  flags: EntryFlag[];
  workstationId: string | null;
  createdAt: string;
  updatedAt: string;
  receivedAt: string | null;
  /** Last code the central server answered for this entry's pending change (rejected/conflict). */
  syncCode: string | null;
  syncMessage: string | null;
}

import { formatMessage, type ErrorCode, type MessageParams } from '../errors';
import { labels } from '../i18n/id';
import { dayStatus, windowFor, type CalendarData, type DayStatus } from './calendar';
import { durationMinutes } from './credit';
import { compareDates, isClockTime, isIsoDate, isoWeekday, monthOf, toMinutes } from './dates';
import { backdateWindowStart, isPeriodClosed, periodCloseDate } from './period';
import type { Policy } from './policy';
import type { Absence, AbsenceKind, Activity, Employee, Entry, EntryStatus, Rhk } from './types';

/**
 * The rules of DOMAIN.md "A daily activity entry", as data: the kiosk shows them step by step and
 * the server re-runs the same function, so both sides refuse exactly the same entries.
 */

export interface Issue {
  severity: 'error' | 'warning';
  code: ErrorCode;
  field?: string;
  params?: MessageParams;
}

export interface EntryFields {
  workDate: string;
  startTime: string;
  endTime: string;
  activityId: string | null;
  activityText: string | null;
  rhkId: string | null;
  volume: number;
  description: string;
}

export interface EntryCheckContext {
  today: string;
  policy: Policy;
  holidays: CalendarData['holidays'];
  /** This employee's absences. */
  absences: readonly Absence[];
  employee: Pick<Employee, 'id' | 'unitId' | 'positionTitle'>;
  /** Looked up by activityId; null when not found or when the entry uses free text. */
  activity: Activity | null;
  /** Looked up by rhkId; null when none or not found. */
  rhk: Rhk | null;
  /** The employee's OTHER entries on workDate, excluding the entry being edited. */
  sameDay: ReadonlyArray<Pick<Entry, 'id' | 'startTime' | 'endTime' | 'status' | 'minutes'>>;
  /** True on create or when an update changes workDate: only then does the backdating window apply. */
  dateChanged: boolean;
}

export const MAX_DESCRIPTION_CHARS = 2000;

type Interval = { startTime: string; endTime: string };

/** Half-open [start, end): back-to-back entries (08:00–09:00, 09:00–10:00) do not clash. */
export function overlaps(a: Interval, b: Interval): boolean {
  if (![a.startTime, a.endTime, b.startTime, b.endTime].every(isClockTime)) return false;
  const [as, ae, bs, be] = [toMinutes(a.startTime), toMinutes(a.endTime), toMinutes(b.startTime), toMinutes(b.endTime)];
  // An empty or reversed interval covers no time, so it cannot clash with anything.
  return as < ae && bs < be && as < be && bs < ae;
}

/**
 * Letters and digits that carry meaning: runs of one character longer than two count as two, so
 * "aaaaaaaaaaaa" or ".........." cannot pad an uraian up to the minimum, while doubled letters of
 * real words ("Sekretariat", "tt") still count in full.
 */
export function meaningfulLength(text: string): number {
  const collapsed = text.replace(/(.)\1{2,}/gsu, '$1$1');
  return collapsed.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Indonesian status labels (DOMAIN.md), from the i18n file. */
export const STATUS_LABELS: Readonly<Record<EntryStatus, string>> = labels.status;

export const statusLabel = (status: EntryStatus): string => STATUS_LABELS[status];

export const canEdit = (status: EntryStatus): boolean => status === 'draft' || status === 'returned';
/** Rule 6: once sent, an entry is part of the record; only unsent drafts may vanish. */
export const canDelete = (status: EntryStatus): boolean => status === 'draft';
export const canSubmit = (status: EntryStatus): boolean => status === 'draft' || status === 'returned';

export const firstError = (issues: readonly Issue[]): Issue | undefined => issues.find((i) => i.severity === 'error');
export const warnings = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'warning');
export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

export const ABSENCE_LABELS: Readonly<Record<AbsenceKind, string>> = labels.absence;

/** The `{reason}` of NOT_WORKING_DAY in plain Indonesian. */
export function nonWorkingReason(date: string, status: Exclude<DayStatus, { working: true }>): string {
  switch (status.reason) {
    case 'weekend':
      return isoWeekday(date) >= 6 ? labels.dayReason.weekend : labels.dayReason.unitDayOff;
    case 'holiday':
      return status.name ? formatMessage(labels.dayReason.holiday, { name: status.name }) : labels.dayReason.holidayUnnamed;
    case 'absence':
      return status.absenceKind ? ABSENCE_LABELS[status.absenceKind] : labels.dayReason.absenceUnknown;
  }
}

const error = (code: ErrorCode, field: string, params?: MessageParams): Issue =>
  params ? { severity: 'error', code, field, params } : { severity: 'error', code, field };
const warning = (code: ErrorCode, field: string, params?: MessageParams): Issue =>
  params ? { severity: 'warning', code, field, params } : { severity: 'warning', code, field };

/** Rules 1 and 2. */
function checkDate(f: EntryFields, ctx: EntryCheckContext): Issue[] {
  const { policy, today } = ctx;
  if (!isIsoDate(f.workDate)) {
    return [error('VALIDATION', 'workDate', { field: labels.field.workDate, detail: labels.detail.dateFormat })];
  }
  const out: Issue[] = [];
  if (compareDates(f.workDate, today) > 0) out.push(error('DATE_IN_FUTURE', 'workDate'));
  if (ctx.dateChanged) {
    const earliest = backdateWindowStart(today, policy, ctx.holidays);
    if (compareDates(f.workDate, earliest) < 0) {
      out.push(error('DATE_BEFORE_WINDOW', 'workDate', { days: policy.backdateWorkingDays, earliest }));
    }
  }
  const month = monthOf(f.workDate);
  if (isPeriodClosed(month, today, policy)) {
    out.push(error('PERIOD_CLOSED', 'workDate', { period: month, closedOn: periodCloseDate(month, policy) }));
  }
  const status = dayStatus(f.workDate, policy, { holidays: ctx.holidays, absences: ctx.absences });
  if (!status.working) {
    const tolerated =
      status.reason === 'absence'
        ? status.absenceKind !== undefined && policy.absenceKindsAllowingEntries.includes(status.absenceKind)
        : policy.nonWorkingDayEntries === 'warn';
    const params = { date: f.workDate, reason: nonWorkingReason(f.workDate, status) };
    out.push((tolerated ? warning : error)('NOT_WORKING_DAY', 'workDate', params));
  }
  return out;
}

function activityInScope(a: Activity, employee: EntryCheckContext['employee']): boolean {
  if (a.scopeUnitId !== null && a.scopeUnitId !== employee.unitId) return false;
  if (a.scopePosition !== null && !employee.positionTitle.toLowerCase().includes(a.scopePosition.toLowerCase())) {
    return false;
  }
  return true;
}

/** Catalog activity or allowed free text, and the optional RHK link. */
function checkActivity(f: EntryFields, ctx: EntryCheckContext): Issue[] {
  const out: Issue[] = [];
  if (f.activityId !== null) {
    const a = ctx.activity;
    if (!a || a.id !== f.activityId || !a.active || !activityInScope(a, ctx.employee)) {
      out.push(error('ACTIVITY_UNAVAILABLE', 'activityId'));
    }
  } else if (!ctx.policy.allowFreeTextActivity) {
    out.push(error('FREE_TEXT_NOT_ALLOWED', 'activityId'));
  } else if (!f.activityText || f.activityText.trim() === '') {
    out.push(error('VALIDATION', 'activityText', { field: labels.field.activityText, detail: labels.detail.required }));
  }
  if (f.rhkId !== null) {
    const r = ctx.rhk;
    const year = isIsoDate(f.workDate) ? Number(f.workDate.slice(0, 4)) : null;
    // An RHK is a yearly target: work done in 2026 cannot count toward the 2025 SKP.
    if (!r || r.id !== f.rhkId || !r.active || r.employeeId !== ctx.employee.id || (year !== null && r.year !== year)) {
      out.push(error('RHK_UNAVAILABLE', 'rhkId'));
    }
  }
  return out;
}

/** Rules 3, 4 and 5. */
function checkTimes(f: EntryFields, ctx: EntryCheckContext): Issue[] {
  const out: Issue[] = [];
  if (!isClockTime(f.startTime)) out.push(error('TIME_INVALID', 'startTime'));
  if (!isClockTime(f.endTime)) out.push(error('TIME_INVALID', 'endTime'));
  if (out.length > 0) return out;
  const duration = durationMinutes(f.startTime, f.endTime);
  if (duration <= 0) return [error('END_BEFORE_START', 'endTime')];

  // Rejected entries are final and count for nothing, so they neither block a slot nor the day total.
  const others = ctx.sameDay.filter((e) => e.status !== 'rejected');
  const clash = others
    .filter((e) => overlaps(f, e))
    .sort((a, b) => toMinutes(a.startTime) - toMinutes(b.startTime))[0];
  if (clash) out.push(error('OVERLAP', 'startTime', { startTime: clash.startTime, endTime: clash.endTime }));

  const total = others.reduce((sum, e) => sum + Math.max(0, e.minutes), duration);
  if (total > ctx.policy.maxMinutesPerDay) {
    out.push(error('DAY_LIMIT_EXCEEDED', 'endTime', { total, max: ctx.policy.maxMinutesPerDay }));
  }

  if (isIsoDate(f.workDate)) {
    const w = windowFor(ctx.policy, isoWeekday(f.workDate));
    const early = toMinutes(f.startTime) < toMinutes(w.start);
    if (early || toMinutes(f.endTime) > toMinutes(w.end)) {
      out.push(warning('OUTSIDE_WORKING_HOURS', early ? 'startTime' : 'endTime', { start: w.start, end: w.end }));
    }
  }
  return out;
}

function checkOutput(f: EntryFields, ctx: EntryCheckContext): Issue[] {
  const { policy } = ctx;
  const out: Issue[] = [];
  if (!Number.isInteger(f.volume) || f.volume < 1 || f.volume > policy.maxVolume) {
    out.push(error('VOLUME_INVALID', 'volume', { max: policy.maxVolume }));
  }
  if (meaningfulLength(f.description) < policy.minDescriptionChars) {
    out.push(error('DESCRIPTION_TOO_SHORT', 'description', { min: policy.minDescriptionChars }));
  }
  if ([...f.description].length > MAX_DESCRIPTION_CHARS) {
    out.push(
      error('VALIDATION', 'description', {
        field: labels.field.description,
        detail: formatMessage(labels.detail.maxChars, { max: MAX_DESCRIPTION_CHARS }),
      }),
    );
  }
  return out;
}

/**
 * Every issue with the entry: errors first, in the order of the wizard steps (date → activity →
 * time → volume/description) so the first error points at the earliest step to fix, then warnings
 * in the same order. No errors means the entry may be saved; warnings are shown and flagged.
 */
export function checkEntry(fields: EntryFields, ctx: EntryCheckContext): Issue[] {
  const all = [
    ...checkDate(fields, ctx),
    ...checkActivity(fields, ctx),
    ...checkTimes(fields, ctx),
    ...checkOutput(fields, ctx),
  ];
  return [...all.filter((i) => i.severity === 'error'), ...warnings(all)];
}

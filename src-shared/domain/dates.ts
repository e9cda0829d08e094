import type { IsoWeekday } from './policy';

/**
 * Calendar arithmetic on plain strings: dates `YYYY-MM-DD`, months `YYYY-MM`, clock times `HH:mm`.
 * Everything is computed on UTC midnights so a workstation's own time zone or a DST change can
 * never shift a work date by one. Malformed input to an arithmetic function is a caller bug and
 * throws; use the `is…` guards to validate user input first.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a date, or null when it is not a real calendar date. */
function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function requireDay(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return n;
}

function requireMonth(month: string): { y: number; m: number } {
  const match = MONTH_RE.exec(month);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`);
  return { y: Number(match[1]), m: Number(match[2]) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export const isIsoDate = (s: string): boolean => dayNumber(s) !== null;
export const isMonth = (s: string): boolean => MONTH_RE.test(s);
export const isClockTime = (s: string): boolean => TIME_RE.test(s);

export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromDayNumber(requireDay(date) + n);
}

/** Negative, zero or positive like a sort comparator (always −1, 0 or 1). */
export function compareDates(a: string, b: string): number {
  return Math.sign(requireDay(a) - requireDay(b));
}

/** b − a in whole days. */
export function daysBetween(a: string, b: string): number {
  return requireDay(b) - requireDay(a);
}

export function isoWeekday(date: string): IsoWeekday {
  const sunday0 = new Date(requireDay(date) * DAY_MS).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as IsoWeekday;
}

export function monthOf(date: string): string {
  requireDay(date);
  return date.slice(0, 7);
}

export function monthStart(month: string): string {
  requireMonth(month);
  return `${month}-01`;
}

export function monthEnd(month: string): string {
  const { y, m } = requireMonth(month);
  // Day 0 of the following month is the last day of this one, leap years included.
  return fromDayNumber(Date.UTC(y, m, 0) / DAY_MS);
}

export function monthDates(month: string): string[] {
  const first = requireDay(monthStart(month));
  const last = requireDay(monthEnd(month));
  const out: string[] = [];
  for (let n = first; n <= last; n++) out.push(fromDayNumber(n));
  return out;
}

function shiftMonth(month: string, delta: number): string {
  const { y, m } = requireMonth(month);
  const index = y * 12 + (m - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export const nextMonth = (month: string): string => shiftMonth(month, 1);
export const previousMonth = (month: string): string => shiftMonth(month, -1);

/** `HH:mm` → minutes since midnight (08:30 → 510). */
export function toMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not an HH:mm clock time: ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since midnight → `HH:mm`; only 0–1439 name a clock time (there is no 24:00). */
export function fromMinutes(min: number): string {
  if (!Number.isInteger(min) || min < 0 || min > 1439) {
    throw new RangeError(`minutes must be a whole number 0–1439, got ${min}`);
  }
  return `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23 so midnight is 00, never 24 (some engines print 24:05 with hour12:false).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The wall-clock date and time in the unit's zone (e.g. Asia/Jakarta), not the workstation's:
 * a kiosk with a misconfigured OS zone must still file work on the right day.
 */
export function localNow(now: Date, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(now)) parts[p.type] = p.value;
  const year = pad(Number(parts['year']), 4);
  return {
    date: `${year}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
  };
}

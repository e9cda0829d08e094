import type { CommandArgs, EntryForm, EntryView, IssueView } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { fromMinutes, isClockTime, toMinutes } from '../../../src-shared/domain/dates';

/** The wizard's steps, in order: one decision each. */
export const STEPS = ['date', 'activity', 'time', 'output', 'review'] as const;
export type StepId = (typeof STEPS)[number];

export type FormDate = EntryForm['dates'][number];

/** The activity as the wizard needs it: the catalog's name, satuan and norm, or the person's own words. */
export interface ChosenActivity {
  /** null for free text (only when the unit allows it). */
  id: string | null;
  name: string;
  outputUnit: string;
  normMinutes: number | null;
}

/** The satuan the core gives an entry written as free text (entries/service.ts, derive). */
export const FREE_TEXT_UNIT = 'kegiatan';

/**
 * Everything the person chose or typed, in one object owned by the wizard: a step only shows and
 * changes it, so going back and forth loses nothing.
 */
export interface Values {
  workDate: string | null;
  activity: ChosenActivity | null;
  rhkId: string | null;
  startTime: string;
  endTime: string;
  /** Kept as typed (the field may be empty for a moment); read with volumeOf(). */
  volume: string;
  description: string;
  evidenceNote: string;
}

/** The entry being edited, at the revision last read or written (a write moves it on). */
export interface Editing {
  id: string;
  rev: number;
  status: EntryView['status'];
  reviewNote: string | null;
}

export function initialValues(entry?: EntryView, date?: string): Values {
  if (!entry) {
    return { workDate: date ?? null, activity: null, rhkId: null, startTime: '', endTime: '', volume: '1', description: '', evidenceNote: '' };
  }
  return {
    workDate: entry.workDate,
    activity: {
      id: entry.activityId,
      name: entry.activityName || (entry.activityText ?? ''),
      outputUnit: entry.outputUnit,
      // The catalog item (fetched on open) fills the norm in; until then nothing is capped.
      normMinutes: null,
    },
    rhkId: entry.rhkId,
    startTime: entry.startTime,
    endTime: entry.endTime,
    volume: String(entry.volume),
    description: entry.description,
    evidenceNote: entry.evidenceNote ?? '',
  };
}

/**
 * The volume as a number. While the field does not hold a whole number it reads as 0, which no
 * policy accepts: the core then answers VOLUME_INVALID with its own limits, and the wire never
 * carries NaN.
 */
export function volumeOf(v: Values): number {
  const text = v.volume.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : 0;
}

/**
 * The step where a refusal belongs, from the field the core names (`changes.volume` for an update).
 * null when the field is no step's (entryId, rev …): the refusal is shown where the person is.
 */
export function stepOfField(field: string | undefined): StepId | null {
  const name = field?.replace(/^changes\./, '');
  switch (name) {
    case 'workDate':
      return 'date';
    case 'activityId':
    case 'activityText':
    case 'rhkId':
      return 'activity';
    case 'startTime':
    case 'endTime':
      return 'time';
    case 'volume':
    case 'description':
    case 'evidenceNote':
      return 'output';
    default:
      return null;
  }
}

/** HH:mm plus minutes, held inside the day (the time input cannot show 24:00 or later). */
export function addMinutes(time: string, minutes: number): string {
  return fromMinutes(Math.min(23 * 60 + 59, Math.max(0, toMinutes(time) + minutes)));
}

export const timesGiven = (v: Values): boolean => isClockTime(v.startTime) && isClockTime(v.endTime);

/** The fields of a save (entry-create, entry-update's changes, entry-check), as the core names them. */
export function entryFields(v: Values) {
  const activity = v.activity;
  return {
    workDate: v.workDate ?? '',
    startTime: v.startTime,
    endTime: v.endTime,
    activityId: activity?.id ?? null,
    activityText: activity && activity.id === null ? activity.name : null,
    rhkId: v.rhkId,
    volume: volumeOf(v),
    description: v.description,
    evidenceNote: v.evidenceNote.trim() === '' ? null : v.evidenceNote,
  } satisfies CommandArgs<'entry-check'>;
}

/** What a step shows: rule findings (with severity) and refusals (errors). */
export type Shown = AppError & { severity?: IssueView['severity'] };

export const errorsOf = (issues: readonly Shown[]): Shown[] => issues.filter((i) => i.severity !== 'warning');
export const warningsOf = (issues: readonly Shown[]): Shown[] => issues.filter((i) => i.severity === 'warning');

/** Findings whose field belongs to `step`. */
export const issuesFor = (issues: readonly Shown[], step: StepId): Shown[] => issues.filter((i) => stepOfField(i.field) === step);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Messages name dates as the person reads them ("Sabtu, 21 November"), not as the core stores them. */
export function readable<T extends Pick<AppError, 'params'>>(issues: readonly T[], formatDate: (iso: string) => string): T[] {
  return issues.map((i) => {
    if (!i.params) return i;
    const params = Object.fromEntries(Object.entries(i.params).map(([k, v]) => [k, typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v) : v]));
    return { ...i, params };
  });
}

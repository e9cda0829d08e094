import { v7 as uuidv7 } from 'uuid';
import { isUnitWorkingDay } from '../../src-shared/domain/calendar';
import { addDays, compareDates, fromMinutes, monthOf, toMinutes } from '../../src-shared/domain/dates';
import { backdateWindowStart, isPeriodClosed } from '../../src-shared/domain/period';
import { PolicySchema, type Policy } from '../../src-shared/domain/policy';
import type { Activity, Holiday } from '../../src-shared/domain/types';
import type { Mutation } from '../../src-shared/protocol';

/**
 * What one workstation sends: a kiosk's outbox after a long offline stretch. Every mutation must be
 * applied, so the plan follows the server's rules (the same src-shared functions): work dates are
 * working days inside the backdating window and in open periods, times never overlap on a day.
 *
 * The mix, in groups of ten: four drafts created, three of them corrected (entry.update@1, baseRev
 * 1) and then sent (entry.submit@1, baseRev 2); the fourth stays a draft. 40 % creates, 30 %
 * updates, 30 % submits, each update and submit aimed at an entry of the same batch or an earlier one.
 */
export const BENCH_TODAY = '2026-11-25';
export const BENCH_NOW = '2026-11-25T02:00:00.000Z'; // Wednesday 09:00 WIB

/**
 * The bench units' policy: the defaults, with the widest backdating window and a whole day allowed,
 * so a thousand mutations of one employee fit in the open period (DOMAIN.md defaults would allow 3
 * working days and 450 minutes a day).
 */
export const BENCH_POLICY: Policy = PolicySchema.parse({ backdateWorkingDays: 60, maxMinutesPerDay: 1440 });

/** Working days from the backdating window's start to today that are in a period still open. */
export function benchDates(policy: Policy, holidays: readonly Holiday[], today = BENCH_TODAY): string[] {
  const dates: string[] = [];
  for (let d = backdateWindowStart(today, policy, holidays); compareDates(d, today) <= 0; d = addDays(d, 1)) {
    if (isUnitWorkingDay(d, policy, holidays) && !isPeriodClosed(monthOf(d), today, policy)) dates.push(d);
  }
  return dates;
}

export interface PlanInput {
  employeeId: string;
  activities: readonly Pick<Activity, 'id' | 'name'>[];
  dates: readonly string[];
  count: number;
  clientTime?: string;
}

export interface Expected {
  creates: number;
  updates: number;
  submits: number;
  /** Sum of the final rev over the employee's entries (1 + accepted changes each). */
  revSum: number;
  submitted: number;
  drafts: number;
}

const DAY_START = toMinutes('07:30');
const WINDOW_MINUTES = toMinutes('16:00') - DAY_START;

/** Creates in a plan of `count` mutations (the first four of every ten). */
export const createsIn = (count: number): number => Math.floor(count / 10) * 4 + Math.min(4, count % 10);

/** Slot length in minutes for `perDay` entries a day: inside 07:30–16:00 while they fit, at most 30. */
export function slotMinutes(perDay: number): number {
  const inWindow = Math.min(30, Math.floor(WINDOW_MINUTES / perDay));
  if (inWindow >= 1) return inWindow;
  if (perDay > 24 * 60 - DAY_START) throw new Error(`${perDay} entries a day do not fit one day: raise the dates or lower --mutations`);
  return 1;
}

export function planMutations(input: PlanInput): { mutations: Mutation[]; expected: Expected } {
  const { employeeId, activities, dates, count } = input;
  const clientTime = input.clientTime ?? BENCH_NOW;
  const creates = createsIn(count);
  const perDay = Math.ceil(creates / dates.length);
  const minutes = slotMinutes(perDay);
  const mutations: Mutation[] = [];
  const add = (name: string, args: unknown) =>
    mutations.push({ seq: mutations.length + 1, id: uuidv7(), name, args, actorId: employeeId, clientTime });

  const expected: Expected = { creates: 0, updates: 0, submits: 0, revSum: 0, submitted: 0, drafts: 0 };
  const revs = new Map<string, number>();
  for (let group = 0; mutations.length < count; group++) {
    const ids: string[] = [];
    for (let k = 0; k < 4 && mutations.length < count; k++) {
      const n = group * 4 + k;
      const activity = activities[n % activities.length]!;
      const start = DAY_START + (n % perDay) * minutes;
      const id = uuidv7();
      add('entry.create@1', {
        entry: {
          id,
          employeeId,
          workDate: dates[Math.floor(n / perDay)]!,
          startTime: fromMinutes(start),
          endTime: fromMinutes(start + minutes),
          activityId: activity.id,
          volume: 1,
          description: `${activity.name} untuk berkas nomor ${n + 1}`,
          status: 'draft',
        },
      });
      ids.push(id);
      revs.set(id, 1);
      expected.creates++;
    }
    for (const id of ids.slice(0, 3)) {
      if (mutations.length >= count) break;
      add('entry.update@1', { entryId: id, baseRev: revs.get(id)!, changes: { volume: 2, description: `Revisi: berkas ${id.slice(-6)} dilengkapi lampiran` } });
      revs.set(id, revs.get(id)! + 1);
      expected.updates++;
    }
    for (const id of ids.slice(0, 3)) {
      if (mutations.length >= count) break;
      add('entry.submit@1', { entryId: id, baseRev: revs.get(id)! });
      revs.set(id, revs.get(id)! + 1);
      expected.submits++;
    }
  }
  expected.submitted = expected.submits;
  expected.drafts = expected.creates - expected.submits;
  for (const rev of revs.values()) expected.revSum += rev;
  return { mutations, expected };
}

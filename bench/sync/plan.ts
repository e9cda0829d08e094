import { DEMO_CATALOG, DEMO_EMPLOYEES, DEMO_PINS, HOLIDAYS_2026 } from '../../src-shared/demo';
import { isUnitWorkingDay } from '../../src-shared/domain/calendar';
import { addDays, compareDates, fromMinutes, toMinutes } from '../../src-shared/domain/dates';
import { PolicySchema, type Policy } from '../../src-shared/domain/policy';

/**
 * The backlog: what a kiosk of the demo unit holds after a long offline stretch, as entries the
 * server must accept (no refusal). The demo policy (3 working days back, 450 minutes a day) cannot
 * hold 10,000 entries, so the bench writes a looser one on the server before enrolling; the kiosk
 * gets it with its first pull and checks the same rules.
 *
 * "Now" is late in November so that every date is in one open period (October closed on the 5th):
 * Friday 27 November 2026, 10:00 WIB. Entries go on the working days 2–27 November, in 10-minute
 * slots from 07:30 (inside the working window, so no warning flags), spread over the demo people
 * who log in with DEMO_PIN (the two whose first login forces a PIN change are left out: changing
 * it would queue mutations of another kind).
 */
export const SYNC_NOW = new Date('2026-11-27T03:00:00.000Z');
const TODAY = '2026-11-27';
const FIRST_DATE = '2026-11-02';
const SLOT_MINUTES = 10;
const DAY_START = toMinutes('07:30');

// Backdating reaches back to 2 November (19 working days before the 27th) and no further: the
// rules walk the window day by day for every entry, so a window far wider than the bench needs
// would measure that walk instead of the sync.
export const SYNC_POLICY: Policy = PolicySchema.parse({ maxMinutesPerDay: 1440, backdateWorkingDays: 20, nonWorkingDayEntries: 'warn' });

export interface PlannedEntry {
  workDate: string;
  startTime: string;
  endTime: string;
  activityId: string;
  volume: number;
  description: string;
}

export interface PersonPlan {
  employeeId: string;
  nip: string;
  entries: PlannedEntry[];
}

export function planDates(): string[] {
  const dates: string[] = [];
  for (let d = FIRST_DATE; compareDates(d, TODAY) <= 0; d = addDays(d, 1)) if (isUnitWorkingDay(d, SYNC_POLICY, HOLIDAYS_2026)) dates.push(d);
  return dates;
}

/** Activities any staff position may log (active, not limited to a position or a unit). */
const ACTIVITIES = DEMO_CATALOG.filter((a) => a.active && a.scopePosition === null && a.scopeUnitId === null);

export function planBacklog(count: number): { people: PersonPlan[]; dates: string[]; perDay: number } {
  const people = DEMO_EMPLOYEES.filter((e) => e.active && !DEMO_PINS[e.id]!.mustChangePin);
  const dates = planDates();
  const perPerson = Math.ceil(count / people.length);
  const perDay = Math.ceil(perPerson / dates.length);
  if (DAY_START + perDay * SLOT_MINUTES > 24 * 60) throw new Error(`${count} entries do not fit ${people.length} people × ${dates.length} days`);
  let n = 0;
  const plans = people.map((p, i) => {
    const mine = Math.floor(count / people.length) + (i < count % people.length ? 1 : 0);
    const entries: PlannedEntry[] = [];
    for (let k = 0; k < mine; k++) {
      const start = DAY_START + (k % perDay) * SLOT_MINUTES;
      const a = ACTIVITIES[n % ACTIVITIES.length]!;
      entries.push({
        workDate: dates[Math.floor(k / perDay)]!,
        startTime: fromMinutes(start),
        endTime: fromMinutes(start + SLOT_MINUTES),
        activityId: a.id,
        volume: 1,
        description: `${a.name} untuk berkas nomor ${++n}`,
      });
    }
    return { employeeId: p.id, nip: p.nip, entries };
  });
  return { people: plans, dates, perDay };
}

/** The first `count` entries of the plan, person after person (the naive run's sample). */
export function firstOf(plan: PersonPlan[], count: number): PersonPlan[] {
  const out: PersonPlan[] = [];
  let left = count;
  for (const p of plan) {
    if (left <= 0) break;
    out.push({ ...p, entries: p.entries.slice(0, left) });
    left -= out[out.length - 1]!.entries.length;
  }
  return out;
}

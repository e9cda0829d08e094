import { and, eq, ne } from 'drizzle-orm';
import { errorMessage, type ErrorCode, type MessageParams } from '../../../src-shared/errors';
import { addDays } from '../../../src-shared/domain/dates';
import { PolicySchema, type Policy } from '../../../src-shared/domain/policy';
import type { Absence, Activity, Entry, Holiday, Rhk } from '../../../src-shared/domain/types';
import type { Executor, Tx } from '../../db/client';
import type { employees } from '../../db/schema';
import { absences, catalog, entries, holidays, policies, rhk } from '../../db/schema';
import { toActivity, toRhk } from '../../reference/rows';

/**
 * What an applier knows about one mutation: who did it, where, and which day the rules must use.
 * `ruleToday` is the unit-local date of the action on the workstation (clientTime), capped at the
 * server's clock: a kiosk that was offline for three days still files Monday's work under Monday's
 * rules, and a clock running ahead cannot open a future date.
 */
export interface MutationContext {
  tx: Tx;
  workstation: { id: string; unitId: string };
  actor: typeof employees.$inferSelect;
  /** Server clock at apply time (receivedAt). */
  now: Date;
  /** Client clock of the action as sent (createdAt / updatedAt / reviewedAt of what it writes). */
  clientTime: Date;
  /** Client clock of the action, capped at `now`. */
  actedAt: Date;
  ruleToday: string;
  serverToday: string;
  /** The client's clock ran ahead of the server or went backwards between mutations. */
  clockSkew: boolean;
  policy: Policy;
  cache: ReferenceCache;
  /** The transaction's version of a sync scope, taken on first use (nextVersion) and reused. */
  version(scope: string): Promise<number>;
}

export type ApplyOutcome =
  | { status: 'applied'; rev?: number }
  | { status: 'rejected' | 'conflict'; code: ErrorCode; message: string; rev?: number };

export const applied = (rev?: number): ApplyOutcome => (rev === undefined ? { status: 'applied' } : { status: 'applied', rev });

export function rejected(code: ErrorCode, params?: MessageParams): ApplyOutcome {
  return { status: 'rejected', code, message: errorMessage(code, params) };
}

export function conflict(code: ErrorCode, rev?: number): ApplyOutcome {
  const out: ApplyOutcome = { status: 'conflict', code, message: errorMessage(code) };
  if (rev !== undefined) out.rev = rev;
  return out;
}

/**
 * City-wide and unit reference data a batch reads again and again (the policy, the holidays, the
 * catalog), read once per push request. Mutations never change them, and an import that commits
 * while a batch runs is seen by the next batch, a few seconds later.
 */
export class ReferenceCache {
  private readonly policies = new Map<string, Promise<Policy>>();
  private readonly activities = new Map<string, Promise<Activity | null>>();
  private holidayList: Promise<Holiday[]> | null = null;

  policy(ex: Executor, unitId: string): Promise<Policy> {
    let p = this.policies.get(unitId);
    if (!p) this.policies.set(unitId, (p = loadPolicy(ex, unitId)));
    return p;
  }

  activity(ex: Executor, id: string | null): Promise<Activity | null> {
    if (!id) return Promise.resolve(null);
    let a = this.activities.get(id);
    if (!a) this.activities.set(id, (a = activityById(ex, id)));
    return a;
  }

  /** Holidays from `from` (minus the backdating walk's reach) to `to`. */
  async holidays(ex: Executor, from: string, to: string): Promise<Holiday[]> {
    this.holidayList ??= ex
      .select({ date: holidays.date, name: holidays.name, kind: holidays.kind })
      .from(holidays)
      .where(eq(holidays.deleted, false))
      .then((rows) => rows as Holiday[]);
    const start = addDays(from, -120);
    return (await this.holidayList).filter((h) => h.date >= start && h.date <= to);
  }
}

/**
 * The unit's policy; the documented defaults when the unit has none. Writers validate the document
 * with PolicySchema (as the pull does when it sends it), so a failure here is a bug and throws.
 */
export async function loadPolicy(ex: Executor, unitId: string): Promise<Policy> {
  const [row] = await ex.select({ body: policies.body }).from(policies).where(eq(policies.unitId, unitId));
  return PolicySchema.parse(row?.body ?? {});
}

export async function absencesOn(ex: Executor, employeeId: string, date: string): Promise<Absence[]> {
  const rows = await ex
    .select({ id: absences.id, employeeId: absences.employeeId, date: absences.date, kind: absences.kind, note: absences.note })
    .from(absences)
    .where(and(eq(absences.employeeId, employeeId), eq(absences.date, date), eq(absences.deleted, false)));
  return rows as Absence[];
}

export async function activityById(ex: Executor, id: string | null): Promise<Activity | null> {
  if (!id) return null;
  const [row] = await ex.select().from(catalog).where(eq(catalog.id, id));
  return row && !row.deleted ? toActivity(row) : null;
}

export async function rhkById(ex: Executor, id: string | null): Promise<Rhk | null> {
  if (!id) return null;
  const [row] = await ex.select().from(rhk).where(eq(rhk.id, id));
  return row && !row.deleted ? toRhk(row) : null;
}

export type DaySlot = Pick<Entry, 'id' | 'startTime' | 'endTime' | 'status' | 'minutes' | 'flags'>;

/** The employee's other live entries on a date (the overlap and day-total checks). */
export async function daySlots(ex: Executor, employeeId: string, workDate: string, excludeId: string | null): Promise<DaySlot[]> {
  const conditions = [eq(entries.employeeId, employeeId), eq(entries.workDate, workDate), eq(entries.deleted, false)];
  if (excludeId) conditions.push(ne(entries.id, excludeId));
  const rows = await ex
    .select({ id: entries.id, startTime: entries.startTime, endTime: entries.endTime, status: entries.status, minutes: entries.minutes, flags: entries.flags })
    .from(entries)
    .where(and(...conditions));
  return rows as DaySlot[];
}

import { eq, inArray } from 'drizzle-orm';
import { addDays } from '../../../src-shared/domain/dates';
import { PolicySchema, type Policy } from '../../../src-shared/domain/policy';
import type { CalendarData } from '../../../src-shared/domain/calendar';
import type { Activity, Holiday } from '../../../src-shared/domain/types';
import type { Executor } from '../../db/client';
import { catalog, holidays, policies } from '../../db/schema';
import { toActivity } from '../../reference/rows';

export type HolidayLookup = CalendarData['holidays'];

/** A failed read is not remembered: the next call (a retry, the fallback path) reads again. */
function forgetOnFailure<K, V>(map: Map<K, Promise<V>>, key: K, p: Promise<V>): Promise<V> {
  map.set(key, p);
  p.catch(() => {
    if (map.get(key) === p) map.delete(key);
  });
  return p;
}

/**
 * City-wide and unit reference data a push reads again and again (the policy, the holidays, the
 * catalog), read once per push request. Mutations never change them, and an import that commits
 * while a batch runs is seen by the next batch, a few seconds later.
 */
export class ReferenceCache {
  private readonly policies = new Map<string, Promise<Policy>>();
  private readonly activities = new Map<string, Promise<Activity | null>>();
  private holidayList: Promise<Holiday[]> | null = null;
  private readonly holidayRanges = new Map<string, ReadonlyMap<string, Holiday>>();

  policy(ex: Executor, unitId: string): Promise<Policy> {
    return this.policies.get(unitId) ?? forgetOnFailure(this.policies, unitId, loadPolicy(ex, unitId));
  }

  activity(ex: Executor, id: string | null): Promise<Activity | null> {
    if (!id) return Promise.resolve(null);
    return this.activities.get(id) ?? forgetOnFailure(this.activities, id, activityById(ex, id));
  }

  /** Reads the activities not cached yet in one statement (a batch names them all up front). */
  async preloadActivities(ex: Executor, ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.activities.has(id));
    if (missing.length === 0) return;
    const read = ex.select().from(catalog).where(inArray(catalog.id, missing));
    const byId = read.then((rows) => new Map(rows.map((r) => [r.id, r])));
    for (const id of missing) {
      const one = byId.then((m) => {
        const row = m.get(id);
        return row && !row.deleted ? toActivity(row) : null;
      });
      forgetOnFailure(this.activities, id, one);
    }
    await byId;
  }

  /**
   * Holidays from `from` (minus the backdating walk's reach) to `to`, keyed by date: the rules look
   * a date up once per day of the backdating walk, so a lookup beats a scan of the list.
   */
  async holidays(ex: Executor, from: string, to: string): Promise<HolidayLookup> {
    const list =
      this.holidayList ??
      ex
        .select({ date: holidays.date, name: holidays.name, kind: holidays.kind })
        .from(holidays)
        .where(eq(holidays.deleted, false))
        .then((rows) => rows as Holiday[]);
    if (list !== this.holidayList) {
      this.holidayList = list;
      list.catch(() => {
        if (this.holidayList === list) this.holidayList = null;
      });
    }
    const all = await list;
    const key = `${from}|${to}`;
    let range = this.holidayRanges.get(key);
    if (!range) {
      const start = addDays(from, -120);
      range = new Map(all.filter((h) => h.date >= start && h.date <= to).map((h) => [h.date, h]));
      this.holidayRanges.set(key, range);
    }
    return range;
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

async function activityById(ex: Executor, id: string): Promise<Activity | null> {
  const [row] = await ex.select().from(catalog).where(eq(catalog.id, id));
  return row && !row.deleted ? toActivity(row) : null;
}

import type { ReviewItem, ReviewQueue } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';

/**
 * What the Verifikasi screen works out from a review-queue answer without asking the core again:
 * which entries a tap may approve, the scopes of "Setujui semua", and the queue after decisions.
 * The core re-checks every decision; these only decide what to offer.
 */
export type Period = ReviewQueue['periods'][number];
export type EmployeeGroup = ReviewQueue['employees'][number];
export type DayGroup = EmployeeGroup['days'][number];

export const monthOf = (date: string): string => date.slice(0, 7);

/** The period of an entry; a month the core did not list is treated as open (the core decides). */
export function periodOf(queue: ReviewQueue, workDate: string): Period | null {
  return queue.periods.find((p) => p.month === monthOf(workDate)) ?? null;
}

export function periodOpen(queue: ReviewQueue, workDate: string): boolean {
  return periodOf(queue, workDate)?.open ?? true;
}

/** Overlapping entries that are themselves waiting here: those "Pilih yang berlaku" can return. */
export function waitingOverlaps(item: ReviewItem, day: DayGroup): ReviewItem[] {
  const ids = new Set(item.overlapsWith.map((o) => o.id));
  return day.entries.filter((e) => ids.has(e.id));
}

/** One tap may approve it: no standing overlap (rule 4) and the approval deadline not passed. */
export function approvable(queue: ReviewQueue, item: ReviewItem): boolean {
  return item.overlapsWith.length === 0 && periodOpen(queue, item.workDate);
}

/** "Setujui semua" over some entries: what is approved, and how many overlapping ones are left out. */
export interface BulkScope {
  items: ReviewItem[];
  minutes: number;
  excluded: number;
}

export function bulkScope(queue: ReviewQueue, entries: readonly ReviewItem[]): BulkScope {
  const open = entries.filter((e) => periodOpen(queue, e.workDate));
  const items = open.filter((e) => approvable(queue, e));
  return { items, minutes: items.reduce((s, e) => s + e.creditedMinutes, 0), excluded: open.length - items.length };
}

/** The employee's waiting entries by month, oldest month first ("Setujui semua bulan ini"). */
export function entriesByMonth(group: EmployeeGroup): { month: string; entries: ReviewItem[] }[] {
  const months = new Map<string, ReviewItem[]>();
  for (const day of group.days) {
    const m = monthOf(day.date);
    months.set(m, [...(months.get(m) ?? []), ...day.entries]);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, entries]) => ({ month, entries }));
}

/** Every entry in screen order: where the focus goes when some of them leave. */
export function flatEntries(queue: ReviewQueue): ReviewItem[] {
  return queue.employees.flatMap((g) => g.days.flatMap((d) => d.entries));
}

/**
 * The queue once `removed` have been decided, with the counts recomputed, so the screen is right at
 * once; the reload that follows brings the core's own figures (a day's total stays as the core said).
 */
export function withoutEntries(queue: ReviewQueue, removed: ReadonlySet<string>): ReviewQueue {
  let total = 0;
  const employees = queue.employees
    .map((g) => {
      const days = g.days
        .map((d) => {
          const entries = d.entries.filter((e) => !removed.has(e.id));
          return { ...d, entries, waitingMinutes: entries.reduce((s, e) => s + e.creditedMinutes, 0) };
        })
        .filter((d) => d.entries.length > 0);
      const waiting = days.reduce((s, d) => s + d.entries.length, 0);
      total += waiting;
      return { ...g, days, waiting, waitingMinutes: days.reduce((s, d) => s + d.waitingMinutes, 0) };
    })
    .filter((g) => g.waiting > 0);
  return { ...queue, employees, total };
}

/** The queue with one entry replaced by its current copy (a stale decision, a resolved overlap). */
export function withItem(queue: ReviewQueue, item: ReviewItem): ReviewQueue {
  return {
    ...queue,
    employees: queue.employees.map((g) => ({
      ...g,
      days: g.days.map((d) => ({ ...d, entries: d.entries.map((e) => (e.id === item.id ? item : e)) })),
    })),
  };
}

/** Where the focus goes when `removed` leave: the next entry still shown, else the one before, else null. */
export function focusAfter(queue: ReviewQueue, removed: ReadonlySet<string>): string | null {
  const all = flatEntries(queue);
  const first = all.findIndex((e) => removed.has(e.id));
  if (first < 0) return null;
  const after = all.slice(first).find((e) => !removed.has(e.id));
  const before = all.slice(0, first).reverse().find((e) => !removed.has(e.id));
  return (after ?? before)?.id ?? null;
}

export function employeeOf(queue: ReviewQueue, entryId: string): EmployeeGroup | undefined {
  return queue.employees.find((g) => g.days.some((d) => d.entries.some((e) => e.id === entryId)));
}

/**
 * The entry a refused bulk or overlap command names: the core puts its id in params.entryId and
 * its place in the list in `field` (items.2, others.0, keep).
 */
export function namedEntry<T extends { id: string }>(error: AppError, sent: readonly T[]): T | undefined {
  const id = error.params?.['entryId'];
  if (typeof id === 'string') {
    const byId = sent.find((s) => s.id === id);
    if (byId) return byId;
  }
  const index = /(\d+)/.exec(error.field ?? '')?.[1];
  return index === undefined ? undefined : sent[Number(index)];
}

/** The two codes that mean "what you saw is no longer what is there": show what changed. */
export const isStale = (e: AppError): boolean => e.code === 'STALE_REVISION' || e.code === 'ENTRY_LOCKED';

/** An element id per entry, so focus can be put on it after a decision. */
export const entryDomId = (id: string): string => `review-entry-${id}`;
export const SUMMARY_ID = 'review-summary';

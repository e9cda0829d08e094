import type { CommandResult, EntryView } from '../../../src-shared/api';
import type { Result } from '../../../src-shared/errors';
import type { Api } from '../../api';

export interface MonthData {
  month: string;
  today: string;
  days: CommandResult<'calendar-month'>['days'];
  recap: CommandResult<'recap-month'>;
  entries: EntryView[];
}

/**
 * A month's calendar, recap and entries. With a month named, the three go out together; without,
 * the calendar answers first with the current month (the core's clock and time zone, not the PC's).
 */
export async function loadMonth(api: Api, requested: string | undefined): Promise<Result<MonthData>> {
  let cal: Result<CommandResult<'calendar-month'>>;
  let recap: Result<CommandResult<'recap-month'>>;
  let list: Result<CommandResult<'entry-list'>>;
  if (requested) {
    [cal, recap, list] = await Promise.all([
      api.send('calendar-month', { month: requested }),
      api.send('recap-month', { month: requested }),
      api.send('entry-list', { month: requested }),
    ]);
  } else {
    cal = await api.send('calendar-month', {});
    if (!cal.ok) return cal;
    const month = cal.value.month;
    [recap, list] = await Promise.all([api.send('recap-month', { month }), api.send('entry-list', { month })]);
  }
  if (!cal.ok) return cal;
  if (!recap.ok) return recap;
  if (!list.ok) return list;
  return { ok: true, value: { ...cal.value, recap: recap.value, entries: list.value.entries } };
}

const byStart = (a: EntryView, b: EntryView) => a.startTime.localeCompare(b.startTime);

/** Entries by work date; each day's entries in time order. */
export function byDate(entries: readonly EntryView[]): Map<string, EntryView[]> {
  const map = new Map<string, EntryView[]>();
  for (const e of entries) {
    const day = map.get(e.workDate);
    if (day) day.push(e);
    else map.set(e.workDate, [e]);
  }
  for (const day of map.values()) day.sort(byStart);
  return map;
}

import type { CommandResult, EntryView } from '../../../src-shared/api';
import { previousMonth } from '../../../src-shared/domain/dates';
import type { Result } from '../../../src-shared/errors';
import type { Api } from '../../api';

export type Recap = CommandResult<'recap-month'>;

export interface HomeData {
  today: string;
  /** Whether today is one of the person's working days: "Catat Aktivitas" then starts on today. */
  todayWorking: boolean;
  /** The earliest date the backdating window still accepts (entry-form): older empty days are lost. */
  earliestDate: string;
  month: string;
  recap: Recap;
  /** Every entry of the current month. */
  entries: EntryView[];
  /** The previous month while staff may still change it (its returned entries can still be fixed). */
  previous: { month: string; recap: Recap; entries: EntryView[] } | null;
}

/**
 * Everything Beranda shows, in as few round trips as the data allows: the calendar gives today and
 * the current month; then this month's recap and entries and last month's recap together; last
 * month's entries only while its period is open. Any refusal stops the load: the screen shows it
 * with "Coba lagi" rather than half a picture of the person's month.
 */
export async function loadHome(api: Api): Promise<Result<HomeData>> {
  const cal = await api.send('calendar-month', {});
  if (!cal.ok) return cal;
  const { month, today } = cal.value;
  const prev = previousMonth(month);
  const [recap, list, prevRecap, form] = await Promise.all([
    api.send('recap-month', { month }),
    api.send('entry-list', { month }),
    api.send('recap-month', { month: prev }),
    api.send('entry-form', {}),
  ]);
  if (!recap.ok) return recap;
  if (!form.ok) return form;
  if (!list.ok) return list;
  if (!prevRecap.ok) return prevRecap;

  let previous: HomeData['previous'] = null;
  // daysLeftBeforeClose counts today on the close day and is 0 once the period is closed.
  if (prevRecap.value.daysLeftBeforeClose > 0) {
    const prevList = await api.send('entry-list', { month: prev });
    if (!prevList.ok) return prevList;
    previous = { month: prev, recap: prevRecap.value, entries: prevList.value.entries };
  }
  const todayWorking = cal.value.days.find((d) => d.date === today)?.working ?? false;
  return { ok: true, value: { today, todayWorking, earliestDate: form.value.earliestDate, month, recap: recap.value, entries: list.value.entries, previous } };
}

const byTime = (a: EntryView, b: EntryView) => a.workDate.localeCompare(b.workDate) || a.startTime.localeCompare(b.startTime);

export function todaysEntries(data: HomeData): EntryView[] {
  return data.entries.filter((e) => e.workDate === data.today).sort(byTime);
}

/** Returned entries of both open months, oldest first: the oldest is the closest to its deadline. */
export function returnedEntries(data: HomeData): EntryView[] {
  const all = [...(data.previous?.entries ?? []), ...data.entries];
  return all.filter((e) => e.status === 'returned').sort(byTime);
}

/**
 * The name a greeting uses: the first given name, without academic or religious titles
 * ("Dr. Ir. Budi Santoso, M.T." → "Budi") and with a Balinese birth-order prefix kept
 * ("I Made Surya" → "I Made"), since "I" alone is no name.
 */
export function firstName(full: string): string {
  const words = (full.split(',')[0] ?? '').split(/\s+/).filter((w) => w !== '' && !w.endsWith('.'));
  const [first, second] = words;
  if (!first) return full.trim();
  if ((first === 'I' || first === 'Ni') && second) return `${first} ${second}`;
  return first;
}

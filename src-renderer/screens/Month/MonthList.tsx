import type { EntryView } from '../../../src-shared/api';
import { dayTotals, EntryCard, EntryOpenButton, opensInEditor } from '../../components/EntryCard';
import { useT } from '../../i18n';
import { byDate, type MonthData } from './load';

/** The month's entries by day, newest day first, each day with its total. */
export function MonthList({ data, open }: { data: MonthData; open: (e: EntryView) => void }) {
  const { t, f, month, date } = useT();
  const days = [...byDate(data.entries)].sort(([a], [b]) => b.localeCompare(a));
  return (
    <section className="stack" aria-labelledby="month-list">
      <h2 id="month-list">{f(t.month.listTitle, { month: month(data.month) })}</h2>
      {days.length === 0 && <p>{t.month.empty}</p>}
      {days.map(([day, entries]) => (
        <section key={day} className="month-day stack" aria-labelledby={`month-day-${day}`}>
          <div className="month-day-head">
            <h3 id={`month-day-${day}`}>{date(day, 'long')}</h3>
            <DayTotal entries={entries} />
          </div>
          <DayEntries entries={entries} headingLevel={4} open={open} />
        </section>
      ))}
    </section>
  );
}

export function DayEntries({ entries, headingLevel, open }: { entries: EntryView[]; headingLevel: 3 | 4; open: (e: EntryView) => void }) {
  return (
    <ul className="plain-list stack">
      {entries.map((e) => (
        <li key={e.id}>
          <EntryCard entry={e} headingLevel={headingLevel} actions={<EntryOpenButton entry={e} edit={opensInEditor(e)} onClick={() => open(e)} />} />
        </li>
      ))}
    </ul>
  );
}

export function DayTotal({ entries }: { entries: EntryView[] }) {
  const { t, f, duration } = useT();
  const total = dayTotals(entries);
  return <p className="month-day-total">{f(t.month.dayTotal, { logged: duration(total.minutes), credited: duration(total.credited) })}</p>;
}

import type { CommandResult, EntryView } from '../../../src-shared/api';
import { compareDates } from '../../../src-shared/domain/dates';
import type { EntryStatus } from '../../../src-shared/domain/types';
import { useNav } from '../../app/context';
import { dayTotals } from '../../components/EntryCard';
import { useT } from '../../i18n';
import { byDate, type MonthData } from './load';
import { DayEntries, DayTotal } from './MonthList';

type Day = CommandResult<'calendar-month'>['days'][number];

/** The order a day's status counts are listed in: what counts first, what needs action next. */
const STATUS_ORDER: EntryStatus[] = ['approved', 'submitted', 'returned', 'draft', 'rejected'];
const PANEL = 'month-day-panel';

/** Weeks Monday to Sunday, with empty cells before the 1st and after the last day. */
function weeksOf(days: readonly Day[]): (Day | null)[][] {
  const weeks: (Day | null)[][] = [];
  let week: (Day | null)[] = Array.from({ length: (days[0]?.weekday ?? 1) - 1 }, () => null);
  for (const d of days) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/**
 * The month as a real table, Monday first. Each day is a button that selects it; the selected
 * day's entries are listed under the table. Colours always come with words (counts per status,
 * the reason a day is not a working day).
 */
export function MonthCalendar({
  data,
  selected,
  onSelect,
  open,
}: {
  data: MonthData;
  selected: string | null;
  onSelect: (date: string) => void;
  open: (e: EntryView) => void;
}) {
  const { t, f, month } = useT();
  const entries = byDate(data.entries);
  return (
    <div className="stack">
      <table className="cal">
        <caption>{f(t.month.calendarCaption, { month: month(data.month) })}</caption>
        <thead>
          <tr>
            {t.month.weekdays.map((w, i) => (
              <th key={w} scope="col">
                <span aria-hidden="true">{t.month.weekdaysShort[i]}</span>
                <span className="visually-hidden">{w}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(data.days).map((week, i) => (
            <tr key={i}>
              {week.map((d, j) =>
                d ? (
                  <DayCell key={d.date} day={d} entries={entries.get(d.date) ?? []} today={d.date === data.today} selected={d.date === selected} onSelect={onSelect} />
                ) : (
                  <td key={`blank-${j}`} className="cal-blank" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <DayPanel data={data} date={selected} entries={selected ? (entries.get(selected) ?? []) : []} open={open} />
    </div>
  );
}

function DayCell({ day, entries, today, selected, onSelect }: { day: Day; entries: EntryView[]; today: boolean; selected: boolean; onSelect: (date: string) => void }) {
  const { t, f, date, duration } = useT();
  const total = dayTotals(entries).minutes;
  const counts = STATUS_ORDER.map((s) => [s, entries.filter((e) => e.status === s).length] as const).filter(([, n]) => n > 0);
  return (
    <td className={day.working ? 'cal-cell' : 'cal-cell cal-off'}>
      <button
        type="button"
        className="cal-day"
        aria-pressed={selected}
        aria-current={today ? 'date' : undefined}
        aria-controls={PANEL}
        onClick={() => onSelect(day.date)}
      >
        <span className="cal-num">
          <span aria-hidden="true">{Number(day.date.slice(8))}</span>
          <span className="visually-hidden">{date(day.date, 'long')}</span>
        </span>
        {today && <span className="cal-today">{t.month.today}</span>}
        {day.reason && <span className="cal-reason">{day.reason}</span>}
        {total > 0 && <span className="cal-total">{duration(total)}</span>}
        {counts.map(([s, n]) => (
          <span key={s} className={`cal-badge badge-${s}`}>
            {f(t.month.statusCount[s], { n })}
          </span>
        ))}
      </button>
    </td>
  );
}

/** The selected day: its entries (opened like in the list) and a way to log on that date. */
function DayPanel({ data, date: day, entries, open }: { data: MonthData; date: string | null; entries: EntryView[]; open: (e: EntryView) => void }) {
  const { t, date } = useT();
  const { navigate } = useNav();
  if (!day) {
    return (
      <div id={PANEL} className="card">
        <p className="month-pick">{t.month.pickDay}</p>
      </div>
    );
  }
  const info = data.days.find((d) => d.date === day);
  return (
    <section id={PANEL} className="card stack" aria-labelledby="month-day-title">
      <h2 id="month-day-title">{date(day, 'long')}</h2>
      {info?.reason && <p className="month-reason">{info.reason}</p>}
      {entries.length === 0 ? (
        <p>{t.month.dayEmpty}</p>
      ) : (
        <>
          <DayEntries entries={entries} headingLevel={3} open={open} />
          <DayTotal entries={entries} />
        </>
      )}
      {/* Whether the date is still open for logging is the wizard's (and the core's) call. */}
      {compareDates(day, data.today) <= 0 && (
        <div>
          <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'entry', date: day })}>
            {t.month.logOnDay}
          </button>
        </div>
      )}
    </section>
  );
}

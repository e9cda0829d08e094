import { useNav } from '../../app/context';
import { dayTotals, EntryCard, EntryOpenButton } from '../../components/EntryCard';
import { useT } from '../../i18n';
import { returnedEntries, todaysEntries, type HomeData, type Recap } from './load';

const HOME = { name: 'home' } as const;

/** Entries Perlu Perbaikan: the supervisor's note first and prominent, then the entry, then "Perbaiki". */
export function ReturnedSection({ data }: { data: HomeData }) {
  const { t, f, date } = useT();
  const { navigate } = useNav();
  const returned = returnedEntries(data);
  if (returned.length === 0) return null;
  const r = t.home.returned;
  return (
    <section className="home-returned stack" aria-labelledby="home-returned">
      <h2 id="home-returned">{r.title}</h2>
      <p>{r.intro}</p>
      <ul className="plain-list stack">
        {returned.map((e) => (
          <li key={e.id} className="returned-item">
            <div className="returned-note">
              <p className="returned-note-label">{r.note}</p>
              <p className="returned-note-text">{e.reviewNote ?? r.noNote}</p>
            </div>
            <EntryCard
              entry={e}
              showDate
              actions={
                <button
                  type="button"
                  className="btn btn-primary"
                  aria-label={f(r.fixLabel, { date: date(e.workDate, 'medium'), start: e.startTime })}
                  onClick={() => navigate({ name: 'entry', entry: e })}
                >
                  {r.fix}
                </button>
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Today's entries with the day's total; each opens the detail, where its actions are. */
export function TodaySection({ data }: { data: HomeData }) {
  const { t, f, date, duration } = useT();
  const { navigate } = useNav();
  const entries = todaysEntries(data);
  const total = dayTotals(entries);
  return (
    <section className="stack" aria-labelledby="home-today">
      <div>
        <h2 id="home-today">{t.home.today.title}</h2>
        <p className="muted home-date">{date(data.today, 'long')}</p>
      </div>
      {entries.length === 0 ? (
        <div className="home-empty">
          <p>{t.home.today.empty}</p>
          <p className="muted">{t.home.today.emptyHint}</p>
        </div>
      ) : (
        <>
          <ul className="plain-list stack">
            {entries.map((e) => (
              <li key={e.id}>
                <EntryCard
                  entry={e}
                  actions={<EntryOpenButton entry={e} edit={false} onClick={() => navigate({ name: 'entry-detail', entry: e, back: HOME })} />}
                />
              </li>
            ))}
          </ul>
          <p className="home-total">{f(t.home.today.total, { logged: duration(total.minutes), credited: duration(total.credited) })}</p>
        </>
      )}
    </section>
  );
}

/** Working days of this month up to today with nothing logged; each opens the wizard on that date. */
export function MissingDays({ data }: { data: HomeData }) {
  const { t, f, date } = useT();
  const { navigate } = useNav();
  const days = data.recap.daysWithoutEntries;
  // Days before the backdating window can no longer be logged: they are listed, not offered.
  const open = days.filter((d) => d >= data.earliestDate);
  const closed = days.filter((d) => d < data.earliestDate);
  const m = t.home.missing;
  return (
    <section className="stack" aria-labelledby="home-missing">
      <h2 id="home-missing">{m.title}</h2>
      {days.length === 0 && <p>{m.none}</p>}
      {open.length > 0 && (
        <>
          <p>{m.intro}</p>
          <ul className="plain-list missing-days">
            {open.map((d) => (
              <li key={d}>
                <button type="button" className="btn" aria-label={f(m.dayLabel, { date: date(d, 'medium') })} onClick={() => navigate({ name: 'entry', date: d })}>
                  {date(d, 'medium')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {closed.length > 0 && (
        <p className="muted">
          {f(m.closed, { count: closed.length, days: closed.map((d) => date(d, 'short')).join(', ') })}
        </p>
      )}
    </section>
  );
}

/** Days left to change each open month: last month first, as its close comes sooner. */
export function Deadlines({ data }: { data: HomeData }) {
  const { t } = useT();
  const open: { month: string; recap: Recap }[] = [];
  if (data.previous) open.push({ month: data.previous.month, recap: data.previous.recap });
  open.push({ month: data.month, recap: data.recap });
  return (
    <section className="stack" aria-labelledby="home-deadlines">
      <h2 id="home-deadlines">{t.home.period.title}</h2>
      <ul className="plain-list stack">
        {open.map((o) => (
          <DeadlineLine key={o.month} month={o.month} recap={o.recap} />
        ))}
      </ul>
    </section>
  );
}

function DeadlineLine({ month: m, recap }: { month: string; recap: Recap }) {
  const { t, f, date, month } = useT();
  const n = recap.daysLeftBeforeClose;
  const params = { n, month: month(m), date: date(recap.periodClosesOn, 'medium') };
  return (
    <li className={n <= 3 ? 'deadline deadline-soon' : 'deadline'}>{f(n === 1 ? t.home.period.lastDay : t.home.period.left, params)}</li>
  );
}

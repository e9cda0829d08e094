import { useState } from 'react';
import type { EntryView } from '../../../src-shared/api';
import { monthOf } from '../../../src-shared/domain/dates';
import { useNav } from '../../app/context';
import { useMonthLoad } from '../../app/use-month-load';
import { CapaianBar } from '../../components/CapaianBar';
import { entryRoute } from '../../components/EntryCard';
import { LoadProblem, Loading } from '../../components/LoadState';
import { MonthSwitch } from '../../components/MonthSwitch';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { loadMonth, type MonthData } from './load';
import { MonthCalendar } from './MonthCalendar';
import { MonthList } from './MonthList';
import './month.css';

/**
 * Bulan Ini: the month's recap, then its entries as a list or a calendar. "Sebelumnya" goes back
 * without a limit; "Berikutnya" stops at the current month.
 */
export function MonthScreen({ month: initial }: { month?: string }) {
  const { t } = useT();
  const { navigate } = useNav();
  const { load, today, shown, go, retry } = useMonthLoad(initial, loadMonth);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [picked, setPicked] = useState<string | null>(null);
  // Months after the current one have nothing to show and nothing to log yet.
  const canNext = shown !== null && today !== null && shown < monthOf(today);
  const m = t.month;

  return (
    <div className="month stack">
      <ScreenTitle>{m.title}</ScreenTitle>
      {shown && (
        <div className="month-bar">
          <MonthSwitch shown={shown} canNext={canNext} go={go} />
          <div className="month-views" role="group" aria-label={m.view}>
            <button type="button" className="btn" aria-pressed={view === 'list'} onClick={() => setView('list')}>
              {m.list}
            </button>
            <button type="button" className="btn" aria-pressed={view === 'calendar'} onClick={() => setView('calendar')}>
              {m.calendar}
            </button>
          </div>
        </div>
      )}

      {load.kind === 'loading' && <Loading />}
      {load.kind === 'error' && <LoadProblem what={m.loadError} error={load.error} onRetry={retry} />}
      {load.kind === 'ready' && (
        <MonthBody
          data={load.value}
          view={view}
          picked={picked}
          onPick={setPicked}
          open={(e) => navigate(entryRoute(e, { name: 'month', month: load.value.month }))}
        />
      )}
    </div>
  );
}

function MonthBody({
  data,
  view,
  picked,
  onPick,
  open,
}: {
  data: MonthData;
  view: 'list' | 'calendar';
  picked: string | null;
  onPick: (date: string) => void;
  open: (e: EntryView) => void;
}) {
  const { t, f, date, month } = useT();
  const { navigate } = useNav();
  const r = data.recap;
  const n = r.daysLeftBeforeClose;
  const period = { n, month: month(data.month), date: date(r.periodClosesOn, 'medium') };
  const deadline = n === 0 ? f(t.month.closed, period) : f(n === 1 ? t.home.period.lastDay : t.home.period.left, period);
  // Today is selected until the person picks a day of the month shown.
  const selected = picked && monthOf(picked) === data.month ? picked : monthOf(data.today) === data.month ? data.today : null;
  return (
    <>
      <section className="card stack" aria-labelledby="month-recap">
        <h2 id="month-recap">{f(t.month.recapTitle, { month: month(data.month) })}</h2>
        <CapaianBar recap={r} />
        <p className="month-deadline">{deadline}</p>
        {/* Staff print their own recap too (the same report a supervisor prints from Tim). */}
        <div>
          <button type="button" className="btn" onClick={() => navigate({ name: 'report', kind: 'employee', month: data.month, back: { name: 'month', month: data.month } })}>
            {t.report.printMonth}
          </button>
        </div>
      </section>
      {view === 'list' ? <MonthList data={data} open={open} /> : <MonthCalendar data={data} selected={selected} onSelect={onPick} open={open} />}
    </>
  );
}

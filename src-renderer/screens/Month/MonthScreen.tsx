import { useEffect, useRef, useState } from 'react';
import type { EntryView } from '../../../src-shared/api';
import { monthOf, nextMonth, previousMonth } from '../../../src-shared/domain/dates';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import { CapaianBar } from '../../components/CapaianBar';
import { entryRoute } from '../../components/EntryCard';
import { LoadProblem, Loading } from '../../components/LoadState';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { loadMonth, type MonthData } from './load';
import { useSyncRefresh } from '../../app/use-sync-refresh';
import { MonthCalendar } from './MonthCalendar';
import { MonthList } from './MonthList';
import './month.css';

type Load = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: MonthData };

/**
 * Bulan Ini: the month's recap, then its entries as a list or a calendar. The switcher stays on
 * screen while another month loads, so the keyboard focus on its buttons is never lost.
 */
export function MonthScreen({ month: initial }: { month?: string }) {
  const api = useApi();
  const { t, f, month } = useT();
  const { navigate } = useNav();
  const [request, setRequest] = useState<{ month: string | undefined; attempt: number }>({ month: initial, attempt: 0 });
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [today, setToday] = useState<string | null>(null);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [picked, setPicked] = useState<string | null>(null);
  // The route can name another month while this screen stays mounted ("Bulan Ini" in the menu).
  const [routeMonth, setRouteMonth] = useState(initial);
  if (routeMonth !== initial) {
    setRouteMonth(initial);
    setLoad({ kind: 'loading' });
    setRequest({ month: initial, attempt: 0 });
  }

  useEffect(() => {
    let live = true;
    void loadMonth(api, request.month).then((r) => {
      if (!live) return;
      if (r.ok) {
        setToday(r.value.today);
        setLoad({ kind: 'ready', data: r.value });
      } else {
        setLoad({ kind: 'error', error: r.error });
      }
    });
    return () => {
      live = false;
    };
  }, [api, request]);

  // After a sync, reload the month on screen quietly; an answer for a month no longer shown is dropped.
  const current = useRef(request);
  useEffect(() => {
    current.current = request;
  }, [request]);
  useSyncRefresh(() => {
    const asked = current.current;
    void loadMonth(api, asked.month).then((r) => {
      if (r.ok && current.current === asked) setLoad((l) => (l.kind === 'ready' ? { kind: 'ready', data: r.value } : l));
    });
  });

  const shown = request.month ?? (load.kind === 'ready' ? load.data.month : null);
  // Months after the current one have nothing to show and nothing to log yet.
  const canNext = shown !== null && today !== null && shown < monthOf(today);
  const go = (m: string) => {
    setLoad({ kind: 'loading' });
    setRequest({ month: m, attempt: 0 });
  };
  const retry = () => {
    setLoad({ kind: 'loading' });
    setRequest((r) => ({ ...r, attempt: r.attempt + 1 }));
  };
  const m = t.month;

  return (
    <div className="month stack">
      <ScreenTitle>{m.title}</ScreenTitle>
      {shown && (
        <div className="month-bar">
          <div className="month-switch" role="group" aria-label={m.switcher}>
            <button type="button" className="btn" aria-label={f(m.previousLabel, { month: month(previousMonth(shown)) })} onClick={() => go(previousMonth(shown))}>
              <span aria-hidden="true">‹</span> {m.previous}
            </button>
            <p className="month-name" aria-live="polite">
              {month(shown)}
            </p>
            <button
              type="button"
              className="btn"
              aria-label={f(m.nextLabel, { month: month(nextMonth(shown)) })}
              // aria-disabled rather than disabled: a focused button that becomes disabled drops the focus.
              aria-disabled={canNext ? undefined : true}
              onClick={() => canNext && go(nextMonth(shown))}
            >
              {m.next} <span aria-hidden="true">›</span>
            </button>
          </div>
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
          data={load.data}
          view={view}
          picked={picked}
          onPick={setPicked}
          open={(e) => navigate(entryRoute(e, { name: 'month', month: load.data.month }))}
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

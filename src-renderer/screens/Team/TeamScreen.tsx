import { useEffect, useRef, useState } from 'react';
import type { TeamReport } from '../../../src-shared/api';
import { monthOf, previousMonth } from '../../../src-shared/domain/dates';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import { useSyncRefresh } from '../../app/use-sync-refresh';
import { LoadProblem, Loading } from '../../components/LoadState';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { ExcelButton } from '../Report/ExcelButton';
import { MonthSwitch } from './MonthSwitch';
import { TeamTable } from './TeamTable';
import './team.css';

type Load = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; report: TeamReport };

/** The PC holds its unit's entries of the current and the previous two months (PROTOCOL.md, pull scope). */
const MONTHS_HELD = 3;

function earliestHeld(today: string): string {
  let m = monthOf(today);
  for (let i = 1; i < MONTHS_HELD; i++) m = previousMonth(m);
  return m;
}

/**
 * Tim: each direct subordinate's month, the approval deadline, and the way to the reports. The
 * month switcher stays on screen while another month loads, so the keyboard focus is never lost.
 */
export function TeamScreen({ month: initial }: { month?: string }) {
  const api = useApi();
  const { t } = useT();
  const [request, setRequest] = useState<{ month: string | undefined; attempt: number }>({ month: initial, attempt: 0 });
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [today, setToday] = useState<string | null>(null);
  // The route can name another month while this screen stays mounted ("Tim" in the menu again).
  const [routeMonth, setRouteMonth] = useState(initial);
  if (routeMonth !== initial) {
    setRouteMonth(initial);
    setLoad({ kind: 'loading' });
    setRequest({ month: initial, attempt: 0 });
  }

  useEffect(() => {
    let live = true;
    void api.send('report-team', request.month ? { month: request.month } : {}).then((r) => {
      if (!live) return;
      if (r.ok) setToday(r.value.today);
      setLoad(r.ok ? { kind: 'ready', report: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, request]);

  // A sync may bring new entries or decisions: reload quietly; an answer for another month is dropped.
  const current = useRef(request);
  useEffect(() => {
    current.current = request;
  }, [request]);
  useSyncRefresh(() => {
    const asked = current.current;
    void api.send('report-team', asked.month ? { month: asked.month } : {}).then((r) => {
      if (r.ok && current.current === asked) setLoad((l) => (l.kind === 'ready' ? { kind: 'ready', report: r.value } : l));
    });
  });

  const shown = request.month ?? (load.kind === 'ready' ? load.report.month : null);
  const canPrevious = shown !== null && today !== null && shown > earliestHeld(today);
  const go = (m: string) => {
    setLoad({ kind: 'loading' });
    setRequest({ month: m, attempt: 0 });
  };
  const retry = () => {
    setLoad({ kind: 'loading' });
    setRequest((r) => ({ ...r, attempt: r.attempt + 1 }));
  };

  return (
    <div className="team stack">
      <ScreenTitle>{t.report.teamTitle}</ScreenTitle>
      <p className="team-intro">{t.report.teamIntro}</p>
      {shown && (
        <div className="team-bar-row">
          <MonthSwitch shown={shown} canPrevious={canPrevious} canNext={today !== null && shown < monthOf(today)} go={go} />
          {/* Why "Sebelumnya" stops here: older months are not on this PC, so they would look empty. */}
          {today !== null && !canPrevious && <p className="muted team-held">{t.report.olderMonths}</p>}
        </div>
      )}
      {load.kind === 'loading' && <Loading />}
      {load.kind === 'error' && <LoadProblem what={t.report.teamLoadError} error={load.error} onRetry={retry} />}
      {load.kind === 'ready' && <TeamBody report={load.report} />}
    </div>
  );
}

function TeamBody({ report }: { report: TeamReport }) {
  const { t, f, month, date } = useT();
  const { navigate } = useNav();
  const deadline = { month: month(report.month), date: date(report.approvalDeadline, 'long') };
  return (
    <>
      <p className={report.approvalOpen ? 'team-deadline' : 'team-deadline team-deadline-passed'}>
        {f(report.approvalOpen ? t.report.deadlineOpen : t.report.deadlinePassed, deadline)}
      </p>
      {report.rows.length === 0 ? (
        <p className="card">{t.report.table.empty}</p>
      ) : (
        <>
          <div className="team-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate({ name: 'report', kind: 'team', month: report.month, back: { name: 'team', month: report.month } })}
            >
              {t.report.printTeam}
            </button>
            <ExcelButton args={{ kind: 'team', month: report.month }} />
          </div>
          <div className="team-scroll">
            <TeamTable report={report} mode="screen" />
          </div>
        </>
      )}
    </>
  );
}

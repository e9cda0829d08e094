import { useEffect, useState } from 'react';
import type { EmployeeReport, TeamReport } from '../../../src-shared/api';
import type { AppError, Result } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import type { Route } from '../../app/routes';
import { LoadProblem, Loading } from '../../components/LoadState';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { EmployeeReportBody } from './EmployeeReportBody';
import { ExcelButton } from './ExcelButton';
import { TeamReportBody } from './TeamReportBody';
import '../Team/team.css';
import './report.css';

type Data = { kind: 'team'; report: TeamReport } | { kind: 'employee'; report: EmployeeReport };
type Load = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: Data };

interface Props {
  kind: 'team' | 'employee';
  month: string;
  /** A subordinate's report; oneself when absent. */
  employeeId?: string;
  back: Route;
}

/**
 * A monthly report as an office prints it (A4, black on white, no menus: see report.css), with
 * Cetak, Unduh Excel and Kembali above it on screen. The figures are the core's (report-team /
 * report-employee), the same function as Tim and the workbook; this screen only lays them out.
 * It is a snapshot ("Dibuat pada"), so a sync does not change it under the reader.
 */
export function ReportScreen({ kind, month: shown, employeeId, back }: Props) {
  const api = useApi();
  const { t, f, month } = useT();
  const { navigate } = useNav();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Another report opened while this screen stays mounted: never show the previous one meanwhile.
  const requested = `${kind}|${shown}|${employeeId ?? ''}`;
  const [loaded, setLoaded] = useState(requested);
  if (loaded !== requested) {
    setLoaded(requested);
    setLoad({ kind: 'loading' });
  }

  useEffect(() => {
    let live = true;
    const answer: Promise<Result<Data>> =
      kind === 'team'
        ? api.send('report-team', { month: shown }).then((r) => (r.ok ? { ok: true, value: { kind, report: r.value } } : r))
        : api
            .send('report-employee', { month: shown, ...(employeeId ? { employeeId } : {}) })
            .then((r) => (r.ok ? { ok: true, value: { kind, report: r.value } } : r));
    void answer.then((r) => {
      if (live) setLoad(r.ok ? { kind: 'ready', data: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, kind, shown, employeeId, attempt]);

  const v = t.report.view;
  const data = load.kind === 'ready' ? load.data : null;
  return (
    <div className={`report report-page report-${kind}`}>
      <header className="report-head">
        {data && <p className="report-unit">{data.report.unit.name}</p>}
        <ScreenTitle>{f(kind === 'team' ? v.titleTeam : v.titleEmployee, { month: month(shown) })}</ScreenTitle>
      </header>
      {/* After the title, so the keyboard reaches the actions first; never on paper. */}
      <div className="report-toolbar" role="group" aria-label={v.actions}>
        <button type="button" className="btn" onClick={() => navigate(back)}>
          <span aria-hidden="true">‹</span> {v.back}
        </button>
        {data && (
          <>
            <button type="button" className="btn btn-primary" onClick={() => window.print()}>
              {v.print}
            </button>
            <ExcelButton args={{ kind, month: shown, ...(employeeId ? { employeeId } : {}) }} />
          </>
        )}
      </div>
      {load.kind === 'loading' && <Loading />}
      {load.kind === 'error' && (
        <LoadProblem
          what={v.loadError}
          error={load.error}
          onRetry={() => {
            setLoad({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {data?.kind === 'team' && <TeamReportBody report={data.report} />}
      {data?.kind === 'employee' && <EmployeeReportBody report={data.report} />}
    </div>
  );
}

import type { TeamReport } from '../../../src-shared/api';
import { monthOf, previousMonth } from '../../../src-shared/domain/dates';
import type { Api } from '../../api';
import { useNav } from '../../app/context';
import { useMonthLoad } from '../../app/use-month-load';
import { LoadProblem, Loading } from '../../components/LoadState';
import { MonthSwitch } from '../../components/MonthSwitch';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { ExcelButton } from '../Report/ExcelButton';
import { TeamTable } from './TeamTable';
import './team.css';

/** The PC holds its unit's entries of the current and the previous two months (PROTOCOL.md, pull scope). */
const MONTHS_HELD = 3;

function earliestHeld(today: string): string {
  let m = monthOf(today);
  for (let i = 1; i < MONTHS_HELD; i++) m = previousMonth(m);
  return m;
}

const fetchTeam = (api: Api, month: string | undefined) => api.send('report-team', month ? { month } : {});

/**
 * Tim: each direct subordinate's month, the approval deadline, and the way to the reports, from
 * the earliest month the PC holds to the current one.
 */
export function TeamScreen({ month: initial }: { month?: string }) {
  const { t } = useT();
  const { load, today, shown, go, retry } = useMonthLoad(initial, fetchTeam);
  const canPrevious = shown !== null && today !== null && shown > earliestHeld(today);

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
      {load.kind === 'ready' && <TeamBody report={load.value} />}
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

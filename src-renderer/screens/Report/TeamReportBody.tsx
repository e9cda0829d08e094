import type { TeamReport } from '../../../src-shared/api';
import { useT } from '../../i18n';
import { TeamTable } from '../Team/TeamTable';
import { useReportFormat } from './format';
import { Identity, PersonLine, Signatures } from './ReportParts';

/** The team's month on paper: the same table as Tim, under the unit, period and deadline. */
export function TeamReportBody({ report }: { report: TeamReport }) {
  const { t, f, month, date } = useT();
  const fmt = useReportFormat();
  const v = t.report.view;
  const deadline = f(report.approvalOpen ? v.deadlineOpen : v.deadlinePassed, { date: date(report.approvalDeadline, 'long') });
  return (
    <>
      <Identity
        items={[
          [v.unit, report.unit.name],
          [v.supervisor, <PersonLine key="s" person={report.supervisor} />],
          [v.position, report.supervisor.positionTitle],
          [v.period, month(report.month)],
          [v.approvalDeadline, deadline],
          [v.generatedAt, fmt.stamp(report.generatedAt)],
        ]}
      />
      {report.rows.length === 0 ? <p>{t.report.table.empty}</p> : <TeamTable report={report} mode="print" />}
      <Signatures supervisor={report.supervisor} date={date(report.today, 'long')} />
    </>
  );
}

import type { EmployeeReport, EntryView } from '../../../src-shared/api';
import { formatNip } from '../../../src-shared/domain/nip';
import { useT } from '../../i18n';
import { useReportFormat } from './format';
import { Identity, PersonLine, Signatures } from './ReportParts';

const byTime = (a: EntryView, b: EntryView) => a.workDate.localeCompare(b.workDate) || a.startTime.localeCompare(b.startTime);

/** One employee's month on paper: who, the recap figures, every entry sent, and the signatures. */
export function EmployeeReportBody({ report }: { report: EmployeeReport }) {
  const { t, month, date } = useT();
  const fmt = useReportFormat();
  const v = t.report.view;
  const e = report.employee;
  return (
    <>
      <Identity
        items={[
          [v.name, e.name],
          [v.nip, formatNip(e.nip)],
          [v.position, e.positionTitle],
          [v.unit, report.unit.name],
          [v.supervisor, <PersonLine key="s" person={report.supervisor} />],
          [v.period, month(report.month)],
          [v.generatedAt, fmt.stamp(report.generatedAt)],
        ]}
      />
      <RecapFigures report={report} />
      <EntriesTable report={report} />
      <Signatures supervisor={report.supervisor} employee={e} date={date(report.today, 'long')} />
    </>
  );
}

function RecapFigures({ report }: { report: EmployeeReport }) {
  const { t, f, month, duration } = useT();
  const fmt = useReportFormat();
  const v = t.report.view;
  const g = v.figures;
  const r = report.recap;
  const idle = r.daysWithoutEntries;
  const rows: [string, React.ReactNode][] = [
    [g.workingDays, f(t.report.days, { n: r.workingDays })],
    [g.absenceDays, f(t.report.days, { n: r.countedAbsenceDays })],
    [g.effective, duration(r.effectiveMinutes)],
    [g.approved, duration(r.approvedMinutes)],
    [g.waiting, duration(r.waitingMinutes)],
    [g.returned, duration(r.returnedMinutes)],
    [g.rejected, duration(r.rejectedMinutes)],
    [g.capaian, fmt.percent(r.capaianPercent)],
    [g.tpp, fmt.rupiah(r.tppEstimate)],
    [
      g.idleDays,
      <>
        {f(t.report.days, { n: idle.length })}
        {idle.length > 0 && <span className="report-dates">{fmt.dateList(idle)}</span>}
      </>,
    ],
  ];
  return (
    <section className="report-section" aria-labelledby="report-recap">
      <h2 id="report-recap">{v.recapTitle}</h2>
      <table className="report-table report-figures">
        <caption className="visually-hidden">{f(v.recapCaption, { month: month(report.month) })}</caption>
        <thead>
          <tr>
            <th scope="col">{v.item}</th>
            <th scope="col">{v.value}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function EntriesTable({ report }: { report: EmployeeReport }) {
  const { t, f, month, date } = useT();
  const fmt = useReportFormat();
  const v = t.report.view;
  const c = v.columns;
  const entries = [...report.entries].sort(byTime);
  return (
    <section className="report-section" aria-labelledby="report-entries">
      <h2 id="report-entries">{v.entriesTitle}</h2>
      {entries.length === 0 ? (
        <p>{v.entriesEmpty}</p>
      ) : (
        <table className="report-table report-entries">
          <caption className="visually-hidden">{f(v.entriesCaption, { month: month(report.month) })}</caption>
          <thead>
            <tr>
              <th scope="col">{c.date}</th>
              <th scope="col">{c.time}</th>
              <th scope="col">{c.activity}</th>
              <th scope="col">{c.description}</th>
              <th scope="col">{c.volume}</th>
              <th scope="col">{c.credited}</th>
              <th scope="col">{c.status}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{date(e.workDate, 'short')}</td>
                <td className="nowrap">{f(v.time, { start: e.startTime, end: e.endTime })}</td>
                <td>{e.activityName}</td>
                <td className="report-uraian">{e.description}</td>
                <td>{f(v.volume, { n: e.volume, unit: e.outputUnit })}</td>
                <td className="num">{fmt.count(e.creditedMinutes)}</td>
                <td>{t.common.status[e.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useLayoutEffect, useRef } from 'react';
import type { TeamReport } from '../../../src-shared/api';
import { formatNip } from '../../../src-shared/domain/nip';
import { useNav } from '../../app/context';
import { useT } from '../../i18n';
import { useReportFormat } from '../Report/format';

type Row = TeamReport['rows'][number];

/**
 * The team's month as one table, on Tim (`screen`: buttons to Verifikasi and to each report, the
 * idle dates on demand) and in the printed team report (`print`: the same figures, no controls,
 * the dates written out). One renderer, so the paper and the screen cannot disagree.
 */
export function TeamTable({ report, mode }: { report: TeamReport; mode: 'screen' | 'print' }) {
  const { t, f, month, duration } = useT();
  const fmt = useReportFormat();
  const c = t.report.table;
  const screen = mode === 'screen';
  const totals = report.totals;
  return (
    <table className="team-table">
      <caption>{f(c.caption, { month: month(report.month) })}</caption>
      <thead>
        <tr>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.capaian}</th>
          <th scope="col">{c.approved}</th>
          <th scope="col">{c.waiting}</th>
          <th scope="col">{c.returned}</th>
          <th scope="col">{c.idleDays}</th>
          <th scope="col">{c.tpp}</th>
          <th scope="col">{screen ? c.forReview : c.forReviewPrint}</th>
          {screen && <th scope="col">{c.report}</th>}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <TeamRow key={row.employee.id} row={row} report={report} screen={screen} />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{f(c.totals, { n: totals.employees })}</th>
          <td />
          <td className="num">{duration(totals.approvedMinutes)}</td>
          <td className="num">{duration(totals.waitingMinutes)}</td>
          <td className="num">{duration(totals.returnedMinutes)}</td>
          <td className="num">{f(t.report.days, { n: totals.daysWithoutEntries })}</td>
          <td className="num money">{fmt.rupiah(totals.tppEstimate)}</td>
          <td className="num">{totals.waitingForReview}</td>
          {screen && <td />}
        </tr>
      </tfoot>
    </table>
  );
}

function TeamRow({ row, report, screen }: { row: Row; report: TeamReport; screen: boolean }) {
  const { t, f, duration } = useT();
  const { navigate } = useNav();
  const fmt = useReportFormat();
  const c = t.report.table;
  const { employee: e, recap: r } = row;
  return (
    <tr>
      <th scope="row" className="team-name">
        <span className="team-person">{e.name}</span>
        <span className="team-nip">{f(c.nip, { nip: formatNip(e.nip) })}</span>
      </th>
      <td className="team-capaian">
        <span className="team-percent">{fmt.percent(r.capaianPercent)}</span>
        <MiniBar percent={r.capaianPercent} />
      </td>
      <td className="num">{duration(r.approvedMinutes)}</td>
      <td className="num">{duration(r.waitingMinutes)}</td>
      <td className="num">{duration(r.returnedMinutes)}</td>
      <td className="num">
        <IdleDays dates={r.daysWithoutEntries} screen={screen} />
      </td>
      <td className="num money">{fmt.rupiah(r.tppEstimate)}</td>
      <td className="num">
        {screen && row.waitingForReview > 0 ? (
          <button
            type="button"
            className="btn team-review"
            aria-label={f(c.forReviewLabel, { n: row.waitingForReview, name: e.name })}
            onClick={() => navigate({ name: 'review' })}
          >
            {row.waitingForReview}
          </button>
        ) : (
          row.waitingForReview
        )}
      </td>
      {screen && (
        <td>
          <button
            type="button"
            className="btn"
            aria-label={f(c.reportLabel, { name: e.name })}
            onClick={() => navigate({ name: 'report', kind: 'employee', employeeId: e.id, month: report.month, back: { name: 'team', month: report.month } })}
          >
            {c.report}
          </button>
        </td>
      )}
    </tr>
  );
}

/** The count of working days with nothing logged; which days, on demand (screen) or written out (paper). */
function IdleDays({ dates, screen }: { dates: readonly string[]; screen: boolean }) {
  const { t, f } = useT();
  const fmt = useReportFormat();
  const count = f(t.report.days, { n: dates.length });
  if (dates.length === 0) return <>{count}</>;
  const list = fmt.dateList(dates);
  if (!screen) {
    return (
      <>
        {count}
        <span className="team-dates">{list}</span>
      </>
    );
  }
  return (
    <details className="team-idle">
      <summary>{count}</summary>
      <p className="team-dates">
        <span className="visually-hidden">{t.report.table.idleDaysList}: </span>
        {list}
      </p>
    </details>
  );
}

/**
 * A small bar of the capaian beside its number. Decorative (the number says it); its width is a
 * custom property set before paint, because the CSP forbids inline style attributes.
 */
function MiniBar({ percent }: { percent: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  const width = Math.min(100, Math.max(0, percent));
  useLayoutEffect(() => {
    ref.current?.style.setProperty('--fill', `${width}%`);
  }, [width]);
  return (
    <span className="team-bar" aria-hidden="true">
      <span ref={ref} className="team-bar-fill" />
    </span>
  );
}

import type { TeamReport } from '../../../src-shared/api';
import { formatNip } from '../../../src-shared/domain/nip';
import { useT } from '../../i18n';

type Person = TeamReport['supervisor'];

/** Label–value pairs under the title (who, which unit, which period), as a form printed by an office. */
export function Identity({ items }: { items: readonly (readonly [string, React.ReactNode])[] }) {
  return (
    <dl className="report-identity">
      {items.map(([label, value]) => (
        <div key={label} className="report-identity-item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Ahmad Fauzi Rahman, S.H., M.H. · NIP 19800721 200501 1 003" on one line, for the identity block. */
export function PersonLine({ person }: { person: Person | null }) {
  const { t, f } = useT();
  if (!person) return <>{t.report.view.noSupervisor}</>;
  return (
    <>
      {person.name}
      <span className="report-nip">{f(t.report.view.signNip, { nip: formatNip(person.nip) })}</span>
    </>
  );
}

/**
 * The signature block offices print under a recap, with room for a wet signature. Employee
 * report: the direct supervisor acknowledges on the left, the employee signs on the right under
 * the date. Team report: the supervisor alone, on the right under the date. A missing supervisor
 * leaves a blank line to be filled in by hand.
 */
export function Signatures({ supervisor, employee, date }: { supervisor: Person | null; employee?: Person; date: string }) {
  const { t } = useT();
  const v = t.report.view;
  return (
    <section className="report-signatures" aria-label={v.signatures}>
      {employee ? (
        <>
          <Signature lines={[v.acknowledged, v.supervisorRole]} person={supervisor} />
          <Signature lines={[date, v.employeeRole]} person={employee} />
        </>
      ) : (
        <>
          <div className="report-signature" />
          <Signature lines={[date, v.acknowledged, v.supervisorRole]} person={supervisor} />
        </>
      )}
    </section>
  );
}

function Signature({ lines, person }: { lines: string[]; person: Person | null }) {
  const { t, f } = useT();
  return (
    <div className="report-signature">
      {lines.map((l) => (
        <p key={l} className="report-signature-line">
          {l}
        </p>
      ))}
      <div className="report-signature-space" />
      <p className="report-signature-name">{person ? person.name : t.report.view.signBlank}</p>
      {person && <p className="report-signature-line">{f(t.report.view.signNip, { nip: formatNip(person.nip) })}</p>}
    </div>
  );
}

import type { Route } from '../../app/routes';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';

/** The printable monthly report (placeholder until the report view lands). */
export function ReportScreen(_props: { kind: 'team' | 'employee'; month: string; employeeId?: string; back: Route }) {
  const { t } = useT();
  return <ScreenTitle>{t.report.teamTitle}</ScreenTitle>;
}

import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';

/** Tim (placeholder until the team screen lands). */
export function TeamScreen(_props: { month?: string }) {
  const { t } = useT();
  return <ScreenTitle>{t.report.teamTitle}</ScreenTitle>;
}

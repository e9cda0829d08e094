import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { EnrollForm, type Enrolled } from './EnrollForm';

/**
 * First run: this PC is not enrolled, so nobody can log in yet (there is no staff list before the
 * first pull). Shown by the lock screen in place of the list; anyone at the PC may enrol it (the
 * single-use code from the server's operator is the credential). `onEnrolled` comes after the core
 * has run the first pull: the lock screen reloads and the unit's staff appear.
 */
export function SetupScreen({ onEnrolled }: { onEnrolled: (r: Enrolled) => void }) {
  const { t } = useT();
  return (
    <div className="setup stack">
      <ScreenTitle>{t.setup.title}</ScreenTitle>
      <p className="setup-intro">{t.setup.intro}</p>
      <EnrollForm onEnrolled={onEnrolled} />
    </div>
  );
}

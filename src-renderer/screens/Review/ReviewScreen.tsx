import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';

/** Verifikasi (placeholder until the review screens land). */
export function ReviewScreen() {
  const { t } = useT();
  return <ScreenTitle>{t.review.title}</ScreenTitle>;
}

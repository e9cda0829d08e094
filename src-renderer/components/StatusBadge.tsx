import type { EntryStatus } from '../../src-shared/domain/types';
import { useT } from '../i18n';

/** An entry's status in words and colour (the colour never carries the meaning alone). */
export function StatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useT();
  return <span className={`badge badge-${status}`}>{t.common.status[status]}</span>;
}

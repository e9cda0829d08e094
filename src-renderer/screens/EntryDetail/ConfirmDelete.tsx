import type { EntryView } from '../../../src-shared/api';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';

/**
 * "Hapus aktivitas ini?": a modal step before a delete that cannot be undone. Focus starts on
 * "Batal" (the safe choice); Escape cancels; the Dialog keeps Tab inside and gives the focus back
 * to "Hapus" when it closes.
 */
export function ConfirmDelete({ entry, busy, onConfirm, onCancel }: { entry: EntryView; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t, f, date } = useT();
  const d = t.month.detail;
  return (
    <Dialog
      title={d.confirmTitle}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" data-autofocus onClick={onCancel}>
            {t.common.cancel}
          </button>
          {/* Not disabled while deleting (the focus would drop): a second press is ignored by the screen. */}
          <button type="button" className="btn btn-danger" aria-busy={busy || undefined} onClick={onConfirm}>
            {d.confirmDelete}
          </button>
        </>
      }
    >
      <p>{f(d.confirmText, { activity: entry.activityName, date: date(entry.workDate, 'medium'), start: entry.startTime, end: entry.endTime })}</p>
    </Dialog>
  );
}

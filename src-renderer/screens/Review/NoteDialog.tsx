import { useRef, useState } from 'react';
import type { ReviewItem } from '../../../src-shared/api';
import { appError, type AppError } from '../../../src-shared/errors';
import { Dialog } from '../../components/Dialog';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { useReviewFormat } from './format';
import { NoteField, useMounted } from './NoteField';

/**
 * "Kembalikan" / "Tolak": the entry, what the decision means for the employee, and the required
 * note. The screen sends it; a refusal other than a stale entry stays here with the note kept.
 */
export function NoteDialog({
  item,
  employeeName,
  decision,
  onConfirm,
  onCancel,
}: {
  item: ReviewItem;
  employeeName: string;
  decision: 'return' | 'reject';
  onConfirm: (note: string) => Promise<AppError | null>;
  onCancel: () => void;
}) {
  const { t, date } = useT();
  const { label, shown } = useReviewFormat();
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const mounted = useMounted();
  const n = t.review.note;

  const confirm = async () => {
    if (busy) return;
    const trimmed = note.trim();
    // Checked here too, so an empty note never leaves the screen; the core checks again.
    if (trimmed === '') {
      setFieldError(appError('NOTE_REQUIRED', { field: 'note' }));
      field.current?.focus();
      return;
    }
    setBusy(true);
    setFieldError(null);
    setError(null);
    const refused = await onConfirm(trimmed);
    if (!mounted.current) return;
    setBusy(false);
    if (refused?.code === 'NOTE_REQUIRED') {
      setFieldError(refused);
      field.current?.focus();
    } else setError(refused);
  };

  return (
    <Dialog
      title={decision === 'return' ? n.returnTitle : n.rejectTitle}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t.common.cancel}
          </button>
          <button type="button" className={decision === 'return' ? 'btn btn-primary' : 'btn btn-danger'} aria-busy={busy || undefined} onClick={() => void confirm()}>
            {decision === 'return' ? n.confirmReturn : n.confirmReject}
          </button>
        </>
      }
    >
      <p className="review-dialog-entry">
        <strong>{label(item)}</strong>
        <br />
        {employeeName}, {date(item.workDate, 'long')}
      </p>
      <p>{decision === 'return' ? n.returnIntro : n.rejectIntro}</p>
      <NoteField value={note} onChange={setNote} error={fieldError} autoFocus fieldRef={field} />
      {error && <Issues issues={[shown(error)]} />}
    </Dialog>
  );
}

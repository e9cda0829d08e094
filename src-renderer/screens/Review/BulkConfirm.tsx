import { useState } from 'react';
import type { AppError } from '../../../src-shared/errors';
import { Dialog } from '../../components/Dialog';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { useReviewFormat } from './format';
import { useMounted } from './NoteField';
import type { BulkRequest } from './QueueList';

/**
 * "Setujui N aktivitas?": the count and the credited minutes of exactly what will be sent, and how
 * many overlapping entries are left out. An approval cannot be undone, so "Batal" has the focus.
 */
export function BulkConfirm({ request, onConfirm, onCancel }: { request: BulkRequest; onConfirm: () => Promise<AppError | null>; onCancel: () => void }) {
  const { t, f, date, duration, month } = useT();
  const { shown } = useReviewFormat();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const mounted = useMounted();
  const b = t.review.bulk;
  const { scope } = request;
  const params = { name: request.name, n: scope.items.length, duration: duration(scope.minutes) };

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const refused = await onConfirm();
    if (!mounted.current) return;
    setBusy(false);
    setError(refused);
  };

  return (
    <Dialog
      title={f(b.title, { n: scope.items.length })}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" data-autofocus onClick={onCancel}>
            {t.common.cancel}
          </button>
          <button type="button" className="btn btn-primary" aria-busy={busy || undefined} onClick={() => void confirm()}>
            {b.confirm}
          </button>
        </>
      }
    >
      <p>{request.day ? f(b.day, { ...params, date: date(request.day, 'long') }) : f(b.month, { ...params, month: month(request.month ?? '') })}</p>
      {scope.excluded > 0 && <p className="alert alert-warning">{f(b.excluded, { n: scope.excluded })}</p>}
      {error && (
        <div className="stack">
          <p className="review-none-approved">{b.noneApproved}</p>
          <Issues issues={[shown(error)]} />
        </div>
      )}
    </Dialog>
  );
}

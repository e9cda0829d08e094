import { useId, useRef, useState } from 'react';
import type { ReviewItem } from '../../../src-shared/api';
import { appError, type AppError } from '../../../src-shared/errors';
import { Dialog } from '../../components/Dialog';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { useReviewFormat } from './format';
import { waitingOverlaps, type DayGroup } from './model';
import { NoteField, useMounted } from './NoteField';

/**
 * "Pilih yang berlaku": the waiting entries of one overlap as a choice, and a note for the ones
 * that go back (prefilled, editable). Nothing is chosen for the person: the first press without a
 * choice asks for one. The others sent are those the kept entry itself overlaps (the core refuses
 * any other), so a chain A–B–C never returns an entry that does not clash with the one kept.
 */
export function OverlapPicker({
  item,
  day,
  employeeName,
  onConfirm,
  onCancel,
}: {
  item: ReviewItem;
  day: DayGroup;
  employeeName: string;
  onConfirm: (keep: ReviewItem, others: ReviewItem[], note: string) => Promise<AppError | null>;
  onCancel: () => void;
}) {
  const { t, f, date } = useT();
  const { shown } = useReviewFormat();
  const o = t.review.overlap;
  const name = useId();
  const chooseId = useId();
  const group = [item, ...waitingOverlaps(item, day)].sort((a, b) => a.startTime.localeCompare(b.startTime));
  const [keepId, setKeepId] = useState<string | null>(null);
  const [note, setNote] = useState(o.noteDefault);
  const [mustChoose, setMustChoose] = useState(false);
  const [fieldError, setFieldError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const mounted = useMounted();

  const confirm = async () => {
    if (busy) return;
    const keep = group.find((e) => e.id === keepId);
    if (!keep) {
      setMustChoose(true);
      firstRadio.current?.focus();
      return;
    }
    const trimmed = note.trim();
    if (trimmed === '') {
      setFieldError(appError('NOTE_REQUIRED', { field: 'note' }));
      field.current?.focus();
      return;
    }
    const others = group.filter((e) => e.id !== keep.id && keep.overlapsWith.some((x) => x.id === e.id));
    setBusy(true);
    setFieldError(null);
    setError(null);
    const refused = await onConfirm(keep, others, trimmed);
    if (!mounted.current) return;
    setBusy(false);
    if (refused?.code === 'NOTE_REQUIRED') setFieldError(refused);
    else setError(refused);
  };

  return (
    <Dialog
      title={o.title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t.common.cancel}
          </button>
          <button type="button" className="btn btn-primary" aria-busy={busy || undefined} onClick={() => void confirm()}>
            {o.confirm}
          </button>
        </>
      }
    >
      <p>{f(o.intro, { name: employeeName, date: date(item.workDate, 'long') })}</p>
      <fieldset className="review-overlap-choices" aria-describedby={mustChoose ? chooseId : undefined}>
        <legend>{o.legend}</legend>
        {mustChoose && (
          <p id={chooseId} role="alert" className="alert alert-error">
            {o.choose}
          </p>
        )}
        {group.map((e, i) => (
          <div key={e.id} className="review-overlap-choice">
            <input
              ref={i === 0 ? firstRadio : undefined}
              type="radio"
              id={`${name}-${e.id}`}
              name={name}
              value={e.id}
              checked={keepId === e.id}
              aria-describedby={`${name}-${e.id}-desc`}
              onChange={() => {
                setKeepId(e.id);
                setMustChoose(false);
              }}
            />
            <div>
              <label htmlFor={`${name}-${e.id}`}>{f(o.option, { start: e.startTime, end: e.endTime, activity: e.activityName })}</label>
              <p id={`${name}-${e.id}-desc`} className="muted review-overlap-desc">
                {e.description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <NoteField value={note} onChange={setNote} error={fieldError} fieldRef={field} />
      {error && <Issues issues={[shown(error)]} />}
    </Dialog>
  );
}

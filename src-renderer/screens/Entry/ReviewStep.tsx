import type { EntryForm } from '../../../src-shared/api';
import { creditedMinutes, durationMinutes } from '../../../src-shared/domain/credit';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { StepFrame } from './StepFrame';
import { volumeOf, type Editing, type Shown, type StepId, type Values } from './state';

/**
 * Step 5: everything in plain words, each line with "Ubah" back to its step, then one tap:
 * Kirim (to the supervisor) or Simpan Draf. Refusals that name no step's field (a stale revision,
 * an entry no longer editable, no answer from the app) are shown here.
 */
export function ReviewStep({
  values,
  rhk,
  editing,
  warnings,
  issues,
  busy,
  onChange,
  onSave,
  onMonth,
  back,
}: {
  values: Values;
  rhk: EntryForm['rhk'];
  editing: Editing | null;
  warnings: readonly Shown[];
  issues: readonly Shown[];
  busy: boolean;
  onChange: (step: StepId) => void;
  onSave: (submit: boolean) => void;
  onMonth: () => void;
  back: React.ReactNode;
}) {
  const { t, f, date, duration } = useT();
  const r = t.entry.review;
  const unit = values.activity?.outputUnit ?? '';
  const volume = volumeOf(values);
  const minutes = Math.max(0, durationMinutes(values.startTime, values.endTime));
  const credited = creditedMinutes({ startTime: values.startTime, endTime: values.endTime, volume, normMinutes: values.activity?.normMinutes ?? null });
  const link = rhk.find((x) => x.id === values.rhkId);
  const unreachable = issues.some((i) => i.code === 'APP_UNREACHABLE');

  const row = (label: string, step: StepId, value: React.ReactNode) => (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>
        <div className="review-value">{value}</div>
        <button type="button" className="btn btn-ghost review-change" aria-label={f(r.changeLabel, { what: label })} onClick={() => onChange(step)}>
          {r.change}
        </button>
      </dd>
    </div>
  );

  const submitLabel = busy ? r.saving : editing?.status === 'returned' ? r.resubmit : r.submit;
  return (
    <StepFrame
      step="review"
      actions={
        <>
          {back}
          <button type="button" className="btn btn-big" disabled={busy} onClick={() => onSave(false)}>
            {editing ? r.saveChanges : r.saveDraft}
          </button>
          <button type="button" className="btn btn-primary btn-big" disabled={busy} onClick={() => onSave(true)}>
            {submitLabel}
          </button>
        </>
      }
    >
      <Issues issues={issues} />
      {unreachable && (
        <p>
          {r.unreachable}{' '}
          <button type="button" className="btn" onClick={onMonth}>
            {r.toMonth}
          </button>
        </p>
      )}
      <dl className="review-list">
        {row(r.date, 'date', values.workDate ? date(values.workDate, 'long') : '')}
        {row(r.activity, 'activity', values.activity?.name ?? '')}
        {rhk.length > 0 && row(r.rhk, 'activity', link ? link.title : r.rhkNone)}
        {row(
          r.time,
          'time',
          <>
            {f(r.timeValue, { start: values.startTime, end: values.endTime })}
            <span className="review-detail">{f(r.timeDetail, { duration: duration(minutes), credited: duration(credited) })}</span>
          </>,
        )}
        {row(r.output, 'output', f(r.outputValue, { volume, unit }))}
        {row(r.description, 'output', <span className="review-text">{values.description}</span>)}
        {row(r.evidence, 'output', values.evidenceNote.trim() || r.none)}
      </dl>
      <Issues issues={warnings} />
      <p className="field-hint">{r.submitHint}</p>
    </StepFrame>
  );
}

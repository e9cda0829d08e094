import { useEffect, useRef } from 'react';
import type { EntryView } from '../../../src-shared/api';
import { Issues } from '../../components/Issues';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import type { Shown } from './state';

/** After a save: what happened in words, whether it still has to go out, and where to go next. */
export function DoneView({
  entry,
  edited,
  warnings,
  onAnother,
  onHome,
}: {
  entry: EntryView;
  /** An existing entry was changed (its status may be returned, not draft). */
  edited: boolean;
  warnings: readonly Shown[];
  onAnother: () => void;
  onHome: () => void;
}) {
  const { t, f, date, duration } = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const sent = entry.status === 'submitted';
  const heading = sent ? t.entry.done.submitted : edited ? t.entry.done.saved : t.entry.done.draft;
  const hint = entry.status === 'draft' ? t.entry.done.draftHint : entry.status === 'returned' ? t.entry.done.returnedHint : null;
  return (
    <section className="wizard-done stack" aria-labelledby="wizard-done-h">
      <div role="status" className="alert alert-ok">
        <h2 id="wizard-done-h" ref={ref} tabIndex={-1} className="wizard-heading">
          {heading}
        </h2>
        {hint && <p>{hint}</p>}
      </div>
      <div className="card done-entry">
        <p>
          <strong>{entry.activityName}</strong> <StatusBadge status={entry.status} />
        </p>
        <p>
          {date(entry.workDate, 'long')}, {f(t.entry.review.timeValue, { start: entry.startTime, end: entry.endTime })} ·{' '}
          {f(t.entry.review.outputValue, { volume: entry.volume, unit: entry.outputUnit })} ·{' '}
          {f(t.entry.time.credited, { duration: duration(entry.creditedMinutes) })}
        </p>
        {entry.pending && <p className="muted">{t.entry.done.pending}</p>}
      </div>
      <Issues issues={warnings} />
      <div className="row">
        <button type="button" className="btn btn-primary btn-big" onClick={onAnother}>
          {t.entry.done.another}
        </button>
        <button type="button" className="btn btn-big" onClick={onHome}>
          {t.entry.done.home}
        </button>
      </div>
    </section>
  );
}

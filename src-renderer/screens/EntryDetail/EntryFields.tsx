import { useEffect, useState } from 'react';
import type { EntryView } from '../../../src-shared/api';
import { useApi } from '../../app/context';
import { PendingTag } from '../../components/EntryCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';


/**
 * The RHK an entry is linked to, by title. EntryView carries only the id; the person's RHK list
 * comes with entry-form. Until (or unless) it answers, the screen says the entry is linked.
 */
function useRhkTitle(rhkId: string | null): string | null {
  const api = useApi();
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (!rhkId) return;
    let live = true;
    void api.send('entry-form', {}).then((r) => {
      const rhk = r.ok ? r.value.rhk.find((x) => x.id === rhkId) : undefined;
      if (live && rhk) setTitle(`${rhk.title} (${rhk.indicator})`);
    });
    return () => {
      live = false;
    };
  }, [api, rhkId]);
  return title;
}

/** Every field of an entry in plain words, the supervisor's note and the server's message first. */
export function EntryFields({ entry }: { entry: EntryView }) {
  const { t, f, date, duration, timestamp } = useT();
  const d = t.month.detail;
  const rhkTitle = useRhkTitle(entry.rhkId);
  const reviewedAt = entry.reviewedAt
    ? timestamp(entry.reviewedAt)
    : null;
  return (
    <>
      {entry.reviewNote && (
        <div className="detail-note">
          <p className="detail-note-label">{d.reviewNote}</p>
          <p className="detail-note-text">{entry.reviewNote}</p>
          {reviewedAt && (
            <p className="detail-note-when">
              {d.reviewedAt}: {reviewedAt}
            </p>
          )}
        </div>
      )}
      {entry.syncMessage && (
        <div className="alert alert-warning">
          <strong className="alert-title">{d.sync}</strong>
          <p className="detail-sync">{entry.syncMessage}</p>
        </div>
      )}
      <dl className="detail-fields">
        <Field label={d.status}>
          <span className="detail-status">
            <StatusBadge status={entry.status} />
            {entry.pending && <PendingTag />}
          </span>
        </Field>
        <Field label={d.date}>{date(entry.workDate, 'long')}</Field>
        <Field label={d.time}>{f(d.timeValue, { start: entry.startTime, end: entry.endTime })}</Field>
        <Field label={d.duration}>{duration(entry.minutes)}</Field>
        <Field label={d.credited}>{duration(entry.creditedMinutes)}</Field>
        <Field label={d.activity}>{entry.activityName}</Field>
        {entry.rhkId && <Field label={d.rhk}>{rhkTitle ?? d.rhkLinked}</Field>}
        <Field label={d.volume}>{f(d.volumeValue, { n: entry.volume, unit: entry.outputUnit })}</Field>
        <Field label={d.uraian}>{entry.description}</Field>
        {entry.evidenceNote && <Field label={d.evidence}>{entry.evidenceNote}</Field>}
        {!entry.reviewNote && reviewedAt && <Field label={d.reviewedAt}>{reviewedAt}</Field>}
      </dl>
      {entry.pending && <p className="muted">{d.pendingHint}</p>}
      <p className="detail-hint">{d.hint[entry.status]}</p>
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="detail-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

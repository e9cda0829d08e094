import { useId } from 'react';
import type { ReviewItem } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { useReviewFormat } from './format';
import { entryDomId, waitingOverlaps, type DayGroup, type Period } from './model';

export interface EntryActions {
  approve(item: ReviewItem): void;
  /** Opens the note dialog for "Kembalikan" / "Tolak". */
  note(item: ReviewItem, decision: 'return' | 'reject'): void;
  /** Opens "Pilih yang berlaku" for the entry's overlap. */
  overlap(item: ReviewItem, day: DayGroup): void;
  /** "Setujui" on an entry that cannot be approved yet: the reason is said again. */
  blocked(reason: string): void;
}

/**
 * One waiting entry with everything a decision needs: time, activity, credited minutes against
 * the catalog norm, uraian, output, RHK, evidence, and the flags in plain words. Its buttons keep
 * the short names the supervisor reads ("Setujui") and take the entry's name as their description.
 */
export function EntryRow({ item, day, period, error, actions }: { item: ReviewItem; day: DayGroup; period: Period | null; error: AppError | null; actions: EntryActions }) {
  const { t, f, duration, month } = useT();
  const { shown } = useReviewFormat();
  const titleId = useId();
  const reasonId = useId();
  const r = t.review.entry;
  const waitingOthers = waitingOverlaps(item, day);
  const overlapping = item.overlapsWith.length > 0;
  const blockedReason = waitingOthers.length > 0 ? r.overlapBlocked : r.overlapOther;
  const norm = item.normMinutes !== null ? f(r.norm, { norm: duration(item.normMinutes), n: item.volume, unit: item.outputUnit }) : null;
  const minutes = f(r.minutes, { duration: duration(item.minutes), credited: duration(item.creditedMinutes) });

  return (
    <li>
      <article id={entryDomId(item.id)} tabIndex={-1} className="review-entry" aria-labelledby={titleId}>
        <h4 id={titleId} className="review-entry-title">
          <span className="review-entry-time">{f(r.time, { start: item.startTime, end: item.endTime })}</span>{' '}
          <span>{item.activityName}</span>
        </h4>
        <p className="review-entry-minutes">{norm ? `${minutes} (${norm})` : minutes}</p>
        <dl className="review-entry-fields">
          <Field label={r.uraian}>{item.description}</Field>
          <Field label={r.volume}>{f(r.volumeValue, { n: item.volume, unit: item.outputUnit })}</Field>
          {item.rhkTitle && <Field label={r.rhk}>{item.rhkTitle}</Field>}
          {item.evidenceNote && <Field label={r.evidence}>{item.evidenceNote}</Field>}
        </dl>
        <Flags item={item} />
        {error && <Issues issues={[shown(error)]} />}
        {period && !period.open ? (
          <p className="review-entry-closed">{f(t.review.deadline.entry, { month: month(period.month) })}</p>
        ) : (
          <>
            {overlapping && (
              <p id={reasonId} className="review-entry-blocked">
                {blockedReason}
              </p>
            )}
            <div className="review-entry-actions" role="group" aria-label={r.decisions} aria-describedby={titleId}>
              <button
                type="button"
                className="btn btn-primary"
                aria-describedby={overlapping ? `${titleId} ${reasonId}` : titleId}
                aria-disabled={overlapping || undefined}
                onClick={() => (overlapping ? actions.blocked(blockedReason) : actions.approve(item))}
              >
                {r.approve}
              </button>
              {waitingOthers.length > 0 && (
                <button type="button" className="btn" aria-describedby={titleId} onClick={() => actions.overlap(item, day)}>
                  {r.pickOverlap}
                </button>
              )}
              <button type="button" className="btn" aria-describedby={titleId} onClick={() => actions.note(item, 'return')}>
                {r.return}
              </button>
              <button type="button" className="btn btn-danger" aria-describedby={titleId} onClick={() => actions.note(item, 'reject')}>
                {r.reject}
              </button>
            </div>
          </>
        )}
      </article>
    </li>
  );
}

/**
 * The flags in words. An overlap is named by the other entry's time, computed by the core from this
 * PC's copy; the server's `overlap` flag is not shown, since it may predate a resolution made here.
 */
function Flags({ item }: { item: ReviewItem }) {
  const { t, f } = useT();
  const words = [
    ...item.overlapsWith.map((o) =>
      f(o.status === 'submitted' ? t.review.flags.overlap : t.review.flags.overlapStatus, { start: o.startTime, end: o.endTime, status: t.common.status[o.status] }),
    ),
    ...item.flags.filter((flag) => flag !== 'overlap').map((flag) => t.review.flags[flag]),
  ];
  if (words.length === 0) return null;
  return (
    <ul className="review-flags" aria-label={t.review.entry.flags}>
      {words.map((w) => (
        <li key={w} className="review-flag">
          {w}
        </li>
      ))}
    </ul>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="review-entry-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

import type { ReviewItem } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { Dialog } from '../../components/Dialog';
import { Issues } from '../../components/Issues';
import { useT, type I18n } from '../../i18n';
import { useReviewFormat } from './format';

export interface StaleState {
  /** The entry as the supervisor saw it when deciding. */
  before: ReviewItem;
  /** The entry as it is now (review-entry); null when it could not be read. */
  now: ReviewItem | null;
  error: AppError | null;
  employeeName: string;
  /** For "Setujui semua": how many entries were sent (none of them was approved). */
  bulk: number | null;
}

/**
 * "Aktivitas ini sudah berubah": a decision met a newer revision (STALE_REVISION) or an entry
 * already approved (ENTRY_LOCKED). Field by field what changed, then either "Putuskan lagi" on the
 * new revision or what was decided elsewhere. Nothing is decided for the person behind their back.
 */
export function StaleDialog({ state, onDecideAgain, onClose }: { state: StaleState; onDecideAgain: () => void; onClose: () => void }) {
  const i18n = useT();
  const { t, f } = i18n;
  const { label } = useReviewFormat();
  const s = t.review.stale;
  const { before, now } = state;
  const waiting = now?.status === 'submitted';
  const rows = now ? changes(i18n, before, now) : [];
  return (
    <Dialog
      title={s.title}
      onClose={onClose}
      actions={
        waiting ? (
          <>
            <button type="button" className="btn" onClick={onClose}>
              {t.common.close}
            </button>
            <button type="button" className="btn btn-primary" data-autofocus onClick={onDecideAgain}>
              {s.decideAgain}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t.common.close}
          </button>
        )
      }
    >
      {state.bulk !== null && <p className="alert alert-warning review-none-approved">{f(s.bulk, { n: state.bulk })}</p>}
      <p>{f(s.intro, { label: label(before), name: state.employeeName })}</p>
      {now && rows.length > 0 && (
        <table className="review-changes">
          <caption>{s.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.field}</th>
              <th scope="col">{s.before}</th>
              <th scope="col">{s.now}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field}>
                <th scope="row">{r.field}</th>
                <td>{r.before}</td>
                <td>{r.now}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {now && rows.length === 0 && <p>{s.sameContent}</p>}
      {now && <p className="review-stale-outcome">{waiting ? s.stillWaiting : f(s.decided, { status: t.common.status[now.status] })}</p>}
      {!now && (
        <>
          <p className="review-stale-outcome">{s.unreadable}</p>
          {state.error && <Issues issues={[state.error]} />}
        </>
      )}
    </Dialog>
  );
}

/** The fields a supervisor judges by, in words, where the two copies differ. */
function changes({ t, f, date }: I18n, a: ReviewItem, b: ReviewItem): { field: string; before: string; now: string }[] {
  const s = t.review.stale;
  const words = (e: ReviewItem) => ({
    [s.fields.date]: date(e.workDate, 'long'),
    [s.fields.time]: f(t.review.entry.time, { start: e.startTime, end: e.endTime }),
    [s.fields.activity]: e.activityName,
    [s.fields.volume]: f(t.review.entry.volumeValue, { n: e.volume, unit: e.outputUnit }),
    [s.fields.uraian]: e.description,
    [s.fields.evidence]: e.evidenceNote ?? s.none,
    [s.fields.rhk]: e.rhkTitle ?? s.none,
    [s.fields.status]: t.common.status[e.status],
  });
  const was = words(a);
  const is = words(b);
  return Object.keys(was)
    .filter((field) => was[field] !== is[field])
    .map((field) => ({ field, before: was[field] ?? '', now: is[field] ?? '' }));
}

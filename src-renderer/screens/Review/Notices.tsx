import { useState } from 'react';
import type { ReviewQueue } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';

type Notice = ReviewQueue['notices'][number];

export const noticeDomId = (id: number): string => `review-notice-${id}`;

/**
 * Decisions of this supervisor that the central server refused (decided or changed on another PC,
 * an overlap, the deadline): shown first, each until "Mengerti". The message is the one the core
 * stored when the refusal came in.
 */
export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => Promise<AppError | null> }) {
  const { t, f, date } = useT();
  const [errors, setErrors] = useState<Record<number, AppError>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const n = t.review.notices;

  const dismiss = async (id: number) => {
    // Not disabled while it runs (the focus would drop): a second press is ignored.
    if (busy !== null) return;
    setBusy(id);
    const error = await onDismiss(id);
    setBusy(null);
    if (error) setErrors((e) => ({ ...e, [id]: error }));
  };

  return (
    <section className="review-notices stack" aria-labelledby="review-notices">
      <h2 id="review-notices">{n.title}</h2>
      <p>{n.intro}</p>
      <ul className="plain-list stack">
        {notices.map((notice) => {
          const whenId = `${noticeDomId(notice.id)}-when`;
          const error = errors[notice.id];
          return (
            <li key={notice.id} id={noticeDomId(notice.id)} tabIndex={-1} className="review-notice">
              <p id={whenId} className="review-notice-when">
                {/* No day stored when the entry was not on this PC (notices.ts): formatting '' would throw and take the screen down. */}
                {notice.workDate
                  ? f(n.when, { name: notice.employeeName, date: date(notice.workDate, 'medium'), start: notice.startTime, end: notice.endTime })
                  : notice.employeeName}
              </p>
              <p className="review-notice-decision">{f(n.decision, { decision: t.review.decision[notice.decision] })}</p>
              <p className="review-notice-message">{notice.message}</p>
              {error && <Issues issues={[error]} />}
              <div>
                <button type="button" className="btn" aria-describedby={whenId} aria-busy={busy === notice.id || undefined} onClick={() => void dismiss(notice.id)}>
                  {n.dismiss}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

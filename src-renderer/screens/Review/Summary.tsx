import type { ReviewQueue } from '../../../src-shared/api';
import { useNav } from '../../app/context';
import { useT } from '../../i18n';
import { useReviewFormat } from './format';
import { SUMMARY_ID } from './model';

/**
 * Above the list: how much waits, and each period's approval deadline (a passed one as a warning
 * with its consequence). With nothing waiting, it says so and points to Tim. The first line takes
 * the focus when the last entry on screen has been decided.
 */
export function Summary({ queue }: { queue: ReviewQueue }) {
  const { t, f, duration } = useT();
  const { navigate } = useNav();
  const minutes = queue.employees.reduce((s, g) => s + g.waitingMinutes, 0);
  if (queue.total === 0) {
    return (
      <div className="review-empty stack">
        <p id={SUMMARY_ID} tabIndex={-1} className="review-empty-text">
          {t.review.empty}
        </p>
        <p className="muted">{t.review.emptyHint}</p>
        <div>
          <button type="button" className="btn" onClick={() => navigate({ name: 'team' })}>
            {t.review.toTeam}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="review-summary stack">
      <p id={SUMMARY_ID} tabIndex={-1} className="review-total">
        {f(queue.total === 1 ? t.review.totalOne : t.review.total, { n: queue.total, duration: duration(minutes) })}
      </p>
      <Deadlines periods={queue.periods} />
    </div>
  );
}

function Deadlines({ periods }: { periods: ReviewQueue['periods'] }) {
  const { t, f, month } = useT();
  const { plainDate } = useReviewFormat();
  const d = t.review.deadline;
  if (periods.length === 0) return null;
  return (
    <ul className="plain-list stack review-deadlines" aria-label={d.label}>
      {periods.map((p) => {
        const params = { month: month(p.month), date: plainDate(p.deadline), n: p.daysLeft };
        if (!p.open) {
          return (
            <li key={p.month} className="alert alert-warning">
              {f(d.passed, params)}
            </li>
          );
        }
        return (
          <li key={p.month} className={p.daysLeft <= 3 ? 'review-deadline review-deadline-soon' : 'review-deadline'}>
            {f(p.daysLeft === 0 ? d.lastDay : p.daysLeft === 1 ? d.openOne : d.open, params)}
          </li>
        );
      })}
    </ul>
  );
}

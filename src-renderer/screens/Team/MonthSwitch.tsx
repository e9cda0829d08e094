import { nextMonth, previousMonth } from '../../../src-shared/domain/dates';
import { useT } from '../../i18n';

/**
 * Previous / next month around the month shown. A limit is aria-disabled rather than disabled:
 * a focused button that becomes disabled drops the keyboard focus.
 */
export function MonthSwitch({ shown, canPrevious, canNext, go }: { shown: string; canPrevious: boolean; canNext: boolean; go: (month: string) => void }) {
  const { t, f, month } = useT();
  const m = t.month;
  return (
    <div className="team-switch" role="group" aria-label={m.switcher}>
      <button
        type="button"
        className="btn"
        aria-label={f(m.previousLabel, { month: month(previousMonth(shown)) })}
        aria-disabled={canPrevious ? undefined : true}
        onClick={() => canPrevious && go(previousMonth(shown))}
      >
        <span aria-hidden="true">‹</span> {m.previous}
      </button>
      <p className="team-month" aria-live="polite">
        {month(shown)}
      </p>
      <button
        type="button"
        className="btn"
        aria-label={f(m.nextLabel, { month: month(nextMonth(shown)) })}
        aria-disabled={canNext ? undefined : true}
        onClick={() => canNext && go(nextMonth(shown))}
      >
        {m.next} <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}

import { nextMonth, previousMonth } from '../../src-shared/domain/dates';
import { useT } from '../i18n';
import './month-switch.css';

/**
 * "‹ Sebelumnya · November 2026 · Berikutnya ›" around the month shown (Bulan Ini, Tim). Each
 * screen says where its months stop. A limit is aria-disabled rather than disabled: a focused
 * button that becomes disabled drops the keyboard focus.
 */
export function MonthSwitch({ shown, canPrevious = true, canNext, go }: { shown: string; canPrevious?: boolean; canNext: boolean; go: (month: string) => void }) {
  const { t, f, month } = useT();
  const m = t.month;
  return (
    <div className="month-switch" role="group" aria-label={m.switcher}>
      <button
        type="button"
        className="btn"
        aria-label={f(m.previousLabel, { month: month(previousMonth(shown)) })}
        aria-disabled={canPrevious ? undefined : true}
        onClick={() => canPrevious && go(previousMonth(shown))}
      >
        <span aria-hidden="true">‹</span> {m.previous}
      </button>
      <p className="month-name" aria-live="polite">
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

import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { StepFrame } from './StepFrame';
import { errorsOf, readable, type FormDate, type Shown } from './state';

/**
 * Step 1: the day. Today and yesterday first as big buttons, then the other days the backdating
 * window allows. A day the rules refuse stays in the list, marked unavailable with the reason
 * under it, so the person sees why instead of wondering where it went; a warning (dinas luar)
 * is shown and the day stays choosable. Choosing a day moves on at once.
 */
export function DateStep({
  dates,
  today,
  selected,
  keepable,
  issues,
  onPick,
  actions,
}: {
  dates: readonly FormDate[];
  today: string;
  selected: string | null;
  /** Editing: the entry's own day may stay chosen even when the window no longer offers it. */
  keepable: boolean;
  /** Refusals of a save that concern the date. */
  issues: readonly Shown[];
  onPick: (date: string) => void;
  actions: React.ReactNode;
}) {
  const { t, f, err, date, duration } = useT();
  const human = (list: readonly Shown[]) => readable(list, (iso) => date(iso, 'medium'));
  const [first, second, ...rest] = dates;
  // An entry being edited may sit on a day the window no longer offers; it may stay there.
  const kept = keepable && selected !== null && !dates.some((d) => d.date === selected) ? selected : null;

  const option = (d: FormDate, big: boolean) => {
    const blocked = errorsOf(d.issues).length > 0;
    const short = `${date(d.date, 'weekday')}, ${date(d.date, 'short')}`;
    const label = big ? f(d.date === today ? t.entry.date.today : t.entry.date.yesterday, { date: short }) : short;
    const descId = `date-desc-${d.date}`;
    return (
      <li key={d.date} className="date-option">
        <button
          type="button"
          className={`btn ${big ? 'btn-big ' : ''}date-button`}
          // aria-disabled, not disabled: the day stays focusable, so a keyboard user hears why.
          aria-disabled={blocked || undefined}
          aria-pressed={selected === d.date}
          aria-describedby={descId}
          onClick={() => {
            if (!blocked) onPick(d.date);
          }}
        >
          {label}
        </button>
        {/* Plain text, not live regions: a week of weekends must not be announced as alerts. */}
        <div id={descId} className="date-desc">
          {human(d.issues).map((i, n) => (
            <span key={`${i.code}-${n}`} data-code={i.code} className={i.severity === 'warning' ? 'date-note date-note-warning' : 'date-note date-note-error'}>
              <strong>{i.severity === 'warning' ? t.common.warning : t.entry.date.unavailable}:</strong> {err(i)}
            </span>
          ))}
          {!blocked && (
            <span className="muted">{d.loggedMinutes > 0 ? f(t.entry.date.logged, { duration: duration(d.loggedMinutes) }) : t.entry.date.nothingLogged}</span>
          )}
        </div>
      </li>
    );
  };

  const last = dates[dates.length - 1];
  return (
    <StepFrame step="date" actions={actions}>
      <Issues issues={human(issues)} />
      {kept && (
        <button type="button" className="btn btn-big" aria-pressed="true" onClick={() => onPick(kept)}>
          {f(t.entry.date.keep, { date: date(kept, 'medium') })}
        </button>
      )}
      <ul className="date-list date-list-main">
        {first && option(first, first.date === today)}
        {second && option(second, first?.date === today)}
      </ul>
      {rest.length > 0 && (
        <>
          <h3 className="date-others">{t.entry.date.others}</h3>
          <ul className="date-list">{rest.map((d) => option(d, false))}</ul>
        </>
      )}
      {last && first && <p className="muted">{f(t.entry.date.window, { from: date(last.date, 'medium'), to: date(first.date, 'medium') })}</p>}
    </StepFrame>
  );
}

import { useEffect, useId, useState } from 'react';
import type { IssueView } from '../../../src-shared/api';
import { creditedMinutes, durationMinutes } from '../../../src-shared/domain/credit';
import { isClockTime } from '../../../src-shared/domain/dates';
import type { AppError, Result } from '../../../src-shared/errors';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { StepFrame } from './StepFrame';
import { addMinutes, errorsOf, issuesFor, timesGiven, volumeOf, type FormDate, type Shown, type Values } from './state';

const DURATIONS = [
  { minutes: 30, key: 'plus30' },
  { minutes: 60, key: 'plus60' },
  { minutes: 120, key: 'plus120' },
] as const;

/** What entry-check said about one pair of times (the key), or that it could not be asked. */
type Found = { key: string; issues: Shown[]; failed: AppError | null };

/**
 * Step 3: start and end. Quick picks fill both in one tap ("+1 jam" starts where the day's last
 * entry ended); the duration and the credited minutes (rule 7, the shared function) show as the
 * times change, and the core's rules 3–5 are asked as soon as both times are valid: an overlap,
 * the day limit or an end before the start blocks Lanjut right here, where it can be fixed.
 */
export function TimeStep({
  values,
  day,
  isToday,
  now,
  issues,
  check,
  onTimes,
  onNext,
  back,
}: {
  values: Values;
  /** The chosen day as entry-form describes it; absent for an edited entry's day outside the window. */
  day: FormDate | undefined;
  isToday: boolean;
  now: string;
  /** Refusals of a save that concern the times. */
  issues: readonly Shown[];
  check: (times: { startTime: string; endTime: string }) => Promise<Result<{ issues: IssueView[] }>>;
  onTimes: (times: { startTime: string; endTime: string }) => void;
  /** Moves on, handing over the warnings found (shown again on the review). */
  onNext: (warnings: Shown[]) => void;
  back: React.ReactNode;
}) {
  const { t, f, duration } = useT();
  const id = useId();
  const [found, setFound] = useState<Found | null>(null);
  const { startTime, endTime } = values;
  const key = `${startTime}-${endTime}`;
  const ready = timesGiven(values);

  const ask = async (): Promise<Found> => {
    const r = await check({ startTime, endTime });
    return r.ok ? { key, issues: issuesFor(r.value.issues, 'time'), failed: null } : { key, issues: [], failed: r.error };
  };

  useEffect(() => {
    if (!ready) return;
    let live = true;
    void check({ startTime, endTime }).then((r) => {
      if (!live) return;
      setFound(r.ok ? { key, issues: issuesFor(r.value.issues, 'time'), failed: null } : { key, issues: [], failed: r.error });
    });
    return () => {
      live = false;
    };
  }, [check, ready, startTime, endTime, key]);

  const current = found?.key === key ? found : null;
  // A save's refusal that the live check repeats is said once.
  const refusals = issues.filter((i) => !current?.issues.some((c) => c.code === i.code));
  const blocked = !ready || (current !== null && errorsOf(current.issues).length > 0);

  const next = async () => {
    // A quick pick followed at once by Lanjut may beat the live check: ask now rather than guess.
    const result = current ?? (await ask());
    setFound(result);
    if (errorsOf(result.issues).length === 0) onNext(result.issues);
  };

  const continueFrom = day ? (day.lastEndTime ?? day.window.start) : null;
  const base = isClockTime(startTime) ? startTime : continueFrom;
  const minutes = ready ? durationMinutes(startTime, endTime) : 0;
  const volume = volumeOf(values) || 1;
  const norm = values.activity?.normMinutes ?? null;
  const credited = creditedMinutes({ startTime, endTime, volume, normMinutes: norm });

  return (
    <StepFrame
      step="time"
      actions={
        <>
          {back}
          <button type="button" className="btn btn-primary btn-big" disabled={blocked} onClick={() => void next()}>
            {t.common.next}
          </button>
        </>
      }
    >
      <Issues issues={refusals} />
      {day && (
        <p className="muted">
          {f(t.entry.time.window, { start: day.window.start, end: day.window.end })}{' '}
          {day.loggedMinutes > 0 && f(t.entry.time.loggedToday, { duration: duration(day.loggedMinutes) })}
        </p>
      )}
      <fieldset className="time-quick">
        <legend>{t.entry.time.quick}</legend>
        <p className="field-hint">{t.entry.time.quickHint}</p>
        <div className="row">
          {continueFrom && (
            <button type="button" className="btn" onClick={() => onTimes({ startTime: continueFrom, endTime })}>
              {f(t.entry.time.continueFrom, { time: continueFrom })}
            </button>
          )}
          {base &&
            DURATIONS.map((d) => (
              <button key={d.key} type="button" className="btn" onClick={() => onTimes({ startTime: base, endTime: addMinutes(base, d.minutes) })}>
                {t.entry.time[d.key]}
              </button>
            ))}
          {isToday && base && (
            <button type="button" className="btn" onClick={() => onTimes({ startTime: base, endTime: now })}>
              {f(t.entry.time.untilNow, { time: now })}
            </button>
          )}
        </div>
      </fieldset>
      <div className="row time-fields">
        <div className="field">
          <label htmlFor={`${id}-start`}>{t.entry.time.start}</label>
          <input id={`${id}-start`} type="time" value={startTime} onChange={(e) => onTimes({ startTime: e.target.value, endTime })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t.entry.time.end}</label>
          <input id={`${id}-end`} type="time" value={endTime} onChange={(e) => onTimes({ startTime, endTime: e.target.value })} />
        </div>
      </div>
      <div className="time-summary" aria-live="polite">
        {minutes > 0 && (
          <>
            <p>{f(t.entry.time.duration, { duration: duration(minutes) })}</p>
            <p className="time-credited">
              {credited < minutes && norm !== null
                ? f(t.entry.time.capped, { n: credited, norm, volume, unit: values.activity?.outputUnit ?? '' })
                : f(t.entry.time.credited, { duration: duration(credited) })}
            </p>
          </>
        )}
      </div>
      {current && <Issues issues={current.issues} />}
      {current?.failed && <Issues issues={[current.failed]} />}
    </StepFrame>
  );
}

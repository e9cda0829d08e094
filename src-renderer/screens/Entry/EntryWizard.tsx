import { useCallback, useEffect, useState } from 'react';
import type { EntryForm, EntryView } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import { LoadProblem, Loading } from '../../components/LoadState';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { ActivityStep } from './ActivityStep';
import { DateStep } from './DateStep';
import { DoneView } from './DoneView';
import { OutputStep } from './OutputStep';
import { ReviewStep } from './ReviewStep';
import { editingOf, saveEntry } from './save';
import { entryFields, errorsOf, initialValues, issuesFor, readable, STEPS, stepOfField, warningsOf, type Shown, type StepId, type Values } from './state';
import { TimeStep } from './TimeStep';
import './entry.css';

/**
 * Catat Aktivitas: a new entry (on a given date, or today / another day the window allows), or a
 * draft / returned entry to change. "Catat aktivitas lain" starts a fresh form here: the route
 * may stay the same (and so SessionView's key), so the wizard re-keys itself.
 */
export function EntryWizard({ entry, date }: { entry?: EntryView; date?: string }) {
  const [round, setRound] = useState<{ n: number; entry?: EntryView | undefined; date?: string | undefined }>({ n: 0, entry, date });
  return <Wizard key={round.n} entry={round.entry} date={round.date} onAnother={(d) => setRound((r) => ({ n: r.n + 1, date: d }))} />;
}

function Wizard({ entry, date, onAnother }: { entry: EntryView | undefined; date: string | undefined; onAnother: (date: string) => void }) {
  const api = useApi();
  const { navigate } = useNav();
  const { t, date: fmtDate } = useT();
  const [form, setForm] = useState<EntryForm | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [values, setValues] = useState<Values>(() => initialValues(entry, date));
  const [query, setQuery] = useState('');
  const [step, setStep] = useState<StepId>(entry ? 'review' : date ? 'activity' : 'date');
  /** Findings and refusals, each shown at the step of its field (the review takes the rest). */
  const [issues, setIssues] = useState<Shown[]>([]);
  const [warnings, setWarnings] = useState<Shown[]>([]);
  /** Set by "Ubah" on the review: the changed step then leads back to the review. */
  const [returning, setReturning] = useState(false);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(entry ? editingOf(entry) : null);
  const [done, setDone] = useState<{ entry: EntryView; warnings: AppError[] } | null>(null);
  const editingId = editing?.id;

  /**
   * Every rule on every field: errors send the person to the earliest step concerned (and, once
   * fixed, straight back here through another check), none to the review. `stay` is where a
   * check that got no answer is reported.
   */
  const checkAll = useCallback(
    async (v: Values, stay: StepId) => {
      setChecking(true);
      const r = await api.send('entry-check', { ...entryFields(v), ...(editingId ? { entryId: editingId } : {}) });
      setChecking(false);
      if (!r.ok) {
        setIssues([r.error]);
        return setStep(stepOfField(r.error.field) ?? stay);
      }
      const errors = errorsOf(r.value.issues);
      setIssues(errors);
      setWarnings(warningsOf(r.value.issues));
      setReturning(errors.length > 0);
      const first = STEPS.find((s) => errors.some((e) => stepOfField(e.field) === s));
      setStep(first ?? (errors.length > 0 ? stay : 'review'));
    },
    [api, editingId],
  );

  useEffect(() => {
    let live = true;
    void api.send('entry-form', {}).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(r.error);
      setLoadError(null);
      setForm(r.value);
      if (entry) {
        // The norm of the edited entry's activity, so the credited minutes show as they will be counted.
        const found = entry.activityId ? await api.send('catalog-search', { query: entry.activityName.slice(0, 100) }) : null;
        const item = found?.ok ? found.value.items.find((i) => i.id === entry.activityId) : undefined;
        if (live && item) setValues((v) => (v.activity?.id === item.id ? { ...v, activity: { ...v.activity, normMinutes: item.normMinutes } } : v));
        if (live) await checkAll(initialValues(entry), 'review');
      } else if (date) {
        const day = r.value.dates.find((d) => d.date === date);
        if (day && errorsOf(day.issues).length === 0) return;
        // The date this form was opened on cannot take an entry: say why on the date step.
        const checked = day ? null : await api.send('entry-check', { workDate: date });
        if (!live) return;
        setIssues(day ? errorsOf(day.issues) : checked?.ok ? errorsOf(checked.value.issues) : []);
        setValues((v) => ({ ...v, workDate: null }));
        setStep('date');
      }
    });
    return () => {
      live = false;
    };
    // Loaded once per opening (and per "Coba lagi"); the props do not change while it lives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, attempt]);

  const change = (s: StepId, patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setIssues((list) => list.filter((i) => stepOfField(i.field) !== s));
  };

  const advance = (from: StepId, v: Values) => {
    if (returning || from === 'output') return void checkAll(v, from);
    setStep(STEPS[STEPS.indexOf(from) + 1] ?? 'review');
  };

  const back = (s: StepId) => {
    const prev = STEPS[STEPS.indexOf(s) - 1];
    return (
      <button type="button" className="btn btn-big" onClick={() => (prev ? setStep(prev) : navigate({ name: 'home' }))}>
        {prev ? t.common.back : t.common.cancel}
      </button>
    );
  };

  const checkTimes = useCallback(
    (times: { startTime: string; endTime: string }) => api.send('entry-check', { workDate: values.workDate ?? '', ...times, ...(editingId ? { entryId: editingId } : {}) }),
    [api, values.workDate, editingId],
  );

  const save = async (submit: boolean) => {
    setBusy(true);
    const r = await saveEntry(api, values, editing, submit);
    setBusy(false);
    if (r.ok) return setDone({ entry: r.entry, warnings: r.warnings });
    if (r.saved) setEditing(editingOf(r.saved));
    setIssues([r.error]);
    const at = stepOfField(r.error.field);
    // Sent back to fix one thing: that step then leads straight back to the review.
    setReturning(at !== null);
    setStep(at ?? 'review');
  };

  const human = (list: readonly Shown[]) => readable(list, (iso) => fmtDate(iso, 'medium'));
  const title = <ScreenTitle focus={false}>{entry ? t.entry.titleEdit : t.entry.titleNew}</ScreenTitle>;
  if (done) {
    return (
      <div className="wizard">
        {title}
        <DoneView entry={done.entry} edited={entry !== undefined} warnings={human(done.warnings)} onAnother={() => onAnother(done.entry.workDate)} onHome={() => navigate({ name: 'home' })} />
      </div>
    );
  }
  if (!form) {
    return (
      <div className="wizard">
        {title}
        {loadError ? <LoadProblem what={t.entry.loadFailed} error={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : <Loading />}
      </div>
    );
  }

  const at = (s: StepId) => human(issuesFor(issues, s));
  const day = form.dates.find((d) => d.date === values.workDate);
  return (
    <div className="wizard">
      {title}
      {editing?.reviewNote && (
        <div className="alert alert-warning wizard-note">
          <strong className="alert-title">{t.entry.returnedNote}</strong>
          <p>{editing.reviewNote}</p>
        </div>
      )}
      {(step === 'activity' || step === 'time' || step === 'output') && <Summary values={values} />}
      {step === 'date' && (
        <DateStep
          dates={form.dates}
          today={form.today}
          selected={values.workDate}
          keepable={editing !== null}
          issues={at('date')}
          onPick={(d) => {
            const v = { ...values, workDate: d };
            change('date', { workDate: d });
            advance('date', v);
          }}
          actions={back('date')}
        />
      )}
      {step === 'activity' && (
        <ActivityStep
          form={form}
          chosen={values.activity}
          rhkId={values.rhkId}
          query={query}
          issues={at('activity')}
          onQuery={setQuery}
          onRhk={(rhkId) => change('activity', { rhkId })}
          onPick={(activity) => {
            const v = { ...values, activity };
            change('activity', { activity });
            advance('activity', v);
          }}
          actions={
            <>
              {back('activity')}
              {values.activity && (
                <button type="button" className="btn btn-primary btn-big" onClick={() => advance('activity', values)}>
                  {t.common.next}
                </button>
              )}
            </>
          }
        />
      )}
      {step === 'time' && (
        <TimeStep
          values={values}
          day={day}
          isToday={values.workDate === form.today}
          now={form.now}
          issues={at('time')}
          check={checkTimes}
          onTimes={(times) => change('time', times)}
          onNext={(found) => {
            setWarnings(found);
            advance('time', values);
          }}
          back={back('time')}
        />
      )}
      {step === 'output' && (
        <OutputStep values={values} form={form} issues={at('output')} checking={checking} onChange={(p) => change('output', p)} onNext={() => advance('output', values)} back={back('output')} />
      )}
      {step === 'review' && (
        <ReviewStep
          values={values}
          rhk={form.rhk}
          editing={editing}
          warnings={human(warnings)}
          issues={human(issues.filter((i) => stepOfField(i.field) === null))}
          busy={busy || checking}
          onChange={(s) => {
            setReturning(true);
            setStep(s);
          }}
          onSave={(submit) => void save(submit)}
          onMonth={() => navigate({ name: 'month' })}
          back={back('review')}
        />
      )}
    </div>
  );
}

/** Steps 2–4 remind what was already chosen, so nobody has to go back just to look. */
function Summary({ values }: { values: Values }) {
  const { t, f, date } = useT();
  return (
    <p className="wizard-summary">
      <span className="visually-hidden">{t.entry.summary.label}: </span>
      {values.workDate && <span>{f(t.entry.summary.date, { date: date(values.workDate, 'medium') })}</span>}
      {values.activity && <span>{f(t.entry.summary.activity, { name: values.activity.name })}</span>}
    </p>
  );
}

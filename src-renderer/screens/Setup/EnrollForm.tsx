import { useId, useRef, useState } from 'react';
import type { CommandResult } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { Dialog } from '../../components/Dialog';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { ConnectionResult, type Test } from './ConnectionResult';
import { ENROLL_FIELDS, fieldOf, todoKey, type EnrollField } from './fields';
import './setup.css';

export type Enrolled = CommandResult<'workstation-enroll'>;
type Problem = { kind: 'required' } | { kind: 'refused'; error: AppError };
type Values = Record<EnrollField, string>;

export interface EnrollConfirm {
  title: string;
  text: string;
  action: string;
}

/**
 * The enrolment form: server address (with "Uji koneksi"), the code from the server's operator, and
 * a name for this PC. Used by the first-run setup and, for an operator, by "Daftar ulang" (which
 * asks `confirm` first: the PC's token is replaced). A refusal is shown at the field it is about,
 * and the focus goes there; the core decides what is valid, this form only checks for blanks.
 */
export function EnrollForm({ initialServerUrl = '', confirm, onEnrolled }: { initialServerUrl?: string; confirm?: EnrollConfirm; onEnrolled: (r: Enrolled) => void }) {
  const api = useApi();
  const { t, err } = useT();
  const id = useId();
  const s = t.setup;
  const [values, setValues] = useState<Values>({ serverUrl: initialServerUrl, enrollmentCode: '', name: '' });
  const [problems, setProblems] = useState<Partial<Record<EnrollField, Problem>>>({});
  const [formError, setFormError] = useState<AppError | null>(null);
  const [test, setTest] = useState<Test>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  // A second press while a request is out is ignored (the buttons stay focusable, not disabled).
  const inFlight = useRef(false);
  const inputs = useRef<Partial<Record<EnrollField, HTMLInputElement | null>>>({});
  // The address as typed now: a test's answer about an address since edited is not shown under the new one.
  const currentUrl = useRef(initialServerUrl.trim());

  const change = (field: EnrollField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    if (field === 'serverUrl') {
      currentUrl.current = value.trim();
      setTest({ kind: 'idle' });
    }
  };
  const show = (found: Partial<Record<EnrollField, Problem>>) => {
    setProblems(found);
    const first = ENROLL_FIELDS.find((k) => found[k]);
    if (first) inputs.current[first]?.focus();
  };

  const runTest = async () => {
    if (inFlight.current) return;
    const serverUrl = values.serverUrl.trim();
    if (!serverUrl) return show({ serverUrl: { kind: 'required' } });
    inFlight.current = true;
    setTest({ kind: 'busy' });
    const r = await api.send('workstation-test-connection', { serverUrl });
    inFlight.current = false;
    if (currentUrl.current !== serverUrl) return;
    setTest(r.ok ? { kind: 'done', value: r.value } : { kind: 'error', error: r.error });
  };

  const blanks = (): Partial<Record<EnrollField, Problem>> => {
    const found: Partial<Record<EnrollField, Problem>> = {};
    for (const k of ENROLL_FIELDS) if (!values[k].trim()) found[k] = { kind: 'required' };
    return found;
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const found = blanks();
    if (Object.keys(found).length > 0) return show(found);
    if (confirm) setAsking(true);
    else void enroll();
  };

  const enroll = async () => {
    setAsking(false);
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setFormError(null);
    const r = await api.send('workstation-enroll', { serverUrl: values.serverUrl.trim(), enrollmentCode: values.enrollmentCode.trim(), name: values.name.trim() });
    inFlight.current = false;
    setBusy(false);
    if (r.ok) return onEnrolled(r.value);
    const field = fieldOf(r.error);
    if (field) show({ [field]: { kind: 'refused', error: r.error } });
    else setFormError(r.error);
  };

  const message = (field: EnrollField, p: Problem): string => {
    if (p.kind === 'required') return s.form.required;
    if (p.error.code === 'VALIDATION') return s.invalid[field];
    // An address that cannot be reached also says what to try next.
    return field === 'serverUrl' ? `${err(p.error)} ${s.connection.todo[todoKey(p.error.code)]}` : err(p.error);
  };

  const field = (name: EnrollField, label: string, hint: string) => {
    const p = problems[name];
    const fid = `${id}-${name}`;
    return (
      <div className="field">
        <label htmlFor={fid}>{label}</label>
        <input
          ref={(el) => {
            inputs.current[name] = el;
          }}
          id={fid}
          type="text"
          {...(name === 'serverUrl' ? { inputMode: 'url' as const } : {})}
          autoComplete="off"
          spellCheck={false}
          value={values[name]}
          aria-invalid={p ? true : undefined}
          aria-describedby={p ? `${fid}-hint ${fid}-error` : `${fid}-hint`}
          onChange={(e) => change(name, e.target.value)}
        />
        <span id={`${fid}-hint`} className="field-hint">
          {hint}
        </span>
        {p && (
          <p id={`${fid}-error`} className="enroll-error" data-code={p.kind === 'refused' ? p.error.code : 'required'}>
            {message(name, p)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="enroll stack" aria-label={s.form.label} noValidate onSubmit={submit}>
      {field('serverUrl', s.form.serverUrl, s.form.serverUrlHint)}
      <div className="enroll-test">
        <button type="button" className="btn" aria-disabled={test.kind === 'busy' || undefined} onClick={() => void runTest()}>
          {test.kind === 'busy' ? s.form.testing : s.form.test}
        </button>
        <ConnectionResult test={test} />
      </div>
      {field('enrollmentCode', s.form.code, s.form.codeHint)}
      {field('name', s.form.name, s.form.nameHint)}
      {formError && <Issues issues={[formError]} />}
      <div>
        <button type="submit" className="btn btn-primary btn-big" aria-disabled={busy || undefined}>
          {busy ? s.form.enrolling : s.form.enroll}
        </button>
      </div>
      {asking && confirm && (
        <Dialog
          title={confirm.title}
          onClose={() => setAsking(false)}
          actions={
            <>
              <button type="button" className="btn" data-autofocus onClick={() => setAsking(false)}>
                {t.common.cancel}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void enroll()}>
                {confirm.action}
              </button>
            </>
          }
        >
          <p>{confirm.text}</p>
        </Dialog>
      )}
    </form>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import type { SessionInfo } from '../../../src-shared/api';
import { isWeakPin } from '../../../src-shared/domain/pin-rules';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useSession } from '../../app/context';
import { Issues } from '../../components/Issues';
import { PinPad } from '../../components/Keypad';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import './change-pin.css';

type Shown = Pick<AppError, 'code' | 'params'>;
type Step = 'new' | 'confirm';
/** Why the person is back at the first step: the two PINs differed, or the core (or the weak-PIN check) refused. */
type Problem = { kind: 'mismatch' } | { kind: 'refused'; error: Shown };

/**
 * First login: the initial PIN from the operator is replaced before anything else. Two steps on
 * the keypad (new PIN, then the same again). The core decides whether a PIN is acceptable; the
 * shared weak-PIN check runs after the first step too, so nobody types a refused PIN twice.
 */
export function ChangePinScreen({ onChanged }: { onChanged: (info: SessionInfo) => void }) {
  const api = useApi();
  const { logout } = useSession();
  const { t, f } = useT();
  const whyId = useId();
  const stepId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const inFlight = useRef(false);
  const [pinLength, setPinLength] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [step, setStep] = useState<Step>('new');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  // The PIN length is the unit's policy; the session does not carry it, the lock screen's list does.
  useEffect(() => {
    let live = true;
    void api.send('kiosk-staff-list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setPinLength(r.value.pinLength);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    inputRef.current?.focus();
  }, [step, pinLength]);

  const restart = (why: Problem) => {
    setProblem(why);
    setFirst('');
    setSecond('');
    setStep('new');
    inputRef.current?.focus();
  };

  const backToFirst = () => {
    setProblem(null);
    setSecond('');
    setStep('new');
  };

  const next = () => {
    if (isWeakPin(first)) {
      restart({ kind: 'refused', error: { code: 'PIN_TOO_WEAK' } });
      return;
    }
    setProblem(null);
    setStep('confirm');
  };

  const save = async () => {
    if (inFlight.current) return;
    if (second !== first) {
      restart({ kind: 'mismatch' });
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    const r = await api.send('kiosk-change-pin', { newPin: first });
    // APP_UNREACHABLE: the change may have gone through. The session says whether it did.
    const changed = r.ok || r.error.code === 'APP_UNREACHABLE';
    const info = changed ? await api.send('kiosk-session', {}) : null;
    inFlight.current = false;
    setBusy(false);
    if (info?.ok && !info.value.mustChangePin) {
      onChanged(info.value);
      return;
    }
    if (!r.ok) restart({ kind: 'refused', error: r.error });
    else if (info && !info.ok) setProblem({ kind: 'refused', error: info.error });
  };

  if (pinLength === null) {
    return (
      <>
        <ScreenTitle>{t.lock.changePin.title}</ScreenTitle>
        {loadError ? <Issues issues={[loadError]} /> : <p role="status">{t.common.loading}</p>}
        <button type="button" className="btn btn-big" onClick={logout}>
          {t.lock.changePin.cancel}
        </button>
      </>
    );
  }

  const isNew = step === 'new';
  return (
    <div className="change-pin">
      <ScreenTitle focus={false}>{t.lock.changePin.title}</ScreenTitle>
      <p id={whyId} className="change-pin-why">
        {t.lock.changePin.why}
      </p>
      <p className="muted">{t.lock.changePin.tips}</p>
      <p id={stepId} className="change-pin-step">
        {isNew ? t.lock.changePin.newStep : t.lock.changePin.confirmStep}
      </p>
      {problem?.kind === 'mismatch' ? (
        <p role="alert" className="alert alert-error">
          {t.lock.changePin.mismatch}
        </p>
      ) : (
        <Issues issues={problem ? [problem.error] : []} />
      )}
      {busy && <p role="status">{t.lock.changePin.saving}</p>}
      <PinPad
        key={step}
        inputRef={inputRef}
        label={f(isNew ? t.lock.changePin.newLabel : t.lock.changePin.confirmLabel, { length: pinLength })}
        length={pinLength}
        value={isNew ? first : second}
        onChange={isNew ? setFirst : setSecond}
        onSubmit={isNew ? next : () => void save()}
        submitLabel={isNew ? t.lock.changePin.next : t.lock.changePin.save}
        describedBy={`${stepId} ${whyId}`}
      />
      <div className="row change-pin-actions">
        {!isNew && (
          <button type="button" className="btn btn-big" onClick={backToFirst}>
            {t.common.back}
          </button>
        )}
        <button type="button" className="btn btn-big btn-danger" onClick={logout}>
          {t.lock.changePin.cancel}
        </button>
      </div>
    </div>
  );
}

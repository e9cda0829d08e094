import { useEffect, useId, useRef, useState } from 'react';
import type { SessionInfo } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { Issues } from '../../components/Issues';
import { PinPad } from '../../components/Keypad';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { mmss, useNow } from './time';

/** The person the PIN is for: chosen from the list (name known) or typed as a NIP (name not known yet). */
export interface Who {
  nip: string;
  nipFormatted: string;
  name: string | null;
  positionTitle: string | null;
  /** From the staff list: a lockout already running when the card was chosen. */
  lockedUntil: string | null;
}

/** When the lockout ends, from PIN_LOCKED's params (`until` ISO; `minutes` if an older core sends only that). */
function lockEnd(error: AppError): number {
  const until = error.params?.['until'];
  if (typeof until === 'string' && !Number.isNaN(Date.parse(until))) return Date.parse(until);
  return Date.now() + Number(error.params?.['minutes'] ?? 1) * 60_000;
}

/**
 * The PIN for one person. "Masuk" is pressed when the PIN is complete rather than sending on the
 * last digit: a slip of the finger then costs a Hapus, not one of the few tries before a lockout.
 */
export function PinStep({
  who,
  pinLength,
  onBack,
  onLoggedIn,
  onNipRefused,
}: {
  who: Who;
  pinLength: number;
  onBack(): void;
  onLoggedIn(info: SessionInfo): void;
  /** A typed NIP the core refused (NIP_INVALID / NIP_UNKNOWN): fixed on the NIP step, not here. */
  onNipRefused?(error: AppError): void;
}) {
  const api = useApi();
  const { t, f } = useT();
  const introId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  // A second tap on Masuk before the answer must not send the PIN twice (it would count twice).
  const inFlight = useRef(false);
  const [error, setError] = useState<AppError | null>(null);
  const [lockUntil, setLockUntil] = useState<number | null>(() => (who.lockedUntil ? Date.parse(who.lockedUntil) : null));
  const now = useNow(1000, lockUntil !== null);
  const locked = lockUntil !== null && lockUntil > now;

  // Typing starts at once; after a lockout, the focus goes to the one button that still works.
  useEffect(() => {
    if (locked) backRef.current?.focus();
    else inputRef.current?.focus();
  }, [locked]);

  const submit = async () => {
    if (inFlight.current || locked) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const r = await api.send('kiosk-login', { nip: who.nip, pin });
    inFlight.current = false;
    setBusy(false);
    if (r.ok) {
      onLoggedIn(r.value);
      return;
    }
    const e = r.error;
    if ((e.code === 'NIP_UNKNOWN' || e.code === 'NIP_INVALID') && onNipRefused) {
      onNipRefused(e);
      return;
    }
    // A PIN that was refused is never left in the field for the next try.
    if (e.code === 'PIN_WRONG' || e.code === 'PIN_LOCKED') setPin('');
    if (e.code === 'PIN_LOCKED') setLockUntil(lockEnd(e));
    else setError(e);
    inputRef.current?.focus();
  };

  return (
    <section
      className="lock-pin"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onBack();
      }}
    >
      <div className="lock-person">
        <ScreenTitle focus={false}>{who.name ?? f(t.lock.pin.nipLine, { nip: who.nipFormatted })}</ScreenTitle>
        {who.positionTitle && <p className="lock-person-position">{who.positionTitle}</p>}
        {who.name && <p className="muted">{f(t.lock.pin.nipLine, { nip: who.nipFormatted })}</p>}
        <p id={introId}>{t.lock.pin.intro}</p>
      </div>

      {locked && lockUntil !== null && (
        <div className="alert alert-error lock-lockout">
          <p role="alert">{t.lock.pin.locked}</p>
          <p className="lock-countdown">
            {t.lock.pin.lockedLeft} <span role="timer">{mmss(lockUntil - now)}</span>
          </p>
        </div>
      )}
      {!locked && lockUntil !== null && (
        <p role="status" className="alert alert-ok">
          {t.lock.pin.unlocked}
        </p>
      )}
      <Issues issues={error ? [error] : []} />
      {busy && (
        <p role="status" className="muted">
          {t.lock.pin.signingIn}
        </p>
      )}

      <PinPad
        inputRef={inputRef}
        label={f(t.lock.pin.label, { length: pinLength })}
        length={pinLength}
        value={pin}
        onChange={setPin}
        onSubmit={() => void submit()}
        submitLabel={t.lock.pin.submit}
        disabled={locked}
        describedBy={introId}
      />

      <button ref={backRef} type="button" className="btn btn-big lock-back" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {who.name ? t.lock.pin.back : t.lock.pin.backNip}
      </button>
    </section>
  );
}

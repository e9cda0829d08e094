import { useEffect, useId, useRef } from 'react';
import { normalizeNip } from '../../../src-shared/domain/nip';
import type { AppError } from '../../../src-shared/errors';
import { Issues } from '../../components/Issues';
import { Keypad } from '../../components/Keypad';
import { useT } from '../../i18n';

/** 19860926 201505 1 001 as it is typed: the groups printed on staff documents, filled left to right. */
export function groupNip(digits: string): string {
  return [digits.slice(0, 8), digits.slice(8, 14), digits.slice(14, 15), digits.slice(15, 18)].filter(Boolean).join(' ');
}

/**
 * When the unit hides the staff list, a person types their NIP (keyboard or keypad). Only the
 * digits are kept; the field shows them grouped. Whether the NIP exists is told after the PIN
 * (the core does not say which NIPs exist to someone who has not proven a PIN).
 */
export function NipForm({
  digits,
  onDigits,
  error,
  onError,
  onNext,
}: {
  digits: string;
  onDigits(digits: string): void;
  error: Pick<AppError, 'code' | 'params'> | null;
  onError(error: Pick<AppError, 'code' | 'params'> | null): void;
  onNext(nip: string): void;
}) {
  const { t } = useT();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const set = (raw: string) => {
    onError(null);
    onDigits(raw.replace(/\D/g, '').slice(0, 18));
  };
  const next = () => {
    const nip = normalizeNip(digits);
    if (nip) onNext(nip);
    else {
      onError({ code: 'NIP_INVALID' });
      inputRef.current?.focus();
    }
  };

  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error]);

  return (
    <form
      className="lock-nip stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        next();
      }}
    >
      <p>{t.lock.nip.intro}</p>
      <div className="field">
        <label htmlFor={id}>{t.lock.nip.label}</label>
        <input
          ref={inputRef}
          id={id}
          className="lock-nip-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={21}
          value={groupNip(digits)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(e) => set(e.target.value)}
        />
        <p id={hintId} className="field-hint">
          {t.lock.nip.hint}
        </p>
      </div>
      <Issues id={errorId} issues={error ? [error] : []} />
      <Keypad
        onDigit={(d) => set(digits + d)}
        onBackspace={() => set(digits.slice(0, -1))}
        onSubmit={next}
        submitLabel={t.common.next}
        canSubmit={digits.length > 0}
        controls={id}
      />
    </form>
  );
}

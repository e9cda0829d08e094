import { useId } from 'react';
import { useT } from '../i18n';
import './keypad.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * Buttons that type into a field must not take the focus from it: the person may go on with the
 * physical keyboard after a tap. Keyboard users still reach and press them with Tab and Enter.
 */
const keepFocus = (e: React.MouseEvent) => e.preventDefault();

export interface KeypadProps {
  onDigit(digit: string): void;
  onBackspace(): void;
  onSubmit(): void;
  submitLabel: string;
  canSubmit: boolean;
  disabled?: boolean;
  /** The field the keypad types into, so a screen reader knows what the buttons fill. */
  controls?: string;
}

/** The on-screen number pad: 1–9, then Hapus, 0 and the step's action. Large targets for touch. */
export function Keypad({ onDigit, onBackspace, onSubmit, submitLabel, canSubmit, disabled = false, controls }: KeypadProps) {
  const { t } = useT();
  const digit = (d: string) => (
    <button key={d} type="button" className="keypad-key" disabled={disabled} aria-controls={controls} onMouseDown={keepFocus} onClick={() => onDigit(d)}>
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t.lock.keypad.label}>
      {DIGITS.map(digit)}
      <button
        type="button"
        className="keypad-key keypad-back"
        disabled={disabled}
        aria-label={t.lock.keypad.backspaceLabel}
        aria-controls={controls}
        onMouseDown={keepFocus}
        onClick={onBackspace}
      >
        <span aria-hidden="true">⌫ </span>
        {t.lock.keypad.backspace}
      </button>
      {digit('0')}
      <button type="button" className="keypad-key keypad-submit" disabled={disabled || !canSubmit} onMouseDown={keepFocus} onClick={onSubmit}>
        {submitLabel}
      </button>
    </div>
  );
}

export interface PinPadProps {
  label: string;
  length: number;
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  submitLabel: string;
  disabled?: boolean;
  /** Ids of texts that explain the step (read with the field's label). */
  describedBy?: string;
  inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * A PIN field and the keypad that mirrors it. The field is a real password input (labelled,
 * typed into with the keyboard, Enter submits) laid over a row of `length` dots, which are what
 * the eye sees; the focus ring is drawn around the dots.
 */
export function PinPad({ label, length, value, onChange, onSubmit, submitLabel, disabled = false, describedBy, inputRef }: PinPadProps) {
  const { t, f } = useT();
  const id = useId();
  const full = value.length === length;
  const set = (next: string) => onChange(next.replace(/\D/g, '').slice(0, length));
  const submit = () => {
    if (full && !disabled) onSubmit();
  };
  return (
    <form
      className="pinpad"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="pinpad-label">
        {label}
      </label>
      <div className="pinpad-field">
        <input
          ref={inputRef}
          id={id}
          className="pinpad-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={length}
          value={value}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value)}
        />
        <div className="pinpad-dots" aria-hidden="true">
          {Array.from({ length }, (_, i) => (
            <span key={i} className={i < value.length ? 'pinpad-dot pinpad-dot-on' : 'pinpad-dot'} />
          ))}
        </div>
      </div>
      <p className="pinpad-count muted" aria-hidden="true">
        {f(t.lock.pin.entered, { n: value.length, length })}
      </p>
      <Keypad
        onDigit={(d) => set(value + d)}
        onBackspace={() => set(value.slice(0, -1))}
        onSubmit={submit}
        submitLabel={submitLabel}
        canSubmit={full}
        disabled={disabled}
        controls={id}
      />
    </form>
  );
}

import { useEffect, useId, useRef } from 'react';
import type { AppError } from '../../../src-shared/errors';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';

/**
 * "Catatan untuk pegawai": the note a return or a rejection carries. Its hint gives examples of a
 * note the employee can act on; a refusal (NOTE_REQUIRED) is shown right under the field and the
 * field is marked, so the person sees where to write.
 */
export function NoteField({
  value,
  onChange,
  error,
  autoFocus = false,
  fieldRef,
}: {
  value: string;
  onChange: (v: string) => void;
  error: AppError | null;
  autoFocus?: boolean;
  fieldRef?: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="field review-note">
      <label htmlFor={`${id}-note`}>{t.review.note.label}</label>
      <textarea
        ref={fieldRef}
        id={`${id}-note`}
        value={value}
        maxLength={2000}
        data-autofocus={autoFocus || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <Issues id={`${id}-error`} issues={[error]} />}
      <span id={`${id}-hint`} className="field-hint">
        {t.review.note.hint}
      </span>
    </div>
  );
}

/** False once the component is gone: a dialog closed by its own command must not set state after. */
export function useMounted(): React.RefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

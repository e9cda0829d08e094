import { useRef, useState } from 'react';
import type { Settings, SettingKey } from '../../../src-shared/settings';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';

type Save = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; error: AppError };

/**
 * One setting of this PC, saved on its own with settings-set: the fields (`children`), "Simpan",
 * and the outcome in words under it. The core checks the value against the key's schema; its
 * VALIDATION is shown as `invalid` (the allowed range in words), other refusals as they come.
 * `value()` reads the fields at the moment of saving; `onSaved` gets every setting as now stored.
 */
export function SettingForm({
  setting,
  label,
  invalid,
  value,
  onSaved,
  children,
}: {
  setting: SettingKey;
  label: string;
  invalid?: string;
  value: () => unknown;
  onSaved: (s: Settings) => void;
  children: (props: { invalid: boolean; errorId: string | undefined; touched: () => void }) => React.ReactNode;
}) {
  const api = useApi();
  const { t } = useT();
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const inFlight = useRef(false);
  const errorId = `setting-${setting}-error`;
  const refused = save.kind === 'error' && save.error.code === 'VALIDATION' && invalid !== undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSave({ kind: 'busy' });
    const r = await api.send('settings-set', { key: setting, value: value() });
    inFlight.current = false;
    if (!r.ok) return setSave({ kind: 'error', error: r.error });
    setSave({ kind: 'saved' });
    onSaved(r.value);
  };

  return (
    <form className="card op-setting stack" aria-label={label} noValidate onSubmit={(e) => void submit(e)}>
      {children({ invalid: refused, errorId: refused ? errorId : undefined, touched: () => setSave({ kind: 'idle' }) })}
      {refused && (
        <p id={errorId} className="op-error" data-code="VALIDATION">
          {invalid}
        </p>
      )}
      {save.kind === 'error' && !refused && <Issues issues={[save.error]} />}
      <div className="op-save">
        <button type="submit" className="btn btn-primary" aria-disabled={save.kind === 'busy' || undefined}>
          {save.kind === 'busy' ? t.operator.settings.saving : t.operator.settings.save}
        </button>
        <p role="status" className="op-saved">
          {save.kind === 'saved' ? t.operator.settings.saved : ''}
        </p>
      </div>
    </form>
  );
}

/** A typed number goes to the core as a number; anything else as typed, for the core to refuse. */
export function numberOrText(draft: string): unknown {
  const n = Number(draft.trim());
  return draft.trim() !== '' && Number.isFinite(n) ? n : draft;
}

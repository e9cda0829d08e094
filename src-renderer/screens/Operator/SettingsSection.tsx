import { useId, useState } from 'react';
import type { Language } from '../../../src-shared/errors';
import type { Settings } from '../../../src-shared/settings';
import type { Api } from '../../api';
import { LoadProblem, Loading } from '../../components/LoadState';
import { useT } from '../../i18n';
import { numberOrText, SettingForm } from './SettingForm';
import { useLoad } from './use-load';

const fetchSettings = (api: Api) => api.send('settings-get', {});

/**
 * Pengaturan: this PC's own settings (the unit's rules come from the server's policy). Each one
 * is saved on its own, so a refused value never takes the others with it.
 */
export function SettingsSection() {
  const { t } = useT();
  const { load, retry, set } = useLoad(fetchSettings);
  return (
    <div className="stack">
      <h2>{t.operator.tabs.settings}</h2>
      {load.kind === 'loading' && <Loading />}
      {load.kind === 'error' && <LoadProblem what={t.operator.settings.loadError} error={load.error} onRetry={retry} />}
      {load.kind === 'ready' && <SettingForms settings={load.value} onSaved={set} />}
    </div>
  );
}

function SettingForms({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t, setLang } = useT();
  const s = t.operator.settings;
  return (
    <>
      <NumberSetting setting="syncIntervalMinutes" text={s.syncInterval} initial={settings.syncIntervalMinutes} onSaved={onSaved} />
      <IdleSetting initial={settings.idleLogoutSeconds} onSaved={onSaved} />
      <ChoiceSetting
        setting="language"
        legend={s.language.legend}
        hint={s.language.hint}
        initial={settings.language}
        choices={[
          { value: 'id', label: s.language.id, lang: 'id' },
          { value: 'en', label: s.language.en, lang: 'en' },
        ]}
        onSaved={(next) => {
          onSaved(next);
          // The operator sees the choice at once; the lock screen takes it for the next person.
          setLang(next.language);
        }}
      />
      <ChoiceSetting
        setting="kioskMode"
        legend={s.kiosk.legend}
        hint={s.kiosk.hint}
        initial={settings.kioskMode}
        choices={[
          { value: true, label: s.kiosk.on },
          { value: false, label: s.kiosk.off },
        ]}
        onSaved={onSaved}
      />
      <NumberSetting setting="backupKeep" text={s.backupKeep} initial={settings.backupKeep} onSaved={onSaved} />
    </>
  );
}

function NumberSetting({
  setting,
  text,
  initial,
  onSaved,
}: {
  setting: 'syncIntervalMinutes' | 'backupKeep';
  text: { label: string; hint: string; invalid: string };
  initial: number;
  onSaved: (s: Settings) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(initial));
  return (
    <SettingForm setting={setting} label={text.label} invalid={text.invalid} value={() => numberOrText(draft)} onSaved={onSaved}>
      {({ invalid, errorId, touched }) => (
        <NumberField id={id} label={text.label} hint={text.hint} draft={draft} onDraft={setDraft} invalid={invalid} errorId={errorId} touched={touched} />
      )}
    </SettingForm>
  );
}

/** A whole number typed as text (so a half-typed value can be corrected), with its hint and error. */
function NumberField(p: {
  id: string;
  label: string;
  hint: string;
  draft: string;
  onDraft: (v: string) => void;
  invalid: boolean;
  errorId: string | undefined;
  touched: () => void;
  indent?: boolean;
}) {
  return (
    <div className={p.indent ? 'field op-indent' : 'field'}>
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        className="op-number"
        type="text"
        inputMode="numeric"
        value={p.draft}
        aria-invalid={p.invalid || undefined}
        aria-describedby={[`${p.id}-hint`, p.errorId].filter(Boolean).join(' ')}
        onChange={(e) => {
          p.onDraft(e.target.value);
          p.touched();
        }}
      />
      <span id={`${p.id}-hint`} className="field-hint">
        {p.hint}
      </span>
    </div>
  );
}

/** The idle logout: the unit's policy, or this PC's own number of seconds. */
function IdleSetting({ initial, onSaved }: { initial: number | null; onSaved: (s: Settings) => void }) {
  const { t } = useT();
  const s = t.operator.settings.idle;
  const id = useId();
  const [custom, setCustom] = useState(initial !== null);
  const [draft, setDraft] = useState(initial === null ? '' : String(initial));
  return (
    <SettingForm setting="idleLogoutSeconds" label={s.legend} invalid={s.invalid} value={() => (custom ? numberOrText(draft) : null)} onSaved={onSaved}>
      {({ invalid, errorId, touched }) => (
        <fieldset className="op-choices">
          <legend>{s.legend}</legend>
          {[false, true].map((c) => (
            <label key={String(c)} className="op-choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={custom === c}
                onChange={() => {
                  setCustom(c);
                  touched();
                }}
              />
              {c ? s.custom : s.policy}
            </label>
          ))}
          {custom && (
            <NumberField id={id} label={s.seconds} hint={s.hint} draft={draft} onDraft={setDraft} invalid={invalid} errorId={errorId} touched={touched} indent />
          )}
        </fieldset>
      )}
    </SettingForm>
  );
}

type Choice<V> = { value: V; label: string; lang?: Language };

function ChoiceSetting<V extends string | boolean>({
  setting,
  legend,
  hint,
  initial,
  choices,
  onSaved,
}: {
  setting: 'language' | 'kioskMode';
  legend: string;
  hint: string;
  initial: V;
  choices: Choice<V>[];
  onSaved: (s: Settings) => void;
}) {
  const id = useId();
  const [picked, setPicked] = useState<V>(initial);
  return (
    <SettingForm setting={setting} label={legend} value={() => picked} onSaved={onSaved}>
      {({ touched }) => (
        <fieldset className="op-choices" aria-describedby={`${id}-hint`}>
          <legend>{legend}</legend>
          {choices.map((c) => (
            <label key={String(c.value)} className="op-choice">
              <input
                type="radio"
                name={`${id}-choice`}
                checked={picked === c.value}
                onChange={() => {
                  setPicked(c.value);
                  touched();
                }}
              />
              <span lang={c.lang}>{c.label}</span>
            </label>
          ))}
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        </fieldset>
      )}
    </SettingForm>
  );
}

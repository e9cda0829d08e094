import { useEffect, useId, useRef } from 'react';
import type { EntryForm } from '../../../src-shared/api';
import { MAX_DESCRIPTION_CHARS, meaningfulLength } from '../../../src-shared/domain/entry-rules';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { StepFrame } from './StepFrame';
import { volumeOf, type Shown, type Values } from './state';

/**
 * Step 4: how much came out of it and what it was. The counter uses the rule's own measure of an
 * uraian (meaningfulLength: "aaaaaaa" does not count), so it agrees with the core; the core still
 * decides, when Lanjut asks it, and its findings are shown here.
 *
 * The focus goes to the uraian rather than to the heading: it is the one thing to type here (the
 * volume starts at 1), so the person types at once instead of first reaching for the box. The step
 * is a region named by its heading, which a screen reader announces on entering it.
 */
export function OutputStep({
  values,
  form,
  issues,
  checking,
  onChange,
  onNext,
  back,
}: {
  values: Values;
  form: Pick<EntryForm, 'minDescriptionChars' | 'maxVolume'>;
  issues: readonly Shown[];
  checking: boolean;
  onChange: (patch: Partial<Pick<Values, 'volume' | 'description' | 'evidenceNote'>>) => void;
  onNext: () => void;
  back: React.ReactNode;
}) {
  const { t, f } = useT();
  const id = useId();
  const uraian = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    uraian.current?.focus();
  }, []);
  const unit = values.activity?.outputUnit ?? '';
  const volume = volumeOf(values);
  const length = meaningfulLength(values.description);
  const enough = length >= form.minDescriptionChars;
  const invalid = (field: string) => issues.some((i) => i.field?.replace(/^changes\./, '') === field && i.severity !== 'warning') || undefined;
  const step = (delta: number) => onChange({ volume: String(Math.min(form.maxVolume, Math.max(1, (volume || 1) + delta))) });

  return (
    <StepFrame
      step="output"
      focusHeading={false}
      actions={
        <>
          {back}
          <button type="button" className="btn btn-primary btn-big" disabled={checking} onClick={onNext}>
            {checking ? t.entry.output.checking : t.common.next}
          </button>
        </>
      }
    >
      <Issues issues={issues} />
      <div className="field">
        <label htmlFor={`${id}-vol`}>{t.entry.output.volume}</label>
        <div className="row volume-row">
          <button type="button" className="btn volume-step" aria-label={t.entry.output.less} disabled={volume <= 1} onClick={() => step(-1)}>
            <span aria-hidden="true">−</span>
          </button>
          <input
            id={`${id}-vol`}
            className="volume-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={form.maxVolume}
            step={1}
            value={values.volume}
            aria-describedby={`${id}-vol-hint`}
            aria-invalid={invalid('volume')}
            onChange={(e) => onChange({ volume: e.target.value })}
          />
          <span className="volume-unit">{unit}</span>
          <button type="button" className="btn volume-step" aria-label={t.entry.output.more} disabled={volume >= form.maxVolume} onClick={() => step(1)}>
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <span id={`${id}-vol-hint`} className="field-hint">
          {f(t.entry.output.volumeHint, { unit, max: form.maxVolume })}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>{t.entry.output.description}</label>
        <p id={`${id}-desc-example`} className="output-example">
          {f(t.entry.output.example, { activity: values.activity?.name ?? '', volume: volume || 1, unit })}
        </p>
        <textarea
          ref={uraian}
          id={`${id}-desc`}
          value={values.description}
          maxLength={MAX_DESCRIPTION_CHARS}
          aria-describedby={`${id}-desc-example ${id}-desc-hint ${id}-desc-count`}
          aria-invalid={invalid('description')}
          onChange={(e) => onChange({ description: e.target.value })}
        />
        <span id={`${id}-desc-hint`} className="field-hint">
          {t.entry.output.descriptionHint}
        </span>
        <span id={`${id}-desc-count`} className={enough ? 'output-count output-count-ok' : 'output-count'} data-testid="description-counter">
          {enough ? f(t.entry.output.counterOk, { n: length }) : f(t.entry.output.counter, { n: length, min: form.minDescriptionChars })}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ev`}>{t.entry.output.evidence}</label>
        <input id={`${id}-ev`} type="text" value={values.evidenceNote} aria-describedby={`${id}-ev-hint`} onChange={(e) => onChange({ evidenceNote: e.target.value })} />
        <span id={`${id}-ev-hint`} className="field-hint">
          {t.entry.output.evidenceHint}
        </span>
      </div>
    </StepFrame>
  );
}

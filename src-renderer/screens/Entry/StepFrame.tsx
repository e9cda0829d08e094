import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { STEPS, type StepId } from './state';

/**
 * What every step shares: "Langkah 2 dari 5", the step's question as a heading that takes the
 * focus when the step opens (a keyboard or screen-reader user starts at the new question, not on
 * a button that has gone), the step's content and its Kembali / Lanjut row.
 */
export function StepFrame({
  step,
  children,
  actions,
  focusHeading = true,
}: {
  step: StepId;
  children: React.ReactNode;
  /** The buttons at the bottom (Kembali first). */
  actions?: React.ReactNode;
  /** false when the step puts the focus on its one field itself (the uraian). */
  focusHeading?: boolean;
}) {
  const { t, f } = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) ref.current?.focus();
  }, [step, focusHeading]);
  const n = STEPS.indexOf(step) + 1;
  return (
    <section className="wizard-step" aria-labelledby={`wizard-h-${step}`}>
      <p className="wizard-progress">
        <span>{f(t.entry.progress, { n, total: STEPS.length })}</span>
        <span aria-hidden="true" className="wizard-progress-name">
          {' · '}
          {t.entry.steps[step]}
        </span>
      </p>
      <ol className="wizard-dots" aria-label={t.entry.progressLabel}>
        {STEPS.map((s, i) => (
          <li key={s} className={i < n ? 'wizard-dot wizard-dot-done' : 'wizard-dot'} aria-current={s === step ? 'step' : undefined}>
            {t.entry.steps[s]}
          </li>
        ))}
      </ol>
      <h2 id={`wizard-h-${step}`} ref={ref} tabIndex={-1} className="wizard-heading">
        {t.entry.headings[step]}
      </h2>
      <div className="stack">{children}</div>
      {actions && <div className="row wizard-actions">{actions}</div>}
    </section>
  );
}

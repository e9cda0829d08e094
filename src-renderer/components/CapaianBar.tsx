import { useEffect, useRef } from 'react';
import type { CommandResult } from '../../src-shared/api';
import { useT } from '../i18n';
import './capaian-bar.css';

type Recap = CommandResult<'recap-month'>;
export type CapaianNumbers = Pick<Recap, 'approvedMinutes' | 'waitingMinutes' | 'returnedMinutes' | 'effectiveMinutes' | 'capaianPercent' | 'tppEstimate'>;

const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;

/** Share of the bar, 0–100, with the segments stacked so together they never pass the end. */
function segments(n: CapaianNumbers): { approved: number; waiting: number; returned: number } {
  if (n.effectiveMinutes <= 0) return { approved: 0, waiting: 0, returned: 0 };
  const pct = (m: number) => Math.min(100, Math.max(0, (m / n.effectiveMinutes) * 100));
  const approved = pct(n.approvedMinutes);
  const waiting = Math.min(100 - approved, pct(n.waitingMinutes));
  const returned = Math.min(100 - approved - waiting, pct(n.returnedMinutes));
  return { approved, waiting, returned };
}

/**
 * The month's capaian: approved, waiting and returned minutes against the effective minutes.
 * The bar is one image to assistive technology (its label gives every number); the legend below
 * repeats the numbers in words so nobody depends on the colours. The percentage is the core's
 * (recap-month): the screen only formats it. Segment widths are CSS custom properties set from an
 * effect, because the CSP forbids inline style attributes.
 */
export function CapaianBar({ recap }: { recap: CapaianNumbers }) {
  const { t, f, duration, lang } = useT();
  const bar = useRef<HTMLDivElement>(null);
  const s = segments(recap);

  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    el.style.setProperty('--capaian-approved', `${s.approved}%`);
    el.style.setProperty('--capaian-waiting', `${s.waiting}%`);
    el.style.setProperty('--capaian-returned', `${s.returned}%`);
  }, [s.approved, s.waiting, s.returned]);

  const percent = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(recap.capaianPercent);
  // Rupiah is written the Indonesian way in both languages: it is an Indonesian allowance.
  const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const c = t.home.capaian;

  return (
    <div className="capaian">
      <p className="capaian-percent">{f(c.percent, { percent })}</p>
      <div
        ref={bar}
        className="capaian-bar"
        role="img"
        aria-label={f(c.barLabel, {
          approved: duration(recap.approvedMinutes),
          effective: duration(recap.effectiveMinutes),
          waiting: duration(recap.waitingMinutes),
          returned: duration(recap.returnedMinutes),
          percent,
        })}
      >
        <span className="capaian-seg capaian-seg-approved" />
        <span className="capaian-seg capaian-seg-waiting" />
        <span className="capaian-seg capaian-seg-returned" />
      </div>
      <dl className="capaian-legend">
        <div className="capaian-legend-item">
          <dt>
            <span className="capaian-swatch capaian-swatch-approved" aria-hidden="true" />
            {t.common.status.approved}
          </dt>
          <dd>{duration(recap.approvedMinutes)}</dd>
        </div>
        <div className="capaian-legend-item">
          <dt>
            <span className="capaian-swatch capaian-swatch-waiting" aria-hidden="true" />
            {t.common.status.submitted}
          </dt>
          <dd>{duration(recap.waitingMinutes)}</dd>
        </div>
        <div className="capaian-legend-item">
          <dt>
            <span className="capaian-swatch capaian-swatch-returned" aria-hidden="true" />
            {t.common.status.returned}
          </dt>
          <dd>{duration(recap.returnedMinutes)}</dd>
        </div>
        <div className="capaian-legend-item">
          <dt>{c.effective}</dt>
          <dd>{duration(recap.effectiveMinutes)}</dd>
        </div>
        {recap.tppEstimate !== null && (
          <div className="capaian-legend-item capaian-tpp">
            <dt>{c.tpp}</dt>
            <dd>{rupiah.format(recap.tppEstimate)}</dd>
          </div>
        )}
      </dl>
      {recap.tppEstimate !== null && <p className="muted capaian-hint">{c.tppHint}</p>}
    </div>
  );
}

import { useLayoutEffect, useRef } from 'react';
import type { CommandResult } from '../../src-shared/api';
import { useT } from '../i18n';
import './capaian-bar.css';

type Recap = CommandResult<'recap-month'>;
export type CapaianNumbers = Pick<Recap, 'approvedMinutes' | 'waitingMinutes' | 'returnedMinutes' | 'effectiveMinutes' | 'capaianPercent' | 'tppEstimate'>;

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
/** The bar's three parts, in the order they fill it, with their status word and minutes. */
const PARTS = [
  { key: 'approved', status: 'approved', minutes: 'approvedMinutes' },
  { key: 'waiting', status: 'submitted', minutes: 'waitingMinutes' },
  { key: 'returned', status: 'returned', minutes: 'returnedMinutes' },
] as const;

export function CapaianBar({ recap }: { recap: CapaianNumbers }) {
  const { t, f, duration, oneDecimal, rupiah } = useT();
  const bar = useRef<HTMLDivElement>(null);
  const s = segments(recap);

  // Before paint (the bar never shows empty for a frame); three property writes, so on every render.
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    for (const { key } of PARTS) el.style.setProperty(`--capaian-${key}`, `${s[key]}%`);
  });

  const percent = oneDecimal(recap.capaianPercent);
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
        {PARTS.map(({ key }) => (
          <span key={key} className={`capaian-seg capaian-seg-${key}`} />
        ))}
      </div>
      <dl className="capaian-legend">
        {PARTS.map(({ key, status, minutes }) => (
          <div className="capaian-legend-item" key={key}>
            <dt>
              <span className={`capaian-swatch capaian-swatch-${key}`} aria-hidden="true" />
              {t.common.status[status]}
            </dt>
            <dd>{duration(recap[minutes])}</dd>
          </div>
        ))}
        <div className="capaian-legend-item">
          <dt>{c.effective}</dt>
          <dd>{duration(recap.effectiveMinutes)}</dd>
        </div>
        {recap.tppEstimate !== null && (
          <div className="capaian-legend-item capaian-tpp">
            <dt>{c.tpp}</dt>
            <dd>{rupiah(recap.tppEstimate)}</dd>
          </div>
        )}
      </dl>
      {recap.tppEstimate !== null && <p className="muted capaian-hint">{c.tppHint}</p>}
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../src-shared/api';
import { useApi } from '../app/context';
import { useT, type I18n } from '../i18n';
import './sync-indicator.css';

/** A missed `sync-status` event must not leave the bar wrong for long: ask again this often. */
export const SYNC_POLL_MS = 30_000;

type Tone = 'ok' | 'off' | 'blocked' | 'unknown';

/**
 * The top bar's word on the data: connected or not, how much is still waiting to go out, when
 * the server last took it. Visible on every screen, the lock screen included, so nobody leaves
 * wondering whether their work arrived. It holds no person's data (only counts).
 */
export function SyncIndicator() {
  const api = useApi();
  const i18n = useT();
  // `now` is taken when a status arrives, so "today" is judged without reading the clock in render.
  const [seen, setSeen] = useState<{ status: SyncStatus; now: number } | null>(null);

  useEffect(() => {
    let live = true;
    const take = (status: SyncStatus) => {
      if (live) setSeen({ status, now: Date.now() });
    };
    const poll = () => {
      // A failed poll keeps the last known status: the next poll or event corrects it.
      void api.send('workstation-status', {}).then((r) => r.ok && take(r.value));
    };
    poll();
    const off = api.on('sync-status', take);
    const timer = window.setInterval(poll, SYNC_POLL_MS);
    return () => {
      live = false;
      off();
      window.clearInterval(timer);
    };
  }, [api]);

  const { t } = i18n;
  if (!seen) {
    return (
      <div className="sync" role="status" aria-label={t.lock.sync.label}>
        <span className="sync-part muted">{t.lock.sync.checking}</span>
      </div>
    );
  }
  const { tone, parts } = describe(seen.status, seen.now, i18n);
  return (
    <div className={`sync sync-${tone}`} role="status" aria-label={t.lock.sync.label}>
      <span className="sync-dot" aria-hidden="true" />
      {parts.map((p) => (
        <span key={p} className="sync-part">
          {p}
        </span>
      ))}
    </div>
  );
}

function describe(s: SyncStatus, now: number, { t, f, date }: I18n): { tone: Tone; parts: string[] } {
  const w = t.lock.sync;
  if (!s.enrolled) return { tone: 'blocked', parts: [w.notEnrolled] };
  if (s.blocked) return { tone: 'blocked', parts: [s.blocked === 'update' ? w.update : w.reenroll, pendingText(s, w, f)] };
  const parts = [s.running ? w.sending : s.online === null ? w.never : s.online ? w.online : w.offline, pendingText(s, w, f)];
  if (s.lastSuccessAt) {
    const at = new Date(s.lastSuccessAt);
    const time = clockTime(at);
    const day = localDay(at);
    parts.push(day === localDay(new Date(now)) ? f(w.lastSent, { time }) : f(w.lastSentDay, { date: date(day, 'short'), time }));
  }
  const tone: Tone = s.online === null ? 'unknown' : s.online ? 'ok' : 'off';
  return { tone, parts };
}

function pendingText(s: SyncStatus, w: I18n['t']['lock']['sync'], f: I18n['f']): string {
  return s.pending > 0 ? f(w.pending, { n: s.pending }) : w.allSent;
}

/** HH:MM on this PC's clock (the unit's local time). */
function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The calendar day (YYYY-MM-DD) of an instant on this PC's clock. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

import { useEffect, useId, useRef } from 'react';
import { LOCK_READY_MARK } from './marks';
import type { CommandResult } from '../../../src-shared/api';
import { useT } from '../../i18n';
import { clockTime, useNow } from './time';

export type StaffCard = CommandResult<'kiosk-staff-list'>['staff'][number];

/** Lock marks are compared with the clock this often, so an ended lockout disappears by itself. */
const LOCK_RECHECK_MS = 15_000;

/**
 * Searching runs on the list already loaded: it answers at every key without a round trip.
 * Letters match the name; digits (spaces allowed, as NIPs are printed) match the NIP.
 */
export function matchesQuery(s: StaffCard, query: string): boolean {
  const text = query.trim().toLowerCase();
  if (!text) return true;
  const digits = text.replace(/\D/g, '');
  return s.name.toLowerCase().includes(text) || (digits.length > 0 && /^[\d\s.-]+$/.test(text) && s.nip.includes(digits));
}

/** The unit's staff as large cards with a search box above them. */
export function StaffList({
  staff,
  query,
  onQuery,
  onChoose,
  focusId,
}: {
  staff: readonly StaffCard[];
  query: string;
  onQuery(query: string): void;
  onChoose(s: StaffCard): void;
  /** The card to focus when the list comes back (the person who pressed Back). */
  focusId: string | null;
}) {
  const { t, f } = useT();
  const searchId = useId();
  const countId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const now = useNow(LOCK_RECHECK_MS);
  const shown = staff.filter((s) => matchesQuery(s, query));

  // User Timing mark: the list is on screen with its handlers attached (React effects run after
  // commit), so a person could tap a name from here. bench/kiosk.bench.ts reads it.
  useEffect(() => {
    if (performance.getEntriesByName(LOCK_READY_MARK).length === 0) performance.mark(LOCK_READY_MARK);
  }, []);

  useEffect(() => {
    if (!focusId) return;
    listRef.current?.querySelector<HTMLElement>(`[data-staff-id="${focusId}"]`)?.focus();
  }, [focusId]);

  return (
    <>
      <div className="field lock-search">
        <label htmlFor={searchId}>{t.lock.search}</label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby={countId}
          onChange={(e) => onQuery(e.target.value)}
        />
      </div>
      <p id={countId} role="status" className="muted lock-count">
        {shown.length === 0 ? f(t.lock.noMatch, { query: query.trim() }) : f(t.lock.staffCount, { n: shown.length })}
      </p>
      <ul ref={listRef} className="staff-grid">
        {shown.map((s) => {
          const locked = s.lockedUntil !== null && Date.parse(s.lockedUntil) > now;
          return (
            <li key={s.id}>
              <button type="button" className={locked ? 'staff-card staff-card-locked' : 'staff-card'} data-staff-id={s.id} onClick={() => onChoose(s)}>
                <span className="staff-initials" aria-hidden="true">
                  {s.initials}
                </span>
                <span className="staff-text">
                  <span className="staff-name">{s.name}</span>
                  <span className="staff-position">{s.positionTitle}</span>
                  <span className="staff-nip">NIP {s.nipFormatted}</span>
                  {locked && s.lockedUntil && <span className="staff-locked">{f(t.lock.lockedUntil, { time: clockTime(s.lockedUntil) })}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

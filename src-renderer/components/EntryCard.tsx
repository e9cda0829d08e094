import { useId } from 'react';
import type { EntryView } from '../../src-shared/api';
import type { Route } from '../app/routes';
import { useT } from '../i18n';
import { StatusBadge } from './StatusBadge';
import './entry-card.css';

/**
 * One activity as a card: time range, activity, volume and unit, credited minutes, status in words
 * and colour, and "Belum terkirim" while the server has not received its latest change. The
 * buttons that act on it come from the screen (`actions`), since each screen offers different ones.
 */
export function EntryCard({
  entry,
  showDate = false,
  headingLevel = 3,
  actions,
}: {
  entry: EntryView;
  /** Prefix the time with the date, where the list around it is not grouped by day. */
  showDate?: boolean;
  headingLevel?: 3 | 4;
  actions?: React.ReactNode;
}) {
  const { t, f, duration, date } = useT();
  const titleId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const time = f(t.home.card.time, { start: entry.startTime, end: entry.endTime });
  return (
    <article className="entry-card" aria-labelledby={titleId}>
      <div className="entry-card-main">
        <p className="entry-card-time">{showDate ? `${date(entry.workDate, 'medium')}, ${time}` : time}</p>
        <Heading id={titleId} className="entry-card-title">
          {entry.activityName}
        </Heading>
        <p className="entry-card-meta">
          <span>{f(t.home.card.volume, { n: entry.volume, unit: entry.outputUnit })}</span>
          <span>{f(t.home.card.credited, { duration: duration(entry.creditedMinutes) })}</span>
        </p>
      </div>
      <div className="entry-card-status">
        <StatusBadge status={entry.status} />
        {entry.pending && <PendingTag />}
      </div>
      {actions && <div className="entry-card-actions">{actions}</div>}
    </article>
  );
}

/** "Belum terkirim": the server has not received the entry's latest change yet. */
export function PendingTag() {
  const { t } = useT();
  return <span className="entry-card-pending">{t.common.pending}</span>;
}

/** A standard "Lihat" / "Ubah" button for a card, named with the entry's time and activity. */
export function EntryOpenButton({ entry, edit, onClick }: { entry: EntryView; edit: boolean; onClick: () => void }) {
  const { t, f } = useT();
  const c = t.home.card;
  return (
    <button type="button" className="btn" aria-label={f(edit ? c.editLabel : c.openLabel, { start: entry.startTime, activity: entry.activityName })} onClick={onClick}>
      {edit ? c.edit : c.open}
    </button>
  );
}

/**
 * Where opening an entry from a list leads: the editor for what the person may still change
 * (draft, returned), the read-only detail for the rest. The core still refuses an edit it forbids.
 */
export function entryRoute(entry: EntryView, back: Route): Route {
  return opensInEditor(entry) ? { name: 'entry', entry } : { name: 'entry-detail', entry, back };
}

export const opensInEditor = (entry: EntryView): boolean => entry.status === 'draft' || entry.status === 'returned';

/** A day's logged and credited minutes; rejected entries no longer count toward the day (rule 4/5). */
export function dayTotals(entries: readonly EntryView[]): { minutes: number; credited: number } {
  let minutes = 0;
  let credited = 0;
  for (const e of entries) {
    if (e.status === 'rejected') continue;
    minutes += e.minutes;
    credited += e.creditedMinutes;
  }
  return { minutes, credited };
}

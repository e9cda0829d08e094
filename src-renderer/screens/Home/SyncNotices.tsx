import { useState } from 'react';
import type { EntryView, SessionInfo } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import type { HomeData } from './load';

type Notice = SessionInfo['syncNotices'][number];
type Problem = { kind: 'error'; error: AppError } | { kind: 'gone' };

/**
 * What the central server refused or changed since the person last acted (from the session, so it
 * shows even before the rest of Beranda has loaded). Opening one finds the entry among the loaded
 * months, or asks the core for the notice's month; an entry removed by the sync is said so plainly.
 */
export function SyncNotices({ notices, data }: { notices: SessionInfo['syncNotices']; data: HomeData | null }) {
  const { t, f, date } = useT();
  const api = useApi();
  const { navigate } = useNav();
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const n = t.home.notices;

  const open = async (notice: Notice) => {
    // Not disabled while looking (a disabled button drops the focus): a second press is ignored.
    if (busy) return;
    let entry: EntryView | undefined = [...(data?.entries ?? []), ...(data?.previous?.entries ?? [])].find((e) => e.id === notice.entryId);
    if (!entry) {
      setBusy(notice.entryId);
      const list = await api.send('entry-list', { month: notice.workDate.slice(0, 7) });
      setBusy(null);
      if (!list.ok) {
        setProblems((p) => ({ ...p, [notice.entryId]: { kind: 'error', error: list.error } }));
        return;
      }
      entry = list.value.entries.find((e) => e.id === notice.entryId);
    }
    if (!entry) {
      setProblems((p) => ({ ...p, [notice.entryId]: { kind: 'gone' } }));
      return;
    }
    navigate({ name: 'entry-detail', entry, back: { name: 'home' } });
  };

  return (
    <section className="home-notices stack" aria-labelledby="home-notices">
      <h2 id="home-notices">{n.title}</h2>
      <p>{n.intro}</p>
      <ul className="plain-list stack">
        {notices.map((notice) => {
          const problem = problems[notice.entryId];
          const when = f(n.when, { date: date(notice.workDate, 'medium'), start: notice.startTime, end: notice.endTime });
          return (
            <li key={notice.entryId} className="notice-item">
              <p className="notice-when">{when}</p>
              <p className="notice-message">{notice.message}</p>
              {problem?.kind === 'gone' && <p className="notice-gone">{n.notFound}</p>}
              {problem?.kind === 'error' && <Issues issues={[problem.error]} />}
              {problem?.kind !== 'gone' && (
                <div>
                  <button
                    type="button"
                    className="btn"
                    aria-busy={busy === notice.entryId || undefined}
                    aria-label={f(n.openLabel, { date: date(notice.workDate, 'medium'), start: notice.startTime })}
                    onClick={() => void open(notice)}
                  >
                    {n.open}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

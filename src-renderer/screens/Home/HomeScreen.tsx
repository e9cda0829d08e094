import { useEffect, useState } from 'react';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useNav, useSession } from '../../app/context';
import { useSyncRefresh } from '../../app/use-sync-refresh';
import { CapaianBar } from '../../components/CapaianBar';
import { LoadProblem, Loading } from '../../components/LoadState';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { Deadlines, MissingDays, ReturnedSection, TodaySection } from './HomeSections';
import { firstName, loadHome, type HomeData } from './load';
import { ReviewWaiting } from './ReviewWaiting';
import { SyncNotices } from './SyncNotices';
import './home.css';

type State = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: HomeData };

/**
 * Beranda: what the person should do next, at a glance. The two ways to start logging come
 * first; then what needs action (sync notices, entries Perlu Perbaikan), today's work, the month's
 * capaian and the deadlines. All of it lives in this component's state, so a logout forgets it.
 */
export function HomeScreen() {
  const api = useApi();
  const { t, f } = useT();
  const { info } = useSession();
  const { navigate } = useNav();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void loadHome(api).then((r) => {
      if (live) setState(r.ok ? { kind: 'ready', data: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  // Most entries are for today: on a working day "Catat Aktivitas" starts the form on today (its
  // date step is one "Kembali" away), which saves a tap on every entry.
  const data = state.kind === 'ready' ? state.data : null;
  // After a sync, "Belum terkirim" and statuses change: reload without hiding what is shown.
  useSyncRefresh(() => {
    void loadHome(api).then((r) => {
      if (r.ok) setState((s) => (s.kind === 'loading' ? s : { kind: 'ready', data: r.value }));
    });
  });

  const retry = () => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  };
  return (
    <div className="home stack">
      <ScreenTitle>{f(t.home.greeting, { name: firstName(info.employee.name) })}</ScreenTitle>
      {info.syncNotices.length > 0 && <SyncNotices notices={info.syncNotices} data={data} />}

      <section className="home-start" aria-label={t.home.actions}>
        <p className="home-intro">{t.home.intro}</p>
        <div className="home-actions">
          <button type="button" className="btn btn-primary btn-big" onClick={() => navigate(data?.todayWorking ? { name: 'entry', date: data.today } : { name: 'entry' })}>
            {t.home.newEntry}
          </button>
          <button type="button" className="btn btn-big" onClick={() => navigate({ name: 'copy-day' })}>
            {t.home.copyYesterday}
          </button>
        </div>
      </section>
      <ReviewWaiting />

      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <LoadProblem what={t.home.loadError} error={state.error} onRetry={retry} />}
      {data && <HomeBody data={data} />}
    </div>
  );
}

function HomeBody({ data }: { data: HomeData }) {
  const { t, f, month } = useT();
  return (
    <>
      <ReturnedSection data={data} />
      <TodaySection data={data} />
      <section className="card stack" aria-labelledby="home-capaian">
        <h2 id="home-capaian">{f(t.home.capaian.title, { month: month(data.month) })}</h2>
        <CapaianBar recap={data.recap} />
      </section>
      <MissingDays data={data} />
      <Deadlines data={data} />
    </>
  );
}

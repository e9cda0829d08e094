import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { SessionInfo } from '../../src-shared/api';
import type { Language } from '../../src-shared/errors';
import type { Api } from '../api';
import { I18nProvider, useT } from '../i18n';
import { Loading } from '../components/LoadState';
import { SyncIndicator } from '../components/SyncIndicator';
import { LockScreen } from '../screens/Lock/LockScreen';
import { ApiContext, useApi } from './context';

/**
 * A person's screens load after the lock screen is up: the lock screen is all a PC shows most of
 * the day, and it must be tappable within a second. The chunk is fetched while nobody is logged in
 * (see `Kiosk`), so a login does not wait for it.
 */
const loadSessionView = () => import('./SessionView');
const SessionView = lazy(() => loadSessionView().then((m) => ({ default: m.SessionView })));

/**
 * The kiosk window. Nobody logged in: the lock screen. Somebody logged in: their screens, inside
 * a subtree keyed by the session, so a logout unmounts every component, state and form of that
 * person at once (nothing of theirs can be left in the DOM or in React state).
 */
export function App({ api }: { api: Api }) {
  const [pcLang, setPcLang] = useState<Language>('id');
  const [lang, setLang] = useState<Language>('id');

  useEffect(() => {
    let live = true;
    void api.send('settings-get', {}).then((r) => {
      if (live && r.ok) {
        setPcLang(r.value.language);
        setLang(r.value.language);
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const sessionEnd = () => {
    setLang(pcLang);
    // An operator may have changed the PC's language during the session (Operator, Pengaturan).
    void api.send('settings-get', {}).then((r) => {
      if (r.ok) {
        setPcLang(r.value.language);
        setLang(r.value.language);
      }
    });
  };

  return (
    <ApiContext.Provider value={api}>
      <I18nProvider lang={lang} setLang={setLang}>
        <Kiosk onSessionEnd={sessionEnd} />
      </I18nProvider>
    </ApiContext.Provider>
  );
}

function Kiosk({ onSessionEnd }: { onSessionEnd: () => void }) {
  const api = useApi();
  const [session, setSession] = useState<SessionInfo | null>(null);

  const end = useCallback(() => {
    setSession(null);
    // The next person starts in the PC's language, not in the one the last person picked.
    onSessionEnd();
  }, [onSessionEnd]);

  useEffect(() => {
    const warm = setTimeout(() => void loadSessionView(), 300);
    return () => clearTimeout(warm);
  }, []);

  // The core ends sessions too (idle backstop, another login): the screens follow.
  useEffect(() => api.on('session-ended', end), [api, end]);

  const logout = useCallback(() => {
    void api.send('kiosk-logout', {});
    end();
  }, [api, end]);

  return (
    <div className="app">
      <TopBar />
      {session ? (
        <Suspense fallback={<LoadingScreen />}>
          <SessionView key={`${session.employee.id}@${session.startedAt}`} info={session} logout={logout} onInfo={setSession} />
        </Suspense>
      ) : (
        <LockScreen onLoggedIn={setSession} />
      )}
    </div>
  );
}

function TopBar() {
  const { t, lang, setLang } = useT();
  return (
    <header className="topbar">
      <span className="topbar-name">{t.common.appName}</span>
      <SyncIndicator />
      <button
        type="button"
        className="btn btn-ghost topbar-lang"
        lang={lang === 'id' ? 'en' : 'id'}
        aria-label={t.common.switchToLabel}
        onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
      >
        {t.common.switchTo}
      </button>
    </header>
  );
}

function LoadingScreen() {
  return (
    <main className="screen" id="main">
      <Loading />
    </main>
  );
}

import { render, type RenderResult } from '@testing-library/react';
import { useState } from 'react';
import type { SessionInfo } from '../../src-shared/api';
import type { Language } from '../../src-shared/errors';
import { ApiContext, NavContext, SessionContext } from '../app/context';
import type { Route } from '../app/routes';
import { I18nProvider } from '../i18n';
import type { FakeApi } from './fake-api';

/** A logged-in staff member for screen tests (fictional, like the demo set). */
export function sessionInfo(over: Partial<SessionInfo> = {}): SessionInfo {
  return {
    token: '',
    employee: {
      id: '0190a3f0-0000-7000-8000-000000000101',
      nip: '199001152015032001',
      name: 'Siti Rahmawati',
      positionTitle: 'Analis Kebijakan',
      roles: ['staff'],
      hasSubordinates: false,
    },
    mustChangePin: false,
    idleLogoutSeconds: 60,
    startedAt: '2026-11-25T02:00:00.000Z',
    syncNotices: [],
    ...over,
  };
}

export interface Rendered extends RenderResult {
  /** Every route the screen asked for, in order. */
  routes: Route[];
  logouts: number;
}

/**
 * Renders `ui` as the app would inside a session: the Api, the language, the session and the
 * navigation. `withSession: false` renders it as on the lock screen (no person).
 */
export function renderScreen(
  ui: React.ReactNode,
  opts: { api: FakeApi; lang?: Language; session?: SessionInfo | false; route?: Route } ,
): Rendered {
  const routes: Route[] = [];
  const counter = { logouts: 0 };
  function Wrapper({ children }: { children: React.ReactNode }) {
    const [lang, setLang] = useState<Language>(opts.lang ?? 'id');
    const route = opts.route ?? { name: 'home' };
    const info = opts.session === false ? null : (opts.session ?? sessionInfo());
    const inner = (
      <NavContext.Provider value={{ route, navigate: (r) => routes.push(r) }}>{children}</NavContext.Provider>
    );
    return (
      <ApiContext.Provider value={opts.api}>
        <I18nProvider lang={lang} setLang={setLang}>
          {info ? (
            <SessionContext.Provider value={{ info, logout: () => (counter.logouts += 1) }}>{inner}</SessionContext.Provider>
          ) : (
            inner
          )}
        </I18nProvider>
      </ApiContext.Provider>
    );
  }
  const result = render(<>{ui}</>, { wrapper: Wrapper });
  // A getter, not a copied value: logouts that happen after render must still be counted.
  Object.defineProperty(result, 'routes', { value: routes });
  Object.defineProperty(result, 'logouts', { get: () => counter.logouts });
  return result as Rendered;
}

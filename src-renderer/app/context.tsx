import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../src-shared/api';
import type { Api } from '../api';
import type { Navigate, Route } from './routes';

export const ApiContext = createContext<Api | null>(null);

/** The one Api of this window (Electron IPC or the dev bridge; screens cannot tell which). */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}

export interface SessionValue {
  /** The logged-in person (the token stays in the transport; `info.token` is always ''). */
  info: SessionInfo;
  /** Ends the session: the core is told, and every screen of this person is unmounted. */
  logout(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}

export interface NavValue {
  route: Route;
  navigate: Navigate;
}

export const NavContext = createContext<NavValue | null>(null);

export function useNav(): NavValue {
  const n = useContext(NavContext);
  if (!n) throw new Error('useNav outside a session');
  return n;
}

import { useCallback, useMemo, useState } from 'react';
import type { SessionInfo } from '../../src-shared/api';
import { useT } from '../i18n';
import { ChangePinScreen } from '../screens/ChangePin/ChangePinScreen';
import { CopyDayScreen } from '../screens/CopyDay/CopyDayScreen';
import { EntryDetailScreen } from '../screens/EntryDetail/EntryDetailScreen';
import { EntryWizard } from '../screens/Entry/EntryWizard';
import { HomeScreen } from '../screens/Home/HomeScreen';
import { MonthScreen } from '../screens/Month/MonthScreen';
import { OperatorScreen } from '../screens/Operator/OperatorScreen';
import { ReportScreen } from '../screens/Report/ReportScreen';
import { ReviewScreen } from '../screens/Review/ReviewScreen';
import { TeamScreen } from '../screens/Team/TeamScreen';
import { IdleGuard } from './IdleGuard';
import { NavContext, SessionContext, useNav, useSession, type NavValue, type SessionValue } from './context';
import type { Route } from './routes';

/** One person's screens. Mounted per session (App keys it); unmounting it forgets everything. */
export function SessionView({ info, logout, onInfo }: { info: SessionInfo; logout: () => void; onInfo: (info: SessionInfo) => void }) {
  const [route, setRoute] = useState<Route>({ name: 'home' });
  const navigate = useCallback((r: Route) => setRoute(r), []);
  const session = useMemo<SessionValue>(() => ({ info, logout }), [info, logout]);
  const nav = useMemo<NavValue>(() => ({ route, navigate }), [route, navigate]);

  return (
    <SessionContext.Provider value={session}>
      <NavContext.Provider value={nav}>
        <IdleGuard seconds={info.idleLogoutSeconds} onIdle={logout} />
        {info.mustChangePin ? (
          <main className="screen" id="main">
            <ChangePinScreen onChanged={(next) => onInfo(next)} />
          </main>
        ) : (
          <>
            <MainNav />
            <main className="screen" id="main">
              <Screen route={route} />
            </main>
          </>
        )}
      </NavContext.Provider>
    </SessionContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'entry':
      // Keyed by the entry or the date: editing another entry or starting on another day gives a
      // fresh form, while "Catat Aktivitas" pressed again mid-form keeps what was already filled in.
      return <EntryWizard key={route.entry?.id ?? `new-${route.date ?? ''}`} {...(route.entry ? { entry: route.entry } : {})} {...(route.date ? { date: route.date } : {})} />;
    case 'month':
      return <MonthScreen {...(route.month ? { month: route.month } : {})} />;
    case 'entry-detail':
      return <EntryDetailScreen entry={route.entry} back={route.back} />;
    case 'copy-day':
      return <CopyDayScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'team':
      return <TeamScreen {...(route.month ? { month: route.month } : {})} />;
    case 'report':
      return <ReportScreen kind={route.kind} month={route.month} back={route.back} {...(route.employeeId ? { employeeId: route.employeeId } : {})} />;
    case 'operator':
      return <OperatorScreen />;
  }
}

function MainNav() {
  const { t } = useT();
  const { route, navigate } = useNav();
  const { info, logout } = useSession();
  const item = (name: 'home' | 'entry' | 'month' | 'review' | 'team' | 'operator', label: string) => (
    <li>
      <button type="button" className="nav-item" aria-current={route.name === name ? 'page' : undefined} onClick={() => navigate({ name })}>
        {label}
      </button>
    </li>
  );
  return (
    <nav className="mainnav" aria-label={t.common.navLabel}>
      <span className="mainnav-person">{info.employee.name}</span>
      <ul>
        {item('home', t.common.nav.home)}
        {item('entry', t.common.nav.entry)}
        {item('month', t.common.nav.month)}
        {/* Verifikasi and Tim only for people with direct subordinates (the core checks again). */}
        {info.employee.hasSubordinates && item('review', t.common.nav.review)}
        {info.employee.hasSubordinates && item('team', t.common.nav.team)}
        {/* Operator only for the operator and admin roles (every operator command is checked again by the core). */}
        {isOperator(info) && item('operator', t.operator.nav)}
      </ul>
      <button type="button" className="btn btn-logout" onClick={logout}>
        {t.common.nav.logout}
      </button>
    </nav>
  );
}

function isOperator(info: SessionInfo): boolean {
  return info.employee.roles.includes('operator') || info.employee.roles.includes('admin');
}

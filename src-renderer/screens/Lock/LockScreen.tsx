import { useCallback, useEffect, useState } from 'react';
import type { CommandResult, SessionInfo } from '../../../src-shared/api';
import { formatNip } from '../../../src-shared/domain/nip';
import type { AppError, Result } from '../../../src-shared/errors';
import type { Api } from '../../api';
import { useApi } from '../../app/context';
import { Issues } from '../../components/Issues';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { SetupScreen } from '../Setup/SetupScreen';
import { NipForm } from './NipForm';
import { PinStep, type Who } from './PinStep';
import { useIdleReset } from './use-idle-reset';
import { StaffList, type StaffCard } from './StaffList';
import './lock.css';

type Loaded = { unitName: string | null; enrolled: boolean; list: CommandResult<'kiosk-staff-list'> };
type Shown = Pick<AppError, 'code' | 'params'>;

async function fetchLock(api: Api): Promise<Result<Loaded>> {
  const [status, list] = await Promise.all([api.send('app-status', {}), api.send('kiosk-staff-list', {})]);
  if (!list.ok) return list;
  // Without app-status the list still works; only the heading and the enrolment hint are missing.
  return { ok: true, value: { unitName: status.ok ? status.value.unitName : null, enrolled: status.ok ? status.value.enrolled : true, list: list.value } };
}

/**
 * Nobody is logged in: choose yourself (from the unit's staff, or by typing a NIP when the unit
 * hides the list), then the PIN. The search text and the typed NIP survive a trip to the PIN step
 * and back; everything here is dropped when someone logs in (App unmounts this screen).
 */
export function LockScreen({ onLoggedIn }: { onLoggedIn: (info: SessionInfo) => void }) {
  const api = useApi();
  const { t } = useT();
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [query, setQuery] = useState('');
  const [nipDigits, setNipDigits] = useState('');
  const [nipError, setNipError] = useState<Shown | null>(null);
  const [who, setWho] = useState<Who | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);

  const apply = useCallback((r: Result<Loaded>) => {
    if (r.ok) {
      setLoadError(null);
      setData(r.value);
    } else setLoadError(r.error);
  }, []);
  const reload = () => void fetchLock(api).then(apply);

  useEffect(() => {
    let live = true;
    const take = (r: Result<Loaded>) => live && apply(r);
    void fetchLock(api).then(take);
    // A sync may bring the roster (first enrolment) or lift a lockout: the list follows it.
    const off = api.on('sync-status', (s) => {
      if (!s.running) void fetchLock(api).then(take);
    });
    return () => {
      live = false;
      off();
    };
  }, [api, apply]);

  // Left alone with a name chosen or something typed: back to a clean list for the next person.
  const idleReset = useCallback(() => {
    setWho(null);
    setQuery('');
    setNipDigits('');
    setNipError(null);
    setReturnTo(null);
  }, []);
  useIdleReset(who !== null || query !== '' || nipDigits !== '', data?.list.idleSeconds ?? 60, idleReset);

  const choose = (s: StaffCard) => {
    setReturnTo(s.id);
    setWho({ nip: s.nip, nipFormatted: s.nipFormatted, name: s.name, positionTitle: s.positionTitle, lockedUntil: s.lockedUntil });
  };
  const back = () => {
    setWho(null);
    // Lock marks may have changed during the PIN step.
    reload();
  };

  if (who && data) {
    return (
      <main className="screen lock" id="main">
        <PinStep
          who={who}
          pinLength={data.list.pinLength}
          onBack={back}
          onLoggedIn={onLoggedIn}
          {...(data.list.showList
            ? {}
            : {
                onNipRefused: (e: AppError) => {
                  setNipError(e);
                  setWho(null);
                },
              })}
        />
      </main>
    );
  }

  // Not enrolled: nobody can log in yet, so the PC is set up here; enrolling runs the first pull.
  if (data && !data.enrolled) {
    return (
      <main className="screen" id="main">
        <SetupScreen onEnrolled={reload} />
      </main>
    );
  }

  return (
    <main className="screen lock" id="main">
      <ScreenTitle focus={returnTo === null}>{data?.unitName ?? t.lock.title}</ScreenTitle>
      {!data && !loadError && (
        <p role="status" className="muted">
          {t.common.loading}
        </p>
      )}
      {loadError && (
        <div className="stack">
          <Issues issues={[loadError]} />
          <button type="button" className="btn btn-big" onClick={reload}>
            {t.common.retry}
          </button>
        </div>
      )}
      {data && body(data)}
    </main>
  );

  function body(data: Loaded) {
    if (!data.list.showList) {
      return (
        <NipForm
          digits={nipDigits}
          onDigits={setNipDigits}
          error={nipError}
          onError={setNipError}
          onNext={(nip) => setWho({ nip, nipFormatted: formatNip(nip), name: null, positionTitle: null, lockedUntil: null })}
        />
      );
    }
    if (data.list.staff.length === 0) return <p className="alert alert-warning">{t.lock.noStaff}</p>;
    return (
      <>
        <p className="lock-intro">{t.lock.chooseName}</p>
        <StaffList staff={data.list.staff} query={query} onQuery={setQuery} onChoose={choose} focusId={returnTo} />
      </>
    );
  }
}

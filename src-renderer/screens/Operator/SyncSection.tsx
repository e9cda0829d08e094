import { useEffect, useRef, useState } from 'react';
import type { CommandResult, SyncStatus } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import type { Api } from '../../api';
import { useApi } from '../../app/context';
import { useSyncRefresh } from '../../app/use-sync-refresh';
import { Issues } from '../../components/Issues';
import { LoadProblem, Loading } from '../../components/LoadState';
import { useT } from '../../i18n';
import { when } from './format';
import { SyncLogTable } from './SyncLogTable';
import { useLoad } from './use-load';
import { Facts } from './Facts';

type Attempt = CommandResult<'sync-now'>;
type Send = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; attempt: Attempt } | { kind: 'error'; error: AppError };

const fetchStatus = (api: Api) => api.send('workstation-status', {});
const fetchLog = (api: Api) => api.send('sync-log', { limit: 50 });

/**
 * Sinkronisasi: where this PC stands with the central server, "Kirim sekarang" with its outcome in
 * words, and the last attempts. The status follows the core's `sync-status` events; the log is
 * read again after every attempt, whoever started it.
 */
export function SyncSection() {
  const api = useApi();
  const { t } = useT();
  const status = useLoad(fetchStatus);
  const log = useLoad(fetchLog);
  const [send, setSend] = useState<Send>({ kind: 'idle' });
  const inFlight = useRef(false);
  const setStatus = status.set;
  const refreshLog = log.refresh;

  useEffect(() => api.on('sync-status', setStatus), [api, setStatus]);
  useSyncRefresh(refreshLog);

  const sendNow = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSend({ kind: 'busy' });
    const r = await api.send('sync-now', {});
    inFlight.current = false;
    if (!r.ok) return setSend({ kind: 'error', error: r.error });
    setSend({ kind: 'done', attempt: r.value });
    setStatus(r.value.status);
    refreshLog();
  };

  return (
    <div className="stack">
      <h2>{t.operator.sync.statusTitle}</h2>
      {status.load.kind === 'loading' && <Loading />}
      {status.load.kind === 'error' && <LoadProblem what={t.operator.sync.loadError} error={status.load.error} onRetry={status.retry} />}
      {status.load.kind === 'ready' && <StatusFacts status={status.load.value} />}
      <div className="op-actions">
        <button type="button" className="btn btn-primary btn-big" aria-disabled={send.kind === 'busy' || undefined} onClick={() => void sendNow()}>
          {send.kind === 'busy' ? t.operator.sync.sending : t.operator.sync.sendNow}
        </button>
        <div role="status" className="op-result">
          {send.kind === 'done' && <AttemptOutcome attempt={send.attempt} />}
        </div>
        {send.kind === 'error' && <Issues issues={[send.error]} />}
      </div>
      <h2>{t.operator.sync.logTitle}</h2>
      {log.load.kind === 'loading' && <Loading />}
      {log.load.kind === 'error' && <LoadProblem what={t.operator.sync.loadError} error={log.load.error} onRetry={log.retry} />}
      {log.load.kind === 'ready' && <SyncLogTable items={log.load.value.items} />}
    </div>
  );
}

function StatusFacts({ status: s }: { status: SyncStatus }) {
  const { t, f, err, date } = useT();
  const w = t.operator.sync;
  const none = t.operator.none;
  const connection = s.running ? w.running : s.online === null ? w.never : s.online ? w.online : w.offline;
  const facts: [string, string][] = [
    [w.facts.enrolled, s.enrolled ? w.enrolled : w.notEnrolled],
    [w.facts.server, s.serverUrl ?? none],
    [w.facts.workstation, s.workstationId ?? none],
    [w.facts.connection, connection],
    [w.facts.pending, f(w.changes, { n: s.pending })],
    [w.facts.lastSuccess, s.lastSuccessAt ? when(s.lastSuccessAt, date) : none],
    [w.facts.nextAttempt, s.nextAttemptAt ? when(s.nextAttemptAt, date) : none],
    [w.facts.lastError, s.lastError ? `${err({ code: s.lastError.code })} (${when(s.lastError.at, date)})` : none],
  ];
  return (
    <>
      {s.blocked && <p className="alert alert-warning">{w.blocked[s.blocked]}</p>}
      <Facts facts={facts} />
    </>
  );
}

function AttemptOutcome({ attempt: a }: { attempt: Attempt }) {
  const { t, f, err } = useT();
  const o = t.operator.sync.outcome;
  if (a.outcome === 'ok') {
    return <p className="alert alert-ok">{f(o.ok, { pushed: a.pushed, applied: a.applied, refused: a.refused, pulled: a.pulled })}</p>;
  }
  return (
    <div className="alert alert-error" data-code={a.error?.code}>
      {a.error && <p>{err(a.error)}</p>}
      <p>{a.outcome === 'retry' ? o.retry : o.blocked}</p>
    </div>
  );
}

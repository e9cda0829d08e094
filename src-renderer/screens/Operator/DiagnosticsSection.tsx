import { useId, useRef, useState } from 'react';
import type { CommandResult } from '../../../src-shared/api';
import type { AppError, Result } from '../../../src-shared/errors';
import type { Api } from '../../api';
import { useApi } from '../../app/context';
import { Issues } from '../../components/Issues';
import { LoadProblem, Loading } from '../../components/LoadState';
import { useT } from '../../i18n';
import { saveBase64File } from '../Report/download';
import { when } from './format';
import { useLoad } from './use-load';
import { Facts as FactList } from './Facts';

type AppStatus = CommandResult<'app-status'>;
const fetchAppStatus = (api: Api) => api.send('app-status', {});

/**
 * Diagnostik: the facts a help desk asks for first (schema version, clientId, what is still to be
 * sent, any restore or failed backup check), and the three tools: a database check, a backup now,
 * and one zip with everything for IT support.
 */
export function DiagnosticsSection() {
  const { t, f, date, locale } = useT();
  const d = t.operator.diagnostics;
  const status = useLoad(fetchAppStatus);
  return (
    <div className="stack">
      <h2>{d.factsTitle}</h2>
      {status.load.kind === 'loading' && <Loading />}
      {status.load.kind === 'error' && <LoadProblem what={d.loadError} error={status.load.error} onRetry={status.retry} />}
      {status.load.kind === 'ready' && <Facts status={status.load.value} />}
      <h2>{d.toolsTitle}</h2>
      <Tool
        run={(api) => api.send('diagnostics-db-check', {})}
        idle={d.dbCheck}
        busy={d.dbChecking}
        done={(v) => <p className={v.ok ? 'alert alert-ok' : 'alert alert-error'}>{f(v.ok ? d.dbOk : d.dbBad, { result: v.result, ms: v.ms })}</p>}
      />
      <Tool
        run={(api) => api.send('diagnostics-backup-now', {})}
        idle={d.backup}
        busy={d.backingUp}
        done={(v) => <p className="alert alert-ok">{f(d.backupDone, { when: when(v.at, date), file: v.file })}</p>}
        // A fresh backup clears the "no recent backup" and failed-check facts above.
        onDone={status.refresh}
      />
      <Tool
        run={async (api) => {
          const r = await api.send('diagnostics-export', {});
          if (r.ok) saveBase64File(r.value);
          return r;
        }}
        idle={d.export}
        busy={d.exporting}
        hint={d.exportHint}
        done={(v) => {
          const size = f(d.kb, { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v.bytes / 1024) });
          return <p className="alert alert-ok">{f(d.exported, { file: v.fileName, size })}</p>;
        }}
      />
    </div>
  );
}

function Facts({ status: s }: { status: AppStatus }) {
  const { t, f, date } = useT();
  const d = t.operator.diagnostics;
  const facts: [string, string][] = [
    [d.facts.unit, s.unitName ?? t.operator.none],
    [d.facts.schemaVersion, String(s.schemaVersion)],
    [d.facts.clientId, s.clientId],
    [d.facts.pending, f(t.operator.sync.changes, { n: s.pendingMutations })],
  ];
  return (
    <>
      {s.restored && (
        <p className="alert alert-warning">
          {f(s.restored.restoredFrom ? d.restored : d.restoredNoBackup, { when: when(s.restored.at, date), reason: s.restored.reason, moved: s.restored.corruptMovedTo })}
        </p>
      )}
      {s.integrityWarning && <p className="alert alert-warning">{f(d.integrity, { warning: s.integrityWarning })}</p>}
      <FactList facts={facts} />
    </>
  );
}

type State<T> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; value: T } | { kind: 'error'; error: AppError };

/** One button that runs a command once at a time and says how it went right under it. */
function Tool<T>({
  run,
  idle,
  busy,
  hint,
  done,
  onDone,
}: {
  run: (api: Api) => Promise<Result<T>>;
  idle: string;
  busy: string;
  hint?: string;
  done: (value: T) => React.ReactNode;
  onDone?: () => void;
}) {
  const api = useApi();
  const hintId = useId();
  const [state, setState] = useState<State<T>>({ kind: 'idle' });
  const inFlight = useRef(false);
  const press = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: 'busy' });
    const r = await run(api);
    inFlight.current = false;
    setState(r.ok ? { kind: 'done', value: r.value } : { kind: 'error', error: r.error });
    if (r.ok) onDone?.();
  };
  return (
    <div className="op-tool">
      <button
        type="button"
        className="btn"
        aria-disabled={state.kind === 'busy' || undefined}
        aria-describedby={hint ? hintId : undefined}
        onClick={() => void press()}
      >
        {state.kind === 'busy' ? busy : idle}
      </button>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <div role="status" className="op-result">
        {state.kind === 'done' && done(state.value)}
      </div>
      {state.kind === 'error' && <Issues issues={[state.error]} />}
    </div>
  );
}

import { useState } from 'react';
import type { Api } from '../../api';
import { useT } from '../../i18n';
import { EnrollForm } from '../Setup/EnrollForm';
import { useLoad } from './use-load';

const fetchStatus = (api: Api) => api.send('workstation-status', {});

/**
 * Daftar ulang: the first-run form again, for an operator (revoked PC, another server, a server
 * that asks for it). It starts from the current address and asks before replacing the token.
 * The form waits for the current address, so it never starts blank and then jumps.
 */
export function ReenrollSection() {
  const { t, f } = useT();
  const r = t.operator.reenroll;
  const { load, set } = useLoad(fetchStatus);
  const [done, setDone] = useState<string | null>(null);
  const current = load.kind === 'ready' ? load.value : null;
  return (
    <div className="stack">
      <h2>{r.title}</h2>
      <p>{r.intro}</p>
      {current?.serverUrl && current.workstationId && <p>{f(r.current, { server: current.serverUrl, id: current.workstationId })}</p>}
      <div role="status">{done && <p className="alert alert-ok">{f(r.done, { id: done })}</p>}</div>
      {load.kind !== 'loading' && (
        <EnrollForm
          initialServerUrl={current?.serverUrl ?? ''}
          confirm={{ title: r.confirmTitle, text: r.confirmText, action: r.confirm }}
          onEnrolled={(v) => {
            setDone(v.workstationId);
            set(v.status);
          }}
        />
      )}
    </div>
  );
}

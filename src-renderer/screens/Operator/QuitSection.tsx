import { useRef, useState } from 'react';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { Dialog } from '../../components/Dialog';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';

type Quit = { kind: 'idle' } | { kind: 'asking' } | { kind: 'quitting' } | { kind: 'cannot' } | { kind: 'error'; error: AppError };

/**
 * Keluar: closes the app (kiosk mode leaves no other way), after a confirmation. Where no shell
 * can quit (the dev bridge in a browser) the core answers `quitting: false`, and the screen says so.
 */
export function QuitSection() {
  const api = useApi();
  const { t } = useT();
  const q = t.operator.quit;
  const [state, setState] = useState<Quit>({ kind: 'idle' });
  const inFlight = useRef(false);

  const quit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: 'quitting' });
    const r = await api.send('app-quit', {});
    inFlight.current = false;
    if (!r.ok) setState({ kind: 'error', error: r.error });
    else setState({ kind: r.value.quitting ? 'quitting' : 'cannot' });
  };

  return (
    <div className="stack">
      <h2>{q.title}</h2>
      <p>{q.intro}</p>
      <div>
        <button type="button" className="btn btn-danger btn-big" aria-disabled={state.kind === 'quitting' || undefined} onClick={() => state.kind !== 'quitting' && setState({ kind: 'asking' })}>
          {q.button}
        </button>
      </div>
      <div role="status">
        {state.kind === 'quitting' && <p className="alert alert-ok">{q.quitting}</p>}
        {state.kind === 'cannot' && <p className="alert alert-warning">{q.cannot}</p>}
      </div>
      {state.kind === 'error' && <Issues issues={[state.error]} />}
      {state.kind === 'asking' && (
        <Dialog
          title={q.confirmTitle}
          onClose={() => setState({ kind: 'idle' })}
          actions={
            <>
              <button type="button" className="btn" data-autofocus onClick={() => setState({ kind: 'idle' })}>
                {t.common.cancel}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void quit()}>
                {q.confirm}
              </button>
            </>
          }
        >
          <p>{q.confirmText}</p>
        </Dialog>
      )}
    </div>
  );
}

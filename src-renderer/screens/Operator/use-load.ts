import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../src-shared/errors';
import type { Api } from '../../api';
import { useApi } from '../../app/context';

export type Load<T> = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; value: T };

/**
 * One read of an operator section (settings, sync status, the log, app-status). `fetch` must be
 * the same function on every render (module level). `retry` shows "Memuat…" again; `refresh`
 * reads quietly, keeping what is shown until the answer is there (a failed refresh keeps it too);
 * `set` takes a newer value another command answered with (settings-set, sync-now).
 */
export function useLoad<T>(fetch: (api: Api) => Promise<Result<T>>) {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load<T>>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void fetch(api).then((r) => {
      if (live) setLoad(r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, fetch, attempt]);

  const retry = useCallback(() => {
    setLoad({ kind: 'loading' });
    setAttempt((a) => a + 1);
  }, []);
  const refresh = useCallback(() => {
    void fetch(api).then((r) => {
      if (r.ok) setLoad({ kind: 'ready', value: r.value });
    });
  }, [api, fetch]);
  const set = useCallback((value: T) => setLoad({ kind: 'ready', value }), []);
  return { load, retry, refresh, set };
}

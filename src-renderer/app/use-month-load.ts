import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../src-shared/errors';
import type { Api } from '../api';
import { useApi } from './context';
import { useSyncRefresh } from './use-sync-refresh';

export type MonthLoad<T> = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; value: T };

/** Reads one month; without a month, the core's current one (its clock and time zone, not the PC's). */
export type MonthFetch<T> = (api: Api, month: string | undefined) => Promise<Result<T>>;

/**
 * The data of a screen that shows one month at a time (Bulan Ini, Tim). `fetch` must be the same
 * function on every render (declared at module level): a new one would reload on every render.
 *
 * `shown` stays set while another month loads, so the switcher stays on screen and the keyboard
 * focus on its buttons is never lost. `today` comes from the core with the first answer.
 */
export function useMonthLoad<T extends { month: string; today: string }>(initial: string | undefined, fetch: MonthFetch<T>) {
  const api = useApi();
  const [request, setRequest] = useState<{ month: string | undefined; attempt: number }>({ month: initial, attempt: 0 });
  const [load, setLoad] = useState<MonthLoad<T>>({ kind: 'loading' });
  const [today, setToday] = useState<string | null>(null);
  // The route can name another month while the screen stays mounted (its menu item again).
  const [routeMonth, setRouteMonth] = useState(initial);
  if (routeMonth !== initial) {
    setRouteMonth(initial);
    setLoad({ kind: 'loading' });
    setRequest({ month: initial, attempt: 0 });
  }

  useEffect(() => {
    let live = true;
    void fetch(api, request.month).then((r) => {
      if (!live) return;
      if (r.ok) setToday(r.value.today);
      setLoad(r.ok ? { kind: 'ready', value: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, fetch, request]);

  // A sync may bring new entries or decisions: reload quietly; an answer for a month no longer
  // asked for is dropped.
  const current = useRef(request);
  useEffect(() => {
    current.current = request;
  }, [request]);
  useSyncRefresh(() => {
    const asked = current.current;
    void fetch(api, asked.month).then((r) => {
      if (r.ok && current.current === asked) setLoad((l) => (l.kind === 'ready' ? { kind: 'ready', value: r.value } : l));
    });
  });

  const shown = request.month ?? (load.kind === 'ready' ? load.value.month : null);
  const go = (month: string) => {
    setLoad({ kind: 'loading' });
    setRequest({ month, attempt: 0 });
  };
  const retry = () => {
    setLoad({ kind: 'loading' });
    setRequest((r) => ({ ...r, attempt: r.attempt + 1 }));
  };
  return { load, today, shown, go, retry };
}

import { useEffect, useRef } from 'react';
import { useApi } from './context';

/**
 * Calls `onSynced` each time a sync run ends (the `sync-status` event going from running to not
 * running): entries shown as "Belum terkirim" may have gone out, or a supervisor's decision may
 * have come in. Screens reload quietly, keeping what they show until the new data is there.
 */
export function useSyncRefresh(onSynced: () => void): void {
  const api = useApi();
  const latest = useRef(onSynced);
  useEffect(() => {
    latest.current = onSynced;
  });
  useEffect(() => {
    let running = false;
    return api.on('sync-status', (s) => {
      if (running && !s.running) latest.current();
      running = s.running;
    });
  }, [api]);
}

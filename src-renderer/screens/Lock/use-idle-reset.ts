import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * While `active`, calls `reset` after `seconds` without a tap or key press. The lock screen uses it
 * so that a name chosen (or a NIP or search typed) by someone who then walked away does not greet
 * the next person: the PC's idle time applies before login as it does after.
 */
export function useIdleReset(active: boolean, seconds: number, reset: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(reset, seconds * 1000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, seconds * 1000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
    };
  }, [active, seconds, reset]);
}

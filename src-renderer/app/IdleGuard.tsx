import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n';
import './idle-guard.css';

/** What counts as someone at the screen. Mouse movement alone does not: a bumped mouse is not a person. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const WARN_SECONDS = 10;

/** How long the warning shows before the logout: 10 s, or half the timeout when that is short. */
export function warnSeconds(seconds: number): number {
  return seconds > WARN_SECONDS ? WARN_SECONDS : Math.max(1, Math.floor(seconds / 2));
}

/**
 * Logs the person out after `seconds` without activity, warning them first. A shared PC left
 * alone must not show someone's work to the next person; the core ends the session on its own
 * clock too, this is the friendly side of it.
 */
export function IdleGuard({ seconds, onIdle }: { seconds: number; onIdle: () => void }) {
  const { t, f } = useT();
  /** Seconds left while the warning shows; null when it does not. */
  const [left, setLeft] = useState<number | null>(null);
  const timers = useRef<{ warn?: number; tick?: number; done: boolean }>({ done: false });
  const idle = useEffectEvent(() => onIdle());

  useEffect(() => {
    const state = timers.current;
    const warnFor = warnSeconds(seconds);
    const stop = () => {
      window.clearTimeout(state.warn);
      window.clearInterval(state.tick);
    };
    const warn = () => {
      // Counted against a deadline, not by ticks, so a slow timer cannot stretch the warning.
      const deadline = Date.now() + warnFor * 1000;
      setLeft(warnFor);
      state.tick = window.setInterval(() => {
        const rest = Math.ceil((deadline - Date.now()) / 1000);
        if (rest > 0) {
          setLeft(rest);
          return;
        }
        stop();
        setLeft(null);
        if (!state.done) {
          state.done = true;
          idle();
        }
      }, 1000);
    };
    const restart = () => {
      if (state.done) return;
      stop();
      setLeft(null);
      state.warn = window.setTimeout(warn, (seconds - warnFor) * 1000);
    };
    state.warn = window.setTimeout(warn, (seconds - warnFor) * 1000);
    for (const e of ACTIVITY) window.addEventListener(e, restart, { capture: true, passive: true });
    return () => {
      stop();
      for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
    };
  }, [seconds]);

  if (left === null) return null;
  return (
    <Dialog
      title={t.lock.idle.title}
      actions={
        // Any activity dismisses the warning (the pointerdown already did); the click is the obvious way.
        <button type="button" className="btn btn-primary btn-big" data-autofocus onClick={() => setLeft(null)}>
          {t.lock.idle.stay}
        </button>
      }
    >
      <p className="idle-count">
        <span role="timer">{f(t.lock.idle.body, { n: left })}</span>
      </p>
    </Dialog>
  );
}

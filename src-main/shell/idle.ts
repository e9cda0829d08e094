import type { CoreContext } from '../core/context';
import { logout } from '../core/kiosk/service';

/**
 * The OS idle watch's side (S2's startIdleWatch in kiosk.ts decides *when*): the current kiosk
 * session is ended exactly as the screens' own idle logout ends it (audited, `session-ended` with
 * reason 'idle'), so the screens go back to the lock screen and the preload forgets the token.
 * It backs up the renderer's IdleGuard, which only sees input inside the window.
 */
export function hasSession(ctx: Pick<CoreContext, 'sessions'>): boolean {
  return ctx.sessions.current() !== null;
}

/** The session's own limit (policy or the PC's override, fixed at login); 60 s without one. */
export function idleLimitSeconds(ctx: Pick<CoreContext, 'sessions'>): number {
  return ctx.sessions.current()?.idleLogoutSeconds ?? 60;
}

/** Ends the current session for inactivity; false when there was none. */
export function endIdleSession(ctx: CoreContext): boolean {
  const session = ctx.sessions.current();
  if (!session) return false;
  logout(ctx, session, 'idle');
  return true;
}

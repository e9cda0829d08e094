import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  employeeId: string;
  startedAt: Date;
  lastSeenAt: Date;
  mustChangePin: boolean;
  /** Inactivity after which the UI logs out; the core's own expiry adds GRACE on top. */
  idleLogoutSeconds: number;
}

/**
 * The kiosk's live session. A shared PC has one person at the screen, so there is at most one
 * session: a new login ends the previous one. The UI logs out on idle and reports activity with
 * `kiosk-session`; this store is the backstop that expires a session the UI forgot (a crashed
 * window, a stale tab), so a command can never act for someone who walked away long ago.
 */
export const SESSION_GRACE_SECONDS = 120;

export class SessionStore {
  private session: Session | null = null;

  constructor(private readonly clock: () => Date) {}

  start(employeeId: string, mustChangePin: boolean, idleLogoutSeconds: number): { session: Session; replaced: Session | null } {
    const replaced = this.current();
    const now = this.clock();
    this.session = {
      token: randomBytes(32).toString('base64url'),
      employeeId,
      startedAt: now,
      lastSeenAt: now,
      mustChangePin,
      idleLogoutSeconds,
    };
    return { session: this.session, replaced };
  }

  /** The live session for this token, touched; null when unknown, ended or expired. */
  resolve(token: string | undefined): Session | null {
    const s = this.current();
    if (!s || !token || !sameToken(s.token, token)) return null;
    s.lastSeenAt = this.clock();
    return s;
  }

  current(): Session | null {
    const s = this.session;
    if (s && this.clock().getTime() - s.lastSeenAt.getTime() > (s.idleLogoutSeconds + SESSION_GRACE_SECONDS) * 1000) {
      this.session = null;
    }
    return this.session;
  }

  end(token: string): boolean {
    if (this.session && sameToken(this.session.token, token)) {
      this.session = null;
      return true;
    }
    return false;
  }

  clear(): void {
    this.session = null;
  }
}

function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

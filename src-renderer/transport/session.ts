import type { CommandName } from '../../src-shared/api';
import { COMMAND_AUTH } from '../../src-shared/command-auth';
import type { Result } from '../../src-shared/errors';

/**
 * The kiosk session token, kept by the transport so that no screen ever holds it (screens are
 * torn down at logout; a token in their state could outlive the person). Shared by every
 * transport that adds `sessionToken` itself.
 *
 * Which commands carry it: those that need a session, and workstation-enroll and
 * workstation-test-connection ('none' commands that need an operator once the PC is enrolled: the
 * operator's "Daftar ulang"). Other 'none' commands do not: the status bar
 * polls them, and a token on every poll would keep the core's idle backstop from ever expiring
 * a session the UI forgot.
 */
export function carriesSession(name: CommandName): boolean {
  return COMMAND_AUTH[name] !== 'none' || name === 'workstation-enroll' || name === 'workstation-test-connection';
}

/** What `prepare` saw, handed back to `settle` with the answer. */
export interface Ticket {
  name: CommandName;
  sent: string | null;
  generation: number;
}

export class SessionKeeper {
  private token: string | null = null;
  /** The event sequence number at which the token was taken (-1: unknown, as over IPC). */
  private since = -1;
  /** Bumped by every logout, so a login answered after it cannot bring a session back. */
  private generation = 0;

  get active(): boolean {
    return this.token !== null;
  }

  /** The args to send, with the token where it belongs; logout forgets it before it goes out. */
  prepare(name: CommandName, args: object): { wire: object; ticket: Ticket } {
    const sent = carriesSession(name) ? this.token : null;
    if (name === 'kiosk-logout') this.forget(true);
    const wire = sent ? { ...args, sessionToken: sent } : args;
    return { wire, ticket: { name, sent, generation: this.generation } };
  }

  /**
   * Takes the token from a login (or a session check still about the current token) and hands
   * the screen the result without it. `seq` is the count of events the core had pushed when the
   * answer was written (see `ended`). A SESSION_REQUIRED for the token we hold means the core
   * ended it (idle expiry): forget it too.
   */
  settle<T>(ticket: Ticket, result: Result<T>, seq?: number): Result<T> {
    if (!result.ok) {
      if (result.error.code === 'SESSION_REQUIRED' && ticket.sent !== null && ticket.sent === this.token) this.forget(false);
      return result;
    }
    if (ticket.name !== 'kiosk-login' && ticket.name !== 'kiosk-session') return result;
    const value = result.value as T & { token?: unknown };
    const fresh = typeof value.token === 'string' ? value.token : null;
    if (fresh && ticket.generation === this.generation) {
      if (ticket.name === 'kiosk-login') {
        this.token = fresh;
        this.since = seq ?? -1;
      } else if (ticket.sent !== null && ticket.sent === this.token && fresh === this.token) {
        this.since = Math.max(this.since, seq ?? -1);
      }
    }
    // The type keeps `token: string`; screens get an empty one (they must never need it).
    return { ok: true, value: { ...value, token: '' } as T };
  }

  /**
   * A `session-ended` event. With sequence numbers (the dev bridge, the shell's IPC), an event
   * pushed before the login that gave the current token was answered is about an earlier session
   * (a login ends the previous one): it leaves the new token alone, and the answer is false — the
   * screens must not hear it either, or they would close the new person's session view. Without
   * sequence numbers any end forgets. True: the screens should hear it.
   */
  ended(seq?: number): boolean {
    if (seq !== undefined && seq <= this.since) return false;
    this.forget(false);
    return true;
  }

  private forget(logout: boolean): void {
    this.token = null;
    this.since = -1;
    if (logout) this.generation += 1;
  }
}

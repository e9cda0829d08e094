import type { Events } from '../../src-shared/api';
import type { Result } from '../../src-shared/errors';

/**
 * What travels between main (ipc.ts) and the preload (ipc-api.ts). Private to the two: the
 * screens see only the Api of src-renderer/api.ts.
 *
 * Both directions carry the count of events main has pushed (`seq`), as the dev bridge does: an
 * answer's seq is the count when the answer was made. A `session-ended` pushed while a login was
 * being answered (the login ended the previous person's session) then has a seq no later than the
 * login's, and the preload does not forget the new token for it, whatever order Electron delivers
 * the reply and the event in.
 */
export const CMD_CHANNEL = 'kk:cmd';
export const EVENT_CHANNEL = 'kk:event';

export interface CommandReply {
  result: Result<unknown>;
  seq: number;
}

export interface EventMessage<E extends keyof Events = keyof Events> {
  event: E;
  payload: Events[E];
  seq: number;
}

import type { CommandName, Events } from '../../src-shared/api';
import { COMMAND_AUTH, EVENT_NAMES } from '../../src-shared/command-auth';
import { fail, type Result } from '../../src-shared/errors';
import type { Api } from '../../src-renderer/api';
import { SessionKeeper } from '../../src-renderer/transport/session';
import type { CommandReply, EventMessage } from './ipc-wire';

/**
 * The preload's half of the IPC transport: the screens' Api over `kk:cmd` / `kk:event`, with the
 * session token kept here, out of the page's reach, exactly as the dev bridge's transport keeps it
 * (the same SessionKeeper). Electron is passed in, so this runs under plain Node in the tests and
 * preload.ts stays a few lines of wiring.
 *
 * Bundled into the sandboxed preload, so it imports nothing that needs Node or zod (command-auth
 * is the zod-free list of names; the SessionKeeper needs only that list).
 */
export interface IpcWire {
  /** `ipcRenderer.invoke('kk:cmd', name, args)` */
  invoke(name: CommandName, args: object): Promise<unknown>;
  /** Subscribes to `kk:event` messages (once, for the life of the page). */
  listen(deliver: (message: unknown) => void): void;
}

type AnyListener = (payload: unknown) => void;

const isKnownCommand = (name: unknown): name is CommandName => typeof name === 'string' && Object.hasOwn(COMMAND_AUTH, name);
const isKnownEvent = (name: unknown): name is keyof Events => (EVENT_NAMES as readonly unknown[]).includes(name);

function asReply(value: unknown): CommandReply | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<CommandReply>;
  if (typeof r.seq !== 'number' || typeof r.result !== 'object' || r.result === null) return null;
  return typeof r.result.ok === 'boolean' ? (r as CommandReply) : null;
}

export function createIpcApi(wire: IpcWire): Api {
  const session = new SessionKeeper();
  const listeners = new Map<keyof Events, Set<AnyListener>>();

  wire.listen((raw) => {
    const message = raw as Partial<EventMessage> | null;
    if (!message || !isKnownEvent(message.event)) return;
    // The transport forgets the person before any screen hears of it; an end that was about the
    // person before the current login is nobody's business any more (session.ts).
    if (message.event === 'session-ended' && !session.ended(typeof message.seq === 'number' ? message.seq : undefined)) return;
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload);
      } catch (error) {
        console.error(`[ipc] ${message.event} listener failed`, error);
      }
    }
  });

  async function send(name: CommandName, args: unknown): Promise<Result<unknown>> {
    // Main refuses unknown names too; refusing here keeps junk off the channel.
    if (!isKnownCommand(name)) return fail('VALIDATION', { field: 'name', params: { field: 'name', detail: 'unknown command' } });
    const given = args ?? {};
    if (typeof given !== 'object' || Array.isArray(given)) return fail('VALIDATION', { params: { field: '(argumen)', detail: 'expected an object' } });
    const { wire: sent, ticket } = session.prepare(name, given);
    let reply: CommandReply | null;
    try {
      reply = asReply(await wire.invoke(name, sent));
    } catch (error) {
      // No handler (main is shutting down) or an answer that could not be cloned.
      console.warn(`[ipc] ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return fail('APP_UNREACHABLE');
    }
    if (!reply) return fail('APP_UNREACHABLE');
    return session.settle(ticket, reply.result, reply.seq);
  }

  return {
    send: send as Api['send'],
    on(event, listener) {
      if (!isKnownEvent(event)) throw new TypeError(`unknown event ${String(event)}`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as AnyListener;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
  };
}

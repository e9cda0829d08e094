import type { CommandArgs, CommandName, CommandResult, Events } from '../src-shared/api';
import type { Result } from '../src-shared/errors';

/**
 * The only surface the screens talk to. Two transports implement it: Electron IPC
 * (`window.kinerja`, from the shell's preload) and the dev bridge (HTTP + WebSocket); a screen
 * cannot tell them apart. Types come from the command map in src-shared/api.ts.
 */
export interface Api {
  send<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Result<CommandResult<K>>>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void;
}

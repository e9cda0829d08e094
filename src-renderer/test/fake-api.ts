import type { CommandArgs, CommandName, CommandResult, Events } from '../../src-shared/api';
import { appError, type AppError, type ErrorCode, type MessageParams, type Result } from '../../src-shared/errors';
import type { Api } from '../api';

/**
 * A scripted `Api` for component tests: each command answers from a handler the test gives
 * (unscripted commands fail loudly), every call is recorded, and events can be pushed. The real
 * core is exercised by the end-to-end suite (tests/e2e); here a screen's states are driven directly.
 */
export type Script = { [K in CommandName]?: (args: CommandArgs<K>) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>> };

export interface FakeApi extends Api {
  calls: { name: CommandName; args: unknown }[];
  callsOf<K extends CommandName>(name: K): CommandArgs<K>[];
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  /** Replaces or adds handlers mid-test. */
  script(more: Script): void;
}

export const okv = <T>(value: T): Result<T> => ({ ok: true, value });
export const failv = <T = never>(code: ErrorCode, params?: MessageParams, field?: string): Result<T> => ({
  ok: false,
  error: appError(code, { ...(params ? { params } : {}), ...(field ? { field } : {}) }),
});
export const errorOf = (code: ErrorCode, params?: MessageParams): AppError => appError(code, params ? { params } : {});

export function fakeApi(initial: Script = {}): FakeApi {
  const handlers: Script = { ...initial };
  const listeners = new Map<keyof Events, Set<(p: unknown) => void>>();
  const calls: FakeApi['calls'] = [];
  return {
    calls,
    callsOf: <K extends CommandName>(name: K) => calls.filter((c) => c.name === name).map((c) => c.args as CommandArgs<K>),
    async send(name, args) {
      calls.push({ name, args });
      const h = handlers[name] as ((a: unknown) => unknown) | undefined;
      if (!h) throw new Error(`fake api: no script for ${name}`);
      return (await h(args)) as never;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    emit(event, payload) {
      for (const l of [...(listeners.get(event) ?? [])]) l(payload);
    },
    script(more) {
      Object.assign(handlers, more);
    },
  };
}

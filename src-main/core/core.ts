import type { Events } from '../../src-shared/api';
import type { Result } from '../../src-shared/errors';
import { openDatabase, type OpenedDatabase } from './db/open';
import { dispatch } from './handlers';
import { SessionStore } from './kiosk/sessions';
import type { CoreContext } from './context';

export interface CoreOptions {
  /** The SQLite file; its folder also holds `backups/`. */
  file: string;
  migrationsDir?: string;
  keepBackups?: number;
  clock?: () => Date;
}

type Listener<E extends keyof Events> = (payload: Events[E]) => void;

export interface Core {
  ctx: CoreContext;
  db: OpenedDatabase;
  /** The command map behind every transport: name and raw args in, a Result out. */
  send(name: string, args: unknown): Promise<Result<unknown>>;
  on<E extends keyof Events>(event: E, listener: Listener<E>): () => void;
  close(): void;
}

/**
 * Opens the store (integrity check, restore from backup, migrations) and wires the command map.
 * Refusals at open (a database from a newer app, one that is corrupt beyond recovery) come back
 * as a Result for the shell to show; nothing is touched in those cases.
 */
export function createCore(opts: CoreOptions): Result<Core> {
  const clock = opts.clock ?? (() => new Date());
  const opened = openDatabase({
    file: opts.file,
    now: clock,
    ...(opts.migrationsDir !== undefined ? { migrationsDir: opts.migrationsDir } : {}),
    ...(opts.keepBackups !== undefined ? { keepBackups: opts.keepBackups } : {}),
  });
  if (!opened.ok) return opened;
  const db = opened.value;
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  const ctx: CoreContext = {
    db: db.db,
    sqlite: db.sqlite,
    clock,
    sessions: new SessionStore(clock),
    openReport: { schemaVersion: db.migrated.to, restored: db.restored },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) (l as Listener<typeof event>)(payload);
    },
  };
  return {
    ok: true,
    value: {
      ctx,
      db,
      send: (name, args) => dispatch(ctx, name, args),
      on(event, listener) {
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener as (payload: never) => void);
        return () => set.delete(listener as (payload: never) => void);
      },
      close() {
        ctx.sessions.clear();
        db.close();
      },
    },
  };
}


import type { Events } from '../../src-shared/api';
import type { Result } from '../../src-shared/errors';
import { openDatabase, type OpenedDatabase } from './db/open';
import { BACKUP_MAX_AGE_HOURS, BackupCheckFailedError, backupIfDue, createBackup, type BackupInfo } from './db/backup';
import { dispatch } from './handlers';
import { getSettings } from './settings/service';
import { SessionStore } from './kiosk/sessions';
import type { CoreContext, CoreHost } from './context';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import { FileTokenStore, type TokenStore } from './sync/token-store';
import { dirname, join } from 'node:path';

export interface CoreOptions {
  /** The SQLite file; its folder also holds `backups/`. */
  file: string;
  migrationsDir?: string;
  keepBackups?: number;
  clock?: () => Date;
  /** Daily backups on a timer (default on; tests that do not test it turn it off). */
  maintenance?: boolean;
  /**
   * The sync loop. The token is kept by `tokenStore` (Electron: safeStorage); the default is a
   * 0600 file `workstation.token` beside the database. `autoStart` (default true) arms the timer;
   * tests that drive attempts themselves turn it off.
   */
  sync?: Partial<SyncEngineOptions> & { tokenStore?: TokenStore; autoStart?: boolean };
  /** The shell's hooks (quit, settings applied, log folder); none under the dev bridge and tests. */
  host?: CoreHost;
}

/** How often the core checks whether the daily backup is due. */
const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

type Listener<E extends keyof Events> = (payload: Events[E]) => void;

export interface Core {
  ctx: CoreContext;
  db: OpenedDatabase;
  /** The command map behind every transport: name and raw args in, a Result out. */
  send(name: string, args: unknown): Promise<Result<unknown>>;
  on<E extends keyof Events>(event: E, listener: Listener<E>): () => void;
  /**
   * Takes the daily backup when the newest one is older than 24 h; returns its file, if any.
   * Never rejects: a failed backup is logged, and one whose copy failed its integrity check also
   * sets `ctx.openReport.integrityWarning` (shown by app-status).
   */
  maintain(): Promise<string | null>;
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
    openReport: { schemaVersion: db.migrated.to, restored: db.restored, integrityWarning: null },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) (l as Listener<typeof event>)(payload);
      // The end of a kiosk session is a good moment to send what the person just recorded.
      if (event === 'session-ended') void ctx.sync.trigger('session-end');
    },
    // Set just below: the engine needs the context it belongs to.
    sync: null as unknown as SyncEngine,
    backup: (o) => backup(o),
    host: opts.host ?? {},
  };
  ctx.sync = new SyncEngine(ctx, {
    ...opts.sync,
    tokenStore: opts.sync?.tokenStore ?? new FileTokenStore(join(dirname(opts.file), 'workstation.token')),
  });
  if (opts.sync?.autoStart !== false) ctx.sync.start();
  let closed = false;
  let running: Promise<BackupInfo | null> | null = null;
  // One copy at a time. A forced one (the operator's "backup now") waits for the copy in flight,
  // then takes its own: that one may have been "not due".
  const backup = ({ force = false } = {}): Promise<BackupInfo | null> => {
    if (closed) return Promise.resolve(null);
    if (running && !force) return running;
    const take = (): Promise<BackupInfo | null> | null => {
      if (closed) return null;
      const keep = getSettings(db.db).backupKeep;
      // The same 24 h as open's rule (open-check.ts): a failed daily backup must leave the newest
      // good copy old enough that the next open runs the full check.
      return force ? createBackup(db, { keep, now: clock }) : backupIfDue(db, { maxAgeHours: BACKUP_MAX_AGE_HOURS, keep, now: clock });
    };
    const current = (running ?? Promise.resolve(null))
      .catch(() => null)
      .then(take)
      .catch((error: unknown) => {
        // A page-for-page copy that fails its check was read from a damaged source: say so.
        if (error instanceof BackupCheckFailedError) {
          ctx.openReport.integrityWarning = `${clock().toISOString()} ${error.message}`;
        }
        throw error;
      });
    running = current;
    const done = () => {
      if (running === current) running = null;
    };
    current.then(done, done);
    return current;
  };
  const maintain = (): Promise<string | null> =>
    backup().then(
      (b) => b?.file ?? null,
      (error: unknown) => {
        // A failed backup must not stop the kiosk; the next check tries again.
        if (!closed) console.error('[core] backup failed', error);
        return null;
      },
    );
  let timer: NodeJS.Timeout | null = null;
  if (opts.maintenance !== false) {
    void maintain();
    timer = setInterval(() => void maintain(), MAINTENANCE_INTERVAL_MS);
    timer.unref();
  }
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
      maintain,
      close() {
        closed = true;
        if (timer) clearInterval(timer);
        ctx.sync.stop();
        ctx.sessions.clear();
        db.close();
      },
    },
  };
}


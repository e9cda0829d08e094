import { DEMO } from '../../../src-shared/demo';
import { loadDemo } from '../../../src-server/admin/demo';
import type { ServerConfig } from '../../../src-server/config';
import type { Database } from '../../../src-server/db/client';
import { auditLog, units } from '../../../src-server/db/schema';
import { readEpoch, startNewEpoch } from '../../../src-server/db/sync-scope';
import { withTransaction } from '../../../src-server/db/transaction';
import { createEnrollmentCode, revokeWorkstation } from '../../../src-server/workstations/service';
import { eq } from 'drizzle-orm';

/**
 * What the fault tests ask of a central server besides its HTTP API: the operator's commands
 * (enroll-code, revoke-workstation, new-epoch) and raw SQL for assertions. The same code serves
 * the child-process server (over IPC) and the in-process one.
 */

/** The default server clock start: Wednesday 09:00 in Jakarta, as in the server tests. */
export const TEST_NOW_ISO = '2026-11-25T02:00:00.000Z';

/**
 * A running clock: `baseIso` at wall time `baseRealMs`, then real time passes. Plain data, so the
 * parent can hand it to a restarted child and the server's time continues rather than jumping back.
 */
export interface ClockState {
  baseIso: string;
  baseRealMs: number;
}

export const clockAt = (iso: string): ClockState => ({ baseIso: new Date(iso).toISOString(), baseRealMs: Date.now() });

export const clockNow = (c: ClockState): Date => new Date(Date.parse(c.baseIso) + (Date.now() - c.baseRealMs));

export interface AdminOps {
  /** A single-use enrollment code for the unit (default: the demo unit). */
  enrollCode(unitCode?: string): Promise<string>;
  revoke(workstationId: string): Promise<{ revoked: boolean }>;
  /** Raw SQL with $1… parameters; rows as the PGlite driver parses them (timestamps are Dates). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** As `npm run server -- new-epoch`, after restoring a backup. */
  newEpoch(): Promise<{ previous: string; epoch: string }>;
}

interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function adminOps(database: Database, now: () => Date): AdminOps {
  // Both drivers (PGlite, a pg Pool) answer query(text, params) with {rows}.
  const raw = (database.db as unknown as { $client: RawClient }).$client;
  return {
    async enrollCode(unitCode = DEMO.unit.code) {
      return (await createEnrollmentCode(database.db, unitCode, now())).code;
    },
    revoke: (workstationId) => revokeWorkstation(database.db, workstationId, now()),
    async query<T>(text: string, params: unknown[] = []) {
      return (await raw.query(text, params)).rows as T[];
    },
    newEpoch: () =>
      withTransaction(database.db, async (tx) => {
        const previous = await readEpoch(tx);
        const epoch = await startNewEpoch(tx);
        await tx.insert(auditLog).values({ at: now(), action: 'server.new_epoch', entityType: 'server', detail: { previous, epoch } });
        return { previous, epoch };
      }),
  };
}

/** Loads the demo data set unless the folder already holds it (a restart, a restored backup). */
export async function ensureDemo(database: Database, now: Date): Promise<void> {
  const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.id, DEMO.unit.id));
  if (!unit) await loadDemo(database.db, now);
}

/** A central server under test, in this process or a child: the same interface for both. */
export interface FaultServer extends AdminOps {
  /** e.g. http://127.0.0.1:41234 (changes when a child restarts on another port). */
  readonly url: string;
  /** The server's current time (its clock runs from the start set by `now`/setClock). */
  now(): Date;
  /** Moves the server's clock to `iso`; it runs on from there. */
  setClock(iso: string): Promise<void>;
  /** Graceful stop: requests in flight finish, the database is closed. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Load the demo data set (default true) on first start. */
  demo?: boolean;
  /** Start of the server clock (default TEST_NOW_ISO). */
  now?: string;
  /** Overrides of the test configuration (e.g. bodyLimit, pushPerMinute, logLevel). */
  config?: Partial<ServerConfig>;
}

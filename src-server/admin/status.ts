import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, queryRows, type Db } from '../db/client';
import { employees, mutationResults, syncClients, syncCounters, units, workstations } from '../db/schema';
import { currentVersions, GLOBAL_SCOPE, readEpoch } from '../db/sync-scope';

/**
 * What the IT operator checks on the server (`npm run server -- status`). The server cannot see
 * a workstation's outbox, so its side of the backlog is the time since each workstation last
 * called: one silent for more than a day is flagged as possibly offline, and its unsent work waits
 * on that PC.
 */
export const OFFLINE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface MigrationState {
  /** Migrations shipped with this server (migrations/server/meta/_journal.json). */
  known: number;
  latest: string | null;
  /** Migrations recorded as applied in this database. */
  applied: number;
}

export interface WorkstationStatus {
  id: string;
  name: string;
  unitCode: string;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  clientId: string;
  /** Highest mutation seq the server processed for the workstation's client. */
  lastSeq: number | null;
  mutationsLast24h: number;
  /** Since the last call (or since enrollment when it never called); null when revoked. */
  silentForMs: number | null;
  possiblyOffline: boolean;
}

export interface ServerStatus {
  database: string;
  epoch: string;
  checkedAt: string;
  migrations: MigrationState;
  /** The version counter of the city-wide scope (catalog, holidays). */
  globalVersion: number;
  units: { code: string; name: string; version: number; employees: number; workstations: number }[];
  workstations: WorkstationStatus[];
  mutationsLast24h: { applied: number; rejected: number; conflict: number; total: number };
}

export async function readMigrationState(db: Db, folder = MIGRATIONS_DIR): Promise<MigrationState> {
  const journal = JSON.parse(await readFile(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const rows = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from drizzle.__drizzle_migrations`).catch(() => [{ n: 0 }]);
  return { known: journal.entries.length, latest: journal.entries.at(-1)?.tag ?? null, applied: Number(rows[0]?.n ?? 0) };
}

export async function readStatus(db: Db, database: string, now: Date): Promise<ServerStatus> {
  const since = new Date(now.getTime() - OFFLINE_AFTER_MS);
  const unitRows = await db
    .select({ id: units.id, code: units.code, name: units.name, version: syncCounters.version })
    .from(units)
    .leftJoin(syncCounters, eq(syncCounters.scope, sql`${units.id}::text`))
    .where(eq(units.deleted, false))
    .orderBy(units.code);
  const staff = await db
    .select({ unitId: employees.unitId, n: count() })
    .from(employees)
    .where(and(eq(employees.deleted, false), eq(employees.active, true)))
    .groupBy(employees.unitId);
  const staffOf = new Map(staff.map((s) => [s.unitId, Number(s.n)]));

  const wsRows = await db
    .select({
      id: workstations.id,
      name: workstations.name,
      unitId: workstations.unitId,
      unitCode: units.code,
      enrolledAt: workstations.enrolledAt,
      lastSeenAt: workstations.lastSeenAt,
      revokedAt: workstations.revokedAt,
      clientId: workstations.clientId,
      lastSeq: syncClients.lastSeq,
    })
    .from(workstations)
    .innerJoin(units, eq(units.id, workstations.unitId))
    // After a re-enrollment the client belongs to the new workstation only.
    .leftJoin(syncClients, and(eq(syncClients.clientId, workstations.clientId), eq(syncClients.workstationId, workstations.id)))
    .orderBy(units.code, workstations.name);

  const recent = await db
    .select({ clientId: mutationResults.clientId, status: mutationResults.status, n: count() })
    .from(mutationResults)
    .where(gt(mutationResults.processedAt, since))
    .groupBy(mutationResults.clientId, mutationResults.status);
  const totals = { applied: 0, rejected: 0, conflict: 0, total: 0 };
  const perClient = new Map<string, number>();
  for (const r of recent) {
    const n = Number(r.n);
    if (r.status === 'applied' || r.status === 'rejected' || r.status === 'conflict') totals[r.status] += n;
    totals.total += n;
    perClient.set(r.clientId, (perClient.get(r.clientId) ?? 0) + n);
  }

  const list: WorkstationStatus[] = wsRows.map((w) => {
    const bound = w.lastSeq !== null;
    const silentForMs = w.revokedAt ? null : now.getTime() - (w.lastSeenAt ?? w.enrolledAt).getTime();
    return {
      id: w.id,
      name: w.name,
      unitCode: w.unitCode,
      enrolledAt: w.enrolledAt.toISOString(),
      lastSeenAt: w.lastSeenAt?.toISOString() ?? null,
      revokedAt: w.revokedAt?.toISOString() ?? null,
      clientId: w.clientId,
      lastSeq: w.lastSeq === null ? null : Number(w.lastSeq),
      mutationsLast24h: bound ? (perClient.get(w.clientId) ?? 0) : 0,
      silentForMs,
      possiblyOffline: silentForMs !== null && silentForMs > OFFLINE_AFTER_MS,
    };
  });
  const activeWs = new Map<string, number>();
  for (const w of wsRows) if (!w.revokedAt) activeWs.set(w.unitId, (activeWs.get(w.unitId) ?? 0) + 1);

  return {
    database,
    epoch: await readEpoch(db),
    checkedAt: now.toISOString(),
    migrations: await readMigrationState(db),
    globalVersion: (await currentVersions(db, [GLOBAL_SCOPE])).get(GLOBAL_SCOPE) ?? 0,
    units: unitRows.map((u) => ({
      code: u.code,
      name: u.name,
      version: Number(u.version ?? 0),
      employees: staffOf.get(u.id) ?? 0,
      workstations: activeWs.get(u.id) ?? 0,
    })),
    workstations: list,
    mutationsLast24h: totals,
  };
}

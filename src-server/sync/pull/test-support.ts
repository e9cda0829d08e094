import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import { PullResultSchema, type PullResult, type SyncTable } from '../../../src-shared/protocol';
import { SYNC_ROW_SCHEMAS } from '../../../src-shared/sync-rows';
import type { Db } from '../../db/client';
import { entries } from '../../db/schema';
import { nextVersion } from '../../db/sync-scope';
import type { EnrolledWorkstation, TestServer } from '../../test-support';

/**
 * Helpers for the pull tests: entries written the way the push side writes them (one transaction,
 * one new version of the unit's counter), and a client that pulls and applies pages like a
 * workstation does, so tests compare what a workstation ends up holding.
 */
export type EntrySeed = Partial<typeof entries.$inferInsert> & { employeeId: string };

export function entryValues(seed: EntrySeed, unitId: string, version: number, now: Date): typeof entries.$inferInsert {
  return {
    id: crypto.randomUUID(),
    unitId,
    workDate: '2026-11-24',
    startTime: '08:00',
    endTime: '09:00',
    minutes: 60,
    creditedMinutes: 60,
    activityId: DEMO.catalog[0]!.id,
    volume: 1,
    outputUnit: DEMO.catalog[0]!.outputUnit,
    description: 'Menyusun konsep laporan kegiatan',
    status: 'submitted',
    createdAt: now,
    updatedAt: now,
    receivedAt: now,
    ...seed,
    version,
  };
}

/** Inserts entries in one transaction under one new version of the unit; answers their ids and the version. */
export async function insertEntries(db: Db, unitId: string, seeds: EntrySeed[], now: Date): Promise<{ ids: string[]; version: number }> {
  return db.transaction(async (tx) => {
    const version = await nextVersion(tx, unitId);
    const rows = seeds.map((s) => entryValues(s, unitId, version, now));
    await tx.insert(entries).values(rows);
    return { ids: rows.map((r) => r.id!), version };
  });
}

/** Changes an entry under a new version of its unit (a review, an edit, or `{deleted: true}`). */
export async function changeEntry(db: Db, unitId: string, id: string, changes: Partial<typeof entries.$inferInsert>, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const version = await nextVersion(tx, unitId);
    await tx.update(entries).set({ ...changes, updatedAt: now, receivedAt: now, version }).where(eq(entries.id, id));
    return version;
  });
}

export async function pullPage(
  server: TestServer,
  ws: EnrolledWorkstation,
  cursor: string | null,
  limit?: number,
): Promise<PullResult> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/sync/pull',
    headers: ws.auth,
    payload: { protocol: 1, clientId: ws.clientId, cursor, ...(limit === undefined ? {} : { limit }) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return PullResultSchema.parse(res.json());
}

export const GLOBAL_TABLES: readonly SyncTable[] = ['catalog', 'holidays'];
export const scopeOf = (table: SyncTable): 'global' | 'unit' => (GLOBAL_TABLES.includes(table) ? 'global' : 'unit');

/** Every put row passes its table's schema exactly (nothing added, nothing dropped) and is filed under its key. */
export function expectValidRows(page: PullResult): void {
  for (const c of page.changes) {
    if (c.op === 'delete') {
      expect(c.row).toBeNull();
      continue;
    }
    const parsed = SYNC_ROW_SCHEMAS[c.table].safeParse(c.row);
    expect(parsed.success, `${c.table} ${c.id}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
    expect(parsed.data).toEqual(c.row);
  }
}

/** What a workstation holds after applying pages: `table:id` → row, cleared on reset. */
export class Replica {
  readonly rows = new Map<string, Record<string, unknown>>();
  cursor: string | null = null;
  readonly pages: PullResult[] = [];

  apply(page: PullResult): void {
    if (page.reset) this.rows.clear();
    for (const c of page.changes) {
      const key = `${c.table}:${c.id}`;
      if (c.op === 'put') this.rows.set(key, c.row!);
      else this.rows.delete(key);
    }
    this.cursor = page.cursor;
    this.pages.push(page);
  }

  /** Pulls until hasMore is false; `between` runs between pages (to write while paging). */
  async sync(server: TestServer, ws: EnrolledWorkstation, limit?: number, between?: (pageIndex: number) => Promise<void>): Promise<PullResult[]> {
    const pages: PullResult[] = [];
    for (let i = 0; ; i++) {
      if (i > 1000) throw new Error('pull never finished');
      const page = await pullPage(server, ws, this.cursor, limit);
      this.apply(page);
      pages.push(page);
      if (!page.hasMore) return pages;
      if (between) await between(i);
    }
  }

  count(table: SyncTable): number {
    return [...this.rows.keys()].filter((k) => k.startsWith(`${table}:`)).length;
  }
}

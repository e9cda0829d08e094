import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS as E } from '../../src-shared/demo';
import type { Db } from '../db/client';
import { mutationResults, syncClients, workstations } from '../db/schema';
import { makeTestDatabase, TEST_NOW } from '../test-support';
import { createEnrollmentCode, enroll, revokeWorkstation } from '../workstations/service';
import { readStatus, type ServerStatus } from './status';

/** What migrations/server holds: every one must be applied. */
const JOURNAL = JSON.parse(readFileSync(new URL('../../migrations/server/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
const MIGRATIONS = { count: JOURNAL.entries.length, latest: JOURNAL.entries.at(-1)!.tag };


const MIN = 60_000;
const HOUR = 60 * MIN;
const ago = (ms: number) => new Date(TEST_NOW.getTime() - ms);

let db: Db;
let close: () => Promise<void>;
let status: ServerStatus;
const ids: Record<string, string> = {};

async function enrollAt(name: string, at: Date, lastSeenAt: Date | null): Promise<{ workstationId: string; clientId: string }> {
  const { code } = await createEnrollmentCode(db, DEMO.unit.code, at);
  const clientId = crypto.randomUUID();
  const { workstationId } = await enroll(db, { enrollmentCode: code, name, clientId }, at);
  await db.update(workstations).set({ lastSeenAt }).where(eq(workstations.id, workstationId));
  ids[name] = workstationId;
  return { workstationId, clientId };
}

beforeAll(async () => {
  const database = await makeTestDatabase({ demo: true });
  db = database.db;
  close = () => database.close();
  const front = await enrollAt('PC Front Office', ago(10 * 24 * HOUR), ago(5 * MIN));
  await enrollAt('PC Ruang Rapat', ago(10 * 24 * HOUR), ago(3 * 24 * HOUR));
  await enrollAt('PC Baru', ago(2 * 24 * HOUR), null);
  const old = await enrollAt('PC Lama', ago(30 * 24 * HOUR), ago(20 * 24 * HOUR));
  await revokeWorkstation(db, old.workstationId, ago(19 * 24 * HOUR));

  await db.update(syncClients).set({ lastSeq: 12 }).where(eq(syncClients.clientId, front.clientId));
  const result = (seq: number, status: string, processedAt: Date) => ({
    mutationId: crypto.randomUUID(),
    clientId: front.clientId,
    seq,
    name: 'entry.create@1',
    actorId: E.siti,
    contentHash: 'x'.repeat(64),
    status,
    processedAt,
  });
  await db.insert(mutationResults).values([result(9, 'applied', ago(30 * HOUR)), result(10, 'applied', ago(2 * HOUR)), result(11, 'applied', ago(HOUR)), result(12, 'rejected', ago(MIN))]);
  status = await readStatus(db, 'PGlite (test)', TEST_NOW);
});
afterAll(() => close());

describe('status', () => {
  it('describes the database, its epoch, migrations and the version of each scope', () => {
    expect(status).toMatchObject({ database: 'PGlite (test)', checkedAt: TEST_NOW.toISOString(), migrations: { applied: MIGRATIONS.count, known: MIGRATIONS.count } });
    expect(status.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.migrations.latest).toBe(MIGRATIONS.latest);
    expect(status.globalVersion).toBeGreaterThan(0);
    expect(status.units).toEqual([{ code: DEMO.unit.code, name: DEMO.unit.name, version: expect.any(Number), employees: DEMO.employees.length, workstations: 3 }]);
    expect(status.units[0]!.version).toBeGreaterThan(0);
  });

  it('lists each workstation with its last seq, recent mutations and how long it has been silent', () => {
    const byName = Object.fromEntries(status.workstations.map((w) => [w.name, w]));
    expect(byName['PC Front Office']).toMatchObject({ id: ids['PC Front Office'], unitCode: 'SETDA-ORG', lastSeq: 12, mutationsLast24h: 3, silentForMs: 5 * MIN, possiblyOffline: false });
    expect(byName['PC Ruang Rapat']).toMatchObject({ lastSeq: 0, mutationsLast24h: 0, silentForMs: 3 * 24 * HOUR, possiblyOffline: true });
    expect(byName['PC Baru']).toMatchObject({ lastSeenAt: null, silentForMs: 2 * 24 * HOUR, possiblyOffline: true });
    expect(byName['PC Lama']).toMatchObject({ revokedAt: ago(19 * 24 * HOUR).toISOString(), silentForMs: null, possiblyOffline: false });
  });

  it('counts the mutations processed in the last 24 hours by outcome', () => {
    expect(status.mutationsLast24h).toEqual({ applied: 2, rejected: 1, conflict: 0, total: 3 });
  });
});

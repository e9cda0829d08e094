import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import { PolicySchema } from '../../../src-shared/domain/policy';
import type { PullResult } from '../../../src-shared/protocol';
import { syncRowId, type SyncRows } from '../../../src-shared/sync-rows';
import { syncClients } from '../../db/schema';
import { isPinHash } from '../../employees/pin';
import { writeReference } from '../../reference/write';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { changeEntry, expectValidRows, insertEntries, pullPage, Replica, scopeOf } from './test-support';

const E = DEMO.employees;

describe('first pull of the demo unit (happy path)', () => {
  let server: TestServer;
  let ws: EnrolledWorkstation;
  let first: PullResult;
  beforeAll(async () => {
    server = await makeTestServer();
    ws = await enrollTestWorkstation(server);
    first = await pullPage(server, ws, null);
  });
  afterAll(() => server.close());

  it('sends the unit, its roster with PIN hashes, policy, RHK, absences, the catalog and holidays', () => {
    const count = (table: string) => first.changes.filter((c) => c.table === table).length;
    expect({
      units: count('units'),
      employees: count('employees'),
      catalog: count('catalog'),
      holidays: count('holidays'),
      policies: count('policies'),
      rhk: count('rhk'),
      absences: count('absences'),
      entries: count('entries'),
    }).toEqual({ units: 1, employees: 17, catalog: 42, holidays: DEMO.holidays.length, policies: 1, rhk: DEMO.rhk.length, absences: DEMO.absences.length, entries: 0 });
    expect(first).toMatchObject({ hasMore: false, reset: false, lastProcessedSeq: 0 });
    expect(first.changes.every((c) => c.op === 'put')).toBe(true);
  });

  it('sends rows that pass the shared row schemas exactly, each under its key', () => {
    expectValidRows(first);
    for (const c of first.changes) expect(syncRowId(c.table, c.row as never)).toBe(c.id);
    const unit = first.changes.find((c) => c.table === 'units')!;
    expect(unit.row).toEqual(DEMO.unit);
    const holiday = first.changes.find((c) => c.table === 'holidays')!;
    expect(holiday.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('sends what the kiosk needs offline: PIN hashes, the must-change flag and the policy with defaults', () => {
    const employees = first.changes.filter((c) => c.table === 'employees').map((c) => c.row as SyncRows['employees']);
    expect(employees.every((e) => e.pinHash !== null && isPinHash(e.pinHash))).toBe(true);
    const mustChange = employees.filter((e) => e.mustChangePin).map((e) => e.id);
    expect(mustChange).toEqual(E.filter((e) => DEMO.pins[e.id]!.mustChangePin).map((e) => e.id));
    const policy = first.changes.find((c) => c.table === 'policies')!;
    expect(policy.id).toBe(DEMO.unit.id);
    expect(policy.row).toEqual({ unitId: DEMO.unit.id, policy: PolicySchema.parse(DEMO.policy) });
  });

  it('sends the city-wide tables first, so activities arrive before entries that name them', () => {
    const scopes = first.changes.map((c) => scopeOf(c.table));
    expect(scopes.lastIndexOf('global')).toBeLessThan(scopes.indexOf('unit'));
  });

  it('answers nothing new from the cursor it handed out', async () => {
    const again = await pullPage(server, ws, first.cursor);
    expect(again).toMatchObject({ changes: [], hasMore: false, reset: false });
    expect((await pullPage(server, ws, again.cursor)).changes).toEqual([]);
  });
});

describe('paging (happy path)', () => {
  let server: TestServer;
  let ws: EnrolledWorkstation;
  let full: Replica;
  beforeAll(async () => {
    server = await makeTestServer();
    ws = await enrollTestWorkstation(server);
    const now = server.clock.now;
    // Versions of many sizes in the unit, one change and one delete of earlier rows, and a second global version.
    const ids: string[] = [];
    for (const [i, size] of [1, 3, 5, 2, 8, 1, 1, 4, 6, 2, 3, 1].entries()) {
      const seeds = Array.from({ length: size }, (_, k) => ({ employeeId: E[(i + k) % E.length]!.id, workDate: `2026-11-${String(2 + i).padStart(2, '0')}` }));
      ids.push(...(await insertEntries(server.db, DEMO.unit.id, seeds, now)).ids);
    }
    await changeEntry(server.db, DEMO.unit.id, ids[0]!, { status: 'approved', rev: 2, reviewerId: E[1]!.id, reviewedAt: now }, now);
    await changeEntry(server.db, DEMO.unit.id, ids[1]!, { deleted: true }, now);
    await server.db.transaction((tx) =>
      writeReference(tx, { holidays: [{ date: '2027-01-01', name: 'Tahun Baru 2027', kind: 'libur_nasional' }], employees: [{ ...E[5]!, name: 'Siti (berganti nama)' }] }, now),
    );
    full = new Replica();
    await full.sync(server, ws, 5000);
  });
  afterAll(() => server.close());

  it('sends everything in one page when the limit allows', () => {
    expect(full.pages).toHaveLength(1);
    expect(full.count('entries')).toBe(36);
    expect(full.count('holidays')).toBe(DEMO.holidays.length + 1);
    expect(full.rows.has(`entries:${full.pages[0]!.changes.find((c) => c.table === 'entries')!.id}`)).toBe(true);
    expectValidRows(full.pages[0]!);
  });

  it.each([1, 2, 5, 7, 13, 64, 200])('walks everything exactly once in whole versions with limit %i', async (limit) => {
    const replica = new Replica();
    const pages = await replica.sync(server, ws, limit);
    expect(replica.rows).toEqual(full.rows);

    const seen = new Set<string>();
    const pageOfVersion = new Map<string, number>();
    pages.forEach((page, index) => {
      expectValidRows(page);
      expect(page.hasMore).toBe(index < pages.length - 1);
      const versions = new Set(page.changes.map((c) => `${scopeOf(c.table)}:${c.version}`));
      // Over the limit only when one version alone is larger than the limit.
      if (page.changes.length > limit) expect(versions.size).toBe(1);
      for (const v of versions) {
        expect(pageOfVersion.has(v), `version ${v} split across pages`).toBe(false);
        pageOfVersion.set(v, index);
      }
      for (const c of page.changes) {
        const key = `${c.table}:${c.id}`;
        expect(seen.has(key), `${key} sent twice`).toBe(false);
        seen.add(key);
      }
    });
    expect((await pullPage(server, ws, replica.cursor, limit)).changes).toEqual([]);
  });

  it('sends a version larger than the limit whole, alone on its page', async () => {
    const page = await pullPage(server, ws, null, 3);
    // The demo load wrote the catalog and holidays as one global version.
    expect(page.changes.length).toBe(DEMO.catalog.length + DEMO.holidays.length);
    expect(new Set(page.changes.map((c) => c.version)).size).toBe(1);
    expect(page.hasMore).toBe(true);
  });
});

describe('incremental pulls (happy path)', () => {
  let server: TestServer;
  let ws: EnrolledWorkstation;
  let replica: Replica;
  const unitId = DEMO.unit.id;
  beforeAll(async () => {
    server = await makeTestServer();
    ws = await enrollTestWorkstation(server);
    replica = new Replica();
    await replica.sync(server, ws);
  });
  afterAll(() => server.close());

  const next = async () => {
    const page = await pullPage(server, ws, replica.cursor);
    replica.apply(page);
    expectValidRows(page);
    return page;
  };
  let entryId: string;

  it('sends a new entry alone, with its version', async () => {
    const { ids, version } = await insertEntries(server.db, unitId, [{ employeeId: E[4]!.id, description: 'Rapat koordinasi anjab' }], server.clock.now);
    entryId = ids[0]!;
    const page = await next();
    expect(page.changes).toEqual([{ table: 'entries', id: entryId, op: 'put', row: expect.objectContaining({ description: 'Rapat koordinasi anjab', rev: 1 }), version }]);
    expect(page).toMatchObject({ hasMore: false, reset: false });
    expect((await next()).changes).toEqual([]);
  });

  it('sends a review as a put with the new revision and the reviewer', async () => {
    const reviewedAt = new Date('2026-11-25T03:00:00Z');
    await changeEntry(server.db, unitId, entryId, { status: 'returned', rev: 2, reviewerId: E[1]!.id, reviewNote: 'Lengkapi uraian', reviewedAt }, server.clock.now);
    const page = await next();
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]!.row).toMatchObject({ status: 'returned', rev: 2, reviewerId: E[1]!.id, reviewNote: 'Lengkapi uraian', reviewedAt: reviewedAt.toISOString() });
  });

  it('sends a soft delete as op delete without a row', async () => {
    const version = await changeEntry(server.db, unitId, entryId, { deleted: true }, server.clock.now);
    const page = await next();
    expect(page.changes).toEqual([{ table: 'entries', id: entryId, op: 'delete', row: null, version }]);
    expect(replica.rows.has(`entries:${entryId}`)).toBe(false);
  });

  it('sends a roster change and a new holiday, and nothing that did not change', async () => {
    await server.db.transaction((tx) =>
      writeReference(
        tx,
        { employees: [{ ...E[6]!, positionTitle: 'Analis SDM Aparatur' }, E[7]!], holidays: [{ date: '2026-12-31', name: 'Cuti bersama', kind: 'cuti_bersama' }] },
        server.clock.now,
      ),
    );
    const page = await next();
    expect(page.changes.map((c) => [c.table, c.id])).toEqual([
      ['holidays', '2026-12-31'],
      ['employees', E[6]!.id],
    ]);
    expect(page.changes[1]!.row).toMatchObject({ positionTitle: 'Analis SDM Aparatur', pinHash: expect.stringMatching(/^scrypt\$/) });
  });

  it('reports the last processed seq of the client', async () => {
    await server.db.update(syncClients).set({ lastSeq: 42 }).where(eq(syncClients.clientId, ws.clientId));
    expect((await next()).lastProcessedSeq).toBe(42);
  });

  it('sends entries of the current and previous two months only, in the unit time zone', async () => {
    const now = server.clock.now; // 2026-11-25 in Jakarta: the window starts on 1 September
    const old = await insertEntries(server.db, unitId, [{ employeeId: E[4]!.id, workDate: '2026-08-31' }], now);
    const inside = await insertEntries(server.db, unitId, [{ employeeId: E[4]!.id, workDate: '2026-09-01' }], now);
    const page = await next();
    expect(page.changes.map((c) => c.id)).toEqual(inside.ids);
    expect(replica.rows.has(`entries:${old.ids[0]}`)).toBe(false);

    // 30 November 17:30 UTC is already 1 December in Jakarta: September leaves the window.
    server.clock.now = new Date('2026-11-30T17:30:00Z');
    const october = await insertEntries(server.db, unitId, [{ employeeId: E[4]!.id, workDate: '2026-10-01' }], now);
    const fresh = new Replica();
    await fresh.sync(server, ws);
    const entryIds = [...fresh.rows.keys()].filter((k) => k.startsWith('entries:'));
    expect(entryIds).toEqual([`entries:${october.ids[0]}`]);
    server.clock.now = now;
  });
});

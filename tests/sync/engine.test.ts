import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO, DEMO_PEOPLE, DEMO_PIN } from '../../src-shared/demo';
import { makeTestCore, type TestCore } from '../../src-main/core/test-support';
import { makeTestServer, type TestServer } from '../../src-server/test-support';
import { createEnrollmentCode } from '../../src-server/workstations/service';
import { queryRows } from '../../src-server/db/client';
import { writeReference } from '../../src-server/reference/write';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTokenStore } from '../../src-main/core/sync/token-store';

/** The sync engine against the real central server (PGlite, in process), end to end over HTTP. */
let server: TestServer;
let url: string;
const cores: TestCore[] = [];

beforeEach(async () => {
  server = await makeTestServer({ config: { logLevel: 'error' } });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const c of cores.splice(0)) c.close();
  await server.close();
});

async function workstation(name: string): Promise<TestCore> {
  const t = await makeTestCore({ seed: false });
  cores.push(t);
  const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
  const r = await t.call('workstation-enroll', { serverUrl: url, enrollmentCode: code, name });
  expect(r.status).toMatchObject({ enrolled: true, blocked: null, pending: 0, lastError: null });
  return t;
}

const entry = { workDate: '2026-11-25', startTime: '08:00', endTime: '09:30', activityId: DEMO.catalog[0]!.id, volume: 1, description: 'Menyusun laporan kepegawaian bulanan' };

describe('a workstation enrolled with the central server', () => {
  it('gets its unit from the first pull: the staff list, PIN logins, the catalog', async () => {
    const a = await workstation('PC Depan');
    const list = await a.call('kiosk-staff-list', {});
    expect(list.staff.map((s) => s.id).sort()).toEqual(DEMO.employees.filter((e) => e.active).map((e) => e.id).sort());
    const token = await a.login(DEMO_PEOPLE.staff[0]);
    const found = await a.call('catalog-search', { query: DEMO.catalog[0]!.name.slice(0, 8) }, token);
    expect(found.items.length).toBeGreaterThan(0);
  });

  it("sends an entry exactly once and shows it on a colleague's workstation", async () => {
    const a = await workstation('PC Depan');
    const b = await workstation('PC Belakang');
    const siti = await a.login(DEMO_PEOPLE.staff[0]);
    const made = await a.call('entry-create', { ...entry, submit: true }, siti);
    expect(made.entry.pending).toBe(true);
    const sent = await a.call('sync-now', {});
    expect(sent).toMatchObject({ outcome: 'ok', pushed: 1, applied: 1, refused: 0, status: { pending: 0 } });
    await a.call('sync-now', {});
    const rows = await queryRows<{ n: number }>(server.db, sql`select count(*)::int as n from entries where id = ${made.entry.id}`);
    expect(rows[0]!.n).toBe(1);

    await b.call('sync-now', {});
    const ahmad = await b.login(DEMO_PEOPLE.supervisors[0]);
    const seen = await b.call('entry-list', { employeeId: DEMO_PEOPLE.staff[0], month: '2026-11' }, ahmad);
    expect(seen.entries.map((e) => [e.id, e.status, e.pending])).toEqual([[made.entry.id, 'submitted', false]]);
  });

  it("restores the server's version and tells the owner when another PC changed the entry first", async () => {
    const a = await workstation('PC Depan');
    const b = await workstation('PC Belakang');
    const onA = await a.login(DEMO_PEOPLE.staff[0]);
    const made = await a.call('entry-create', entry, onA);
    await a.call('sync-now', {});
    await b.call('sync-now', {});
    // Siti changes the same draft on both PCs before either has synced again.
    const onB = await b.login(DEMO_PEOPLE.staff[0]);
    await b.call('entry-update', { entryId: made.entry.id, rev: 1, changes: { volume: 3 } }, onB);
    await a.call('entry-update', { entryId: made.entry.id, rev: 1, changes: { volume: 2 } }, onA);
    expect(await b.call('sync-now', {})).toMatchObject({ outcome: 'ok', applied: 1 });
    expect(await a.call('sync-now', {})).toMatchObject({ outcome: 'ok', refused: 1 });
    const [shown] = (await a.call('entry-list', { month: '2026-11' }, onA)).entries;
    expect(shown).toMatchObject({ volume: 3, rev: 2, pending: false, syncCode: 'STALE_REVISION' });
    expect(shown!.syncMessage).toContain('komputer lain');
    // Siti sees it right after her next login on that PC.
    const again = await a.call('kiosk-login', { nip: DEMO.employees.find((e) => e.id === DEMO_PEOPLE.staff[0])!.nip, pin: DEMO_PIN });
    expect(again.syncNotices).toEqual([expect.objectContaining({ entryId: made.entry.id, code: 'STALE_REVISION', workDate: '2026-11-25' })]);
    const onA2 = again.token;
    // The note stays until Siti acts on the entry; then it is gone.
    const fixed = await a.call('entry-update', { entryId: made.entry.id, rev: 2, changes: { volume: 2 } }, onA2);
    expect(fixed.entry).toMatchObject({ syncCode: null, rev: 3, pending: true });
    expect(await a.call('sync-now', {})).toMatchObject({ outcome: 'ok', applied: 1, refused: 0 });
  });

  it('keeps a refused new entry on the PC as a draft the owner can fix and send again', async () => {
    const a = await workstation('PC Depan');
    const siti = await a.login(DEMO_PEOPLE.staff[0]);
    // The same slot recorded on another PC first: the server takes both but flags the overlap;
    // a create the server refuses outright is one for a day the server's rules close meanwhile.
    const made = await a.call('entry-create', { ...entry, submit: true }, siti);
    // Meanwhile the personnel office recorded sick leave for Siti that day; this PC has not heard.
    await server.db.transaction((tx) =>
      writeReference(tx, { absences: [{ id: randomUUID(), employeeId: DEMO_PEOPLE.staff[0], date: entry.workDate, kind: 'sakit', note: null }] }, server.clock.now),
    );
    expect(await a.call('sync-now', {})).toMatchObject({ outcome: 'ok', refused: 1 });
    const [shown] = (await a.call('entry-list', { month: '2026-11' }, siti)).entries;
    expect(shown).toMatchObject({ id: made.entry.id, status: 'draft', pending: false, syncCode: 'NOT_WORKING_DAY' });
    expect(shown!.syncMessage).toContain('Perbaiki lalu kirim lagi');
    // Moved to the next day, it is sent again as a new entry and accepted.
    a.setNow('2026-11-26T02:00:00Z');
    const nextDay = await a.login(DEMO_PEOPLE.staff[0]);
    const again = await a.call('entry-update', { entryId: made.entry.id, rev: shown!.rev, changes: { workDate: '2026-11-26' } }, nextDay);
    expect(again.entry).toMatchObject({ rev: 1, pending: true, syncCode: null });
    server.clock.now = new Date('2026-11-26T02:00:00Z');
    expect(await a.call('sync-now', {})).toMatchObject({ outcome: 'ok', applied: 1, refused: 0 });
    const rows = await queryRows<{ work_date: string; rev: number }>(server.db, sql`select work_date::text, rev from entries where id = ${made.entry.id}`);
    expect(rows).toEqual([{ work_date: '2026-11-26', rev: 1 }]);
  });
});

describe('a workstation database restored from an older copy', () => {
  it('is detected by the server, stops pushing with its outbox kept, and drains after re-enrollment under a new client id', async () => {
    const a = await workstation('PC Depan');
    const siti = await a.login(DEMO_PEOPLE.staff[0]);
    const at = (start: string, end: string) => ({ ...entry, startTime: start, endTime: end });
    const e1 = (await a.call('entry-create', at('08:00', '09:00'), siti)).entry.id;
    await a.call('sync-now', {});
    const e2 = (await a.call('entry-create', at('09:00', '10:00'), siti)).entry.id;
    // The PC's disk is copied now (e2 still waiting), and work goes on.
    const copyDir = mkdtempSync(join(tmpdir(), 'kk-restored-'));
    await a.core.ctx.sqlite.backup(join(copyDir, 'kinerja.sqlite'));
    await a.call('sync-now', {});
    await a.call('entry-create', at('10:00', '11:00'), siti);
    expect(await a.call('sync-now', {})).toMatchObject({ outcome: 'ok', applied: 1 });
    const token = a.core.ctx.sync.tokenStore.read()!;
    const clientBefore = (await a.call('app-status', {})).clientId;
    a.close();
    cores.splice(cores.indexOf(a), 1);

    // The older copy is put back on the PC (same token file) and someone records more work.
    const tokens = new MemoryTokenStore();
    tokens.write(token);
    const r = await makeTestCore({ seed: false, dir: copyDir, sync: { tokenStore: tokens } });
    cores.push(r);
    const siti2 = await r.login(DEMO_PEOPLE.staff[0]);
    const e4 = (await r.call('entry-create', at('13:00', '14:00'), siti2)).entry.id;
    const refused = await r.call('sync-now', {});
    expect(refused).toMatchObject({ outcome: 'blocked', error: { code: 'REENROLL_REQUIRED' }, status: { blocked: 'reenroll', pending: 2 } });
    // It does not keep trying on its own.
    expect((await r.core.ctx.sync.trigger('timer')).outcome).toMatchObject({ kind: 'blocked', reason: 'reenroll' });

    // The operator enrolls it again: a new client id, the waiting mutations renumbered from 1.
    const operator = await r.login(DEMO_PEOPLE.operator);
    const { code } = await createEnrollmentCode(server.db, DEMO.unit.code, server.clock.now);
    const again = await r.call('workstation-enroll', { serverUrl: url, enrollmentCode: code, name: 'PC Depan (dipulihkan)' }, operator);
    expect(again.status).toMatchObject({ blocked: null, pending: 0 });
    expect((await r.call('app-status', {})).clientId).not.toBe(clientBefore);
    const onServer = await queryRows<{ id: string }>(server.db, sql`select id from entries where employee_id = ${DEMO_PEOPLE.staff[0]} and not deleted order by start_time`);
    expect(onServer.map((x) => x.id)).toEqual([e1, e2, expect.any(String), e4]);
    const mine = (await r.call('entry-list', { month: '2026-11' }, await r.login(DEMO_PEOPLE.staff[0]))).entries;
    expect(mine.map((x) => x.id)).toEqual(onServer.map((x) => x.id));
    // e2 was pending in the copy but had reached the server before: sent again, it is answered
    // as the first time, so nobody is told it was refused.
    expect(mine.map((x) => x.syncCode)).toEqual([null, null, null, null]);
    rmSync(copyDir, { recursive: true, force: true });
  });
});

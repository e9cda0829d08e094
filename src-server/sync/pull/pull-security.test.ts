import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import type { Employee, Unit } from '../../../src-shared/domain/types';
import { hashPin } from '../../employees/pin';
import { writeReference } from '../../reference/write';
import { enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { revokeWorkstation } from '../../workstations/service';
import { insertEntries, pullPage, Replica } from './test-support';

/** Who may pull, and what a workstation can see: its own unit and the city-wide tables, nothing else. */
const DINKES: Unit = { id: 'b1000000-0000-4000-8000-000000000001', code: 'DINKES', name: 'Dinas Kesehatan', parentId: null, timeZone: 'Asia/Jakarta' };
const nurse = (n: number, name: string): Employee => ({
  id: `b1e00000-0000-4000-8000-00000000000${n}`,
  nip: `19900101201501200${n}`,
  name,
  unitId: DINKES.id,
  positionTitle: 'Perawat Ahli Pertama',
  supervisorId: null,
  roles: ['staff'],
  tppBase: null,
  active: true,
});

describe('pull (security)', () => {
  let server: TestServer;
  let demoWs: EnrolledWorkstation;
  let dinkesWs: EnrolledWorkstation;
  const otherIds = new Set<string>();
  beforeAll(async () => {
    server = await makeTestServer();
    const now = server.clock.now;
    const pinHash = await hashPin('246810');
    const staff = [nurse(1, 'Wayan Sudarma'), nurse(2, 'Ratna Dewi')];
    await server.db.transaction((tx) =>
      writeReference(
        tx,
        {
          units: [DINKES],
          policies: [{ unitId: DINKES.id, policy: { ...DEMO.policy, pinLength: 4 } }],
          employees: staff.map((e) => ({ ...e, pinHash, mustChangePin: false })),
          rhk: [{ id: 'b1b00000-0000-4000-8000-000000000001', employeeId: staff[0]!.id, year: 2026, title: 'Pelayanan imunisasi', indicator: 'Jumlah layanan', target: 100, outputUnit: 'layanan', active: true }],
          absences: [{ id: 'b1d00000-0000-4000-8000-000000000001', employeeId: staff[1]!.id, date: '2026-11-20', kind: 'sakit', note: null }],
        },
        now,
      ),
    );
    const { ids } = await insertEntries(server.db, DINKES.id, [{ employeeId: staff[0]!.id }, { employeeId: staff[1]!.id }], now);
    for (const id of [DINKES.id, ...staff.map((e) => e.id), ...ids, 'b1b00000-0000-4000-8000-000000000001', 'b1d00000-0000-4000-8000-000000000001']) otherIds.add(id);
    await insertEntries(server.db, DEMO.unit.id, [{ employeeId: DEMO.employees[4]!.id }], now);
    demoWs = await enrollTestWorkstation(server);
    dinkesWs = await enrollTestWorkstation(server, 'PC Puskesmas', DINKES.code);
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>, payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/sync/pull', headers, payload });

  it('answers 401 UNAUTHENTICATED without a token, with a malformed one, or an unknown one, before reading the body', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer short' }, { authorization: `Bearer ${'x'.repeat(43)}` }, { authorization: demoWs.token }];
    for (const headers of attempts) {
      const res = await post(headers, { protocol: 9, clientId: 'nope', cursor: 1 });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 409 REENROLL_REQUIRED for a clientId other than the enrolled one (a copied database)', async () => {
    const res = await post(demoWs.auth, { protocol: 1, clientId: crypto.randomUUID(), cursor: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REENROLL_REQUIRED');
    const other = await post(demoWs.auth, { protocol: 1, clientId: dinkesWs.clientId, cursor: null });
    expect(other.json().error.code).toBe('REENROLL_REQUIRED');
  });

  it('never sends another unit’s rows or PIN hashes, and sends each unit its own', async () => {
    const demo = new Replica();
    await demo.sync(server, demoWs, 7);
    const demoRows = [...demo.rows.values()];
    expect([...demo.rows.keys()].some((k) => otherIds.has(k.split(':')[1]!))).toBe(false);
    expect(demoRows.some((r) => JSON.stringify(r).includes(DINKES.id))).toBe(false);
    expect(demo.count('entries')).toBe(1);

    const dinkes = new Replica();
    await dinkes.sync(server, dinkesWs);
    const own = (t: string) => [...dinkes.rows.entries()].filter(([k]) => k.startsWith(`${t}:`)).map(([, r]) => r);
    expect(own('units')).toEqual([DINKES]);
    expect(own('employees').map((e) => e['name']).sort()).toEqual(['Ratna Dewi', 'Wayan Sudarma']);
    expect(own('policies')).toEqual([expect.objectContaining({ unitId: DINKES.id, policy: expect.objectContaining({ pinLength: 4 }) })]);
    expect([dinkes.count('rhk'), dinkes.count('absences'), dinkes.count('entries')]).toEqual([1, 1, 2]);
    // The city-wide tables are the same for both.
    expect(dinkes.count('catalog')).toBe(DEMO.catalog.length);
    expect(dinkes.count('holidays')).toBe(DEMO.holidays.length);
    const demoIds = new Set(DEMO.employees.map((e) => e.id));
    expect([...dinkes.rows.keys()].some((k) => demoIds.has(k.split(':')[1]!))).toBe(false);
  });

  it('answers a reset to a cursor handed to another unit, with the caller’s own rows only', async () => {
    const dinkesPage = await pullPage(server, dinkesWs, null);
    const page = await pullPage(server, demoWs, dinkesPage.cursor);
    expect(page.reset).toBe(true);
    expect(page.changes.some((c) => otherIds.has(c.id))).toBe(false);
    expect(page.changes.filter((c) => c.table === 'employees')).toHaveLength(DEMO.employees.length);
  });

  it('answers 403 FORBIDDEN once the workstation is revoked', async () => {
    const ws = await enrollTestWorkstation(server, 'PC Lama');
    expect((await post(ws.auth, { protocol: 1, clientId: ws.clientId, cursor: null })).statusCode).toBe(200);
    await revokeWorkstation(server.db, ws.workstationId, server.clock.now);
    const res = await post(ws.auth, { protocol: 1, clientId: ws.clientId, cursor: null });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('never echoes the token or a PIN in an error', async () => {
    const res = await post({ authorization: `Bearer ${'y'.repeat(43)}` }, { protocol: 1, clientId: demoWs.clientId, cursor: null });
    expect(res.body).not.toContain('y'.repeat(43));
  });
});

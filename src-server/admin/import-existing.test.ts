import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS as E } from '../../src-shared/demo';
import type { Db } from '../db/client';
import { absences, employees, policies, rhk, syncCounters } from '../db/schema';
import { makeTestDatabase, TEST_NOW } from '../test-support';
import { importFile, type ImportOutcome, type ImportReport } from './import';
import { tempFile } from './import-testing';

/** Imports into a server that already holds the demo unit: rows are found by their natural keys. */
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await makeTestDatabase({ demo: true });
  db = database.db;
  close = () => database.close();
});
afterAll(() => close());

function report(outcome: ImportOutcome, status: 'imported' | 'invalid'): ImportReport {
  expect(outcome).toMatchObject({ status });
  return (outcome as { report: ImportReport }).report;
}
const unitVersion = async () => Number((await db.select().from(syncCounters).where(eq(syncCounters.scope, DEMO.unit.id)))[0]!.version);
const employee = async (id: string) => (await db.select().from(employees).where(eq(employees.id, id)))[0]!;

describe('roster rows for employees already on the server', () => {
  it('keeps their id and PIN, changes only what the file changes, and keeps columns the file leaves out', async () => {
    const siti = await employee(E.siti);
    const yohanes = await employee(E.yohanes);
    const v0 = await unitVersion();
    const file = tempFile('roster.csv', 'NIP;Nama;Jabatan\n199206182019032007;Siti Aminah Zahro, S.Psi., M.Psi.;Analis SDM Aparatur Ahli Muda\n199409022020011005;Yohanes Kristianto Wibowo, S.Kom.;Pranata Komputer Ahli Pertama\n');
    const r = report(await importFile(db, { file, unitCode: DEMO.unit.code }, TEST_NOW), 'imported');
    expect(r.counts.employees).toEqual({ written: 1, unchanged: 1 });
    const after = await employee(E.siti);
    expect(after).toMatchObject({
      id: E.siti,
      name: 'Siti Aminah Zahro, S.Psi., M.Psi.',
      positionTitle: 'Analis SDM Aparatur Ahli Muda',
      pinHash: siti.pinHash,
      mustChangePin: false,
      supervisorId: E.ahmad,
      tppBase: siti.tppBase,
      roles: ['staff'],
    });
    expect(after.version).toBe(v0 + 1);
    expect((await employee(E.yohanes)).version).toBe(yohanes.version);
  });

  it('gives a new employee a fresh id, no PIN and a forced PIN change, under a supervisor already on the server', async () => {
    const file = tempFile('pegawai.json', JSON.stringify([{ nip: '199912312024012001', name: 'Anisa Putri', unit_code: 'SETDA-ORG', supervisor_nip: '198007212005011003', pin: '123456' }]));
    const r = report(await importFile(db, { file }, TEST_NOW), 'imported');
    expect(r.warnings).toEqual([expect.stringContaining('PINs are never imported')]);
    const [anisa] = await db.select().from(employees).where(eq(employees.nip, '199912312024012001'));
    expect(anisa).toMatchObject({ supervisorId: E.ahmad, pinHash: null, mustChangePin: true, roles: ['staff'], active: true, unitId: DEMO.unit.id });
    expect(anisa!.id).toMatch(/^[0-9a-f-]{8}-[0-9a-f]{4}-4/);
  });
});

describe('RHK and absences', () => {
  it('updates the absence of an (NIP, date) pair in place and adds new ones', async () => {
    const demo = DEMO.absences.find((a) => a.employeeId === E.yohanes)!;
    const file = tempFile('absences.csv', `nip,date,kind,note\n199409022020011005,${demo.date},izin,Keperluan keluarga\n199409022020011005,2026-12-01,DL,Bimtek\n`);
    const r = report(await importFile(db, { file, unitCode: DEMO.unit.code }, TEST_NOW), 'imported');
    expect(r.counts.absences).toEqual({ written: 2, unchanged: 0 });
    const rows = await db.select().from(absences).where(eq(absences.employeeId, E.yohanes));
    expect(rows.find((a) => a.date === demo.date)).toMatchObject({ id: demo.id, kind: 'izin', note: 'Keperluan keluarga' });
    expect(rows.find((a) => a.date === '2026-12-01')).toMatchObject({ kind: 'dinas_luar', unitId: DEMO.unit.id });
  });

  it('finds an RHK by NIP, year and title', async () => {
    const demo = DEMO.rhk.find((x) => x.employeeId === E.ahmad)!;
    const file = tempFile('rhk.csv', `nip,year,title,target\n198007212005011003,${demo.year},"${demo.title}",${demo.target + 1}\n`);
    report(await importFile(db, { file }, TEST_NOW), 'imported');
    const [row] = await db.select().from(rhk).where(and(eq(rhk.employeeId, E.ahmad), eq(rhk.title, demo.title)));
    expect(row).toMatchObject({ id: demo.id, target: demo.target + 1, indicator: demo.indicator, outputUnit: demo.outputUnit });
  });

  it('refuses unknown NIPs, employees of another unit, bad dates and kinds, and duplicates', async () => {
    const file = tempFile(
      'absences.csv',
      [
        'nip,date,kind',
        '199901012024011009,2026-12-02,cuti',
        '199409022020011005,2026-13-01,cuti',
        '199409022020011005,2026-12-03,libur',
        '199409022020011005,2026-12-04,cuti',
        '199409022020011005,04/12/2026,sakit',
      ].join('\n'),
    );
    const r = report(await importFile(db, { file }, TEST_NOW), 'invalid');
    expect(r.issues.map((i) => [i.line, i.reason])).toEqual([
      [2, expect.stringContaining('unknown employee NIP 199901012024011009')],
      [3, expect.stringContaining('bad date "2026-13-01"')],
      [4, expect.stringContaining('unknown kind "libur"')],
      [6, "duplicate: this employee's 2026-12-04 is already on line 5"],
    ]);
    report(await importFile(db, { file: tempFile('units.csv', 'code,name\nSETDA-HUKUM,Bagian Hukum\n') }, TEST_NOW), 'imported');
    const other = tempFile('rhk.csv', 'nip,year,title\n199409022020011005,2027,Sesuatu\n');
    const wrongUnit = report(await importFile(db, { file: other, unitCode: 'SETDA-HUKUM' }, TEST_NOW), 'invalid');
    expect(wrongUnit.issues).toEqual([{ line: 2, field: 'nip', reason: 'employee 199409022020011005 is in unit SETDA-ORG, not SETDA-HUKUM' }]);
  });
});

describe('policy', () => {
  it('takes a partial policy with defaults and the unit time zone, and reports unknown keys and bad values', async () => {
    const bad = tempFile('policy.json', JSON.stringify({ pinLenght: 6, maxMinutesPerDay: 0 }));
    const r = report(await importFile(db, { file: bad, unitCode: DEMO.unit.code }, TEST_NOW), 'invalid');
    expect(r.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['maxMinutesPerDay', 'pinLenght']));

    const good = tempFile('policy.json', JSON.stringify({ pinLength: 4, maxMinutesPerDay: 480 }));
    report(await importFile(db, { file: good, unitCode: DEMO.unit.code }, TEST_NOW), 'imported');
    const [row] = await db.select().from(policies).where(eq(policies.unitId, DEMO.unit.id));
    expect(row!.body).toMatchObject({ pinLength: 4, maxMinutesPerDay: 480, effectiveMinutesPerDay: 300, timeZone: 'Asia/Jakarta' });
    const again = report(await importFile(db, { file: good, unitCode: DEMO.unit.code }, TEST_NOW), 'imported');
    expect(again.counts.policies).toEqual({ written: 0, unchanged: 1 });
  });
});

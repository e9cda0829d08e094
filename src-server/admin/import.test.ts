import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { employees, syncCounters } from '../db/schema';
import { makeTestDatabase, TEST_NOW } from '../test-support';
import { importFile, type ImportOptions, type ImportOutcome, type ImportReport } from './import';
import { fixture, FIXTURES, tempFile } from './import-testing';

const counters = async (db: Db) => Object.fromEntries((await db.select().from(syncCounters)).map((c) => [c.scope, Number(c.version)]));
const employeeCount = async (db: Db) => Number((await db.select({ n: count() }).from(employees))[0]!.n);

function report(outcome: ImportOutcome, status: 'imported' | 'invalid'): ImportReport {
  expect(outcome.status).toBe(status);
  return (outcome as { report: ImportReport }).report;
}

describe('setting up a fresh server from the sample files', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await makeTestDatabase();
    db = database.db;
    close = () => database.close();
  });
  afterAll(() => close());

  const files: [string, ImportOptions][] = [
    ['units', { file: fixture('units.csv') }],
    ['employees', { file: fixture('roster.csv') }],
    ['catalog', { file: fixture('catalog.json') }],
    ['holidays', { file: fixture('holidays.csv') }],
    ['rhk', { file: fixture('rhk.csv') }],
    ['absences', { file: fixture('absences.csv') }],
    ['policies', { file: fixture('policy.json'), unitCode: 'SETDA-TAPEM' }],
  ];

  it('imports every kind, each inferred from its file name', async () => {
    const written: Record<string, number> = {};
    for (const [table, opts] of files) {
      const r = report(await importFile(db, opts, TEST_NOW), 'imported');
      expect(r.issues).toEqual([]);
      written[table] = r.counts[table as keyof typeof r.counts]!.written;
    }
    expect(written).toEqual({ units: 3, employees: 5, catalog: 4, holidays: 4, rhk: 4, absences: 4, policies: 1 });

    const people = await db.query.employees.findMany();
    const byNip = new Map(people.map((e) => [e.nip, e]));
    const bambang = byNip.get('197805142003121002')!;
    const dewi = byNip.get('198503222010012005')!;
    expect(dewi.supervisorId).toBe(bambang.id);
    expect(byNip.get('199402112019022003')!.supervisorId).toBe(dewi.id);
    expect(bambang).toMatchObject({ name: 'Bambang Setiawan, S.Sos., M.Si.', roles: ['staff', 'supervisor'], tppBase: 7_500_000 });
    expect(people.every((e) => e.pinHash === null && e.mustChangePin)).toBe(true);
    const policy = await db.query.policies.findFirst();
    expect(policy!.body).toMatchObject({ timeZone: 'Asia/Jakarta', pinLength: 6, maxWrongPins: 5 });
    const hukum = await db.query.units.findFirst({ where: (u, { eq }) => eq(u.code, 'SETDA-HUKUM') });
    expect(hukum!.timeZone).toBe('Asia/Jakarta');
  });

  it('imports the same files again without writing anything or moving a version', async () => {
    const before = await counters(db);
    for (const [table, opts] of files) {
      const r = report(await importFile(db, opts, TEST_NOW), 'imported');
      expect([table, r.counts[table as keyof typeof r.counts]]).toEqual([table, { written: 0, unchanged: expect.any(Number) }]);
    }
    expect(await counters(db)).toEqual(before);
  });
});

describe('a roster with mistakes', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await makeTestDatabase();
    db = database.db;
    close = () => database.close();
    report(await importFile(db, { file: fixture('units.csv') }, TEST_NOW), 'imported');
  });
  afterAll(() => close());

  it('lists every bad row by line and reason, and writes nothing', async () => {
    const before = await counters(db);
    const r = report(await importFile(db, { file: fixture('roster-invalid.csv') }, TEST_NOW), 'invalid');
    expect(r.issues).toEqual([
      { line: 3, field: 'nip', reason: 'NIP must be 18 digits (got "1985032220100120")' },
      { line: 4, field: 'name', reason: 'missing value for "name"' },
      { line: 5, field: 'unit_code', reason: expect.stringContaining('unknown unit "SETDA-XYZ"') },
      { line: 6, field: 'roles', reason: expect.stringContaining('unknown roles "kepala"') },
      { line: 7, field: 'nip', reason: 'duplicate: NIP 199108172015031001 is already on line 4' },
      { line: 8, field: 'nip', reason: expect.stringContaining("Excel's scientific notation") },
    ]);
    expect(r).toMatchObject({ rows: 7, valid: 1, invalidLines: [3, 4, 5, 6, 7, 8], counts: {} });
    expect(await employeeCount(db)).toBe(0);
    expect(await counters(db)).toEqual(before);
  });

  it('with --skip-invalid writes only the valid rows and skips rows leaning on a skipped supervisor', async () => {
    const file = tempFile(
      'roster-chain.csv',
      [
        'nip;name;unit_code;supervisor_nip',
        '197805142003121002;Bambang;SETDA-TAPEM;',
        '198503222010012005;Dewi;SETDA-NOPE;197805142003121002',
        '199108172015031001;Hendra;SETDA-TAPEM;198503222010012005',
        '199402112019022003;Putri;SETDA-TAPEM;197805142003121002',
        '199701052023211006;Rudi;SETDA-TAPEM;199701052023211006',
        '198001012005011001;Ali;SETDA-TAPEM;198101012006011001',
        '198101012006011001;Budi;SETDA-TAPEM;198001012005011001',
      ].join('\r\n'),
    );
    const r = report(await importFile(db, { file, skipInvalid: true }, TEST_NOW), 'imported');
    expect(r.issues.map((i) => [i.line, i.reason])).toEqual([
      [3, expect.stringContaining('unknown unit "SETDA-NOPE"')],
      [4, 'supervisor 198503222010012005 is on line 3, which is invalid'],
      [6, 'an employee cannot be their own supervisor'],
      [7, 'supervisor chain loops back to 198001012005011001'],
      [8, 'supervisor chain loops back to 198101012006011001'],
    ]);
    expect(r.counts.employees).toEqual({ written: 2, unchanged: 0 });
    const names = (await db.select({ name: employees.name }).from(employees)).map((e) => e.name).sort();
    expect(names).toEqual(['Bambang', 'Putri']);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = await counters(db);
    const r = report(await importFile(db, { file: fixture('roster.csv'), dryRun: true }, TEST_NOW), 'imported');
    expect(r).toMatchObject({ dryRun: true, counts: { employees: { written: 5, unchanged: 0 } } });
    expect(await employeeCount(db)).toBe(2);
    expect(await counters(db)).toEqual(before);
  });

  it('refuses a file without a required column, even with --skip-invalid', async () => {
    const file = tempFile('roster-nocol.csv', 'nip,unit_code\n197805142003121002,SETDA-TAPEM\n');
    const r = report(await importFile(db, { file, skipInvalid: true }, TEST_NOW), 'invalid');
    expect(r.issues).toEqual([{ line: 1, field: 'name', reason: 'missing column "name"' }]);
  });

  it('reports the mistakes of catalog, holiday and unit files', async () => {
    const catalog = tempFile('catalog.csv', 'code;name;output_unit;norm_minutes;category;scope_unit_code\nA1;Surat;surat;0;tugas_pokok;\nA2;Rapat;kegiatan;;lainnya;\nA1;Dup;surat;10;;\nA3;Kajian;dokumen;60;tambahan;NOPE\n');
    expect(report(await importFile(db, { file: catalog }, TEST_NOW), 'invalid').issues.map((i) => [i.line, i.reason])).toEqual([
      [2, '"norm_minutes" must be positive (got 0)'],
      [3, expect.stringContaining('unknown category "lainnya"')],
      [4, 'duplicate: activity A1 is already on line 2'],
      [5, 'unknown unit "NOPE"'],
    ]);
    const holidays = tempFile('holidays.json', JSON.stringify([{ date: '2027-02-30', name: 'X' }, { date: '2027-01-01', name: 'A' }, { date: '2027-01-01', name: 'B', kind: 'cuti' }]));
    expect(report(await importFile(db, { file: holidays }, TEST_NOW), 'invalid').issues.map((i) => [i.line, i.reason])).toEqual([
      [1, expect.stringContaining('bad date "2027-02-30"')],
      [3, 'duplicate: holiday 2027-01-01 is already on line 2'],
    ]);
    const units = tempFile('units.csv', 'code,name,parent_code,time_zone\nBAD CODE,X,,\nU1,Unit 1,U2,\nU2,Unit 2,U1,\nU3,Unit 3,,Asia/Bandung\nU4,Unit 4,SETDA,Asia/Makassar\n');
    const r = report(await importFile(db, { file: units, skipInvalid: true }, TEST_NOW), 'imported');
    expect(r.issues.map((i) => [i.line, i.reason])).toEqual([
      [2, expect.stringContaining('may hold only letters, digits')],
      [3, 'parent chain loops back to U1'],
      [4, 'parent chain loops back to U2'],
      [5, expect.stringContaining('unknown time zone "Asia/Bandung"')],
    ]);
    expect(r.counts.units).toEqual({ written: 1, unchanged: 0 });
  });

  it('answers usage and failure outcomes for a wrong command line, a missing file or unit', async () => {
    expect(await importFile(db, { file: fixture('roster.csv'), kind: 'people' }, TEST_NOW)).toMatchObject({ status: 'usage', message: expect.stringContaining('unknown kind "people"') });
    expect(await importFile(db, { file: tempFile('data.csv', 'a\n') }, TEST_NOW)).toMatchObject({ status: 'usage', message: expect.stringContaining('give --kind') });
    expect(await importFile(db, { file: fixture('catalog.json'), unitCode: 'SETDA' }, TEST_NOW)).toMatchObject({ status: 'usage' });
    expect(await importFile(db, { file: fixture('policy.json') }, TEST_NOW)).toMatchObject({ status: 'usage', message: expect.stringContaining('needs --unit') });
    expect(await importFile(db, { file: fixture('roster.csv'), unitCode: 'NOPE' }, TEST_NOW)).toEqual({ status: 'failed', message: 'unknown unit "NOPE"' });
    expect(await importFile(db, { file: join(FIXTURES, 'missing.csv'), kind: 'roster' }, TEST_NOW)).toMatchObject({ status: 'failed', message: expect.stringContaining('file not found') });
  });
});

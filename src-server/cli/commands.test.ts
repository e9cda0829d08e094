import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_INITIAL_PIN, DEMO_PIN } from '../../src-shared/demo';
import { fixture } from '../admin/import-testing';
import { openDatabase } from '../db/client';
import { TEST_NOW } from '../test-support';
import { createEnrollmentCode, enroll } from '../workstations/service';
import { cli, makeCliDatabase, type CliDatabase } from './cli-testing';

/** What migrations/server holds: every one must be applied. */
const JOURNAL = JSON.parse(readFileSync(new URL('../../migrations/server/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
const MIGRATIONS = { count: JOURNAL.entries.length, latest: JOURNAL.entries.at(-1)!.tag };


/** The operator's commands, in the order a new installation meets them, on one database. */
let database: CliDatabase;
beforeAll(async () => {
  database = await makeCliDatabase();
});
afterAll(() => database.close());

const CODE_RE = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;
const SITI_NIP = '199206182019032007';

describe('setting up a server from the command line', () => {
  // The first command creates the PGlite folder (initdb): slow on a busy machine.
  it('migrate sets up a fresh database and reports it as one JSON object', { timeout: 120_000 }, async () => {
    const run = await cli(database, ['migrate', '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, command: 'migrate', migrations: { applied: MIGRATIONS.count, known: MIGRATIONS.count, latest: MIGRATIONS.latest } });
  });

  it('demo loads the demo unit, prints a grouped enrollment code and the next steps, and can run twice', async () => {
    const first = await cli(database, ['demo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Enrollment code:\s+[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    expect(first.stdout).toContain('npm run server -- serve');
    expect(first.stdout).toContain(DEMO_PIN);
    expect(first.stdout).toContain(DEMO_INITIAL_PIN);
    const second = (await cli(database, ['demo', '--json'])).json();
    expect(second).toMatchObject({ ok: true, unit: DEMO.unit.code, enrollmentCode: expect.stringMatching(CODE_RE) });
    expect(second['counts']).toMatchObject({ employees: { written: 0 }, policies: { written: 0 }, catalog: { written: 0 } });
  });

  it('enroll-code answers a code valid 24 hours, and refuses an unknown or missing unit', async () => {
    const ok = await cli(database, ['enroll-code', '--unit', DEMO.unit.code, '--json']);
    expect(ok.json()).toMatchObject({ ok: true, unit: DEMO.unit.code, code: expect.stringMatching(CODE_RE), expiresAt: '2026-11-26T02:00:00.000Z' });
    const human = await cli(database, ['enroll-code', '--unit', DEMO.unit.code]);
    expect(human.stdout).toContain('Valid until:      2026-11-26 09:00 Asia/Jakarta');
    const unknown = await cli(database, ['enroll-code', '--unit', 'NOPE']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('unknown unit "NOPE"')]);
    expect((await cli(database, ['enroll-code'])).code).toBe(2);
  });

  it('import writes a valid file and prints the counts per table', async () => {
    const units = await cli(database, ['import', fixture('units.csv')]);
    expect(units.code).toBe(0);
    expect(units.stdout).toMatch(/Imported units\.csv \(units, CSV\): 3 rows\.\n\s+units\s+3 written\s+0 unchanged/);
    const again = (await cli(database, ['import', fixture('units.csv'), '--json'])).json();
    expect(again).toMatchObject({ ok: true, written: true, report: { counts: { units: { written: 0, unchanged: 3 } } } });
  });

  it('import of an invalid file exits 1 with the report, and --skip-invalid imports the rest', async () => {
    const bad = await cli(database, ['import', fixture('roster-invalid.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('roster-invalid.csv: 6 of 7 rows invalid; nothing was written.');
    expect(bad.stderr).toMatch(/line 3\s+nip\s+NIP must be 18 digits/);
    expect(bad.stderr).toContain('--skip-invalid');
    const json = (await cli(database, ['import', fixture('roster-invalid.csv'), '--json'])).json();
    expect(json).toMatchObject({ ok: false, report: { invalidLines: [3, 4, 5, 6, 7, 8] } });
    const skipped = await cli(database, ['import', fixture('roster-invalid.csv'), '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/7 rows, 6 skipped[\s\S]*employees\s+1 written/);
    const usage = await cli(database, ['import', fixture('catalog.json'), '--kind', 'people']);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('unknown kind "people"')]);
  });

  it('set-pin reads the PIN from stdin, refuses a weak one, and never prints it', async () => {
    const weak = await cli(database, ['set-pin', '--nip', SITI_NIP], { readSecret: async () => '123456\n' });
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('too easy to guess')]);
    const ok = await cli(database, ['set-pin', '--nip', SITI_NIP], { readSecret: async () => '258013' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('must choose a new PIN');
    expect(ok.stdout + ok.stderr).not.toContain('258013');
    const json = (await cli(database, ['set-pin', '--nip', SITI_NIP, '--pin', '258013', '--no-must-change', '--json'])).json();
    expect(json).toMatchObject({ ok: true, nip: SITI_NIP, unit: DEMO.unit.code, mustChangePin: false });
    expect(JSON.stringify(json)).not.toContain('258013');
  });

  it('set-pin asks twice at a terminal and changes nothing when the two differ', async () => {
    const answers = ['258013', '258014'];
    const run = await cli(database, ['set-pin', '--nip', SITI_NIP], { interactive: true, readSecret: async () => answers.shift() ?? null });
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('the two PINs differ')]);
    expect((await cli(database, ['set-pin', '--nip', SITI_NIP])).code).toBe(2);
    const unknown = await cli(database, ['set-pin', '--nip', '199901012024011009', '--pin', '258013']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('NIP_UNKNOWN')]);
  });

  it('status lists workstations and flags the silent ones; revoke-workstation stops one', async () => {
    const db = await openDatabase(database.target);
    let workstationId: string;
    try {
      const { code } = await createEnrollmentCode(db.db, DEMO.unit.code, new Date(TEST_NOW.getTime() - 3 * 86_400_000));
      ({ workstationId } = await enroll(db.db, { enrollmentCode: code, name: 'PC Ruang Rapat', clientId: crypto.randomUUID() }, new Date(TEST_NOW.getTime() - 3 * 86_400_000)));
    } finally {
      await db.close();
    }
    const human = await cli(database, ['status']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`${workstationId}\\s+PC Ruang Rapat\\s+SETDA-ORG\\s+2026-11-22\\s+never\\s+0\\s+0\\s+NEVER SYNCED`));
    expect(human.stdout).toContain('Backlog:');
    const status = (await cli(database, ['status', '--json'])).json()['status'] as { database: string; workstations: { possiblyOffline: boolean }[] };
    expect(status.workstations).toEqual([expect.objectContaining({ possiblyOffline: true })]);
    expect(status.database).not.toMatch(/:[^@/]*@/);
    const url = database.env['DATABASE_URL'];
    if (url) {
      // The test server trusts local connections, so a password in the URL is accepted and ignored.
      const withPassword = { ...database.env, DATABASE_URL: url.replace('//postgres@', '//postgres:hunter2@') };
      const run = await cli(null, ['status', '--json'], { env: withPassword });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('hunter2');
      const unreachable = await cli(null, ['status'], { env: { ...withPassword, DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/none' } });
      expect([unreachable.code, unreachable.stderr]).toEqual([1, expect.stringContaining('cannot use the database postgres://postgres@127.0.0.1:1/none')]);
      expect(unreachable.stderr).not.toContain('hunter2');
    }

    const revoked = await cli(database, ['revoke-workstation', workstationId, '--json']);
    expect(revoked.json()).toMatchObject({ ok: true, workstationId, revoked: true });
    expect((await cli(database, ['revoke-workstation', workstationId])).stdout).toContain('was already revoked');
    expect((await cli(database, ['revoke-workstation', crypto.randomUUID()])).code).toBe(1);
    expect((await cli(database, ['revoke-workstation', 'PC-1'])).code).toBe(2);
  });

  it('new-epoch starts a new epoch and warns what it does to the workstations', async () => {
    const before = (await cli(database, ['migrate', '--json'])).json()['epoch'];
    const run = await cli(database, ['new-epoch']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Previous:   ${String(before)}`);
    expect(run.stdout).toMatch(/WARNING: Every workstation will discard its copy/);
    const after = (await cli(database, ['migrate', '--json'])).json()['epoch'];
    expect(after).not.toBe(before);
  });
});

import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '../../../src-shared/demo';
import { listBackups } from '../db/backup';
import { damagePageOf } from '../db/test-support';
import { makeTestCore, type TestCore } from '../test-support';

/** The diagnostics screen's database check and "backup now", on real store files. */
const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function store(opts: { dir?: string; seed?: boolean; now?: string } = {}): Promise<TestCore> {
  const t = await makeTestCore(opts);
  cores.push(t);
  return t;
}

const auditRows = (t: TestCore, action: string) =>
  (t.core.ctx.sqlite.prepare('select actor_id as actorId, detail from audit_log where action = ? order by id').all(action) as { actorId: string; detail: string }[]).map((r) => ({
    actorId: r.actorId,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));

/**
 * A store whose catalog has a page of garbage, reopened the same day after a verified backup: open
 * skips the full check (open-check.ts), so the damage is in the live file, as after a disk fault.
 */
async function damagedStore(): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-diag-'));
  dirs.push(dir);
  const first = await makeTestCore({ dir });
  expect(await first.core.maintain()).not.toBeNull();
  first.close();
  damagePageOf(first.file, 'catalog');
  const t = await store({ dir, seed: false, now: new Date(first.now.getTime() + 3600_000).toISOString() });
  expect(t.core.db.integrity.reason).toBe('skipped-recent-backup');
  return t;
}

describe('diagnostics-db-check', () => {
  it('runs quick_check on the live store: ok on a sound file, audited with who asked', async () => {
    const t = await store();
    const op = await t.login(DEMO_PEOPLE.operator);
    const r = await t.call('diagnostics-db-check', {}, op);
    expect(r).toEqual({ ok: true, result: 'ok', ms: expect.any(Number) });
    expect(auditRows(t, 'diagnostics.db_check')).toEqual([{ actorId: DEMO_PEOPLE.operator, detail: { ok: true, problems: 0, ms: r.ms } }]);
  });

  it('reports the damage quick_check finds in a store that opened without a full check', async () => {
    const t = await damagedStore();
    const op = await t.login(DEMO_PEOPLE.operator);
    const r = await t.call('diagnostics-db-check', {}, op);
    expect(r.ok).toBe(false);
    expect(r.result).not.toBe('ok');
    expect(r.result.length).toBeGreaterThan(0);
    expect(auditRows(t, 'diagnostics.db_check')[0]?.detail).toMatchObject({ ok: false, problems: expect.any(Number) });
  });

  it('is for operators only', async () => {
    const t = await store();
    const staff = await t.login(DEMO_PEOPLE.staff[0]);
    expect(await t.send('diagnostics-db-check', {}, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('diagnostics-backup-now', {})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
  });
});

describe('diagnostics-backup-now', () => {
  it('takes a daily-kind copy now even when a fresh one exists, named and dated by the kiosk clock', async () => {
    const t = await store();
    const op = await t.login(DEMO_PEOPLE.operator);
    const daily = await t.core.maintain();
    expect(daily).not.toBeNull();
    expect(await t.core.maintain()).toBeNull(); // the daily one is not due again

    const r = await t.call('diagnostics-backup-now', {}, op);
    expect(r.file).not.toBe(daily);
    expect(existsSync(r.file)).toBe(true);
    expect(r.at).toBe(new Date(t.now.getTime() + 1).toISOString()); // same millisecond as the daily: the next one
    // Unlabelled, like the daily copies: it counts for open's "recent verified backup" rule.
    expect(listBackups(join(t.dir, 'backups')).map((b) => [b.file, b.label])).toEqual([
      [r.file, null],
      [daily, null],
    ]);
    expect(auditRows(t, 'diagnostics.backup')).toEqual([{ actorId: DEMO_PEOPLE.operator, detail: { file: basename(r.file), bytes: expect.any(Number) } }]);
  });

  it('waits for a daily backup in flight and then takes its own copy', async () => {
    const t = await store();
    const op = await t.login(DEMO_PEOPLE.operator);
    const [daily, now] = await Promise.all([t.core.maintain(), t.call('diagnostics-backup-now', {}, op)]);
    expect(daily).not.toBeNull();
    expect(now.file).not.toBe(daily);
    expect(readdirSync(join(t.dir, 'backups')).sort()).toEqual([basename(daily!), basename(now.file)].sort());
  });

  it('refuses with DB_CORRUPT when the copy fails its check, keeps the older copies and sets the warning', async () => {
    const t = await damagedStore();
    const before = readdirSync(join(t.dir, 'backups'));
    const op = await t.login(DEMO_PEOPLE.operator);
    const r = await t.send('diagnostics-backup-now', {}, op);
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', params: { detail: expect.stringMatching(/integrity check/) } } });
    expect(readdirSync(join(t.dir, 'backups'))).toEqual(before);
    expect((await t.call('app-status', {})).integrityWarning).toMatch(/backup copy failed its integrity check/);
    expect(auditRows(t, 'diagnostics.backup')[0]?.detail).toMatchObject({ error: 'DB_CORRUPT' });
  });

  it('refuses with INTERNAL, and logs why, when the copy cannot be written at all', async () => {
    const t = await store();
    const op = await t.login(DEMO_PEOPLE.operator);
    // A file where the backup folder should be: mkdir fails, as on a full or read-only disk.
    rmSync(join(t.dir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(t.dir, 'backups'), 'not a folder');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await t.send('diagnostics-backup-now', {}, op);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveBeenCalledWith('[diagnostics] backup failed', expect.any(Error));
    logged.mockRestore();
    expect((await t.call('app-status', {})).integrityWarning).toBeNull();
  });
});

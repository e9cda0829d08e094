import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { createCore } from './core';
import { BackupCheckFailedError } from './db/backup';
import { NEWEST_VERSION, damagePageOf } from './db/test-support';
import { makeTestCore } from './test-support';
import { DEMO_PEOPLE } from '../../src-shared/demo';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kk-open-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('opening the store through the core', () => {
  it('refuses a database from a newer app version and leaves it as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'kinerja.sqlite');
    const raw = new Database(file);
    raw.exec('create table x(a); insert into x values (1); pragma user_version = 99;');
    raw.close();
    const before = readFileSync(file);
    const r = createCore({ file, maintenance: false });
    expect(!r.ok && r.error).toMatchObject({ code: 'DB_SCHEMA_NEWER', params: { found: 99, supported: NEWEST_VERSION } });
    expect(!r.ok && r.error.message).toContain('versi aplikasi yang lebih baru');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('restores the newest good backup when the file is corrupt, and says so in app-status', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    const token = await t.login(DEMO_PEOPLE.staff[0]);
    await t.call('entry-create', { workDate: '2026-11-25', startTime: '08:00', endTime: '09:00', activityId: 'de30c000-0000-4000-8000-000000000001', volume: 1, description: 'Menyusun konsep surat undangan rapat' }, token);
    expect(await t.core.maintain()).not.toBeNull();
    t.close();

    // Scribble over the middle of the file, as a failing disk or a power cut mid-write would.
    const size = statSync(t.file).size;
    const fd = openSync(t.file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    // Two days on: the backup is no longer recent, so open runs the full check and finds the damage.
    const later = new Date(t.now.getTime() + 48 * 3600_000);
    const again = createCore({ file: t.file, clock: () => later, maintenance: false });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const status = await again.value.send('app-status', {});
    expect(status.ok && status.value).toMatchObject({ restored: { restoredFrom: expect.stringContaining('backups') } });
    const report = status.ok ? (status.value as { restored: { corruptMovedTo: string } }).restored : null;
    expect(existsSync(report!.corruptMovedTo)).toBe(true);
    const entries = again.value.ctx.sqlite.prepare('select description from entries').all();
    expect(entries).toEqual([{ description: 'Menyusun konsep surat undangan rapat' }]);
    const audit = again.value.ctx.sqlite.prepare(`select action from audit_log where action = 'db.restored'`).all();
    expect(audit).toHaveLength(1);
    again.value.close();
  });

  it('says in app-status when the daily backup finds the store damaged, and the next start restores', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    const good = await t.core.maintain();
    expect(good).not.toBeNull();
    expect((await t.call('app-status', {})).integrityWarning).toBeNull();
    t.close();
    damagePageOf(t.file, 'catalog');

    // The same day, after a clean close: open skips the full check and does not see the damage.
    t.setNow(new Date(t.now.getTime() + 3600_000).toISOString());
    const sameDay = createCore({ file: t.file, clock: () => t.now, maintenance: false });
    if (!sameDay.ok) throw new Error(sameDay.error.code);
    expect(sameDay.value.db.integrity.reason).toBe('skipped-recent-backup');

    // The next day's backup copies the damaged page and its check fails.
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t.setNow(new Date(t.now.getTime() + 24 * 3600_000).toISOString());
    expect(await sameDay.value.maintain()).toBeNull();
    expect(error).toHaveBeenCalledWith('[core] backup failed', expect.any(BackupCheckFailedError));
    error.mockRestore();
    const status = await sameDay.value.send('app-status', {});
    const warning = status.ok ? (status.value as { integrityWarning: string | null }).integrityWarning : null;
    expect(warning).toMatch(new RegExp(`^${t.now.toISOString()} backup copy failed its integrity check`));
    expect(readdirSync(join(dir, 'backups'))).toEqual([basename(good!)]);
    sameDay.value.close();

    // No backup younger than 24 h: the next start checks the whole file and restores the good copy.
    const next = createCore({ file: t.file, clock: () => t.now, maintenance: false });
    if (!next.ok) throw new Error(next.error.code);
    expect(next.value.db.restored?.restoredFrom).toBe(good);
    expect(next.value.db.integrity).toMatchObject({ checked: true, reason: 'restored' });
    const after = await next.value.send('app-status', {});
    expect(after.ok && after.value).toMatchObject({ integrityWarning: null, restored: { restoredFrom: good } });
    next.value.close();
  });

  it('takes one backup a day, keeping the number of copies the operator chose', async () => {
    const dir = tempDir();
    const t = await makeTestCore({ dir });
    const op = await t.login(DEMO_PEOPLE.operator);
    await t.call('settings-set', { key: 'backupKeep', value: 2 }, op);
    expect(await t.core.maintain()).not.toBeNull();
    expect(await t.core.maintain()).toBeNull(); // not due yet
    for (let day = 1; day <= 3; day++) {
      t.setNow(new Date(t.now.getTime() + 25 * 3600_000).toISOString());
      expect(await t.core.maintain()).not.toBeNull();
    }
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(2);
    t.close();
  });
});

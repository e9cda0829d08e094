import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupCheckFailedError, backupIfDue, createBackup, listBackups } from './backup';
import type { OpenedDatabase } from './open';
import * as schema from './schema';
import {
  countOf,
  damagePageOf,
  insertEntries,
  makeTempDir,
  NEWEST_VERSION,
  openOk,
  scribbleOverMiddle,
  seedWorkday,
  sha256File,
} from './test-support';

const T0 = new Date('2025-03-03T00:30:00.000Z');
const T_BACKUP = new Date('2025-03-03T06:00:00.000Z');
// More than 24 h after the backup, so open runs the full check (open-check.ts); the describe at
// the end covers damage found while the backup is still recent.
const T_OPEN = new Date('2025-03-05T00:15:00.000Z');
const CORRUPT_NAME = 'kinerja.sqlite.corrupt-20250305-001500-000';
const HOUR = 3_600_000;
const after = (d: Date, hours: number) => () => new Date(d.getTime() + hours * HOUR);

let dir: string;
let file: string;
beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'kinerja.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A morning's work (200 entries, enough pages for damage to land on data), a backup at noon, then
 * an afternoon's work that only the damaged file has. Returns the backup file and the client id.
 */
async function dayWithBackup(): Promise<{ backup: string; clientId: string }> {
  const opened = openOk({ file, now: () => T0 });
  seedWorkday(opened.sqlite);
  insertEntries(opened.sqlite, 'morning', 200, 800);
  const backup = await createBackup(opened, { now: () => T_BACKUP });
  insertEntries(opened.sqlite, 'afternoon', 50, 800);
  const clientId = opened.db.select().from(schema.syncState).get()!.clientId;
  opened.close(); // checkpoints: the afternoon is in the main file that gets damaged
  return { backup: backup.file, clientId };
}

function auditRows(opened: OpenedDatabase): { action: string; entity_type: string; actor_id: null; detail: string }[] {
  return opened.sqlite
    .prepare("SELECT action, entity_type, actor_id, detail FROM audit_log WHERE action = 'db.restored'")
    .all() as { action: string; entity_type: string; actor_id: null; detail: string }[];
}

describe('opening a damaged database with a good backup', () => {
  it('moves pages overwritten with garbage aside and restores the backup, with an audit row', async () => {
    const { backup, clientId } = await dayWithBackup();
    scribbleOverMiddle(file);
    const damaged = sha256File(file);

    const opened = openOk({ file, now: () => T_OPEN });

    const corruptMovedTo = path.join(dir, CORRUPT_NAME);
    expect(opened.restored).toEqual({
      at: T_OPEN.toISOString(),
      corruptMovedTo,
      restoredFrom: backup,
      reason: expect.stringMatching(/quick_check|SQLITE_CORRUPT/),
    });
    // The damaged file is kept exactly as found, for a rescue attempt.
    expect(sha256File(corruptMovedTo)).toBe(damaged);
    // The morning's entries are back; the afternoon's are lost with the damaged file.
    expect(countOf(opened.sqlite, 'entries', "id LIKE 'morning-%'")).toBe(200);
    expect(countOf(opened.sqlite, 'entries', "id LIKE 'afternoon-%'")).toBe(0);
    expect(countOf(opened.sqlite, 'outbox')).toBe(countOf(opened.sqlite, 'entries'));
    expect(opened.sqlite.prepare('PRAGMA quick_check').pluck().get()).toBe('ok');
    // The restored file keeps its identity; the server detects the rewind by seq (PROTOCOL.md).
    expect(opened.db.select().from(schema.syncState).get()!.clientId).toBe(clientId);

    const audit = auditRows(opened);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'db.restored', entity_type: 'database', actor_id: null });
    expect(JSON.parse(audit[0]!.detail)).toEqual(opened.restored);
    opened.close();
  });

  it('recovers a file of random bytes and moves its -wal/-shm aside with it', async () => {
    const { backup } = await dayWithBackup();
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024));
    fs.writeFileSync(`${file}-wal`, crypto.randomBytes(4096));
    fs.writeFileSync(`${file}-shm`, crypto.randomBytes(32768));

    const opened = openOk({ file, now: () => T_OPEN });

    expect(opened.restored?.restoredFrom).toBe(backup);
    expect(opened.restored?.reason).toMatch(/SQLITE_NOTADB/);
    const aside = path.join(dir, CORRUPT_NAME);
    expect(fs.existsSync(aside)).toBe(true);
    expect(fs.statSync(`${aside}-wal`).size).toBe(4096);
    expect(fs.statSync(`${aside}-shm`).size).toBe(32768);
    expect(countOf(opened.sqlite, 'entries', "id LIKE 'morning-%'")).toBe(200);
    expect(auditRows(opened)).toHaveLength(1);
    opened.close();
  });

  it('skips a newest backup that is itself damaged and restores the one before', async () => {
    const { backup: older } = await dayWithBackup();
    const second = openOk({ file, now: () => T0 });
    const newest = await createBackup(second, { now: () => new Date('2025-03-03T09:00:00.000Z') });
    second.close();
    scribbleOverMiddle(newest.file);
    fs.writeFileSync(file, crypto.randomBytes(8192));

    const opened = openOk({ file, now: () => T_OPEN });

    expect(opened.restored?.restoredFrom).toBe(older);
    expect(countOf(opened.sqlite, 'entries', "id LIKE 'morning-%'")).toBe(200);
    opened.close();
  });

  it('moves aside a second damaged file without overwriting the first one kept aside', async () => {
    await dayWithBackup();
    fs.writeFileSync(file, crypto.randomBytes(8192));
    openOk({ file, now: () => T_OPEN }).close();
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const again = openOk({ file, now: () => T_OPEN });
    expect(again.restored?.corruptMovedTo).toBe(path.join(dir, `${CORRUPT_NAME}-2`));
    expect(fs.existsSync(path.join(dir, CORRUPT_NAME))).toBe(true);
    again.close();
  });
});

describe('opening a damaged database without any usable backup', () => {
  it('starts a fresh empty database, reports restoredFrom null and keeps the damaged file', () => {
    const first = openOk({ file, now: () => T0 });
    seedWorkday(first.sqlite);
    const oldClientId = first.db.select().from(schema.syncState).get()!.clientId;
    first.close();
    // A header cut short, as a torn write at the start of the file would leave it.
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 50));
    const damaged = sha256File(file);

    const opened = openOk({ file, now: () => T_OPEN });

    expect(opened.restored).toEqual({
      at: T_OPEN.toISOString(),
      corruptMovedTo: path.join(dir, CORRUPT_NAME),
      restoredFrom: null,
      reason: expect.stringMatching(/SQLITE_CORRUPT|SQLITE_NOTADB/),
    });
    expect(sha256File(path.join(dir, CORRUPT_NAME))).toBe(damaged);
    expect(opened.migrated).toEqual({ from: 0, to: NEWEST_VERSION });
    expect(countOf(opened.sqlite, 'employees')).toBe(0);
    // A new file is a new client: it must enroll again before it can sync.
    const state = opened.db.select().from(schema.syncState).get()!;
    expect(state.clientId).not.toBe(oldClientId);
    expect(auditRows(opened)).toHaveLength(1);
    expect(listBackups(opened.backupDir)).toEqual([]);
    opened.close();
  });

  it('does not restore a backup made by a newer app it could not open', () => {
    const first = openOk({ file, now: () => T0 });
    first.close();
    const backupDir = path.join(dir, 'backups');
    fs.mkdirSync(backupDir);
    const fromNewer = path.join(backupDir, 'kinerja-20250303-060000-000.sqlite');
    fs.copyFileSync(file, fromNewer);
    const raw = new Database(fromNewer);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${NEWEST_VERSION + 1}`);
    raw.close();
    fs.writeFileSync(file, crypto.randomBytes(8192));

    const opened = openOk({ file, now: () => T_OPEN });

    expect(opened.restored?.restoredFrom).toBeNull();
    expect(fs.existsSync(fromNewer)).toBe(true);
    opened.close();
  });
});

describe('damage after a clean close while the daily backup is recent', () => {
  it('is not looked for at open, is found by the next daily backup, and the following open restores', async () => {
    const { backup } = await dayWithBackup();
    const page = damagePageOf(file, 'entries');
    expect(page).toBeGreaterThan(1);

    // Two hours after a verified backup, after a clean close: only the cheap checks run, and they
    // do not read the entries' pages. The damage goes unnoticed here, by design.
    const sameDay = openOk({ file, now: after(T_BACKUP, 2) });
    expect(sameDay.integrity).toEqual({ checked: false, reason: 'skipped-recent-backup', ms: 0 });
    expect(sameDay.restored).toBeNull();

    // The next daily backup copies the bad page, its copy fails the check, and nothing is published
    // or pruned: the good copy from yesterday stays the newest.
    const failed = backupIfDue(sameDay, { maxAgeHours: 24, keep: 1, now: after(T_BACKUP, 25) });
    await expect(failed).rejects.toThrow(BackupCheckFailedError);
    await expect(failed).rejects.toThrow(/source database may be damaged/);
    expect(listBackups(sameDay.backupDir).map((b) => b.file)).toEqual([backup]);
    expect(fs.readdirSync(sameDay.backupDir)).toEqual([path.basename(backup)]);
    sameDay.close();

    // With no backup younger than 24 h, the next open checks the whole file and restores.
    const nextOpen = after(T_BACKUP, 26)();
    const opened = openOk({ file, now: () => nextOpen });
    expect(opened.restored).toMatchObject({ restoredFrom: backup, reason: expect.stringMatching(/quick_check|SQLITE_CORRUPT/) });
    expect(opened.integrity).toMatchObject({ checked: true, reason: 'restored' });
    expect(countOf(opened.sqlite, 'entries', "id LIKE 'morning-%'")).toBe(200);
    expect(opened.sqlite.prepare('PRAGMA quick_check').pluck().get()).toBe('ok');
    opened.close();
  });

  it('is found at open when the backup is older than 24 h, and the file is restored', async () => {
    const { backup } = await dayWithBackup();
    damagePageOf(file, 'entries');

    const opened = openOk({ file, now: after(T_BACKUP, 24) });

    expect(opened.restored).toMatchObject({ restoredFrom: backup, reason: expect.stringMatching(/quick_check|SQLITE_CORRUPT/) });
    expect(opened.integrity).toMatchObject({ checked: true, reason: 'restored' });
    expect(countOf(opened.sqlite, 'entries', "id LIKE 'morning-%'")).toBe(200);
    opened.close();
  });

  it('is found at open after an unclean shutdown, however recent the backup', async () => {
    const { backup } = await dayWithBackup();
    damagePageOf(file, 'entries');
    fs.writeFileSync(`${file}-wal`, crypto.randomBytes(4096)); // left by a power cut

    const opened = openOk({ file, now: after(T_BACKUP, 1) });

    expect(opened.restored?.restoredFrom).toBe(backup);
    expect(fs.statSync(`${opened.restored!.corruptMovedTo}-wal`).size).toBe(4096);
    opened.close();
  });
});

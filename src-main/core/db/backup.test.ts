import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupIfDue, createBackup, createBackupSync, listBackups, newestGoodBackup } from './backup';
import type { OpenedDatabase } from './open';
import { countOf, insertEntries, makeTempDir, openOk, seedWorkday } from './test-support';

const HOUR = 3_600_000;
const T0 = new Date('2025-03-03T00:30:00.000Z');
const at = (hours: number) => () => new Date(T0.getTime() + hours * HOUR);

let dir: string;
let opened: OpenedDatabase;
beforeEach(() => {
  dir = makeTempDir();
  opened = openOk({ file: path.join(dir, 'kinerja.sqlite'), now: () => T0 });
  seedWorkday(opened.sqlite);
});
afterEach(() => {
  opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createBackup', () => {
  it('writes a verified standalone copy named by its UTC time, that opens with the same rows', async () => {
    const info = await createBackup(opened, { now: at(0), label: 'manual' });

    expect(path.basename(info.file)).toBe('kinerja-20250303-003000-000-manual.sqlite');
    expect(info).toMatchObject({ createdAt: T0.toISOString(), label: 'manual' });
    expect(info.bytes).toBe(fs.statSync(info.file).size);
    const copy = new Database(info.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT name FROM employees').pluck().all()).toEqual(['Siti Rahayu']);
    copy.close();
    // One self-contained file: no -wal/-shm/-journal or .partial left beside it.
    expect(fs.readdirSync(opened.backupDir)).toEqual([path.basename(info.file)]);
  });

  it('keeps only the newest N copies and leaves other files in the folder alone', async () => {
    fs.mkdirSync(opened.backupDir, { recursive: true });
    fs.writeFileSync(path.join(opened.backupDir, 'CATATAN.txt'), 'salinan manual operator');
    for (let h = 0; h < 5; h += 1) await createBackup(opened, { now: at(h), keep: 3 });

    expect(listBackups(opened.backupDir).map((b) => b.createdAt)).toEqual([at(4)(), at(3)(), at(2)()].map((d) => d.toISOString()));
    expect(fs.existsSync(path.join(opened.backupDir, 'CATATAN.txt'))).toBe(true);
  });

  it('gives two copies in the same millisecond distinct names instead of overwriting', async () => {
    const a = await createBackup(opened, { now: at(0) });
    const b = await createBackup(opened, { now: at(0) });
    expect(a.file).not.toBe(b.file);
    expect(listBackups(opened.backupDir)).toHaveLength(2);
  });

  it('is consistent while another connection keeps writing', async () => {
    // ~3 MB, so the copy takes several steps and the writer gets in between them.
    insertEntries(opened.sqlite, 'seed', 2500, 1000);
    const writer = new Database(opened.file);
    writer.pragma('busy_timeout = 5000');
    let written = 0;
    let writing = true;
    const writeSome = (): void => {
      if (!writing) return;
      insertEntries(writer, `during-${written}`, 1, 1000); // an entry and its outbox row, one transaction
      written += 1;
      setImmediate(writeSome);
    };
    setImmediate(writeSome);

    const info = await createBackup(opened, { now: at(0) });
    writing = false;
    writer.close();

    expect(written).toBeGreaterThan(0);
    const copy = new Database(info.file, { readonly: true });
    expect(copy.prepare('PRAGMA quick_check').pluck().get()).toBe('ok');
    expect(countOf(copy, 'entries', "id LIKE 'seed-%'")).toBe(2500);
    // Never an entry without its outbox mutation (it would never reach the server) or the reverse.
    expect(countOf(copy, 'outbox')).toBe(countOf(copy, 'entries'));
    copy.close();
  });

  it('rejects a label that would break the file name pattern', async () => {
    await expect(createBackup(opened, { label: '../escape' })).rejects.toThrow(/invalid backup label/);
    expect(listBackups(opened.backupDir)).toEqual([]);
  });
});

describe('createBackupSync', () => {
  it('writes a verified copy with VACUUM INTO, listed with the async ones', () => {
    const info = createBackupSync(opened, { now: at(0), label: 'pre-migrate-v1' });
    expect(newestGoodBackup(opened.backupDir)).toBe(info.file);
    const copy = new Database(info.file, { readonly: true });
    expect(countOf(copy, 'entries')).toBe(1);
    copy.close();
  });
});

describe('backupIfDue', () => {
  it('backs up only when the newest copy is older than maxAgeHours', async () => {
    expect(await backupIfDue(opened, { maxAgeHours: 24, now: at(0) })).not.toBeNull();
    expect(await backupIfDue(opened, { maxAgeHours: 24, now: at(23) })).toBeNull();
    const due = await backupIfDue(opened, { maxAgeHours: 24, now: at(25) });
    expect(due?.createdAt).toBe(at(25)().toISOString());
    expect(listBackups(opened.backupDir)).toHaveLength(2);
  });

  it('backs up when the clock was set back, and keeps that copy despite its older-looking name', async () => {
    for (let h = 0; h < 3; h += 1) await createBackup(opened, { now: at(h), keep: 3 });
    const afterReset = await backupIfDue(opened, { maxAgeHours: 24, now: at(-24 * 365), keep: 3 });

    expect(afterReset).not.toBeNull();
    expect(listBackups(opened.backupDir).map((b) => b.file)).toContain(afterReset!.file);
  });
});

describe('newestGoodBackup', () => {
  it('is null when the folder does not exist yet', () => {
    expect(newestGoodBackup(path.join(dir, 'nowhere'))).toBeNull();
    expect(listBackups(path.join(dir, 'nowhere'))).toEqual([]);
  });
});

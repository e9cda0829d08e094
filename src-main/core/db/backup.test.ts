import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BackupCheckFailedError,
  backupIfDue,
  createBackup,
  createBackupSync,
  listBackups,
  newestGoodBackup,
} from './backup';
import type { OpenedDatabase } from './open';
import { countOf, damagePageOf, insertEntries, makeTempDir, openOk, seedWorkday } from './test-support';
import { copyAndCheck, verifyCopy } from './backup-copy';

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

describe('createBackup when the source is damaged', () => {
  it('rejects saying the source may be damaged, publishes nothing and prunes no good copy', async () => {
    const good = await createBackup(opened, { now: at(0) });
    insertEntries(opened.sqlite, 'more', 300, 800);
    opened.close();
    damagePageOf(opened.file, 'entries');
    // A plain connection: it reads the damaged page only when the backup copies it.
    const source = new Database(opened.file);
    try {
      const attempt = createBackup({ sqlite: source, backupDir: opened.backupDir }, { now: at(25), keep: 1 });
      await expect(attempt).rejects.toThrow(BackupCheckFailedError);
      await expect(attempt).rejects.toThrow(/source database may be damaged/);
      const error = (await attempt.catch((e: unknown) => e)) as BackupCheckFailedError;
      expect(error.problems.length).toBeGreaterThan(0);
    } finally {
      source.close();
    }
    // keep: 1 would have pruned the good copy had the new one been published.
    expect(fs.readdirSync(opened.backupDir)).toEqual([path.basename(good.file)]);
  });
});

describe('off the main thread', () => {
  it('createBackup copies through a worker of its own, not through the kiosk connection', async () => {
    const mainConnection = vi.spyOn(opened.sqlite, 'backup');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const info = await createBackup(opened, { now: at(0) });
      const copy = new Database(info.file, { readonly: true });
      expect(countOf(copy, 'entries')).toBe(1);
      copy.close();
      expect(mainConnection).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('verifyCopy checks in a worker thread: the event loop keeps turning meanwhile', async () => {
    insertEntries(opened.sqlite, 'bulk', 3000, 1000);
    const info = await createBackup(opened, { now: at(0) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let turns = 0;
    let spinning = true;
    const spin = (): void => {
      turns += 1;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    try {
      await verifyCopy(info.file);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      spinning = false;
      warn.mockRestore();
    }
    // In-thread, the whole check would run between two turns.
    expect(turns).toBeGreaterThan(10);
  });

  it('copyAndCheck falls back to copying through the connection, in steps, when no worker can start', async () => {
    const missing = new URL('./no-such-worker.mjs', import.meta.url);
    const mainConnection = vi.spyOn(opened.sqlite, 'backup');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const partial = path.join(dir, 'copy.sqlite.partial');
    try {
      await copyAndCheck(opened.sqlite, partial, { workerUrl: missing });
      expect(warn).toHaveBeenCalledOnce();
      expect(mainConnection).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
    }
    const copy = new Database(partial, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(countOf(copy, 'entries')).toBe(1);
    copy.close();
  });

  it('verifyCopy falls back to checking in this thread when no worker can start, with the same verdicts', async () => {
    const info = await createBackup(opened, { now: at(0) });
    const missing = new URL('./no-such-worker.mjs', import.meta.url);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(verifyCopy(info.file, { workerUrl: missing })).resolves.toBeUndefined();
      fs.writeFileSync(info.file, Buffer.alloc(8192, 0x5a));
      await expect(verifyCopy(info.file, { workerUrl: missing })).rejects.toThrow(BackupCheckFailedError);
      await expect(verifyCopy(info.file)).rejects.toThrow(BackupCheckFailedError);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('tells a copy it could not read (an environment problem) from a damaged one', async () => {
    await expect(verifyCopy(path.join(dir, 'missing.sqlite'))).rejects.toThrow(/could not check the backup copy/);
    await expect(verifyCopy(path.join(dir, 'missing.sqlite'))).rejects.not.toThrow(BackupCheckFailedError);
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

  it('does not count a labelled copy (e.g. before a migration) as the daily one', async () => {
    createBackupSync(opened, { now: at(0), label: 'pre-migrate-v1' });
    const daily = await backupIfDue(opened, { maxAgeHours: 24, now: at(1) });
    expect(daily?.label).toBeNull();
    expect(await backupIfDue(opened, { maxAgeHours: 24, now: at(2) })).toBeNull();
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

import fs from 'node:fs';
import Database from 'better-sqlite3';

/** Problems reported by `PRAGMA quick_check`; empty when the file is sound. */
export function quickCheck(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare('PRAGMA quick_check').pluck().all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
}

/**
 * Only these codes mean "the file's content is damaged". Anything else at open (permission
 * denied, disk full, locked by another process) is an environment problem: moving the file aside
 * for those would hide a healthy database from the person who owns it.
 */
export function isCorruptionError(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && isCorruptionCode(error.code);
}

/** SQLITE_CORRUPT, SQLITE_NOTADB and their extended codes (SQLITE_CORRUPT_INDEX, …). */
export function isCorruptionCode(code: string): boolean {
  return /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;

/**
 * `user_version` straight from the file header, without opening the file with SQLite (which may
 * roll back a hot journal or checkpoint a WAL on close, both writes). Null when the file is missing
 * or does not start with a SQLite header; SQLite itself then decides what the file is.
 * A WAL not yet checkpointed can hold a newer header, so callers check again after opening.
 */
export function readHeaderVersion(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    if (read < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    return header.readInt32BE(USER_VERSION_OFFSET);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a file (and, where the OS allows, its directory entry) to disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** fsyncFile on libuv's thread pool: flushing a 600 MB copy takes seconds on a slow disk. */
export async function fsyncFileAsync(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the rename itself.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export async function fsyncDirAsync(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // As fsyncDir: Windows cannot open or fsync a directory.
  } finally {
    await handle?.close();
  }
}

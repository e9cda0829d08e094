/**
 * The heavy part of the daily backup, run in a worker thread by backup-copy.ts so the kiosk's main
 * thread (every IPC call) stays free: the page-for-page copy and the check of the copy. The
 * synchronous pre-migration backup and the fallback (no worker could start) import the same
 * functions in-thread.
 *
 * Plain JavaScript (ESM) on purpose. Node starts a Worker from a file with its own module loader:
 * vitest's TypeScript transform does not reach it, tsx reaches it only through inherited flags,
 * and Electron's main process has no TypeScript loader at all, so a `.ts` worker would run in some
 * of those places and not others (Node's own type stripping would need explicit `.ts` import paths,
 * which this codebase does not use). A `.mjs` file that imports only better-sqlite3 and Node runs
 * unchanged under all of them; backup-worker.d.mts gives the TypeScript side its types.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** Marks the workerData of our own worker, so importing this file in any other thread does nothing. */
export const BACKUP_WORKER_KIND = 'kinerja-backup-copy';

const ALL_PAGES = 0x7fffffff; // the largest rate better-sqlite3 accepts

/**
 * Copies `source` page for page (SQLite's backup API) into `dest` over this thread's own read-only
 * connection. One step copies every page inside one read transaction: a consistent snapshot of the
 * last commit, and in WAL mode the kiosk's connection keeps writing meanwhile (to the WAL), never
 * blocked and never restarting the copy. Here, unlike on the main thread, a long step blocks no one.
 */
export async function copyDatabase(source, dest) {
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Problems `PRAGMA quick_check` reports for the copy; empty when it is sound. Throws SQLite's own
 * error (SQLITE_CORRUPT, SQLITE_NOTADB, …) when the copy does not even open.
 *
 * The backup API copies the source header, so a copy of our WAL database says WAL. A backup must be
 * one self-contained file (opening a WAL file, even read-only, leaves -wal/-shm beside it), so a
 * short read-write connection switches it to DELETE first; the check itself then runs read-only,
 * about 1.5× faster than on a read-write connection. synchronous=OFF: the caller fsyncs the file.
 */
export function checkCopy(file) {
  const writer = new Database(file, { fileMustExist: true });
  try {
    writer.pragma('synchronous = OFF');
    writer.pragma('journal_mode = DELETE');
  } finally {
    writer.close();
  }
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = reader.prepare('PRAGMA quick_check').pluck().all();
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows.map(String);
  } finally {
    reader.close();
  }
}

/** The worker's reply: the check's rows, or the error that stopped the job and at which stage. */
export function errorReply(stage, error) {
  const code = error && typeof error.code === 'string' ? error.code : null;
  return { error: { stage, code, message: error instanceof Error ? error.message : String(error) } };
}

async function run({ source, partial }) {
  if (source !== null) {
    try {
      await copyDatabase(source, partial);
    } catch (error) {
      return errorReply('copy', error);
    }
  }
  try {
    return { problems: checkCopy(partial) };
  } catch (error) {
    return errorReply('check', error);
  }
}

if (parentPort && workerData && workerData.kind === BACKUP_WORKER_KIND) {
  const port = parentPort;
  void run(workerData).then((reply) => port.postMessage(reply));
}

import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { removePartial } from './backup-files';
import { isCorruptionCode } from './integrity';
import { BACKUP_WORKER_KIND, checkCopy, errorReply, type BackupJob, type BackupReply } from './backup-worker.mjs';

/**
 * A backup copy failed its check. The daily copy is page-for-page (SQLite's backup API), so a bad
 * page in it was read from the source: the live database may be damaged. No copy was published,
 * so no fresh backup exists and the next open runs the full check on the live file (open-check.ts).
 */
export class BackupCheckFailedError extends Error {
  override readonly name = 'BackupCheckFailedError';
  constructor(readonly problems: readonly string[]) {
    super(
      `backup copy failed its integrity check (${problems.slice(0, 3).join('; ')}): the source database may be ` +
        'damaged; it gets a full check at the next start',
    );
  }
}

export interface OffThreadOptions {
  /** The worker script (tests point it at a missing file to exercise the fallback). */
  workerUrl?: URL;
}

const WORKER_URL = new URL('./backup-worker.mjs', import.meta.url);

/**
 * Copies the database open on `source` into `partial`, page for page, and checks the copy, both
 * in a worker thread with its own connections, so the main thread (every IPC call of the kiosk)
 * is not blocked by either: the copy's last step commits and fsyncs the whole destination, and
 * the check reads all of it, each about a second on a 600 MB store.
 *
 * Rejects with BackupCheckFailedError when the copy is damaged, with a plain Error when it could
 * not be made or read (disk full, permissions). If no worker can run at all (a packaging mistake,
 * a runtime that refuses the Worker) both steps run here instead, the copy in small steps through
 * `source` itself: a stall beats a kiosk that never takes a backup again.
 */
export async function copyAndCheck(source: Database.Database, partial: string, opts: OffThreadOptions = {}): Promise<void> {
  if (!source.memory) {
    const reply = await inWorker({ kind: BACKUP_WORKER_KIND, source: source.name, partial }, opts);
    if (reply) return judge(reply);
    removePartial(partial); // whatever a worker that died half-way left
  }
  try {
    await source.backup(partial, { progress: pageRate() });
  } catch (error) {
    return judge(errorReply('copy', error));
  }
  judge(checkInThread(partial));
}

/** Checks an existing copy off the main thread (in this thread if no worker can run). */
export async function verifyCopy(file: string, opts: OffThreadOptions = {}): Promise<void> {
  judge((await inWorker({ kind: BACKUP_WORKER_KIND, source: null, partial: file }, opts)) ?? checkInThread(file));
}

/** The same check in this thread, for the synchronous pre-migration backup. */
export function verifyCopySync(file: string): void {
  judge(checkInThread(file));
}

function checkInThread(file: string): BackupReply {
  try {
    return { problems: checkCopy(file) };
  } catch (error) {
    return errorReply('check', error);
  }
}

function judge(reply: BackupReply): void {
  if ('problems' in reply) {
    if (reply.problems.length > 0) throw new BackupCheckFailedError(reply.problems);
    return;
  }
  const { stage, code, message } = reply.error;
  // A page of the source so damaged that the copy or its opening fails says the same as a failed check.
  if (code !== null && isCorruptionCode(code)) throw new BackupCheckFailedError([`${code}: ${message}`]);
  const what = stage === 'copy' ? 'could not copy the database for the backup' : 'could not check the backup copy';
  throw new Error(`${what}: ${code ?? 'error'}: ${message}`);
}

/** The worker's reply, or null (after a warning) when the worker itself failed to run. */
async function inWorker(job: BackupJob, opts: OffThreadOptions): Promise<BackupReply | null> {
  try {
    return await runWorker(job, opts.workerUrl ?? WORKER_URL);
  } catch (error) {
    console.warn('[db] backup worker failed to run; doing its work on the main thread instead', error);
    return null;
  }
}

/**
 * One short-lived worker per job (one backup a day: its ~30 ms start-up is off the main thread
 * too). execArgv is empty: the worker is plain JavaScript and needs none of the parent's loader
 * flags (tsx's), and some hosts pass flags a Worker refuses. The worker catches every error of
 * its job and replies with it, so an 'error' event means the worker itself could not run.
 */
function runWorker(job: BackupJob, url: URL): Promise<BackupReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job, execArgv: [] });
    let settled = false;
    worker.once('message', (reply: BackupReply) => {
      settled = true;
      resolve(reply);
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with code ${code} without an answer`));
      settled = true;
    });
  });
}

/**
 * The in-thread fallback's step size: 256 pages (1 MB) per event-loop turn keeps each step to a
 * millisecond or two. Another connection's write restarts the copy from page one; from then on
 * each step copies every page at once (one read transaction, which no writer can interleave), so a
 * busy writer cannot keep the backup from ever finishing. Measured: with a fixed rate and a writer
 * between steps it never did.
 */
const ALL_PAGES = 0x7fffffff; // the largest rate better-sqlite3 accepts
function pageRate(): (progress: Database.BackupMetadata) => number {
  let lastRemaining = Number.POSITIVE_INFINITY;
  let rate = 256;
  return ({ remainingPages }) => {
    if (remainingPages > lastRemaining) rate = ALL_PAGES;
    lastRemaining = remainingPages;
    return rate;
  };
}

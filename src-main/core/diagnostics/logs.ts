import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The app's log files for the diagnostics zip (electron-log writes main.log and rotates it to
 * main.old.log). Newest first and capped, so a log that ran away for weeks still gives a zip that
 * an e-mail or a chat accepts; a capped file keeps its end, where the recent lines are.
 */

export const LOG_FILE_CAP = 5 * 1024 * 1024;
export const LOG_TOTAL_CAP = 20 * 1024 * 1024;

export interface LogFile {
  name: string;
  modifiedAt: string;
  /** Size on disk. */
  bytes: number;
  /** The bytes taken: the file's last `data.length` bytes. */
  data: Buffer;
  truncated: boolean;
}

export async function collectLogFiles(logDir: string, caps: { file?: number; total?: number } = {}): Promise<LogFile[]> {
  const fileCap = caps.file ?? LOG_FILE_CAP;
  let budget = caps.total ?? LOG_TOTAL_CAP;
  let names: string[];
  try {
    names = await fs.readdir(logDir);
  } catch (error) {
    // No log folder yet (nothing logged since install) is not a failure of the export.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: { name: string; file: string; mtimeMs: number; size: number }[] = [];
  for (const name of names) {
    const file = path.join(logDir, name);
    const stat = await fs.lstat(file).catch(() => null);
    // Regular files only: a link could point anywhere on the disk.
    if (stat?.isFile()) found.push({ name, file, mtimeMs: stat.mtimeMs, size: stat.size });
  }
  found.sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name));
  const out: LogFile[] = [];
  for (const f of found) {
    if (budget <= 0) break;
    const take = Math.min(f.size, fileCap, budget);
    const data = await readTail(f.file, f.size, take);
    budget -= data.length;
    out.push({ name: f.name, modifiedAt: new Date(f.mtimeMs).toISOString(), bytes: f.size, data, truncated: data.length < f.size });
  }
  return out;
}

/** The last `take` bytes; the file may still be growing, so what was read is what counts. */
async function readTail(file: string, size: number, take: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const data = Buffer.alloc(take);
    const { bytesRead } = await handle.read(data, 0, take, size - take);
    return data.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

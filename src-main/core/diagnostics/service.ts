import path from 'node:path';
import type { CommandResult } from '../../../src-shared/api';
import { fail, ok, type ErrorCode, type Result } from '../../../src-shared/errors';
import { writeAudit, type AuditRow } from '../audit/audit';
import type { CoreContext } from '../context';
import { BackupCheckFailedError } from '../db/backup';
import { isCorruptionError, quickCheck } from '../db/integrity';
import type { Session } from '../kiosk/sessions';
import { buildDiagnosticsZip, type ExportOptions } from './export';

/**
 * The operator's diagnostics screen: database check, backup now, the export zip (the connection
 * test: connection.ts). Each is audited: on a shared PC the trail says who looked at the store and
 * who took its data away in a zip.
 */
export { testConnection } from './connection';

/**
 * PRAGMA quick_check on the live connection: every page read, so it blocks for about 1.5 ms per
 * MB (the operator asked for it and waits for it). A damaged file can also make the check itself
 * throw SQLITE_CORRUPT: that is a finding, not a bug.
 */
export function dbCheck(ctx: CoreContext, session: Session): Result<CommandResult<'diagnostics-db-check'>> {
  const started = performance.now();
  let problems: string[];
  try {
    problems = quickCheck(ctx.sqlite);
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    problems = [`${error.code}: ${error.message}`];
  }
  const ms = Math.round(performance.now() - started);
  const sound = problems.length === 0;
  audit(ctx, { actorId: session.employeeId, action: 'diagnostics.db_check', detail: { ok: sound, problems: problems.length, ms } });
  return ok({ ok: sound, result: sound ? 'ok' : problems.join('\n'), ms });
}

/**
 * The daily backup's copy, taken now (core.ts backup with `force`): page for page, checked, kept
 * with the daily ones and pruned with them, so it also counts for open's "recent backup" rule.
 *
 * A copy that fails its check is refused with DB_CORRUPT, not INTERNAL: a page-for-page copy of
 * a sound file is sound, so the live database is damaged. That is a finding about the store, not a
 * fault of the app, and the screen must say so rather than "try again"; the core has also set
 * app-status's integrityWarning, and the next start runs the full check and restores the newest
 * good copy (all older copies are kept). Anything else (disk full, no permission) is INTERNAL
 * and logged.
 */
export async function backupNow(ctx: CoreContext, session: Session): Promise<Result<CommandResult<'diagnostics-backup-now'>>> {
  let code: ErrorCode;
  let detail: string;
  try {
    const copy = await ctx.backup({ force: true });
    if (copy) {
      audit(ctx, { actorId: session.employeeId, action: 'diagnostics.backup', detail: { file: path.basename(copy.file), bytes: copy.bytes } });
      return ok({ file: copy.file, at: copy.createdAt });
    }
    // Only when the store is closing: the app is quitting under the operator's click.
    code = 'INTERNAL';
    detail = 'store closed';
  } catch (error) {
    code = error instanceof BackupCheckFailedError ? 'DB_CORRUPT' : 'INTERNAL';
    detail = error instanceof Error ? error.message : String(error);
    if (code === 'INTERNAL') console.error('[diagnostics] backup failed', error);
  }
  audit(ctx, { actorId: session.employeeId, action: 'diagnostics.backup', detail: { error: code, message: detail } });
  return fail(code, { params: { detail } });
}

/** The zip for the help desk (export.ts, and redact.ts for what it leaves out), base64 for the screen. */
export async function exportDiagnostics(
  ctx: CoreContext,
  session: Session,
  appStatus: CommandResult<'app-status'>,
  opts: ExportOptions = {},
): Promise<Result<CommandResult<'diagnostics-export'>>> {
  const built = await buildDiagnosticsZip(ctx, session, appStatus, opts);
  if (!built.ok) return built;
  const { fileName, zip, members } = built.value;
  audit(ctx, { actorId: session.employeeId, action: 'diagnostics.export', detail: { fileName, bytes: zip.length, members } });
  return ok({ fileName, mimeType: 'application/zip', base64: Buffer.from(zip).toString('base64'), bytes: zip.length });
}

/**
 * Audit rows of the diagnostics commands. A store that just failed its check may refuse the
 * write too; the operator's answer matters more than the row, so that failure is only logged.
 */
function audit(ctx: CoreContext, row: Omit<AuditRow, 'at'>): void {
  try {
    writeAudit(ctx.db, { ...row, at: ctx.clock().toISOString() });
  } catch (error) {
    console.error('[diagnostics] audit row not written', error);
  }
}

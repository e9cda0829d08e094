import os from 'node:os';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CommandResult } from '../../../src-shared/api';
import { fileNamePart } from '../../../src-shared/domain/report';
import { localNow } from '../../../src-shared/domain/dates';
import { ok, type Result } from '../../../src-shared/errors';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol';
import { listAudit } from '../audit/service';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { stmt } from '../prepared';
import { getPolicy } from '../reference/queries';
import { getSettings } from '../settings/service';
import { listSyncLog, SYNC_LOG_KEEP } from '../sync/log';
import { collectLogFiles, type LogFile } from './logs';
import { redactAuditDetail, scrubSecrets } from './redact';

/** The audit rows in the zip: a few weeks of a busy kiosk, enough to see how a problem began. */
export const AUDIT_ROWS = 500;

export interface ExportOptions {
  /** Caps of the log files (tests use small ones). */
  logCaps?: { file?: number; total?: number };
}

export interface DiagnosticsZip {
  fileName: string;
  zip: Uint8Array;
  /** The member names, for the audit row. */
  members: string[];
}

/**
 * The diagnostics zip: app-status.json, sync-status.json, sync-log.json, settings.json, audit.json,
 * versions.json and, when the shell names a log folder, logs/ with logs/index.json saying what was
 * taken from each file. What is left out and why: redact.ts. `appStatus` is the app-status
 * command's answer, passed in by the command map (which owns that command).
 */
export async function buildDiagnosticsZip(
  ctx: CoreContext,
  session: Session,
  appStatus: CommandResult<'app-status'>,
  opts: ExportOptions = {},
): Promise<Result<DiagnosticsZip>> {
  const audit = listAudit(ctx, session, { limit: AUDIT_ROWS });
  if (!audit.ok) return audit;
  const identity = stmt(ctx.sqlite, 'select workstation_id, workstation_name, unit_id from sync_state where id = 1').get() as
    | { workstation_id: string | null; workstation_name: string | null; unit_id: string | null }
    | undefined;
  const logs = ctx.host.logDir ? await collectLogFiles(ctx.host.logDir, opts.logCaps) : [];
  const token = ctx.sync.tokenStore.read();
  const secrets = token ? [token] : [];
  const json = (value: unknown): Uint8Array => strToU8(scrubSecrets(JSON.stringify(value, null, 2), secrets));

  const files: Record<string, Uint8Array> = {
    'app-status.json': json(appStatus),
    'sync-status.json': json(ctx.sync.status()),
    'sync-log.json': json(listSyncLog(ctx.sqlite, SYNC_LOG_KEEP)),
    'settings.json': json(getSettings(ctx.db)),
    'audit.json': json(audit.value.items.map((item) => ({ ...item, detail: redactAuditDetail(item.detail) }))),
    'versions.json': json(versions(ctx)),
  };
  if (ctx.host.logDir) {
    files['logs/index.json'] = json(logs.map(({ data, ...f }) => ({ ...f, included: data.length })));
    for (const f of logs) files[`logs/${f.name}`] = scrubLog(f, secrets);
  }
  const mtime = ctx.clock();
  const zippable: Zippable = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]]));
  const local = localNow(mtime, getPolicy(ctx.db, identity?.unit_id ?? null).timeZone);
  const pc = fileNamePart(identity?.workstation_name ?? '') || identity?.workstation_id || 'belum-terdaftar';
  const stamp = `${local.date.replaceAll('-', '')}-${local.time.replace(':', '')}`;
  return ok({ fileName: `diagnostik-${pc}-${stamp}.zip`, zip: zipSync(zippable), members: Object.keys(files) });
}

/** latin1 maps bytes to characters one to one, so a log's bytes survive the scrub unchanged. */
function scrubLog(f: LogFile, secrets: readonly string[]): Uint8Array {
  return Buffer.from(scrubSecrets(f.data.toString('latin1'), secrets), 'latin1');
}

function versions(ctx: CoreContext) {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    appVersion: ctx.host.appVersion ?? null,
    schemaVersion: ctx.openReport.schemaVersion,
    protocol: PROTOCOL_VERSION,
    sqlite: ctx.sqlite.prepare('select sqlite_version()').pluck().get() as string,
    node: v.node,
    electron: v.electron ?? null,
    chrome: v.chrome ?? null,
    v8: v.v8,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    generatedAt: ctx.clock().toISOString(),
  };
}

import { OFFLINE_AFTER_MS, readStatus, type ServerStatus } from '../admin/status';
import type { Command } from './command';
import { duration, fields, table } from './format';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function workstationState(w: ServerStatus['workstations'][number]): string {
  if (w.revokedAt) return `revoked ${w.revokedAt.slice(0, 10)}`;
  if (w.possiblyOffline) return w.lastSeenAt ? 'POSSIBLY OFFLINE' : 'NEVER SYNCED';
  return 'ok';
}

export function statusLines(s: ServerStatus): string[] {
  const m = s.mutationsLast24h;
  const offline = s.workstations.filter((w) => w.possiblyOffline).length;
  const lines = [
    ...fields([
      ['Database', s.database],
      ['Epoch', s.epoch],
      ['Migrations', `${s.migrations.applied} applied, ${s.migrations.known} shipped (latest ${s.migrations.latest ?? 'none'})`],
      ['Checked at', s.checkedAt],
    ]),
    '',
    `Units (version: the latest change its workstations pull):`,
    ...(s.units.length
      ? table([['CODE', 'NAME', 'VERSION', 'EMPLOYEES', 'WORKSTATIONS'], ...s.units.map((u) => [u.code, cut(u.name, 40), String(u.version), String(u.employees), String(u.workstations)])])
      : ['  none yet: npm run server -- import units.csv (or demo)']),
    `  Catalog and holidays (city-wide): version ${s.globalVersion}`,
    '',
    'Workstations:',
    ...(s.workstations.length
      ? table([
          ['ID', 'NAME', 'UNIT', 'ENROLLED', 'LAST SEEN', 'LAST SEQ', '24 H', 'STATE'],
          ...s.workstations.map((w) => [
            w.id,
            cut(w.name, 24),
            w.unitCode,
            w.enrolledAt.slice(0, 10),
            w.lastSeenAt ? `${duration(new Date(s.checkedAt).getTime() - new Date(w.lastSeenAt).getTime())} ago` : 'never',
            w.lastSeq === null ? '-' : String(w.lastSeq),
            String(w.mutationsLast24h),
            workstationState(w),
          ]),
        ])
      : ['  none enrolled yet: npm run server -- enroll-code --unit <code>']),
    '',
    `Mutations processed in the last 24 h: ${m.total} (${m.applied} applied, ${m.rejected} rejected, ${m.conflict} conflict)`,
    '',
    `Backlog: the server cannot see what waits in a workstation's outbox. A workstation silent for more`,
    `than ${duration(OFFLINE_AFTER_MS)} is flagged POSSIBLY OFFLINE: its unsent work waits on that PC until it reconnects.`,
  ];
  if (offline > 0) lines.push(`${offline} workstation(s) possibly offline: check their network or that the kiosk app runs.`);
  return lines;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the database, units, workstations and sync activity',
  positionals: 0,
  options: {},
  details: ['Examples:', '  npm run server -- status', '  npm run server -- status --json'],
  async run(ctx) {
    const status = await ctx.withDatabase((d) => readStatus(d.db, d.describe, ctx.io.now()));
    return ctx.done({ status }, statusLines(status));
  },
};

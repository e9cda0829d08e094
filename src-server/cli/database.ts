import { DEMO, DEMO_INITIAL_PIN, DEMO_PIN } from '../../src-shared/demo';
import { loadDemo } from '../admin/demo';
import { readMigrationState } from '../admin/status';
import { auditLog } from '../db/schema';
import { readEpoch, startNewEpoch } from '../db/sync-scope';
import { withTransaction } from '../db/transaction';
import { createEnrollmentCode } from '../workstations/service';
import type { Command } from './command';
import { fields, localTime } from './format';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Create or update the database schema (the server also does this when it starts)',
  positionals: 0,
  options: {},
  details: ['Example:', '  npm run server -- migrate', '  DATABASE_URL=postgres://kinerja@db.local/kinerja npm run server -- migrate'],
  async run(ctx) {
    const { database, migrations, epoch } = await ctx.withDatabase(async (d) => ({
      database: d.describe,
      migrations: await readMigrationState(d.db),
      epoch: await readEpoch(d.db),
    }));
    const lines = fields([
      ['Database', database],
      ['Migrations', `${migrations.applied} applied, ${migrations.known} shipped (latest ${migrations.latest ?? 'none'})`],
      ['Epoch', epoch],
    ]);
    if (migrations.applied > migrations.known) lines.push('Warning: the database has migrations this server does not know: it was set up by a newer version.');
    else lines.push('The database schema is up to date.');
    return ctx.done({ database, migrations, epoch }, lines);
  },
};

export const NEW_EPOCH_WARNING =
  'Every workstation will discard its copy of the server data and pull everything again at its next sync. ' +
  'Work not yet sent stays in each workstation outbox and is sent as usual. ' +
  'Run this once, right after restoring a database backup, and never on a database that was not restored.';

export const newEpochCommand: Command = {
  name: 'new-epoch',
  summary: 'After restoring a backup: make every workstation pull everything again',
  positionals: 0,
  options: {},
  details: [
    'Workstations keep a cursor into the server history. A restored backup rewinds that history, so',
    'their cursors would skip changes; a new epoch makes the server answer "reset" to every old cursor.',
    'Example:',
    '  npm run server -- new-epoch',
  ],
  async run(ctx) {
    const now = ctx.io.now();
    const { previous, epoch } = await ctx.withDatabase((d) =>
      withTransaction(d.db, async (tx) => {
        const previous = await readEpoch(tx);
        const epoch = await startNewEpoch(tx);
        await tx.insert(auditLog).values({ at: now, action: 'server.new_epoch', entityType: 'server', detail: { previous, epoch } });
        return { previous, epoch };
      }),
    );
    return ctx.done({ previous, epoch, warning: NEW_EPOCH_WARNING }, [
      ...fields([
        ['New epoch', epoch],
        ['Previous', previous],
      ]),
      '',
      `WARNING: ${NEW_EPOCH_WARNING}`,
    ]);
  },
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load the demo unit, people, catalog and calendar, and make an enrollment code',
  positionals: 0,
  options: {},
  details: ['Safe to run again: the data is only written where it changed, and PINs changed at a kiosk are kept.', 'Example:', '  npm run server -- demo'],
  async run(ctx) {
    const now = ctx.io.now();
    const { database, counts, enrollment } = await ctx.withDatabase(async (d) => ({
      database: d.describe,
      counts: await loadDemo(d.db, now),
      enrollment: await createEnrollmentCode(d.db, DEMO.unit.code, now),
    }));
    const expiresAt = enrollment.expiresAt.toISOString();
    return ctx.done(
      { database, counts, unit: DEMO.unit.code, enrollmentCode: enrollment.code, expiresAt, demoPin: DEMO_PIN, firstLoginPin: DEMO_INITIAL_PIN },
      [
        `Demo data loaded into ${database}: unit ${DEMO.unit.code}, ${DEMO.employees.length} employees (written where changed: ${counts.employees.written} employees, ${counts.catalog.written} activities).`,
        '',
        ...fields([
          ['Enrollment code', enrollment.code],
          ['Unit', `${DEMO.unit.code}  ${DEMO.unit.name}`],
          ['Valid until', `${localTime(enrollment.expiresAt, DEMO.unit.timeZone)} (single use)`],
        ]),
        '',
        'Next steps:',
        `  1. Start the server:  npm run server -- serve${typeof ctx.values['data'] === 'string' ? ` --data ${ctx.values['data']}` : ''}`,
        '  2. Enroll a kiosk workstation with the code above and the server address.',
        `  3. Log in at the kiosk with a demo NIP and PIN ${DEMO_PIN}; Dimas and Ni Luh log in for`,
        `     the first time with ${DEMO_INITIAL_PIN} and must choose a new PIN.`,
      ],
    );
  },
};

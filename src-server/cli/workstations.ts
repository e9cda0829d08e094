import { and, eq } from 'drizzle-orm';
import { units, workstations } from '../db/schema';
import { createEnrollmentCode, ENROLLMENT_CODE_TTL_MS, revokeWorkstation } from '../workstations/service';
import { EXIT, type Command } from './command';
import { fields, localTime } from './format';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const enrollCodeCommand: Command = {
  name: 'enroll-code',
  summary: 'Make a single-use code (valid 24 h) to enroll a kiosk workstation in a unit',
  positionals: 0,
  options: { unit: { type: 'string', arg: '<code>', help: 'the unit the workstation will serve (required)' } },
  details: [
    'The code is shown once and only its hash is stored: type it into the kiosk with the server address.',
    'Example:',
    '  npm run server -- enroll-code --unit SETDA-ORG',
  ],
  async run(ctx) {
    const unitCode = ctx.values['unit'];
    if (typeof unitCode !== 'string' || unitCode === '') return ctx.fail(EXIT.usage, 'missing --unit <code>');
    const now = ctx.io.now();
    const made = await ctx.withDatabase(async ({ db }) => {
      const [unit] = await db
        .select({ name: units.name, timeZone: units.timeZone })
        .from(units)
        .where(and(eq(units.code, unitCode), eq(units.deleted, false)));
      return unit ? { unit, ...(await createEnrollmentCode(db, unitCode, now)) } : null;
    });
    if (!made) return ctx.fail(EXIT.failed, `unknown unit "${unitCode}" (see status for the units, or import them with --kind units)`);
    return ctx.done({ code: made.code, unit: unitCode, unitId: made.unitId, expiresAt: made.expiresAt.toISOString() }, [
      ...fields([
        ['Enrollment code', made.code],
        ['Unit', `${unitCode}  ${made.unit.name}`],
        ['Valid until', `${localTime(made.expiresAt, made.unit.timeZone)} (${ENROLLMENT_CODE_TTL_MS / 3_600_000} h, single use)`],
      ]),
      'Type the code into the kiosk enrollment screen together with the server address.',
    ]);
  },
};

export const revokeWorkstationCommand: Command = {
  name: 'revoke-workstation',
  summary: 'Stop a workstation token at once (a stolen or retired PC)',
  args: '<workstationId>',
  positionals: 1,
  options: {},
  details: [
    'The workstation id is listed by `status`. Work the PC has not sent yet stays on it; it can be',
    'enrolled again with a new code and then sends it.',
    'Example:',
    '  npm run server -- revoke-workstation 0b7c6f0e-3c1d-4c55-9a57-2f1e0c6f9a10',
  ],
  async run(ctx) {
    const id = ctx.positionals[0]!;
    if (!UUID_RE.test(id)) return ctx.fail(EXIT.usage, `"${id}" is not a workstation id (a UUID, see status)`);
    const now = ctx.io.now();
    const outcome = await ctx.withDatabase(async ({ db }) => {
      const [ws] = await db.select({ name: workstations.name, revokedAt: workstations.revokedAt }).from(workstations).where(eq(workstations.id, id));
      if (!ws) return null;
      return { ...ws, ...(await revokeWorkstation(db, id, now)) };
    });
    if (!outcome) return ctx.fail(EXIT.failed, `no workstation ${id}`);
    const line = outcome.revoked
      ? `Workstation "${outcome.name}" (${id}) is revoked: its token no longer works.`
      : `Workstation "${outcome.name}" (${id}) was already revoked on ${outcome.revokedAt?.toISOString()}.`;
    return ctx.done({ workstationId: id, name: outcome.name, revoked: outcome.revoked }, [line]);
  },
};

import { eq } from 'drizzle-orm';
import type { CommandResult, SessionInfo } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { formatNip, normalizeNip } from '../../../src-shared/domain/nip';
import { checkNewPin } from '../../../src-shared/domain/pin-rules';
import { employees } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { enqueueMutation } from '../sync/outbox';
import { nowIso, type CoreContext } from '../context';
import { getEmployee, getEmployeeRowByNip, getPolicy, hasSubordinates, listUnitEmployees, workstationUnitId } from '../reference/queries';
import { getSettings } from '../settings/service';
import { DUMMY_HASH, hashPin, verifyPin } from './pin';
import { clearMisses, lockedMap, lockedUntil, recordMiss } from './lockout';
import type { Session } from './sessions';
import { stmt } from '../prepared';

export function staffList(ctx: CoreContext, query: string | undefined): CommandResult<'kiosk-staff-list'> {
  const unitId = workstationUnitId(ctx.db);
  const policy = getPolicy(ctx.db, unitId);
  const idle = idleSeconds(ctx, policy.idleLogoutSeconds);
  if (!policy.showStaffList) return { showList: false, pinLength: policy.pinLength, idleSeconds: idle, staff: [] };
  const locked = lockedMap(ctx.db, ctx.clock());
  const q = (query ?? '').trim().toLowerCase();
  const digits = q.replace(/\D/g, '');
  const staff = listUnitEmployees(ctx.db, unitId)
    .filter((e) => e.active)
    .filter((e) => !q || e.name.toLowerCase().includes(q) || (digits.length >= 3 && e.nip.includes(digits)))
    .map((e) => ({
      id: e.id,
      nip: e.nip,
      nipFormatted: formatNip(e.nip),
      name: e.name,
      positionTitle: e.positionTitle,
      initials: initials(e.name),
      lockedUntil: locked.get(e.id) ?? null,
    }));
  return { showList: true, pinLength: policy.pinLength, idleSeconds: idle, staff };
}

/** "Dra. Siti Nurhaliza, S.E." → "SN": titles and degrees are not part of the initials. */
export function initials(name: string): string {
  const words = name
    .split(',')[0]!
    .split(/\s+/)
    .filter((w) => w && !w.endsWith('.'));
  return words.length === 0 ? '?' : ((words[0]![0] ?? '') + (words.length > 1 ? (words.at(-1)![0] ?? '') : '')).toUpperCase();
}

export async function login(ctx: CoreContext, args: { nip: string; pin: string }): Promise<Result<SessionInfo>> {
  const nip = normalizeNip(args.nip);
  if (!nip) return fail('NIP_INVALID', { field: 'nip' });
  const row = getEmployeeRowByNip(ctx.db, nip);
  if (!row) {
    await verifyPin(args.pin, DUMMY_HASH);
    return fail('NIP_UNKNOWN', { field: 'nip' });
  }
  if (row.active !== 1) return fail('EMPLOYEE_INACTIVE');
  const policy = getPolicy(ctx.db, row.unitId);
  const until = lockedUntil(ctx.db, row.id, ctx.clock());
  if (until) return fail('PIN_LOCKED', { params: { minutes: minutesLeft(until, ctx.clock()), until: until.toISOString() } });
  if (!row.pinHash) return fail('PIN_NOT_SET');

  const good = await verifyPin(args.pin, row.pinHash);
  const at = nowIso(ctx);
  if (!good) {
    // Counted after the await, in one transaction, so two racing attempts both count.
    const outcome = ctx.sqlite.transaction(() => {
      const o = recordMiss(ctx.db, row.id, ctx.clock(), policy);
      writeAudit(ctx.db, {
        at,
        actorId: null,
        action: o.locked ? 'kiosk.lockout' : 'kiosk.login_failed',
        entityType: 'employee',
        entityId: row.id,
        detail: o.locked ? { until: o.until.toISOString(), lockCount: o.lockCount } : { remaining: o.remaining },
      });
      return o;
    }).immediate();
    return outcome.locked
      ? fail('PIN_LOCKED', { field: 'pin', params: { minutes: minutesLeft(outcome.until, ctx.clock()), until: outcome.until.toISOString() } })
      : fail('PIN_WRONG', { field: 'pin', params: { remaining: outcome.remaining } });
  }

  ctx.sqlite.transaction(() => {
    clearMisses(ctx.db, row.id);
    writeAudit(ctx.db, { at, actorId: row.id, action: 'kiosk.login', entityType: 'employee', entityId: row.id, detail: { mustChangePin: row.mustChangePin === 1 } });
  }).immediate();
  // The session starts only once the login is on record.
  const { session, replaced } = ctx.sessions.start(row.id, row.mustChangePin === 1, idleSeconds(ctx, policy.idleLogoutSeconds));
  if (replaced) ctx.emit('session-ended', { reason: 'replaced' });
  return ok(sessionInfo(ctx, session));
}

export function sessionInfo(ctx: CoreContext, session: Session): SessionInfo {
  const e = getEmployee(ctx.db, session.employeeId)!;
  return {
    token: session.token,
    employee: { id: e.id, nip: e.nip, name: e.name, positionTitle: e.positionTitle, roles: e.roles, hasSubordinates: hasSubordinates(ctx.db, e.id) },
    mustChangePin: session.mustChangePin,
    idleLogoutSeconds: session.idleLogoutSeconds,
    startedAt: session.startedAt.toISOString(),
    syncNotices: syncNotices(ctx, e.id),
  };
}

/** Entries of this person that carry a note from the last sync, newest work first. */
function syncNotices(ctx: CoreContext, employeeId: string): SessionInfo['syncNotices'] {
  return stmt(
    ctx.sqlite,
    `select id as entryId, work_date as workDate, start_time as startTime, end_time as endTime, sync_code as code, sync_message as message
     from entries where employee_id = ? and sync_code is not null order by work_date desc, start_time desc limit 50`,
  ).all(employeeId) as SessionInfo['syncNotices'];
}

export function logout(ctx: CoreContext, session: Session, reason: 'logout' | 'idle' = 'logout'): CommandResult<'kiosk-logout'> {
  ctx.sessions.end(session.token);
  writeAudit(ctx.db, { at: nowIso(ctx), actorId: session.employeeId, action: 'kiosk.logout', entityType: 'employee', entityId: session.employeeId, detail: { reason } });
  ctx.emit('session-ended', { reason });
  return { loggedOut: true };
}

export async function changePin(
  ctx: CoreContext,
  session: Session,
  args: { currentPin?: string | undefined; newPin: string },
): Promise<Result<CommandResult<'kiosk-change-pin'>>> {
  const row = ctx.db.select().from(employees).where(eq(employees.id, session.employeeId)).get();
  if (!row) return fail('NOT_FOUND');
  const policy = getPolicy(ctx.db, row.unitId);
  // A forced change follows a PIN typed seconds ago; any other change proves the current PIN.
  if (!session.mustChangePin) {
    if (!args.currentPin) return fail('PIN_WRONG', { field: 'currentPin', params: { remaining: policy.maxWrongPins } });
    if (!row.pinHash || !(await verifyPin(args.currentPin, row.pinHash))) {
      return fail('PIN_WRONG', { field: 'currentPin', params: { remaining: policy.maxWrongPins } });
    }
  }
  const weakness = checkNewPin(args.newPin, policy);
  if (weakness) return fail(weakness, { field: 'newPin', params: { length: policy.pinLength } });
  if (row.pinHash && (await verifyPin(args.newPin, row.pinHash))) return fail('PIN_SAME_AS_OLD', { field: 'newPin' });

  const pinHash = await hashPin(args.newPin);
  const at = nowIso(ctx);
  ctx.sqlite.transaction(() => {
    ctx.db.update(employees).set({ pinHash, mustChangePin: 0 }).where(eq(employees.id, row.id)).run();
    enqueueMutation(ctx.db, { name: 'employee.changePin@1', args: { employeeId: row.id, pinHash }, actorId: row.id, entityId: row.id, clientTime: at });
    writeAudit(ctx.db, { at, actorId: row.id, action: 'employee.change_pin', entityType: 'employee', entityId: row.id, detail: { forced: session.mustChangePin } });
  }).immediate();
  session.mustChangePin = false;
  return ok({ changed: true });
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** This PC's override of the idle timeout, if the operator set one, else the unit policy. */
function idleSeconds(ctx: CoreContext, policySeconds: number): number {
  return getSettings(ctx.db).idleLogoutSeconds ?? policySeconds;
}

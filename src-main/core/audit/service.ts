import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { auditLog, employees } from '../db/schema';
import type { CoreContext } from '../context';
import { getEmployee } from '../reference/queries';
import type { Session } from '../kiosk/sessions';

/**
 * The audit trail, newest first. Operators and admins read everyone's; a person reads what they
 * did and what was done to them (e.g. a lockout of their account), nobody else's.
 */
export function listAudit(ctx: CoreContext, session: Session, args: ParsedArgs<'audit-list'>): Result<CommandResult<'audit-list'>> {
  const me = getEmployee(ctx.db, session.employeeId)!;
  const privileged = me.roles.includes('operator') || me.roles.includes('admin');
  const who = args.employeeId ?? (privileged ? undefined : me.id);
  if (who !== undefined && who !== me.id && !privileged) return fail('FORBIDDEN');
  const limit = args.limit ?? 100;
  const conds: SQL[] = [];
  if (who !== undefined) conds.push(or(eq(auditLog.actorId, who), eq(auditLog.entityId, who))!);
  if (args.before !== undefined) conds.push(lt(auditLog.id, args.before));
  const rows = ctx.db
    .select({ row: auditLog, actorName: employees.name })
    .from(auditLog)
    .leftJoin(employees, eq(employees.id, auditLog.actorId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return ok({
    items: page.map(({ row, actorName }) => ({
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      detail: parseDetail(row.detail),
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.row.id ?? null) : null,
  });
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

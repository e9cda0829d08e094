import type Database from 'better-sqlite3';
import type { CommandResult, ParsedArgs, ReviewQueue } from '../../../src-shared/api';
import { fail, ok, type ErrorCode, type Result } from '../../../src-shared/errors';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import type { Session } from '../kiosk/sessions';
import { stmt } from '../prepared';
import type { Decision } from './decision';

/**
 * Refused decisions (review_notices, db/schema.ts). A review the server refuses is not the entry
 * owner's business (their entry simply shows the server's state after the pull): it is the
 * supervisor's, who sees it in Verifikasi until "Mengerti".
 */

export interface RefusedReview {
  mutationId: string;
  actorId: string;
  entryId: string;
  decision: Decision;
  code: ErrorCode;
  message: string;
  at: string;
}

/**
 * Called by sync/settle.ts in the transaction that records the server's answer. The entry's day
 * and times are copied now; a second answer to the same mutation (a restored server) is ignored.
 */
export function recordRefusedReview(sqlite: Database.Database, n: RefusedReview): void {
  stmt(
    sqlite,
    `insert into review_notices (mutation_id, actor_id, entry_id, employee_id, work_date, start_time, end_time, decision, code, message, at)
     select @mutationId, @actorId, @entryId, e.employee_id, coalesce(e.work_date, ''), coalesce(e.start_time, ''), coalesce(e.end_time, ''),
            @decision, @code, @message, @at
     from (select 1) left join entries e on e.id = @entryId
     where true
     on conflict (mutation_id) do nothing`,
  ).run(n);
}

export const OPEN_NOTICES_SQL = `select n.id, n.entry_id as entryId, coalesce(p.name, '') as employeeName, n.work_date as workDate,
  n.start_time as startTime, n.end_time as endTime, n.decision, n.code, n.message, n.at
  from review_notices n left join employees p on p.id = n.employee_id
  where n.actor_id = ? and n.dismissed_at is null order by n.id desc limit 200`;

/** This supervisor's notices not yet dismissed, newest first. */
export function openNotices(sqlite: Database.Database, actorId: string): ReviewQueue['notices'] {
  return stmt(sqlite, OPEN_NOTICES_SQL).all(actorId) as ReviewQueue['notices'];
}

/** "Mengerti": only the notice's own supervisor may dismiss it; doing it twice is harmless. */
export function dismissNotice(ctx: CoreContext, session: Session, args: ParsedArgs<'review-notice-dismiss'>): Result<CommandResult<'review-notice-dismiss'>> {
  const own = stmt(ctx.sqlite, 'select dismissed_at from review_notices where id = ? and actor_id = ?').get(args.id, session.employeeId);
  if (!own) return fail('NOT_FOUND', { field: 'id' });
  stmt(ctx.sqlite, 'update review_notices set dismissed_at = ? where id = ? and dismissed_at is null').run(nowIso(ctx), args.id);
  return ok({ dismissed: true });
}

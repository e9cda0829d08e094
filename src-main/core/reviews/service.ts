import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { ok, type Result } from '../../../src-shared/errors';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import type { Session } from '../kiosk/sessions';
import { toViews } from '../entries/queries';
import { checkDecision, writeDecision } from './decision';

/**
 * review-decide: a supervisor's decision on one waiting entry, checked with the rules the server
 * applies to entry.review@1 (decision.ts) so the kiosk refuses what the server would. The server
 * decides finally; a review that loses a race comes back as a notice (sync/settle.ts, notices.ts).
 */
export function reviewEntry(ctx: CoreContext, session: Session, args: ParsedArgs<'review-decide'>): Result<CommandResult<'review-decide'>> {
  return ctx.sqlite.transaction((): Result<CommandResult<'review-decide'>> => {
    const note = args.note?.trim() ?? '';
    const checked = checkDecision(ctx, session, args, args.decision, note);
    if (!checked.ok) return checked;
    const next = writeDecision(ctx, session, checked.value, args.decision, note, nowIso(ctx));
    return ok({ entry: toViews(ctx.db, [next])[0]! });
  }).immediate();
}

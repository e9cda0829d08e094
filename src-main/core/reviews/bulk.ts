import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import type { Entry } from '../../../src-shared/domain/types';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import type { Session } from '../kiosk/sessions';
import { toViews } from '../entries/queries';
import { checkDecision, refusedItem, writeDecision } from './decision';

type Out = Result<CommandResult<'review-approve-all'>>;

/**
 * "Setujui semua": approves exactly the entries the confirmation counted, each on the revision
 * shown, in one SQLite transaction. Every item is checked before anything is written, so a refusal
 * (say one entry changed meanwhile) leaves no entry, outbox row or audit row behind and names the
 * item (`items.<i>`, params.entryId) for the screen to reload. Approving one entry cannot change
 * whether another may be approved (it was standing already), so checking first is enough.
 * One entry.review@1 per entry, in list order.
 */
export function approveAll(ctx: CoreContext, session: Session, args: ParsedArgs<'review-approve-all'>): Out {
  const seen = new Set<string>();
  for (const [i, item] of args.items.entries()) {
    if (seen.has(item.entryId)) {
      return fail('VALIDATION', { field: `items.${i}`, params: { field: `items.${i}`, detail: 'duplicate', entryId: item.entryId } });
    }
    seen.add(item.entryId);
  }
  return ctx.sqlite.transaction((): Out => {
    const checked: Entry[] = [];
    for (const [i, item] of args.items.entries()) {
      const r = checkDecision(ctx, session, item, 'approve', '');
      if (!r.ok) return refusedItem(r, `items.${i}`, item.entryId);
      checked.push(r.value);
    }
    const at = nowIso(ctx);
    const approved = checked.map((entry) => writeDecision(ctx, session, entry, 'approve', '', at));
    return ok({ approved: toViews(ctx.db, approved) });
  }).immediate();
}

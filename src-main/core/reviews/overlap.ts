import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { overlaps } from '../../../src-shared/domain/entry-rules';
import type { Entry } from '../../../src-shared/domain/types';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import type { Session } from '../kiosk/sessions';
import { toViews } from '../entries/queries';
import { checkDecision, refusedItem, writeDecision } from './decision';
import { itemOf } from './queue';

type Out = Result<CommandResult<'review-resolve-overlap'>>;

const invalid = (field: string, entryId: string, detail: string): Out => fail('VALIDATION', { field, params: { field, detail, entryId } });

/**
 * Two (or more) overlapping entries of one person (rule 4, from two offline PCs): the supervisor
 * keeps one and returns the others with one note, in one transaction; nothing is written unless
 * every entry passes. The kept entry stays waiting and, once no standing entry overlaps it, may be
 * approved at once: its mutations are queued after these returns, so the server agrees.
 */
export function resolveOverlap(ctx: CoreContext, session: Session, args: ParsedArgs<'review-resolve-overlap'>): Out {
  const note = args.note.trim();
  if (note.length === 0) return fail('NOTE_REQUIRED', { field: 'note' });
  const seen = new Set([args.keep.entryId]);
  for (const [i, o] of args.others.entries()) {
    if (seen.has(o.entryId)) return invalid(`others.${i}`, o.entryId, 'duplicate');
    seen.add(o.entryId);
  }
  return ctx.sqlite.transaction((): Out => {
    const kept = checkDecision(ctx, session, args.keep, null, note);
    if (!kept.ok) return refusedItem(kept, 'keep', args.keep.entryId);
    const keep = kept.value;
    const others: Entry[] = [];
    for (const [i, ref] of args.others.entries()) {
      const r = checkDecision(ctx, session, ref, 'return', note);
      if (!r.ok) return refusedItem(r, `others.${i}`, ref.entryId);
      const other = r.value;
      // Only an actual overlap is resolved this way: anything else is an ordinary return.
      if (other.employeeId !== keep.employeeId || other.workDate !== keep.workDate || !overlaps(keep, other)) {
        return invalid(`others.${i}`, ref.entryId, 'no overlap');
      }
      others.push(other);
    }
    const at = nowIso(ctx);
    const returned = others.map((o) => writeDecision(ctx, session, o, 'return', note, at));
    return ok({ kept: itemOf(ctx, keep), returned: toViews(ctx.db, returned) });
  }).immediate();
}

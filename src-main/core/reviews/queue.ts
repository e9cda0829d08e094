import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, type Result } from '../../../src-shared/errors';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';

// Stubs: filled in by the review-mode work.
export function reviewQueue(_ctx: CoreContext, _session: Session): Result<CommandResult<'review-queue'>> {
  return fail('INTERNAL');
}
export function reviewItem(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'review-entry'>): Result<CommandResult<'review-entry'>> {
  return fail('INTERNAL');
}
export function approveAll(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'review-approve-all'>): Result<CommandResult<'review-approve-all'>> {
  return fail('INTERNAL');
}
export function resolveOverlap(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'review-resolve-overlap'>): Result<CommandResult<'review-resolve-overlap'>> {
  return fail('INTERNAL');
}
export function dismissNotice(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'review-notice-dismiss'>): Result<CommandResult<'review-notice-dismiss'>> {
  return fail('INTERNAL');
}

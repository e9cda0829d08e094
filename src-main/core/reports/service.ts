import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, type Result } from '../../../src-shared/errors';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';

// Stubs: filled in by the reports work.
export function teamReport(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'report-team'>): Result<CommandResult<'report-team'>> {
  return fail('INTERNAL');
}
export function employeeReport(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'report-employee'>): Result<CommandResult<'report-employee'>> {
  return fail('INTERNAL');
}
export async function reportXlsx(_ctx: CoreContext, _session: Session, _args: ParsedArgs<'report-xlsx'>): Promise<Result<CommandResult<'report-xlsx'>>> {
  return fail('INTERNAL');
}

import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, type Result } from '../../../src-shared/errors';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';

// Stubs: filled in by the operator-screens work.
export async function testConnection(_ctx: CoreContext, _session: Session | null, _args: ParsedArgs<'workstation-test-connection'>): Promise<Result<CommandResult<'workstation-test-connection'>>> {
  return fail('INTERNAL');
}
export function dbCheck(_ctx: CoreContext): Result<CommandResult<'diagnostics-db-check'>> {
  return fail('INTERNAL');
}
export async function backupNow(_ctx: CoreContext): Promise<Result<CommandResult<'diagnostics-backup-now'>>> {
  return fail('INTERNAL');
}
export async function exportDiagnostics(_ctx: CoreContext): Promise<Result<CommandResult<'diagnostics-export'>>> {
  return fail('INTERNAL');
}

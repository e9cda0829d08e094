import type { MutationArgs } from '../../../src-shared/protocol';
import { isPinHash } from '../../employees/pin';
import { applied, rejected, type ApplyOutcome, type MutationContext } from './context';

/**
 * employee.changePin@1: a person changes only their own PIN. The hash is made on the workstation;
 * the server refuses one in a format other kiosks could not verify (it would lock the person out
 * everywhere) and sends the new hash to every workstation of the unit with the next pull.
 */
export async function changePin(ctx: MutationContext, args: MutationArgs<'employee.changePin@1'>): Promise<ApplyOutcome> {
  if (args.employeeId !== ctx.actor.id) return rejected('FORBIDDEN');
  if (!isPinHash(args.pinHash)) return rejected('VALIDATION', { field: 'pinHash' });
  const version = await ctx.version(ctx.actor.unitId);
  await ctx.store.updateEmployee(ctx.actor.id, { pinHash: args.pinHash, mustChangePin: false, version, updatedAt: ctx.now });
  return applied();
}

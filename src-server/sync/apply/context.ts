import { errorMessage, type ErrorCode, type MessageParams } from '../../../src-shared/errors';
import type { Policy } from '../../../src-shared/domain/policy';
import type { ApplyStore, EmployeeRow } from './store';

/**
 * What an applier knows about one mutation: who did it, where, and which day the rules must use.
 * `ruleToday` is the unit-local date of the action on the workstation (clientTime), capped at the
 * server's clock: a kiosk that was offline for three days still files Monday's work under Monday's
 * rules, and a clock running ahead cannot open a future date.
 */
export interface MutationContext {
  /** Reads and writes of the caller's transaction (store.ts). */
  store: ApplyStore;
  workstation: { id: string; unitId: string };
  actor: EmployeeRow;
  /** Server clock at apply time (receivedAt). */
  now: Date;
  /** Client clock of the action as sent (createdAt / updatedAt / reviewedAt of what it writes). */
  clientTime: Date;
  /** Client clock of the action, capped at `now`. */
  actedAt: Date;
  ruleToday: string;
  serverToday: string;
  /** The client's clock ran ahead of the server or went backwards between mutations. */
  clockSkew: boolean;
  policy: Policy;
  /** The mutation's version of a sync scope, taken on first use and reused. */
  version(scope: string): Promise<number>;
}

export type ApplyOutcome =
  | { status: 'applied'; rev?: number }
  | { status: 'rejected' | 'conflict'; code: ErrorCode; message: string; rev?: number };

export const applied = (rev?: number): ApplyOutcome => (rev === undefined ? { status: 'applied' } : { status: 'applied', rev });

export function rejected(code: ErrorCode, params?: MessageParams): ApplyOutcome {
  return { status: 'rejected', code, message: errorMessage(code, params) };
}

export function conflict(code: ErrorCode, rev?: number): ApplyOutcome {
  const out: ApplyOutcome = { status: 'conflict', code, message: errorMessage(code) };
  if (rev !== undefined) out.rev = rev;
  return out;
}

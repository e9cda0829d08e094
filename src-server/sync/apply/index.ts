import type { z } from 'zod';
import { localNow } from '../../../src-shared/domain/dates';
import { MutationArgsSchemas, type Mutation, type MutationArgs, type MutationName } from '../../../src-shared/protocol';
import { rejected, type ApplyOutcome, type MutationContext } from './context';
import { changePin } from './employee';
import { createEntry, deleteEntry, submitEntry, updateEntry } from './entries';
import { reviewEntry } from './review';
import type { ApplyStore } from './store';

/** A client clock this far ahead of the server, or back from its previous mutation, is marked. */
export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

type Applier<N extends MutationName> = (ctx: MutationContext, args: MutationArgs<N>) => Promise<ApplyOutcome>;

const APPLIERS: { [N in MutationName]: Applier<N> } = {
  'entry.create@1': createEntry,
  'entry.update@1': updateEntry,
  'entry.submit@1': submitEntry,
  'entry.delete@1': deleteEntry,
  'entry.review@1': reviewEntry,
  'employee.changePin@1': changePin,
};

export interface ApplyInput {
  store: ApplyStore;
  workstation: { id: string; unitId: string };
  now: Date;
  /** The latest client clock seen from this client before this mutation. */
  lastClientTime: Date | null;
}

export type ParsedArgs = { ok: true; args: unknown } | { ok: false; outcome: ApplyOutcome };

export function parseArgs(name: string, args: unknown): ParsedArgs {
  const schema = (MutationArgsSchemas as Record<string, z.ZodType | undefined>)[name];
  if (!schema) return { ok: false, outcome: rejected('VALIDATION', { field: `name (${name.slice(0, 100)})` }) };
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  if (name === 'entry.review@1' && path === 'note') return { ok: false, outcome: rejected('NOTE_REQUIRED') };
  return { ok: false, outcome: rejected('VALIDATION', { field: path || 'args' }) };
}

/**
 * The unit-local date of an instant. Intl's formatter is the costliest step of a mutation's rules
 * after the backdating walk, and a batch asks it the same question again and again (the server's
 * clock; one client clock for many mutations), so answers are remembered (a bounded memo).
 */
const localDates = new Map<string, string>();
function localDate(at: Date, timeZone: string): string {
  const key = `${timeZone}|${at.getTime()}`;
  let date = localDates.get(key);
  if (date === undefined) {
    if (localDates.size >= 10_000) localDates.clear();
    localDates.set(key, (date = localNow(at, timeZone).date));
  }
  return date;
}

/**
 * Authorizes and applies one mutation through the caller's store (PROTOCOL.md: the actor is
 * authorized at apply time, whatever the kiosk checked). The actor must be an active employee of
 * the workstation's unit; each applier then checks what this actor may do to this entity.
 * `parsed`: the args already parsed by a caller that needed them earlier (the batch path).
 */
export async function applyMutation(input: ApplyInput, m: Mutation, parsed: ParsedArgs = parseArgs(m.name, m.args)): Promise<ApplyOutcome> {
  if (!parsed.ok) return parsed.outcome;
  const { store } = input;
  const actor = await store.employee(m.actorId);
  if (!actor || actor.deleted || !actor.active || actor.unitId !== input.workstation.unitId) return rejected('FORBIDDEN');

  const policy = await store.policy(actor.unitId);
  const clientTime = new Date(m.clientTime);
  const ahead = clientTime.getTime() - input.now.getTime() > CLOCK_TOLERANCE_MS;
  const backwards = input.lastClientTime !== null && input.lastClientTime.getTime() - clientTime.getTime() > CLOCK_TOLERANCE_MS;
  const actedAt = clientTime.getTime() > input.now.getTime() ? input.now : clientTime;
  const versions = new Map<string, Promise<number>>();
  const ctx: MutationContext = {
    store,
    workstation: input.workstation,
    actor,
    now: input.now,
    clientTime,
    actedAt,
    ruleToday: localDate(actedAt, policy.timeZone),
    serverToday: localDate(input.now, policy.timeZone),
    clockSkew: ahead || backwards,
    policy,
    version(scope) {
      let v = versions.get(scope);
      if (!v) versions.set(scope, (v = store.version(scope)));
      return v;
    },
  };
  const apply = APPLIERS[m.name as MutationName] as Applier<MutationName>;
  return apply(ctx, parsed.args as MutationArgs<MutationName>);
}

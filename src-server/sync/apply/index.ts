import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { localNow } from '../../../src-shared/domain/dates';
import { MutationArgsSchemas, type Mutation, type MutationArgs, type MutationName } from '../../../src-shared/protocol';
import type { Tx } from '../../db/client';
import { employees } from '../../db/schema';
import { nextVersion } from '../../db/sync-scope';
import { rejected, type ApplyOutcome, type MutationContext, type ReferenceCache } from './context';
import { changePin } from './employee';
import { createEntry, deleteEntry, submitEntry, updateEntry } from './entries';
import { reviewEntry } from './review';

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
  tx: Tx;
  workstation: { id: string; unitId: string };
  now: Date;
  /** The latest client clock seen from this client before this mutation. */
  lastClientTime: Date | null;
  /** Reference data read once per push request. */
  cache: ReferenceCache;
}

function parseArgs(name: string, args: unknown): { ok: true; args: unknown } | { ok: false; outcome: ApplyOutcome } {
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
 * Authorizes and applies one mutation inside the caller's transaction (PROTOCOL.md: the actor is
 * authorized at apply time, whatever the kiosk checked). The actor must be an active employee of
 * the workstation's unit; each applier then checks what this actor may do to this entity.
 */
export async function applyMutation(input: ApplyInput, m: Mutation): Promise<ApplyOutcome> {
  const parsed = parseArgs(m.name, m.args);
  if (!parsed.ok) return parsed.outcome;
  const [actor] = await input.tx.select().from(employees).where(eq(employees.id, m.actorId));
  if (!actor || actor.deleted || !actor.active || actor.unitId !== input.workstation.unitId) return rejected('FORBIDDEN');

  const policy = await input.cache.policy(input.tx, actor.unitId);
  const clientTime = new Date(m.clientTime);
  const ahead = clientTime.getTime() - input.now.getTime() > CLOCK_TOLERANCE_MS;
  const backwards = input.lastClientTime !== null && input.lastClientTime.getTime() - clientTime.getTime() > CLOCK_TOLERANCE_MS;
  const actedAt = clientTime.getTime() > input.now.getTime() ? input.now : clientTime;
  const versions = new Map<string, Promise<number>>();
  const ctx: MutationContext = {
    tx: input.tx,
    workstation: input.workstation,
    actor,
    now: input.now,
    clientTime,
    actedAt,
    ruleToday: localNow(actedAt, policy.timeZone).date,
    serverToday: localNow(input.now, policy.timeZone).date,
    clockSkew: ahead || backwards,
    policy,
    cache: input.cache,
    version(scope) {
      let v = versions.get(scope);
      if (!v) versions.set(scope, (v = nextVersion(input.tx, scope)));
      return v;
    },
  };
  const apply = APPLIERS[m.name as MutationName] as Applier<MutationName>;
  return apply(ctx, parsed.args as MutationArgs<MutationName>);
}

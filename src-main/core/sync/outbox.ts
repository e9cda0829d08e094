import { v7 as uuidv7 } from 'uuid';
import { count, eq, sql } from 'drizzle-orm';
import { MutationArgsSchemas, type MutationArgs, type MutationName } from '../../../src-shared/protocol';
import { outbox } from '../db/schema';
import type { Db } from '../context';
import { perDb } from '../prepared';

const ph = sql.placeholder;
const insert = perDb((db: Db) =>
  db
    .insert(outbox)
    .values({ id: ph('id'), name: ph('name'), args: ph('args'), actorId: ph('actorId'), clientTime: ph('clientTime'), entityId: ph('entityId') })
    .returning({ seq: outbox.seq })
    .prepare(),
);

/**
 * Appends a mutation for the sync loop. Call inside the transaction that makes the local change,
 * so the change and its mutation commit or vanish together. The args are checked against the
 * protocol schema here: a malformed mutation is a bug in our code and must never reach the queue.
 */
export function enqueueMutation<N extends MutationName>(
  db: Db,
  m: { name: N; args: MutationArgs<N>; actorId: string; entityId: string; clientTime: string },
): { seq: number; id: string } {
  const parsed = MutationArgsSchemas[m.name].safeParse(m.args);
  if (!parsed.success) throw new Error(`bug: invalid ${m.name} args: ${parsed.error.message}`);
  const id = uuidv7();
  const row = insert(db).get({
    id,
    name: m.name,
    args: JSON.stringify(m.args),
    actorId: m.actorId,
    clientTime: m.clientTime,
    entityId: m.entityId,
  })!;
  return { seq: row.seq, id };
}

export function pendingCount(db: Db): number {
  return db.select({ n: count() }).from(outbox).get()?.n ?? 0;
}

export function hasPending(db: Db, entityId: string): boolean {
  return db.select({ seq: outbox.seq }).from(outbox).where(eq(outbox.entityId, entityId)).limit(1).get() !== undefined;
}

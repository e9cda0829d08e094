import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { MutationArgsSchemas, type Mutation, type MutationArgs, type MutationName, type MutationResult } from '../../../src-shared/protocol';
import { outbox } from '../db/schema';
import type { Db } from '../context';
import { perDb, stmt } from '../prepared';

const ph = sql.placeholder;
const q = perDb((db: Db) => ({
  insert: db
    .insert(outbox)
    .values({ id: ph('id'), name: ph('name'), args: ph('args'), actorId: ph('actorId'), clientTime: ph('clientTime'), entityId: ph('entityId') })
    .returning({ seq: outbox.seq })
    .prepare(),
  pendingOf: db
    .select({ seq: outbox.seq })
    .from(outbox)
    .where(and(eq(outbox.entityId, ph('entityId')), isNull(outbox.ackedAt)))
    .limit(1)
    .prepare(),
  pendingCount: db.select({ n: count() }).from(outbox).where(isNull(outbox.ackedAt)).prepare(),
}));

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
  const row = q(db).insert.get({
    id,
    name: m.name,
    args: JSON.stringify(m.args),
    actorId: m.actorId,
    clientTime: m.clientTime,
    entityId: m.entityId,
  })!;
  return { seq: row.seq, id };
}

/** Mutations the server has not answered yet. */
export function pendingCount(db: Db): number {
  return q(db).pendingCount.get()?.n ?? 0;
}

export function hasPending(db: Db, entityId: string): boolean {
  return q(db).pendingOf.get({ entityId }) !== undefined;
}

export interface QueuedMutation {
  mutation: Mutation;
  entityId: string;
  bytes: number;
}

/**
 * The head of the queue, in seq order: at most `max` mutations and about `maxBytes` of JSON (the
 * first one always, whatever its size, so an oversized head cannot stall the queue). Reads only
 * what it sends, so a backlog of any length costs one batch of memory.
 */
export function pendingBatch(sqlite: Database.Database, max: number, maxBytes: number): QueuedMutation[] {
  const rows = stmt(sqlite, 'select seq, id, name, args, actor_id, client_time, entity_id from outbox where acked_at is null order by seq limit ?')
    .all(max) as { seq: number; id: string; name: string; args: string; actor_id: string; client_time: string; entity_id: string }[];
  const out: QueuedMutation[] = [];
  let total = 2;
  for (const r of rows) {
    const mutation: Mutation = { seq: r.seq, id: r.id, name: r.name, args: JSON.parse(r.args) as unknown, actorId: r.actor_id, clientTime: r.client_time };
    const bytes = JSON.stringify(mutation).length + 1;
    if (out.length > 0 && total + bytes > maxBytes) break;
    total += bytes;
    out.push({ mutation, entityId: r.entity_id, bytes });
  }
  return out;
}

/** Records the server's answer to one mutation; false when the queue holds no such mutation. */
export function ackMutation(sqlite: Database.Database, r: MutationResult, at: string): boolean {
  const changed = stmt(sqlite, 'update outbox set acked_at = ?, result_status = ?, result_code = ? where seq = ? and id = ? and acked_at is null')
    .run(at, r.status, r.code ?? null, r.seq, r.id).changes;
  return changed === 1;
}

/** The newest seq the server has answered and this PC still remembers (0 if none). */
export function highestAckedSeq(sqlite: Database.Database): number {
  return (stmt(sqlite, 'select max(seq) as s from outbox where acked_at is not null').get() as { s: number | null }).s ?? 0;
}

/**
 * The server says it has processed only up to `serverSeq`, less than what it answered before: it
 * was restored from an older backup and lost the rest. Those mutations go back into the queue, in
 * their order. Returns how many, and whether the queue can still follow on from `serverSeq`
 * (false when the lost ones were already purged here: the seq gap can never be filled).
 */
export function requeueLost(sqlite: Database.Database, serverSeq: number): { requeued: number; continuous: boolean } {
  const requeued = stmt(sqlite, 'update outbox set acked_at = null, result_status = null, result_code = null where seq > ? and acked_at is not null')
    .run(serverSeq).changes;
  const head = (stmt(sqlite, 'select min(seq) as s from outbox where acked_at is null').get() as { s: number | null }).s;
  return { requeued, continuous: head === null || head === serverSeq + 1 };
}

/** Forgets answered mutations older than `before` (ISO time); the queue itself is never touched. */
export function purgeAcked(sqlite: Database.Database, before: string): number {
  return stmt(sqlite, 'delete from outbox where acked_at is not null and acked_at < ?').run(before).changes;
}

/**
 * A new clientId (re-enrollment after a copy or restore was detected) starts a new sequence:
 * answered mutations belong to the old history and are dropped; pending ones are renumbered from
 * 1 in their order. The caller owns the transaction.
 */
export function renumberForNewClient(sqlite: Database.Database): number {
  stmt(sqlite, 'delete from outbox where acked_at is not null').run();
  const first = (stmt(sqlite, 'select min(seq) as s from outbox').get() as { s: number | null }).s;
  if (first === null) {
    stmt(sqlite, "delete from sqlite_sequence where name = 'outbox'").run();
    return 0;
  }
  // Two steps through negative numbers so no intermediate seq collides with the primary key.
  stmt(sqlite, 'update outbox set seq = -seq').run();
  stmt(sqlite, 'update outbox set seq = -seq - ?').run(first - 1);
  const last = (stmt(sqlite, 'select max(seq) as s from outbox').get() as { s: number }).s;
  stmt(sqlite, "update sqlite_sequence set seq = ? where name = 'outbox'").run(last);
  return last;
}

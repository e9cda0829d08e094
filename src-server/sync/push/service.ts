import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Mutation, MutationResult, PushRequestSchema, PushResult } from '../../../src-shared/protocol';
import { queryRows, type Db, type Tx } from '../../db/client';
import { mutationResults, syncClients } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { HttpError } from '../../http/errors';
import { requireEnrolledClient, type AuthedWorkstation } from '../../workstations/auth';
import { applyMutation } from '../apply';
import type { ApplyOutcome } from '../apply/context';
import { ReferenceCache } from '../apply/reference-cache';
import { SqlStore } from '../apply/store';
import { applyChunk, lockClient, nextClientTime, resultRow, reusedOutcome, storedResults, toResult, usedIdOf, type ChunkOutcome, type UsedId, type UsedIds } from './batch';
import { mutationContentHash } from './content-hash';

type PushRequest = z.infer<typeof PushRequestSchema>;

/** Mutations per transaction on the set-wise path: bounds a transaction's locks and one version's rows. */
export const CHUNK = 200;

export interface PushOptions {
  /** false: one transaction per mutation (the fallback path), for tests that compare the two. */
  setWise?: boolean;
}

/**
 * Exactly-once push (PROTOCOL.md). Mutations are applied in chunks of up to CHUNK, each in one
 * transaction that locks the client's row, answers a seq it has already processed from the stored
 * result, stops at a gap, and otherwise applies the mutations in order, stores their results and
 * advances last_seq — all or nothing (batch.ts). Should that path fail unexpectedly, the chunk is
 * applied again one transaction per mutation, so a batch that trips it never blocks the outbox. An
 * infrastructure failure propagates (503): what committed stays committed and the client's retry
 * of the same batch is answered from the stored results.
 */
export async function pushBatch(
  db: Db,
  ws: AuthedWorkstation,
  body: PushRequest,
  now: () => Date,
  log?: FastifyBaseLogger,
  options: PushOptions = {},
): Promise<PushResult> {
  requireEnrolledClient(ws, body.clientId);
  const seqs = body.mutations.map((m) => m.seq);
  if (seqs.some((s, i) => i > 0 && s <= seqs[i - 1]!)) throw new HttpError('VALIDATION', 'mutations must be in increasing seq order', { field: 'mutations' });

  const [client] = await db.select().from(syncClients).where(eq(syncClients.clientId, body.clientId));
  if (!client || client.workstationId !== ws.id) throw new HttpError('REENROLL_REQUIRED', 'clientId is not bound to this workstation');
  const replays = await storedResults(db, body.clientId, body.mutations.filter((m) => m.seq <= client.lastSeq));
  // A replay must be the very mutation the server processed under that seq. Anything else means
  // this database is a restored or copied file whose history forked: only re-enrolling is safe.
  for (const m of body.mutations) {
    if (m.seq > client.lastSeq) break;
    const stored = replays.get(m.seq);
    if (!stored || stored.mutationId !== m.id || stored.contentHash !== mutationContentHash(m)) {
      throw new HttpError('REENROLL_REQUIRED', `seq ${m.seq} differs from the mutation the server processed under that seq`);
    }
  }

  const results: MutationResult[] = body.mutations.filter((m) => m.seq <= client.lastSeq).map((m) => toResult(replays.get(m.seq)!));
  const counts = { applied: 0, rejected: 0, conflict: 0, replayed: results.length };
  const pending = body.mutations.filter((m) => m.seq > client.lastSeq);
  const usedIds = await usedMutationIds(db, pending);
  const cache = new ReferenceCache();
  let lastProcessedSeq = client.lastSeq;
  for (let i = 0; i < pending.length; i += CHUNK) {
    const chunk = pending.slice(i, i + CHUNK);
    let outcome: ChunkOutcome;
    if (options.setWise === false) {
      outcome = await oneByOne(db, ws, body.clientId, chunk, now, cache, usedIds);
    } else {
      try {
        outcome = await withTransaction(db, (tx) => applyChunk(tx, ws, body.clientId, chunk, now(), cache, usedIds), undefined, ['23505']);
      } catch (err) {
        if (err instanceof HttpError) throw err;
        log?.error({ err, workstationId: ws.id, fromSeq: chunk[0]!.seq }, 'push: the set-wise path failed; applying the chunk one mutation at a time');
        outcome = await oneByOne(db, ws, body.clientId, chunk, now, new ReferenceCache(), usedIds);
      }
    }
    for (const [id, used] of outcome.usedIds) if (!usedIds.has(id)) usedIds.set(id, used);
    for (const step of outcome.steps) {
      results.push(step.result);
      counts[step.replayed ? 'replayed' : step.result.status]++;
    }
    lastProcessedSeq = Math.max(lastProcessedSeq, outcome.lastSeq);
    if (outcome.gap) break;
  }
  log?.info({ workstationId: ws.id, received: body.mutations.length, ...counts, lastProcessedSeq }, 'push processed');
  return { lastProcessedSeq, results, serverTime: now().toISOString() };
}

/**
 * Ids already used by any processed mutation, with their first answer, read once for the request
 * (see reusedOutcome). One index probe per id: without statistics (PGlite never gathers them)
 * `mutation_id = any(…)` is planned as a scan of every stored result.
 */
async function usedMutationIds(db: Db, ms: readonly Mutation[]): Promise<UsedIds> {
  if (ms.length === 0) return new Map();
  // No ORDER BY in the probe: without statistics the planner would walk the processed_at index
  // for it, over every stored result, once per id. An id has one row but in the rarest cases;
  // the earliest is picked here.
  const rows = await queryRows<{ id: string; content_hash: string; status: string; code: string | null; message: string | null; rev: number | null; processed_at: Date | string }>(
    db,
    sql`select r.mutation_id as id, r.content_hash, r.status, r.code, r.message, r.rev, r.processed_at
        from unnest(${sql.param(ms.map((m) => m.id))}::uuid[]) as u(id)
        cross join lateral (
          select mutation_id, content_hash, status, code, message, rev, processed_at from mutation_results
          where mutation_id = u.id offset 0) as r`,
  );
  rows.sort((a, b) => new Date(a.processed_at).getTime() - new Date(b.processed_at).getTime());
  const used: UsedIds = new Map();
  for (const r of rows) {
    if (!used.has(r.id)) used.set(r.id, usedIdOf({ contentHash: r.content_hash, status: r.status, code: r.code, message: r.message, rev: r.rev }));
  }
  return used;
}

/** The per-mutation path: each mutation in its own transaction, reading as its rules ask. */
async function oneByOne(
  db: Db,
  ws: AuthedWorkstation,
  clientId: string,
  chunk: readonly Mutation[],
  now: () => Date,
  cache: ReferenceCache,
  usedIds: ReadonlyMap<string, UsedId>,
): Promise<ChunkOutcome> {
  const out: ChunkOutcome = { steps: [], lastSeq: 0, gap: false, usedIds: [] };
  const used = new Map(usedIds);
  for (const m of chunk) {
    const step = await withTransaction(db, (tx) => processOne(tx, ws, clientId, m, now(), cache, used), undefined, ['23505']);
    if (step.kind === 'gap') {
      out.gap = true;
      break;
    }
    // Only once committed: a transaction retried after a race must not find its own id "used".
    if (!used.has(m.id)) {
      const first = usedIdOf({ contentHash: mutationContentHash(m), status: step.result.status, code: step.result.code ?? null, message: step.result.message ?? null, rev: step.result.rev ?? null });
      used.set(m.id, first);
      out.usedIds.push([m.id, first]);
    }
    out.steps.push({ result: step.result, replayed: step.kind === 'replayed' });
    out.lastSeq = step.lastSeq;
  }
  return out;
}

type Step =
  | { kind: 'gap' }
  | { kind: 'processed' | 'replayed'; result: MutationResult; lastSeq: number };

async function processOne(
  tx: Tx,
  ws: AuthedWorkstation,
  clientId: string,
  m: Mutation,
  now: Date,
  cache: ReferenceCache,
  usedIds: ReadonlyMap<string, UsedId>,
): Promise<Step> {
  const client = await lockClient(tx, ws, clientId);
  if (m.seq <= client.lastSeq) {
    // Another request of the same client processed it meanwhile.
    const stored = (await storedResults(tx, clientId, [m])).get(m.seq);
    if (!stored || stored.mutationId !== m.id) throw new HttpError('REENROLL_REQUIRED', `seq ${m.seq} differs from the processed one`);
    return { kind: 'replayed', result: toResult(stored), lastSeq: client.lastSeq };
  }
  if (m.seq > client.lastSeq + 1) return { kind: 'gap' };

  const outcome: ApplyOutcome =
    reusedOutcome(usedIds, m) ??
    await applyMutation({ store: new SqlStore(tx, cache), workstation: { id: ws.id, unitId: ws.unitId }, now, lastClientTime: client.lastClientTime }, m);
  const row = resultRow(clientId, m, outcome, now);
  await tx.insert(mutationResults).values(row);
  const lastClientTime = nextClientTime(client.lastClientTime, m, now);
  await tx.update(syncClients).set({ lastSeq: m.seq, lastClientTime, updatedAt: now }).where(eq(syncClients.clientId, clientId));
  return { kind: 'processed', result: toResult(row), lastSeq: m.seq };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Mutation, MutationResult, PushRequestSchema, PushResult } from '../../../src-shared/protocol';
import type { ErrorCode } from '../../../src-shared/errors';
import type { Db, Tx } from '../../db/client';
import { mutationResults, syncClients } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { HttpError } from '../../http/errors';
import { requireEnrolledClient, type AuthedWorkstation } from '../../workstations/auth';
import { applyMutation } from '../apply';
import { ReferenceCache, rejected, type ApplyOutcome } from '../apply/context';
import { mutationContentHash } from './content-hash';

type PushRequest = z.infer<typeof PushRequestSchema>;
type StoredResult = typeof mutationResults.$inferSelect;

/**
 * Exactly-once push (PROTOCOL.md). Each mutation gets its own transaction that locks the client's
 * row, answers a seq it has already processed from the stored result, stops at a gap, and
 * otherwise applies the mutation, stores the result and advances last_seq — all or nothing. An
 * infrastructure failure propagates (503): what committed stays committed and the client's retry
 * of the same batch is answered from the stored results.
 */
export async function pushBatch(
  db: Db,
  ws: AuthedWorkstation,
  body: PushRequest,
  now: () => Date,
  log?: FastifyBaseLogger,
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

  const cache = new ReferenceCache();
  // Ids already used by any processed mutation, read once for the batch (a reused id is refused).
  const fresh = body.mutations.filter((m) => m.seq > client.lastSeq).map((m) => m.id);
  const usedIds = new Set(
    fresh.length
      ? (await db.select({ id: mutationResults.mutationId }).from(mutationResults).where(inArray(mutationResults.mutationId, fresh))).map((r) => r.id)
      : [],
  );
  const results: MutationResult[] = [];
  let lastProcessedSeq = client.lastSeq;
  const counts = { applied: 0, rejected: 0, conflict: 0, replayed: 0 };
  for (const m of body.mutations) {
    const replay = replays.get(m.seq);
    if (replay) {
      results.push(toResult(replay));
      counts.replayed++;
      continue;
    }
    const step = await withTransaction(db, (tx) => processOne(tx, ws, body.clientId, m, now(), cache, usedIds), undefined, ['23505']);
    if (step.kind === 'gap') break;
    results.push(step.result);
    lastProcessedSeq = step.lastSeq;
    if (step.kind === 'processed') counts[step.result.status]++;
    else counts.replayed++;
  }
  log?.info({ workstationId: ws.id, received: body.mutations.length, ...counts, lastProcessedSeq }, 'push processed');
  return { lastProcessedSeq, results, serverTime: now().toISOString() };
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
  usedIds: Set<string>,
): Promise<Step> {
  const [client] = await tx.select().from(syncClients).where(eq(syncClients.clientId, clientId)).for('update');
  if (!client || client.workstationId !== ws.id) throw new HttpError('REENROLL_REQUIRED', 'clientId is not bound to this workstation');
  if (m.seq <= client.lastSeq) {
    // Another request of the same client processed it meanwhile.
    const stored = (await storedResults(tx, clientId, [m])).get(m.seq);
    if (!stored || stored.mutationId !== m.id) throw new HttpError('REENROLL_REQUIRED', `seq ${m.seq} differs from the processed one`);
    return { kind: 'replayed', result: toResult(stored), lastSeq: client.lastSeq };
  }
  if (m.seq > client.lastSeq + 1) return { kind: 'gap' };

  const reused = usedIds.has(m.id);
  usedIds.add(m.id);
  const outcome: ApplyOutcome = reused
    ? rejected('VALIDATION', { field: 'id' })
    : await applyMutation({ tx, workstation: { id: ws.id, unitId: ws.unitId }, now, lastClientTime: client.lastClientTime, cache }, m);
  const row = {
    mutationId: m.id,
    clientId,
    seq: m.seq,
    name: m.name.slice(0, 100),
    actorId: m.actorId,
    contentHash: mutationContentHash(m),
    status: outcome.status,
    code: outcome.status === 'applied' ? null : outcome.code,
    message: outcome.status === 'applied' ? null : outcome.message,
    rev: outcome.rev ?? null,
    processedAt: now,
  };
  await tx.insert(mutationResults).values(row);
  // A clock running ahead is not remembered, or every later honest mutation would look "backwards".
  const clientTime = new Date(Math.min(new Date(m.clientTime).getTime(), now.getTime()));
  const lastClientTime = client.lastClientTime && client.lastClientTime > clientTime ? client.lastClientTime : clientTime;
  await tx.update(syncClients).set({ lastSeq: m.seq, lastClientTime, updatedAt: now }).where(eq(syncClients.clientId, clientId));
  return { kind: 'processed', result: toResult(row), lastSeq: m.seq };
}

async function storedResults(ex: Db | Tx, clientId: string, ms: readonly Mutation[]): Promise<Map<number, StoredResult>> {
  if (ms.length === 0) return new Map();
  const rows = await ex
    .select()
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), inArray(mutationResults.seq, ms.map((m) => m.seq))));
  return new Map(rows.map((r) => [r.seq, r]));
}

function toResult(r: Pick<StoredResult, 'seq' | 'mutationId' | 'status' | 'code' | 'message' | 'rev'>): MutationResult {
  const out: MutationResult = { seq: r.seq, id: r.mutationId, status: r.status as MutationResult['status'] };
  if (r.code) out.code = r.code as ErrorCode;
  if (r.message) out.message = r.message;
  if (r.rev !== null) out.rev = r.rev;
  return out;
}

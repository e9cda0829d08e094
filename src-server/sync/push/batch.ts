import { and, eq, inArray } from 'drizzle-orm';
import type { Mutation, MutationArgs, MutationResult } from '../../../src-shared/protocol';
import type { ErrorCode } from '../../../src-shared/errors';
import type { Executor, Tx } from '../../db/client';
import { mutationResults, syncClients } from '../../db/schema';
import { HttpError } from '../../http/errors';
import type { AuthedWorkstation } from '../../workstations/auth';
import { applyMutation, parseArgs, type ParsedArgs } from '../apply';
import { MemoryStore } from '../apply/batch-store';
import { insertFromJson } from '../apply/bulk-sql';
import { rejected, type ApplyOutcome } from '../apply/context';
import type { ReferenceCache } from '../apply/reference-cache';
import { mutationContentHash } from './content-hash';

/**
 * The set-wise push (bench/README.md "What would meet the targets"): one transaction for a chunk
 * of a batch. It locks the client's row once, reads what the chunk's mutations name in a few
 * statements (MemoryStore), runs each mutation through the same appliers and rules as the
 * per-mutation path, in order, each seeing the ones before it, and writes the entries, the results
 * and last_seq together: all of the chunk or none of it.
 */
export type StoredResult = typeof mutationResults.$inferSelect;
type ResultRow = typeof mutationResults.$inferInsert;

export interface ChunkStep {
  result: MutationResult;
  /** Answered from a stored result: processed meanwhile by another request of the same client. */
  replayed: boolean;
}

export interface ChunkOutcome {
  steps: ChunkStep[];
  lastSeq: number;
  /** Stopped at a seq the server has not seen the one before of. */
  gap: boolean;
  /** Mutation ids the chunk processed, with what it answered (see UsedIds). */
  usedIds: [string, UsedId][];
}

/** What the server answered a mutation id the first time, and the content it had. */
export interface UsedId {
  contentHash: string;
  outcome: ApplyOutcome;
}

/** Mutation ids already processed, by id: read once per request, grown as chunks commit. */
export type UsedIds = Map<string, UsedId>;

export const usedIdOf = (r: Pick<ResultRow, 'contentHash' | 'status' | 'code' | 'message' | 'rev'>): UsedId => ({
  contentHash: r.contentHash,
  outcome:
    r.status === 'applied'
      ? { status: 'applied', ...(r.rev !== null && r.rev !== undefined ? { rev: r.rev } : {}) }
      : { status: r.status as 'rejected' | 'conflict', code: r.code as ErrorCode, message: r.message ?? '', ...(r.rev !== null && r.rev !== undefined ? { rev: r.rev } : {}) },
});

/**
 * A mutation id the server has processed before, now at a new seq. The very same mutation (same
 * content) is a workstation that re-enrolled under a new clientId after its history forked and
 * sends again what was pending: it gets the answer it had then, and nothing is applied twice.
 * Other content under a used id is refused (VALIDATION on `id`). Null: the id is new.
 */
export function reusedOutcome(used: ReadonlyMap<string, UsedId>, m: Mutation): ApplyOutcome | null {
  const prior = used.get(m.id);
  if (!prior) return null;
  return prior.contentHash === mutationContentHash(m) ? prior.outcome : rejected('VALIDATION', { field: 'id' });
}

/**
 * Test seams: `afterEntryWrites` runs after a chunk's entries are written, before its results (a
 * fault in the set-wise path); `prefetch: false` leaves every read to first use (MemoryStore's
 * fallback reads).
 */
export const batchTesting: { afterEntryWrites: (() => void) | null; prefetch: boolean } = { afterEntryWrites: null, prefetch: true };

/** A clock running ahead is not remembered, or every later honest mutation would look "backwards". */
export function nextClientTime(last: Date | null, m: Mutation, now: Date): Date {
  const clientTime = new Date(Math.min(new Date(m.clientTime).getTime(), now.getTime()));
  return last && last > clientTime ? last : clientTime;
}

export function resultRow(clientId: string, m: Mutation, outcome: ApplyOutcome, now: Date): ResultRow {
  return {
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
}

export function toResult(r: Pick<ResultRow, 'seq' | 'mutationId' | 'status' | 'code' | 'message' | 'rev'>): MutationResult {
  const out: MutationResult = { seq: r.seq, id: r.mutationId, status: r.status as MutationResult['status'] };
  if (r.code) out.code = r.code as MutationResult['code'];
  if (r.message) out.message = r.message;
  if (r.rev !== null && r.rev !== undefined) out.rev = r.rev;
  return out;
}

export async function storedResults(ex: Executor, clientId: string, ms: readonly Mutation[]): Promise<Map<number, StoredResult>> {
  if (ms.length === 0) return new Map();
  const rows = await ex
    .select()
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), inArray(mutationResults.seq, ms.map((m) => m.seq))));
  return new Map(rows.map((r) => [r.seq, r]));
}

/** The client's row, locked until commit: the pushes of one client are serialized on it. */
export async function lockClient(tx: Tx, ws: AuthedWorkstation, clientId: string) {
  const [client] = await tx.select().from(syncClients).where(eq(syncClients.clientId, clientId)).for('update');
  if (!client || client.workstationId !== ws.id) throw new HttpError('REENROLL_REQUIRED', 'clientId is not bound to this workstation');
  return client;
}

type Parsed = { m: Mutation; parsed: ParsedArgs };


/** What the chunk's mutations will ask for, read set-wise before the first one applies. */
async function prefetch(store: MemoryStore, cache: ReferenceCache, tx: Tx, chunk: readonly Parsed[]): Promise<void> {
  const entryIds: string[] = [];
  const days: [string, string][] = [];
  const rhkIds: string[] = [];
  const activityIds: string[] = [];
  const people = new Set<string>();
  for (const { m, parsed } of chunk) {
    people.add(m.actorId);
    if (!parsed.ok) continue;
    const a = parsed.args as Partial<MutationArgs<'entry.update@1'> & MutationArgs<'entry.create@1'>>;
    if (m.name === 'entry.create@1' && a.entry) {
      entryIds.push(a.entry.id);
      days.push([a.entry.employeeId, a.entry.workDate]);
      if (a.entry.rhkId) rhkIds.push(a.entry.rhkId);
      if (a.entry.activityId) activityIds.push(a.entry.activityId);
    } else if (a.entryId) {
      entryIds.push(a.entryId);
      const c = a.changes;
      if (c?.workDate) days.push([m.actorId, c.workDate]);
      if (c?.rhkId) rhkIds.push(c.rhkId);
      if (c?.activityId) activityIds.push(c.activityId);
    }
  }
  await store.lockEntries(entryIds);
  for (const id of entryIds) {
    const row = store.known(id);
    if (!row) continue;
    people.add(row.employeeId);
    days.push([row.employeeId, row.workDate]);
    if (row.rhkId) rhkIds.push(row.rhkId);
    if (row.activityId) activityIds.push(row.activityId);
  }
  await store.loadEmployees(people);
  await store.loadDays(days);
  await store.loadRhks(rhkIds);
  await cache.preloadActivities(tx, activityIds);
}

/**
 * One chunk in one transaction. Mutations at or below last_seq were processed by another request
 * of this client since this one began: answered from their stored results. The rest apply from
 * last_seq + 1 on, up to the first gap.
 */
export async function applyChunk(
  tx: Tx,
  ws: AuthedWorkstation,
  clientId: string,
  chunk: readonly Mutation[],
  now: Date,
  cache: ReferenceCache,
  usedIds: ReadonlyMap<string, UsedId>,
): Promise<ChunkOutcome> {
  const client = await lockClient(tx, ws, clientId);
  const steps: ChunkStep[] = [];
  const meanwhile = chunk.filter((m) => m.seq <= client.lastSeq);
  const stored = await storedResults(tx, clientId, meanwhile);
  for (const m of meanwhile) {
    const s = stored.get(m.seq);
    if (!s || s.mutationId !== m.id) throw new HttpError('REENROLL_REQUIRED', `seq ${m.seq} differs from the processed one`);
    steps.push({ result: toResult(s), replayed: true });
  }
  const fresh: Parsed[] = [];
  let gap = false;
  for (const m of chunk) {
    if (m.seq <= client.lastSeq) continue;
    if (m.seq !== client.lastSeq + fresh.length + 1) {
      gap = true;
      break;
    }
    fresh.push({ m, parsed: parseArgs(m.name, m.args) });
  }
  const seen = new Map<string, UsedId>(meanwhile.map((m) => [m.id, usedIdOf(stored.get(m.seq)!)]));
  if (fresh.length === 0) return { steps, lastSeq: client.lastSeq, gap, usedIds: [...seen] };

  const store = new MemoryStore(tx, cache, ws.unitId);
  if (batchTesting.prefetch) await prefetch(store, cache, tx, fresh);
  const rows: ResultRow[] = [];
  let lastClientTime = client.lastClientTime;
  for (const { m, parsed } of fresh) {
    const outcome =
      reusedOutcome(seen, m) ??
      reusedOutcome(usedIds, m) ??
      (await applyMutation({ store, workstation: { id: ws.id, unitId: ws.unitId }, now, lastClientTime }, m, parsed));
    const row = resultRow(clientId, m, outcome, now);
    if (!seen.has(m.id) && !usedIds.has(m.id)) seen.set(m.id, usedIdOf(row));
    rows.push(row);
    steps.push({ result: toResult(row), replayed: false });
    lastClientTime = nextClientTime(lastClientTime, m, now);
  }
  await store.flush();
  batchTesting.afterEntryWrites?.();
  await tx.execute(insertFromJson(mutationResults, rows));
  const lastSeq = fresh[fresh.length - 1]!.m.seq;
  await tx.update(syncClients).set({ lastSeq, lastClientTime, updatedAt: now }).where(eq(syncClients.clientId, clientId));
  return { steps, lastSeq, gap, usedIds: [...seen] };
}

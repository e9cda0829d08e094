import type { ErrorCode } from '../../../src-shared/errors';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol';
import type { CoreContext } from '../context';
import { stmt } from '../prepared';
import { pendingBatch } from './outbox';
import { settlePush } from './settle';
import { applyPullPage } from './pull-apply';
import { pullRequest, pushRequest, type Failure, type TransportOptions } from './transport';

/** Why pushing stopped until an operator acts (kept in sync_state.blocked). */
export type BlockedReason = 'unauthenticated' | 'revoked' | 'reenroll' | 'update';

export interface AttemptLimits {
  /** Mutations per push (PROTOCOL.md: ≤ 200), halved on 413/5xx. */
  batchMax: number;
  /** JSON bytes per push (≤ 512 KB). */
  batchBytes: number;
  pullLimit: number | undefined;
  /** A safety stop for one attempt: a server that always says `hasMore` cannot hold the loop. */
  maxPullPages: number;
  /** The protocol version sent (a test of version skew sends another). */
  protocol: number;
}

export const DEFAULT_LIMITS: AttemptLimits = { batchMax: 200, batchBytes: 512 * 1024, pullLimit: undefined, maxPullPages: 10_000, protocol: PROTOCOL_VERSION };

export type AttemptOutcome =
  | { kind: 'ok' }
  /** No answer from the server, or a transient refusal (5xx, 429, a broken answer): retry with backoff. */
  | { kind: 'retry'; code: ErrorCode; message: string; retryAfterMs: number | null }
  /** Sync cannot go on until someone acts: no automatic retries. */
  | { kind: 'blocked'; reason: BlockedReason; code: ErrorCode; message: string };

export interface AttemptReport {
  outcome: AttemptOutcome;
  pushed: number;
  applied: number;
  refused: number;
  pulled: number;
  /** Facts worth a line in the sync log (a halved batch, skipped rows, requeued mutations). */
  notes: string[];
}

interface Identity {
  clientId: string;
  serverUrl: string;
}

/** What a failed request means for the loop. */
export function classify(f: Failure): AttemptOutcome {
  if (f.kind === 'network') return { kind: 'retry', code: 'SERVER_UNREACHABLE', message: f.message, retryAfterMs: null };
  if (f.kind === 'invalid') return { kind: 'retry', code: 'UNAVAILABLE', message: f.message, retryAfterMs: null };
  if (f.status === 401) return { kind: 'blocked', reason: 'unauthenticated', code: 'UNAUTHENTICATED', message: f.message };
  if (f.status === 403) return { kind: 'blocked', reason: 'revoked', code: 'WORKSTATION_REVOKED', message: f.message };
  if (f.code === 'PROTOCOL_UNSUPPORTED') return { kind: 'blocked', reason: 'update', code: f.code, message: f.message };
  if (f.code === 'REENROLL_REQUIRED') return { kind: 'blocked', reason: 'reenroll', code: f.code, message: f.message };
  // 400 on a whole batch is our bug or a server bug; 429/5xx are passing. None is a reason to stop for good.
  return { kind: 'retry', code: f.code, message: f.message, retryAfterMs: f.retryAfterMs };
}

const halvable = (f: Failure): boolean => f.kind === 'invalid' || (f.kind === 'http' && (f.status === 413 || f.status >= 500));

/**
 * One sync attempt: push the whole outbox in order, then pull until the server has nothing more.
 * Every server answer is written in its own SQLite transaction (settle, page), so the attempt can
 * stop anywhere — a dropped connection, a killed process — and the next one carries on from what
 * was committed, never from what was merely sent.
 */
export async function runAttempt(ctx: CoreContext, id: Identity, token: string, transport: TransportOptions, limits: AttemptLimits): Promise<AttemptReport> {
  const report: AttemptReport = { outcome: { kind: 'ok' }, pushed: 0, applied: 0, refused: 0, pulled: 0, notes: [] };
  // A server restored from an older backup shows up in the push or pull answer; the lost
  // mutations are queued again and pushed in a second round of the same attempt.
  for (let round = 0; round < 2; round++) {
    const pushed = await pushAll(ctx, id, token, transport, limits, report);
    if (!pushed) return report;
    const pulled = await pullAll(ctx, id, token, transport, limits, report);
    if (pulled !== 'requeued') return report;
  }
  return report;
}

async function pushAll(ctx: CoreContext, id: Identity, token: string, transport: TransportOptions, limits: AttemptLimits, report: AttemptReport): Promise<boolean> {
  let size = limits.batchMax;
  for (;;) {
    const batch = pendingBatch(ctx.sqlite, size, limits.batchBytes);
    if (batch.length === 0) return true;
    const answer = await pushRequest(transport, id.serverUrl, token, id.clientId, batch.map((q) => q.mutation), limits.protocol);
    if (!answer.ok) {
      if (halvable(answer.failure) && batch.length > 1) {
        size = Math.ceil(batch.length / 2);
        report.notes.push(`push of ${batch.length} failed (${failureText(answer.failure)}); trying ${size}`);
        continue;
      }
      report.outcome = classify(answer.failure);
      return false;
    }
    const settled = settlePush(ctx.db, ctx.sqlite, batch, answer.value, ctx.clock().toISOString());
    report.pushed += batch.length;
    report.applied += settled.applied;
    report.refused += settled.refused;
    if (settled.forked) {
      report.outcome = { kind: 'blocked', reason: 'reenroll', code: 'REENROLL_REQUIRED', message: 'the server answered a seq with another mutation' };
      return false;
    }
    if (settled.lost) {
      report.notes.push(`server had processed only up to seq ${answer.value.lastProcessedSeq}; ${settled.lost.requeued} mutation(s) queued again`);
      if (!settled.lost.continuous) {
        report.outcome = { kind: 'blocked', reason: 'reenroll', code: 'REENROLL_REQUIRED', message: 'the server lost mutations this PC no longer keeps' };
        return false;
      }
      continue;
    }
    if (answer.value.results.length === 0) {
      // The server processed nothing and lost nothing: pushing the same batch again would loop.
      report.outcome = { kind: 'retry', code: 'UNAVAILABLE', message: `server processed none of seq ${batch[0]!.mutation.seq}…`, retryAfterMs: null };
      return false;
    }
  }
}

async function pullAll(ctx: CoreContext, id: Identity, token: string, transport: TransportOptions, limits: AttemptLimits, report: AttemptReport): Promise<'done' | 'requeued' | 'failed'> {
  let requeued = false;
  for (let page = 0; page < limits.maxPullPages; page++) {
    const cursor = (stmt(ctx.sqlite, 'select cursor from sync_state where id = 1').get() as { cursor: string | null }).cursor;
    const answer = await pullRequest(transport, id.serverUrl, token, id.clientId, cursor, limits.pullLimit, limits.protocol);
    if (!answer.ok) {
      report.outcome = classify(answer.failure);
      return 'failed';
    }
    const applied = applyPullPage(ctx.db, ctx.sqlite, answer.value);
    report.pulled += applied.written;
    if (answer.value.reset) report.notes.push('server asked for a full pull (reset)');
    if (applied.skipped.length) report.notes.push(`skipped ${applied.skipped.length} unreadable row(s): ${applied.skipped.slice(0, 3).join('; ')}`);
    if (applied.lost) {
      report.notes.push(`server had processed only up to seq ${answer.value.lastProcessedSeq}; ${applied.lost.requeued} mutation(s) queued again`);
      if (!applied.lost.continuous) {
        report.outcome = { kind: 'blocked', reason: 'reenroll', code: 'REENROLL_REQUIRED', message: 'the server lost mutations this PC no longer keeps' };
        return 'failed';
      }
      requeued = true;
    }
    if (!answer.value.hasMore) return requeued ? 'requeued' : 'done';
  }
  report.notes.push(`stopped after ${limits.maxPullPages} pull pages`);
  return requeued ? 'requeued' : 'done';
}

function failureText(f: Failure): string {
  return f.kind === 'http' ? `HTTP ${f.status} ${f.code}` : `${f.kind}: ${f.message}`;
}

import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Mutation, PullResult, PushResult } from '../../src-shared/protocol';

/**
 * A workstation's sync client, reduced to what the bench needs: push the outbox in batches, one
 * request at a time, then pull the unit from the beginning. It checks every answer the way the
 * kiosk relies on it (results in order, for the ids sent, lastProcessedSeq at the batch's end) and
 * retries a 503 or 429 with the same batch, as the client loop does (PROTOCOL.md "Client loop").
 */
export interface Target {
  url: string;
  token: string;
  clientId: string;
}

export interface PushTally {
  /** Wall time of each batch from the first attempt to the accepted answer, in ms. */
  latencies: number[];
  /** `applied`, `rejected:CODE`, `conflict:CODE` → count. */
  statuses: Record<string, number>;
  retries: number;
  /** Answers that break the protocol (wrong ids, short results, errors that are not retried). */
  problems: string[];
  lastProcessedSeq: number;
}

const RETRY_STATUS = new Set([429, 503]);
const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * node:http with keep-alive and no socket limit: one connection per workstation, reused for all its
 * requests. Not fetch: undici gives up on an answer after 300 s (headersTimeout), and with every
 * workstation pushing at once a batch can wait longer than that behind the others.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function post(t: Target, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${t.url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${t.token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown });
          } catch {
            resolve({ status: res.statusCode ?? 0, json: text });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function pushOutbox(t: Target, mutations: readonly Mutation[], batch: number, tally: PushTally): Promise<void> {
  for (let from = 0; from < mutations.length; from += batch) {
    const sent = mutations.slice(from, from + batch);
    const started = performance.now();
    let answer: { status: number; json: unknown } | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      answer = await post(t, '/api/v1/sync/push', { protocol: 1, clientId: t.clientId, mutations: sent });
      if (!RETRY_STATUS.has(answer.status)) break;
      tally.retries++;
      await sleep(Math.random() * 250 * attempt);
    }
    tally.latencies.push(performance.now() - started);
    if (!answer || answer.status !== 200) {
      tally.problems.push(`push seq ${sent[0]!.seq}: HTTP ${answer?.status} ${JSON.stringify(answer?.json).slice(0, 200)}`);
      return;
    }
    const result = answer.json as PushResult;
    const last = sent[sent.length - 1]!.seq;
    if (result.lastProcessedSeq !== last) tally.problems.push(`push seq ${sent[0]!.seq}: lastProcessedSeq ${result.lastProcessedSeq}, expected ${last}`);
    if (result.results.length !== sent.length) tally.problems.push(`push seq ${sent[0]!.seq}: ${result.results.length} results for ${sent.length} mutations`);
    result.results.forEach((r, i) => {
      const m = sent[i];
      if (!m || r.id !== m.id || r.seq !== m.seq) tally.problems.push(`push: result ${i} is seq ${r.seq} ${r.id}, sent seq ${m?.seq} ${m?.id}`);
      const key = r.status === 'applied' ? 'applied' : `${r.status}:${r.code ?? '?'}`;
      tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
    });
    tally.lastProcessedSeq = result.lastProcessedSeq;
    if (result.lastProcessedSeq !== last) return;
  }
}

export interface PullTally {
  pages: number;
  rows: number;
  /** Per page request, ms. */
  latencies: number[];
  /** Distinct entries pulled, the sum of their last-pulled rev, and their statuses. */
  entries: { count: number; revSum: number; statuses: Record<string, number> };
  /** Change rows seen more than once within the one pull from the beginning. */
  repeated: number;
  problems: string[];
  missingRoute: boolean;
}

export async function pullUnit(t: Target, limit: number, tally: PullTally): Promise<void> {
  let cursor: string | null = null;
  const seen = new Set<string>();
  const entries = new Map<string, { rev: number; status: string }>();
  const summarize = () => {
    for (const e of entries.values()) {
      tally.entries.count++;
      tally.entries.revSum += e.rev;
      tally.entries.statuses[e.status] = (tally.entries.statuses[e.status] ?? 0) + 1;
    }
  };
  for (let page = 0; page < 100_000; page++) {
    const started = performance.now();
    const answer = await post(t, '/api/v1/sync/pull', { protocol: 1, clientId: t.clientId, cursor, limit });
    tally.latencies.push(performance.now() - started);
    if (answer.status === 404) {
      tally.missingRoute = true;
      return;
    }
    if (answer.status !== 200) {
      tally.problems.push(`pull page ${page}: HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}`);
      return;
    }
    const result = answer.json as PullResult;
    if (result.reset && cursor !== null) tally.problems.push(`pull page ${page}: reset`);
    tally.pages++;
    tally.rows += result.changes.length;
    for (const c of result.changes) {
      const key = `${c.table}:${c.id}`;
      if (seen.has(key)) tally.repeated++;
      seen.add(key);
      if (c.table === 'entries' && c.row) {
        const row = c.row as { rev?: number; status?: string };
        entries.set(c.id, { rev: Number(row.rev), status: String(row.status) });
      }
    }
    cursor = result.cursor;
    if (!result.hasMore) return summarize();
  }
  tally.problems.push('pull: no end after 100,000 pages');
}

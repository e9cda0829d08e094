import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src-shared/demo';
import { startFaultProxy, startInProcessServer, type FaultProxy, type FaultServer } from './support';
import { clientIdOf, expectConverged, expectExactlyOnce, expectOutboxMatchesServer, pendingOutbox, waitFor } from './support/converge';
import { ENTRY, outboxCounts, recordPushSeqs, serverAbsence, sleep, status, syncLog, syncRequests } from './support/queue-kit';
import { InProcessWorkstation, type WorkstationOptions } from './support/workstation';

/**
 * Fault cases 4, 5 and 9 (issue 4): what the queue does with a mutation the server refuses, with a
 * server that answers 5xx for a while, and with a server that speaks another protocol version.
 * One in-process server and one fault proxy per case; the workstation talks through the proxy.
 */
let server: FaultServer;
let proxy: FaultProxy;
const open: InProcessWorkstation[] = [];

beforeEach(async () => {
  server = await startInProcessServer({ config: { logLevel: 'error' } });
  proxy = await startFaultProxy(server.url);
});
afterEach(async () => {
  for (const w of open.splice(0)) await w.close().catch(() => undefined);
  await proxy.close();
  await server.stop();
});

function workstation(opts: WorkstationOptions = {}): InProcessWorkstation {
  const w = new InProcessWorkstation(opts);
  open.push(w);
  return w;
}

async function enrolled(opts: WorkstationOptions = {}): Promise<InProcessWorkstation> {
  const w = workstation(opts);
  const r = await w.enroll(proxy.url, await server.enrollCode());
  expect(r.status).toMatchObject({ enrolled: true, blocked: null, lastError: null });
  return w;
}

async function reopen(w: InProcessWorkstation, opts: WorkstationOptions): Promise<InProcessWorkstation> {
  await w.close();
  open.splice(open.indexOf(w), 1);
  return workstation({ ...opts, dir: w.dir });
}

describe('the outbox under refusals, 5xx and version skew', () => {
  it('4. a poison mutation at the head → rejected, recorded on the entry, in the audit log and the sync log; the queue drains behind it', async () => {
    const ws = await enrolled();
    // The office is offline while the queue builds up (a logout would otherwise sync at once).
    proxy.partition(true);
    // One session at a time on a kiosk: each person logs in before their own work.
    const siti = () => ws.login(DEMO_PEOPLE.staff[0]);
    const budi = () => ws.login(DEMO_PEOPLE.staff[1]);
    // seq 1: Siti's entry for today, which the server will refuse: meanwhile the personnel office
    // recorded her sick leave on the server, and this PC has not pulled it yet.
    const poison = await ws.call('entry-create', { ...ENTRY, submit: true }, await siti());
    await serverAbsence(server, DEMO_PEOPLE.staff[0], ENTRY.workDate);
    // seq 2: a mutation whose args no server accepts (a bug of an older build), written straight into the queue.
    const now = new Date(server.now()).toISOString();
    const garbageEntity = crypto.randomUUID();
    ws.ws.core.ctx.sqlite
      .prepare('insert into outbox (id, name, args, actor_id, client_time, entity_id) values (?, ?, ?, ?, ?, ?)')
      .run(crypto.randomUUID(), 'entry.update@1', JSON.stringify({ entryId: 'not-a-uuid', baseRev: 0, changes: {} }), DEMO_PEOPLE.staff[1], now, garbageEntity);
    // seq 3… : good work behind them, by Siti (another day) and Budi (today), with follow-up edits.
    const good1 = await ws.call('entry-create', { ...ENTRY, workDate: '2026-11-24' }, await siti());
    const good2 = await ws.call('entry-create', ENTRY, await budi());
    await ws.call('entry-update', { entryId: good1.entry.id, rev: 1, changes: { volume: 2 } }, await siti());
    await ws.call('entry-submit', { entryId: good2.entry.id, rev: 1 }, await budi());
    await ws.call('entry-update', { entryId: good1.entry.id, rev: 2, changes: { endTime: '10:00' } }, await siti());
    const queued = await pendingOutbox(ws);
    expect(queued.map((q) => q.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    await ws.ws.core.ctx.sync.idle();
    proxy.partition(false);
    const sent = await ws.sync();
    expect(sent).toMatchObject({ outcome: 'ok', pushed: 7, applied: 5, refused: 2, status: { pending: 0, blocked: null, lastError: null } });

    // Recorded on the queue: both refusals answered and kept with the server's code.
    const answered = await ws.query<{ seq: number; result_status: string; result_code: string | null }>('select seq, result_status, result_code from outbox order by seq');
    expect(answered).toEqual([
      { seq: 1, result_status: 'rejected', result_code: 'NOT_WORKING_DAY' },
      { seq: 2, result_status: 'rejected', result_code: 'VALIDATION' },
      ...[3, 4, 5, 6, 7].map((seq) => ({ seq, result_status: 'applied', result_code: null })),
    ]);
    // On the entry, in plain Indonesian, for Siti at her next login: kept here as a draft she can fix.
    const [shown] = (await ws.call('entry-list', { month: '2026-11' }, await ws.login(DEMO_PEOPLE.staff[0]))).entries.filter((e) => e.id === poison.entry.id);
    expect(shown).toMatchObject({ status: 'draft', pending: false, syncCode: 'NOT_WORKING_DAY' });
    expect(shown!.syncMessage).toMatch(/\S/);
    expect(await ws.query('select local_only from entries where id = ?', [poison.entry.id])).toEqual([{ local_only: 1 }]);
    // In the workstation's audit log: one 'sync.refused' per refusal, naming the mutation.
    const audit = await ws.query<{ entity_id: string; detail: string }>("select entity_id, detail from audit_log where action = 'sync.refused' order by id");
    expect(audit.map((a) => [a.entity_id, JSON.parse(a.detail) as Record<string, unknown>])).toEqual([
      [poison.entry.id, expect.objectContaining({ seq: 1, status: 'rejected', code: 'NOT_WORKING_DAY', mutation: 'entry.create@1' })],
      [garbageEntity, expect.objectContaining({ seq: 2, status: 'rejected', code: 'VALIDATION', mutation: 'entry.update@1' })],
    ]);
    // In the sync log the operator reads (command sync-log, operator only).
    const operator = await ws.login(DEMO_PEOPLE.operator);
    const log = await ws.call('sync-log', {}, operator);
    // (Newest first; the operator's login ended Siti's session, which ran one more, empty, attempt.)
    expect(log.items.find((i) => i.trigger === 'manual')).toMatchObject({ trigger: 'manual', outcome: 'ok', pushed: 7, applied: 5, refused: 2, errorCode: null });

    // The server: every seq answered once, in order; the refused ones left no entry.
    const results = await expectExactlyOnce(server, [await clientIdOf(ws)]);
    expect(results.map((r) => [r.seq, r.status])).toEqual([[1, 'rejected'], [2, 'rejected'], [3, 'applied'], [4, 'applied'], [5, 'applied'], [6, 'applied'], [7, 'applied']]);
    await expectOutboxMatchesServer(server, ws);
    expect(await server.query('select id from entries where id = $1', [poison.entry.id])).toEqual([]);
    const onServer = await expectConverged(server, [ws]);
    expect(onServer.map((e) => [e.id, e.rev, e.status, e.volume, e.endTime])).toEqual(
      [
        [good1.entry.id, 3, 'draft', 2, '10:00'],
        [good2.entry.id, 2, 'submitted', 1, '09:30'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Nothing is pushed again: the refusals do not come back at the head of the queue.
    const before = proxy.log.length;
    expect(await ws.sync()).toMatchObject({ outcome: 'ok', pushed: 0, refused: 0 });
    expect(syncRequests(proxy, before).filter((e) => e.path.startsWith('/api/v1/sync/push'))).toEqual([]);
  });

  it('5. transient 5xx with no new local writes → retried by the timer (no sync-now), nothing reordered: the server applies in seq order', async () => {
    const ws = await enrolled({ autoSync: true, intervalMs: 400, backoffBaseMs: 100, backoffMaxMs: 400 });
    const siti = await ws.login(DEMO_PEOPLE.staff[0]);
    // The server's gateway answers 503 to every push until the test clears it.
    proxy.inject({ kind: 'status', status: 503, code: 'UNAVAILABLE' }, { path: '/api/v1/sync/push', times: Infinity });
    const seqs = recordPushSeqs(proxy);
    // A chain whose order matters: each edit builds on the revision before it.
    const e1 = await ws.call('entry-create', ENTRY, siti);
    const e2 = await ws.call('entry-create', { ...ENTRY, startTime: '10:00', endTime: '11:00' }, siti);
    await ws.call('entry-update', { entryId: e1.entry.id, rev: 1, changes: { volume: 2 } }, siti);
    await ws.call('entry-update', { entryId: e1.entry.id, rev: 2, changes: { volume: 3 } }, siti);
    await ws.call('entry-delete', { entryId: e2.entry.id, rev: 1 }, siti);
    await ws.call('entry-update', { entryId: e1.entry.id, rev: 3, changes: { volume: 4 } }, siti);
    await ws.call('entry-submit', { entryId: e1.entry.id, rev: 4 }, siti);
    expect((await pendingOutbox(ws)).map((q) => q.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // No local writes from here on. The timer keeps trying, with backoff, halving the batch on 5xx.
    await waitFor(async () => (await syncLog(ws)).filter((r) => r.outcome === 'retry' && r.error_code === 'UNAVAILABLE').length >= 3, { timeoutMs: 15_000, message: 'three failed timer attempts' });
    expect((await outboxCounts(ws)).pending).toBe(7);
    expect(await server.query('select seq from mutation_results')).toEqual([]);
    proxy.clear();
    await waitFor(async () => (await status(ws)).pending === 0, { timeoutMs: 15_000, message: 'drained by the timer' });
    await waitFor(async () => !(await status(ws)).running);
    seqs.stop();

    const log = await syncLog(ws);
    // Only the loop's own triggers ran: the enrollment's first pull, then timer/retry attempts.
    expect(new Set(log.map((r) => r.trigger))).toEqual(new Set(['enroll', 'timer', 'retry']));
    const failed = log.filter((r) => r.outcome === 'retry');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((r) => r.trigger === 'retry' || r.trigger === 'timer')).toBe(true);
    expect(log.find((r) => r.outcome === 'ok' && r.pushed > 0)).toMatchObject({ trigger: 'retry', pushed: 7, applied: 7 });
    // The proxy saw the retries: many 503 pushes, then the forwarded ones.
    const pushes = proxy.log.filter((e) => e.path === '/api/v1/sync/push');
    const refused = pushes.filter((e) => e.outcome === 'status' && e.status === 503).length;
    expect(refused).toBeGreaterThanOrEqual(3 * 4); // 7 → 4 → 2 → 1 per failed attempt
    // Every push, refused or not, started at the head of the queue and kept seq order.
    for (const p of seqs.pushes) expect(p).toEqual(Array.from({ length: p.length }, (_, k) => p[0]! + k));
    const forwarded = seqs.pushes.filter((_, i) => pushes[i]?.outcome === 'forwarded');
    expect(forwarded.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // The server applied each once, in seq order: the revision chain held (no conflict), in order of processing.
    const results = await expectExactlyOnce(server, [await clientIdOf(ws)]);
    expect(results.map((r) => [r.seq, r.name, r.status])).toEqual([
      [1, 'entry.create@1', 'applied'],
      [2, 'entry.create@1', 'applied'],
      [3, 'entry.update@1', 'applied'],
      [4, 'entry.update@1', 'applied'],
      [5, 'entry.delete@1', 'applied'],
      [6, 'entry.update@1', 'applied'],
      [7, 'entry.submit@1', 'applied'],
    ]);
    const revs = await server.query<{ seq: number; rev: number }>('select seq, rev from mutation_results order by seq');
    expect(revs.filter((r) => Number(r.seq) !== 2 && Number(r.seq) !== 5).map((r) => Number(r.rev))).toEqual([1, 2, 3, 4, 5]);
    await expectOutboxMatchesServer(server, ws);
    const entries = await expectConverged(server, [ws]);
    expect(entries).toEqual([expect.objectContaining({ id: e1.entry.id, rev: 5, volume: 4, status: 'submitted' })]);
  });

  it('9. protocol version skew → the server refuses it explicitly (409), the PC stops asking and keeps its outbox; after an update it drains once', async () => {
    // Enrolled and in use on protocol 1, with work already on the server.
    let ws = await enrolled();
    const siti = await ws.login(DEMO_PEOPLE.staff[0]);
    await ws.call('entry-create', ENTRY, siti);
    expect(await ws.sync()).toMatchObject({ outcome: 'ok', applied: 1 });

    // The PC's app now speaks protocol 2, which this server does not; the timer loop is on.
    ws = await reopen(ws, { protocol: 2, autoSync: true, intervalMs: 300, backoffBaseMs: 100, backoffMaxMs: 300 });
    const again = await ws.login(DEMO_PEOPLE.staff[0]);
    const offline = await ws.call('entry-create', { ...ENTRY, startTime: '10:00', endTime: '11:00' }, again);
    await ws.call('entry-update', { entryId: offline.entry.id, rev: 1, changes: { volume: 5 } }, again);
    await ws.call('entry-create', { ...ENTRY, workDate: '2026-11-24' }, again);
    await waitFor(async () => (await status(ws)).blocked === 'update', { timeoutMs: 10_000, message: 'blocked: update' });
    const blocked = await status(ws);
    expect(blocked).toMatchObject({ blocked: 'update', pending: 3, nextAttemptAt: null, lastError: { code: 'PROTOCOL_UNSUPPORTED' } });
    const refusals = syncRequests(proxy).filter((e) => e.status === 409);
    expect(refusals.length).toBe(1);
    // No retry storm: over several timer intervals the PC sends nothing more.
    const mark = proxy.log.length;
    await sleep(2_000);
    expect(syncRequests(proxy, mark)).toEqual([]);
    // A person may still ask once: one request, the same explicit refusal, still kept.
    const manual = await ws.sync();
    expect(manual).toMatchObject({ outcome: 'blocked', error: { code: 'PROTOCOL_UNSUPPORTED' }, status: { blocked: 'update', pending: 3 } });
    expect(syncRequests(proxy, mark)).toHaveLength(1);
    expect((await outboxCounts(ws)).pending).toBe(3);
    expect((await syncLog(ws)).filter((r) => r.outcome === 'blocked:update').length).toBe(2);

    // Updated (here: back) to protocol 1 and restarted: the block is lifted and the same outbox drains once.
    ws = await reopen(ws, { autoSync: true, intervalMs: 300, backoffBaseMs: 100, backoffMaxMs: 300 });
    await waitFor(async () => {
      const s = await status(ws);
      return s.pending === 0 && s.blocked === null && !s.running;
    }, { timeoutMs: 10_000, message: 'drained after the update' });
    const results = await expectExactlyOnce(server, [await clientIdOf(ws)]);
    expect(results.map((r) => [r.seq, r.status])).toEqual([[1, 'applied'], [2, 'applied'], [3, 'applied'], [4, 'applied']]);
    await expectOutboxMatchesServer(server, ws);
    const entries = await expectConverged(server, [ws]);
    expect(entries).toHaveLength(3);
    expect(entries.find((e) => e.id === offline.entry.id)).toMatchObject({ rev: 2, volume: 5 });
  });
});

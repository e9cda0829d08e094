import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src-shared/demo';
import { startFaultProxy, startInProcessServer, type FaultProxy, type FaultServer } from './support';
import { clientIdOf, expectConverged, expectExactlyOnce, expectOutboxMatchesServer, waitFor } from './support/converge';
import { ENTRY, outboxCounts, sleep, status, syncLog, syncRequests } from './support/queue-kit';
import { InProcessWorkstation } from './support/workstation';

/**
 * Fault case 8 (issue 4): a workstation offline for days while its token is revoked (or no longer
 * accepted) keeps everything, stops asking the server, and hands it all over exactly once after
 * an operator enrolls it again.
 */
let server: FaultServer;
let proxy: FaultProxy;
let ws: InProcessWorkstation;

/** The timer loop on, with short intervals: a 401/403 loop would show up as many requests. */
const LOOP = { autoSync: true, intervalMs: 300, backoffBaseMs: 100, backoffMaxMs: 400 } as const;
/** How long the test watches a blocked PC: several timer intervals and backoff caps. */
const WATCH_MS = 2_500;

beforeEach(async () => {
  server = await startInProcessServer({ config: { logLevel: 'error' } });
  proxy = await startFaultProxy(server.url);
  ws = new InProcessWorkstation(LOOP);
  const r = await ws.enroll(proxy.url, await server.enrollCode());
  expect(r.status).toMatchObject({ enrolled: true, blocked: null });
});
afterEach(async () => {
  await ws.close().catch(() => undefined);
  await proxy.close();
  await server.stop();
});

/** An operator re-enrolls the PC with a fresh code (once enrolled, only an operator may). */
async function reenroll(): Promise<void> {
  const operator = await ws.login(DEMO_PEOPLE.operator);
  const r = await ws.call('workstation-enroll', { serverUrl: proxy.url, enrollmentCode: await server.enrollCode(), name: 'PC uji' }, operator);
  expect(r.status.blocked).toBeNull();
}

async function expectQuietFor(ms: number): Promise<number> {
  const mark = proxy.log.length;
  await sleep(ms);
  return syncRequests(proxy, mark).length;
}

describe('a workstation whose token stops working', () => {
  it('8. three days offline past revocation → nothing lost, no 401/403 loop: blocked "revoked", outbox kept, drained once after re-enrollment', async () => {
    // Wednesday: online, one entry synced.
    const first = await ws.call('entry-create', ENTRY, await ws.login(DEMO_PEOPLE.staff[0]));
    await waitFor(async () => (await status(ws)).pending === 0, { message: 'first entry synced' });
    const { workstationId } = await status(ws);

    // The cable is out Wednesday to Saturday; work goes on, day by day.
    proxy.partition(true);
    await ws.setNow('2026-11-26T02:00:00.000Z');
    const thu = await ws.call('entry-create', { ...ENTRY, workDate: '2026-11-26' }, await ws.login(DEMO_PEOPLE.staff[0]));
    await ws.setNow('2026-11-27T02:00:00.000Z');
    const fri = await ws.call('entry-create', { ...ENTRY, workDate: '2026-11-27', submit: true }, await ws.login(DEMO_PEOPLE.staff[1]));
    await ws.call('entry-update', { entryId: thu.entry.id, rev: 1, changes: { volume: 3 } }, await ws.login(DEMO_PEOPLE.staff[0]));
    await ws.call('entry-submit', { entryId: first.entry.id, rev: 1 }, await ws.login(DEMO_PEOPLE.staff[0]));
    await ws.setNow('2026-11-28T02:00:00.000Z');
    await server.setClock('2026-11-28T02:00:00.000Z');
    // Meanwhile the operator revoked this PC on the server (a stolen-PC drill, a token rotation).
    expect(await server.revoke(workstationId!)).toEqual({ revoked: true });
    const queued = await outboxCounts(ws);
    expect(queued.pending).toBe(4);

    // Back online: the next timer attempt meets 403 and the PC stops.
    proxy.partition(false);
    await waitFor(async () => (await status(ws)).blocked === 'revoked', { timeoutMs: 10_000, message: 'blocked: revoked' });
    await ws.ws.core.ctx.sync.idle();
    expect(await status(ws)).toMatchObject({ blocked: 'revoked', pending: 4, nextAttemptAt: null, lastError: { code: 'WORKSTATION_REVOKED' } });
    const denied = syncRequests(proxy).filter((e) => e.status === 403);
    expect(denied).toHaveLength(1);
    // No loop: over several intervals (and a kiosk session ending) the PC asks nothing more.
    await ws.login(DEMO_PEOPLE.staff[2]);
    await ws.login(DEMO_PEOPLE.staff[5]);
    const meanwhile = await expectQuietFor(WATCH_MS);
    expect(meanwhile).toBeLessThanOrEqual(1);
    // Everything is still here, untouched.
    expect(await outboxCounts(ws)).toEqual(queued);
    expect((await syncLog(ws)).filter((r) => r.outcome === 'blocked:revoked').length).toBeGreaterThanOrEqual(1);

    // An operator enrolls it again with a new code: the same outbox drains, once.
    await reenroll();
    await waitFor(async () => {
      const s = await status(ws);
      return s.pending === 0 && !s.running && s.blocked === null;
    }, { timeoutMs: 10_000, message: 'drained after re-enrollment' });
    const results = await expectExactlyOnce(server);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
    expect(results).toHaveLength(5);
    await expectOutboxMatchesServer(server, ws);
    const entries = await expectConverged(server, [ws]);
    expect(entries.map((e) => [e.id, e.rev, e.status, e.volume])).toEqual(
      [
        [first.entry.id, 2, 'submitted', 1],
        [thu.entry.id, 2, 'draft', 3],
        [fri.entry.id, 1, 'submitted', 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const stations = await server.query<{ id: string; revoked: boolean }>('select id, revoked_at is not null as revoked from workstations order by enrolled_at');
    expect(stations.map((s) => s.revoked)).toEqual([true, false]);
    expect((await status(ws)).workstationId).toBe(stations[1]!.id);
    expect(await clientIdOf(ws)).toBeTruthy();
  });

  it('8b. a 401 (token no longer accepted) → blocked "unauthenticated", outbox kept, no loop; drained once after re-enrollment', async () => {
    proxy.inject({ kind: 'status', status: 401, code: 'UNAUTHENTICATED', message: 'token not accepted' }, { path: /^\/api\/v1\/sync\//, times: Infinity });
    const made = await ws.call('entry-create', ENTRY, await ws.login(DEMO_PEOPLE.staff[0]));
    await ws.call('entry-update', { entryId: made.entry.id, rev: 1, changes: { volume: 2 } }, await ws.login(DEMO_PEOPLE.staff[0]));
    await waitFor(async () => (await status(ws)).blocked === 'unauthenticated', { timeoutMs: 10_000, message: 'blocked: unauthenticated' });
    await ws.ws.core.ctx.sync.idle();
    expect(await status(ws)).toMatchObject({ blocked: 'unauthenticated', pending: 2, nextAttemptAt: null, lastError: { code: 'UNAUTHENTICATED' } });
    const unauthorized = syncRequests(proxy).filter((e) => e.status === 401).length;
    expect(unauthorized).toBe(1);
    await ws.login(DEMO_PEOPLE.staff[2]);
    expect(await expectQuietFor(WATCH_MS)).toBeLessThanOrEqual(1);
    expect((await outboxCounts(ws)).pending).toBe(2);
    expect(await server.query('select seq from mutation_results')).toEqual([]);

    proxy.clear();
    await reenroll();
    await waitFor(async () => {
      const s = await status(ws);
      return s.pending === 0 && !s.running && s.blocked === null;
    }, { timeoutMs: 10_000, message: 'drained after re-enrollment' });
    const results = await expectExactlyOnce(server);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['entry.create@1', 'applied'],
      ['entry.update@1', 'applied'],
    ]);
    await expectOutboxMatchesServer(server, ws);
    expect(await expectConverged(server, [ws])).toEqual([expect.objectContaining({ id: made.entry.id, rev: 2, volume: 2 })]);
  });

  it('8c. after a 401 clears up, a successful "Kirim sekarang" lifts the block (the timer loop resumes)', async () => {
    proxy.inject({ kind: 'status', status: 401, code: 'UNAUTHENTICATED' }, { path: /^\/api\/v1\/sync\//, times: 1 });
    await ws.call('entry-create', ENTRY, await ws.login(DEMO_PEOPLE.staff[0]));
    await waitFor(async () => (await status(ws)).blocked === 'unauthenticated', { timeoutMs: 10_000, message: 'blocked: unauthenticated' });
    await ws.ws.core.ctx.sync.idle();
    // The operator presses "Kirim sekarang"; the server accepts the token again.
    expect(await ws.sync()).toMatchObject({ outcome: 'ok', applied: 1 });
    expect(await status(ws)).toMatchObject({ pending: 0, lastError: null, blocked: null });
  });
});

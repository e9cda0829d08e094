import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_PINS, DEMO_PIN } from '../../src-shared/demo';
import { startFaultProxy, startInProcessServer, type FaultProxy, type FaultServer } from './support';
import { clientIdOf, expectExactlyOnce } from './support/converge';
import { outboxCounts, recordPushSeqs, slotEntry, syncLog } from './support/queue-kit';
import { ChildWorkstation } from './support/workstation';

/**
 * Fault case 10 (issue 4): a long backlog drains in bounded memory, exactly once, without loops.
 * The backlog is built fast: a few hundred real entries through entry-create, then many
 * entry.update@1 mutations appended to the workstation's outbox in one SQLite transaction (each
 * on its entry's previous revision, as the kiosk would have queued them).
 *
 * Size: KK_BACKLOG mutations, by default the 50,000 (about 26 s to drain on a quiet
 * 2-core machine with the server's set-wise push; the report line "backlog:" prints the rate).
 */
const BACKLOG = Number(process.env['KK_BACKLOG'] ?? 50_000);
/** Generous bounds: the loop reads one batch (≤ 200) at a time, so the heap must not grow with the backlog. */
const HEAP_GROWTH_MAX = 96 * 1024 * 1024;
const RSS_GROWTH_MAX = 192 * 1024 * 1024;

let server: FaultServer;
let proxy: FaultProxy;
let ws: ChildWorkstation;

beforeAll(async () => {
  server = await startInProcessServer({ config: { logLevel: 'error' } });
  proxy = await startFaultProxy(server.url);
  ws = await ChildWorkstation.start();
  await ws.enroll(proxy.url, await server.enrollCode());
});
afterAll(async () => {
  await ws?.close();
  await proxy?.close();
  await server?.stop();
});

describe('a long backlog', () => {
  it(`10. a ${BACKLOG}-mutation backlog → memory bounded, drains, each mutation applied once, nothing loops`, async () => {
    // A few hundred entries: ten people, two days, fifteen half-hour slots each (the 450-minute day).
    const people = DEMO_PEOPLE.staff.filter((id) => !DEMO_PINS[id]!.mustChangePin).slice(0, 10);
    expect(DEMO_PINS[people[0]!]!.pin).toBe(DEMO_PIN);
    proxy.partition(true); // built offline: the end of each kiosk session would otherwise sync
    const entryIds: string[] = [];
    for (const person of people) {
      const token = await ws.login(person);
      for (const day of ['2026-11-24', '2026-11-25'])
        for (let slot = 0; slot < 15; slot++) entryIds.push((await ws.call('entry-create', slotEntry(day, slot), token)).entry.id);
    }
    const creates = entryIds.length;
    const updatesPerEntry = Math.max(1, Math.ceil((BACKLOG - creates) / creates));
    // Then the updates, round-robin over the entries, straight into the queue in one transaction.
    const file = new Database(join(ws.dir, 'kinerja.sqlite'));
    const owner = new Map((file.prepare('select id, employee_id from entries').all() as { id: string; employee_id: string }[]).map((r) => [r.id, r.employee_id]));
    const insert = file.prepare('insert into outbox (id, name, args, actor_id, client_time, entity_id) values (?, ?, ?, ?, ?, ?)');
    let total = creates;
    const lastVolume = new Map<string, number>();
    file.transaction(() => {
      for (let k = 1; k <= updatesPerEntry && total < BACKLOG; k++)
        for (const id of entryIds) {
          if (total >= BACKLOG) break;
          const volume = ((k * 7) % 90) + 1;
          insert.run(uuidv7(), 'entry.update@1', JSON.stringify({ entryId: id, baseRev: k, changes: { volume } }), owner.get(id), '2026-11-25T02:30:00.000Z', id);
          lastVolume.set(id, volume);
          total++;
        }
    })();
    file.close();
    expect(await outboxCounts(ws)).toEqual({ total: BACKLOG, pending: BACKLOG });
    await ws.call('sync-now', {}); // offline: fails, changes nothing
    proxy.partition(false);

    // Drain, watching the workstation process's memory all along.
    const before = await ws.memory();
    const seqs = recordPushSeqs(proxy);
    let peak = { heapUsed: before.heapUsed, rss: before.rss };
    let draining = true;
    const sampler = (async () => {
      while (draining) {
        const m = await ws.memory();
        peak = { heapUsed: Math.max(peak.heapUsed, m.heapUsed), rss: Math.max(peak.rss, m.rss) };
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const t0 = performance.now();
    const sent = await ws.sync();
    const seconds = (performance.now() - t0) / 1000;
    draining = false;
    await sampler;
    seqs.stop();
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(
      `backlog: ${BACKLOG} mutations (${creates} creates + ${BACKLOG - creates} updates) drained in ${seconds.toFixed(1)} s = ${Math.round(BACKLOG / seconds)}/s; ` +
        `workstation heapUsed ${mb(before.heapUsed)} → peak ${mb(peak.heapUsed)} MB, rss ${mb(before.rss)} → peak ${mb(peak.rss)} MB`,
    );
    expect(sent).toMatchObject({ outcome: 'ok', pushed: BACKLOG, applied: BACKLOG, refused: 0, status: { pending: 0, lastError: null } });
    expect(peak.heapUsed - before.heapUsed).toBeLessThan(HEAP_GROWTH_MAX);
    expect(peak.rss - before.rss).toBeLessThan(RSS_GROWTH_MAX);

    // Nothing looped: every seq was sent exactly once, in order, in full batches.
    expect(seqs.pushes.length).toBe(Math.ceil(BACKLOG / 200));
    const flat = seqs.pushes.flat();
    expect(flat.length).toBe(BACKLOG);
    expect(flat.every((s, i) => s === i + 1)).toBe(true);
    expect((await syncLog(ws)).filter((r) => r.outcome === 'ok' && r.pushed > 0)).toHaveLength(1);

    // Applied exactly once on the server, and the PC's queue is empty.
    const results = await expectExactlyOnce(server, [await clientIdOf(ws)]);
    expect(results).toHaveLength(BACKLOG);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
    expect((await outboxCounts(ws)).pending).toBe(0);
    const onServer = await server.query<{ id: string; rev: number; volume: number }>('select id, rev, volume from entries');
    expect(onServer).toHaveLength(creates);
    const updatesOf = (idx: number) => Math.floor((BACKLOG - creates) / creates) + (idx < (BACKLOG - creates) % creates ? 1 : 0);
    const want = new Map(entryIds.map((id, i) => [id, { rev: 1 + updatesOf(i), volume: lastVolume.get(id) ?? 1 }]));
    for (const r of onServer) expect({ rev: Number(r.rev), volume: Number(r.volume) }, r.id).toEqual(want.get(r.id));
    // The PC pulled the server's copies back: the same revisions locally.
    const local = await ws.query<{ id: string; rev: number }>('select id, rev from entries');
    expect(local.every((l) => want.get(l.id)?.rev === l.rev)).toBe(true);
  }, 180_000);
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { startFaultProxy, startInProcessServer, type FaultProxy, type FaultServer } from './support';
import { clientIdOf, expectConverged, expectExactlyOnce, expectOutboxMatchesServer, prng, quiesce, serverEntries } from './support/converge';
import { InProcessWorkstation } from './support/workstation';

/**
 * Fault cases 6, 7 and 12 (issue 4): workstations of one unit behind their own fault proxies
 * (so one PC's cable can be pulled while the others work) against one in-process central server.
 * Every case ends the same way: heal, sync until quiet, then every workstation equals the server,
 * each mutation id was applied exactly once and in the order it was queued.
 */

const SITI = DEMO_PEOPLE.staff[0];
const YOHANES = DEMO_PEOPLE.staff[1];
const RAHMAWATI = DEMO_PEOPLE.staff[2];
const [ANDI, RIZKY, FRANSISKA] = [DEMO_PEOPLE.staff[7], DEMO_PEOPLE.staff[5], DEMO_PEOPLE.staff[6]];
/** Made supervises these four: each run of a case-12 scenario takes its own person and day. */
const MADE = DEMO_PEOPLE.supervisors[2];
const CASE12 = [DEMO_PEOPLE.staff[8], DEMO_PEOPLE.staff[9], DEMO_PEOPLE.staff[10], DEMO_PEOPLE.staff[11]].flatMap((who) =>
  ['2026-11-25', '2026-11-24'].map((day) => ({ who, day })),
);
const ACTIVITY = DEMO.catalog[0]!.id;

const entry = (workDate: string, startTime: string, endTime: string, volume = 1) => ({
  workDate,
  startTime,
  endTime,
  activityId: ACTIVITY,
  volume,
  description: 'Menyusun laporan kepegawaian bulanan',
});

/** Half-hour slot k (0–14) of a working day: 15 of them fit the 450-minute day limit. */
const slot = (k: number): [string, string] => {
  const t = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return [t(8 * 60 + 30 * k), t(8 * 60 + 30 * (k + 1))];
};

interface Rig {
  server: FaultServer;
  proxies: FaultProxy[];
  ws: InProcessWorkstation[];
}

// One server for the file (a start loads the demo unit: seconds on a busy machine); each case
// works with its own people or days, so the cases cannot disturb one another.
let server: FaultServer;
beforeAll(async () => {
  server = await startInProcessServer();
});
afterAll(async () => {
  await server?.stop();
});

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    for (const w of r.ws) await w.close();
    for (const p of r.proxies) await p.close();
  }
});

/** `n` freshly enrolled workstations of the demo unit, each behind its own proxy; clocks per workstation. */
async function rig(n: number, clocks: (string | undefined)[] = []): Promise<Rig> {
  const r: Rig = { server, proxies: [], ws: [] };
  rigs.push(r);
  for (let i = 0; i < n; i++) {
    const proxy = await startFaultProxy(server.url);
    r.proxies.push(proxy);
    const now = clocks[i];
    const ws = new InProcessWorkstation(now ? { now } : {});
    r.ws.push(ws);
    await ws.enroll(proxy.url, await server.enrollCode(), `PC ${i + 1}`);
  }
  return r;
}


/** All the convergence criteria of the suite at once. */
async function expectSettled(r: Rig): Promise<Awaited<ReturnType<typeof serverEntries>>> {
  const entries = await expectConverged(r.server, r.ws);
  await expectExactlyOnce(r.server, await Promise.all(r.ws.map((w) => clientIdOf(w))));
  for (const w of r.ws) await expectOutboxMatchesServer(r.server, w);
  return entries;
}

/** What the server recorded for the mutations of one entry, in the order it processed them. */
const resultsFor = (server: FaultServer, ws: InProcessWorkstation, entryId: string) =>
  ws.query<{ id: string }>('select id from outbox where entity_id = ? order by seq', [entryId]).then((ids) =>
    server.query<{ name: string; status: string; code: string | null }>(
      'select name, status, code from mutation_results where mutation_id = any($1::uuid[]) order by processed_at, seq',
      [ids.map((i) => i.id)],
    ),
  );

/** Server flags of one entry. */
async function flagsOf(server: FaultServer, id: string): Promise<string[]> {
  const [row] = await server.query<{ flags: string[] }>('select flags from entries where id = $1', [id]);
  return [...(row?.flags ?? [])].sort();
}

describe('convergence under partitions, clock faults and conflicts', () => {
  it('6. random partitions, then heal and quiesce → outboxes empty, every workstation equals the server, each mutation once', async () => {
    const seed = Number(process.env['KK_FAULT_SEED'] ?? Date.now() % 2 ** 31);
    console.log(`[case 6] seed ${seed} (replay: KK_FAULT_SEED=${seed})`);
    const rand = prng(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const r = await rig(3);
    const people: string[] = [SITI, YOHANES, RAHMAWATI];
    const tokens = await Promise.all(r.ws.map((w, i) => w.login(people[i]!)));
    // What each person did, as they saw it on their own PC: the server must end up with exactly this.
    const model = new Map<string, { employeeId: string; volume: number; status: string; rev: number }>();
    const nextSlot = [0, 0, 0];
    let partitionsSeen = 0;

    for (let round = 0; round < 12; round++) {
      for (const [i, proxy] of r.proxies.entries()) {
        const cut = rand() < 0.4;
        proxy.partition(cut);
        if (cut) partitionsSeen++;
        proxy.clear();
        const fault = rand();
        if (fault < 0.2) proxy.inject({ kind: 'drop-after-forward' }, { path: '/api/v1/sync/push' });
        else if (fault < 0.3) proxy.inject({ kind: 'reset' }, { path: '/api/v1/sync/pull' });
        else if (fault < 0.4) proxy.inject({ kind: 'status', status: 503, code: 'UNAVAILABLE' });
        const ws = r.ws[i]!;
        const ops = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < ops; k++) {
          const mine = [...model.entries()].filter(([, e]) => e.employeeId === people[i] && (e.status === 'draft' || e.status === 'returned'));
          const choice = rand();
          if ((choice < 0.5 || mine.length === 0) && nextSlot[i]! < 30) {
            const n = nextSlot[i]!++;
            const [start, end] = slot(n % 15);
            const made = await ws.call('entry-create', { ...entry(n < 15 ? '2026-11-25' : '2026-11-24', start, end), submit: rand() < 0.3 }, tokens[i]);
            model.set(made.entry.id, { employeeId: people[i]!, volume: 1, status: made.entry.status, rev: made.entry.rev });
          } else if (mine.length > 0) {
            const [id, e] = pick(mine);
            if (choice < 0.8) {
              const volume = 1 + Math.floor(rand() * 9);
              const upd = await ws.call('entry-update', { entryId: id, rev: e.rev, changes: { volume } }, tokens[i]);
              model.set(id, { ...e, volume: upd.entry.volume, rev: upd.entry.rev });
            } else {
              const sub = await ws.call('entry-submit', { entryId: id, rev: e.rev }, tokens[i]);
              model.set(id, { ...e, status: sub.entry.status, rev: sub.entry.rev });
            }
          }
        }
      }
      // Everybody tries at once; whoever's cable is cut gets a retry outcome, never an error.
      const outcomes = await Promise.all(r.ws.map((w) => w.sync()));
      for (const o of outcomes) expect(['ok', 'retry']).toContain(o.outcome);
    }
    expect(partitionsSeen).toBeGreaterThan(0);

    await quiesce(r.proxies, r.ws);
    const onServer = await expectSettled(r);
    // Nothing lost and nothing invented: the server holds exactly what the people did.
    expect(onServer.filter((e) => people.includes(e.employeeId)).map((e) => ({ id: e.id, employeeId: e.employeeId, volume: e.volume, status: e.status, rev: e.rev })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...model.entries()].map(([id, e]) => ({ id, ...e })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    const refused = await r.server.query<{ n: number }>(`select count(*)::int as n from mutation_results where status <> 'applied' and client_id = any($1::uuid[])`, [
      await Promise.all(r.ws.map((w) => clientIdOf(w))),
    ]);
    expect(refused[0]!.n).toBe(0);
  }, 60_000);

  it('7. clocks +1 h, -1 h, +2 days and a backward jump → sync continues, the server flags clock_skew, nothing reordered', async () => {
    const SERVER_NOW = Date.parse('2026-11-25T02:00:00.000Z');
    const at = (ms: number) => new Date(SERVER_NOW + ms).toISOString();
    const H = 3_600_000;
    const r = await rig(3, [at(H), at(-H), at(48 * H)]);
    const [ahead, behind, days] = r.ws as [InProcessWorkstation, InProcessWorkstation, InProcessWorkstation];

    const onAhead = await ahead.login(ANDI);
    const a1 = await ahead.call('entry-create', { ...entry('2026-11-25', '08:00', '09:00'), submit: true }, onAhead);
    // The PC's clock is put right (a jump back of 1.5 h): its next mutations run "before" the last one.
    await ahead.setNow(at(-30 * 60_000));
    const onAhead2 = await ahead.login(ANDI);
    const a2 = await ahead.call('entry-create', entry('2026-11-25', '09:00', '10:00'), onAhead2);
    const a3 = await ahead.call('entry-update', { entryId: a2.entry.id, rev: 1, changes: { volume: 4 } }, onAhead2);

    const onBehind = await behind.login(RIZKY);
    const b1 = await behind.call('entry-create', { ...entry('2026-11-25', '08:00', '09:00'), submit: true }, onBehind);

    // Two days ahead, the kiosk believes it is Friday 27th: an entry for "yesterday" (the 26th, a
    // future date for the server) is refused and kept, one for the 25th is stored and flagged.
    const onDays = await days.login(FRANSISKA);
    const c1 = await days.call('entry-create', { ...entry('2026-11-25', '08:00', '09:00'), submit: true }, onDays);
    const c2 = await days.call('entry-create', entry('2026-11-26', '08:00', '09:00'), onDays);

    for (const w of r.ws) expect(await w.sync()).toMatchObject({ outcome: 'ok' });
    // The server's clock moves on an hour; everyone keeps syncing.
    await r.server.setClock(at(H + 60_000));
    try {
      await quiesce(r.proxies, r.ws);
      await expectSettled(r);
    } finally {
      await r.server.setClock(new Date(SERVER_NOW).toISOString());
    }

    expect(await flagsOf(r.server, a1.entry.id)).toContain('clock_skew'); // ahead of the server
    expect(await flagsOf(r.server, a2.entry.id)).toContain('clock_skew'); // behind the same PC's previous mutation
    expect(a3.entry.volume).toBe(4);
    expect(await flagsOf(r.server, b1.entry.id)).not.toContain('clock_skew'); // an hour slow, but consistent
    expect(await flagsOf(r.server, c1.entry.id)).toContain('clock_skew');

    // The future-dated create was refused explicitly and is kept on its PC for Rahmawati to fix.
    const [kept] = await days.query<{ local_only: number; sync_code: string | null; status: string }>('select local_only, sync_code, status from entries where id = ?', [c2.entry.id]);
    expect(kept).toMatchObject({ local_only: 1, status: 'draft' });
    expect(kept!.sync_code).toBe('DATE_IN_FUTURE');
    expect(await r.server.query('select id from entries where id = $1', [c2.entry.id])).toEqual([]);

    // Nothing reordered: each PC's mutations were processed in queue order, with the PC's own times kept.
    for (const w of r.ws) {
      const clientId = await clientIdOf(w);
      const local = await w.query<{ id: string; client_time: string }>('select id, client_time from outbox order by seq');
      const remote = await r.server.query<{ mutation_id: string }>('select mutation_id from mutation_results where client_id = $1 order by processed_at, seq', [clientId]);
      expect(remote.map((x) => x.mutation_id)).toEqual(local.map((x) => x.id));
    }
    const [created] = await r.server.query<{ created_at: Date }>('select created_at from entries where id = $1', [a2.entry.id]);
    expect(created!.created_at.toISOString()).toBe(a2.entry.createdAt);
  }, 60_000);

  /**
   * Case 12: two PCs change the same thing while both are offline, then push in one order and in
   * the other. For each order the outcome is the one stated (the first pusher wins; the other's
   * change is answered `conflict`, recorded on the server, and shown on its entry), nothing else
   * is lost, and both PCs converge on the server's state.
   */
  type Order = 'A first' | 'B first';
  const ORDERS: Order[] = ['A first', 'B first'];

  interface Played {
    r: Rig;
    a: InProcessWorkstation;
    b: InProcessWorkstation;
  }

  /** Fresh server, two PCs: `prepare` online, `offline` with both cables cut, then heal and push in `order`. */
  async function play(order: Order, prepare: (p: Played) => Promise<void>, offline: (p: Played) => Promise<void>): Promise<Played> {
    const r = await rig(2);
    const p: Played = { r, a: r.ws[0]!, b: r.ws[1]! };
    await prepare(p);
    for (const w of r.ws) expect(await w.sync()).toMatchObject({ outcome: 'ok', status: { pending: 0 } });
    for (const x of r.proxies) x.partition(true);
    await offline(p);
    for (const w of r.ws) expect(await w.sync()).toMatchObject({ outcome: 'retry' });
    for (const x of r.proxies) x.partition(false);
    const [first, second] = order === 'A first' ? [p.a, p.b] : [p.b, p.a];
    expect(await first.sync()).toMatchObject({ outcome: 'ok', refused: 0 });
    expect(await second.sync()).toMatchObject({ outcome: 'ok' });
    await quiesce(r.proxies, r.ws);
    await expectSettled(r);
    return p;
  }

  const entryOn = async (ws: InProcessWorkstation, id: string) =>
    (await ws.query<{ status: string; rev: number; volume: number; review_note: string | null; sync_code: string | null; flags: string }>(
      'select status, rev, volume, review_note, sync_code, flags from entries where id = ?',
      [id],
    ))[0]!;

  it('12. staff edit vs supervisor review (and a draft edited on two PCs), both push orders → first pusher wins, the other is a recorded conflict, all converge', async () => {
    for (const order of ORDERS) {
      const { who, day } = CASE12.shift()!;
      let id = '';
      const p = await play(
        order,
        async ({ a }) => {
          id = (await a.call('entry-create', entry(day, '08:00', '09:30'), await a.login(who))).entry.id;
        },
        async ({ a, b }) => {
          // On A, Siti corrects her draft; on B she sends it and Ahmad returns it at once.
          await a.call('entry-update', { entryId: id, rev: 1, changes: { volume: 5 } }, await a.login(who));
          await b.call('entry-submit', { entryId: id, rev: 1 }, await b.login(who));
          await b.call('review-decide', { entryId: id, rev: 2, decision: 'return', note: 'Lengkapi uraian kegiatan' }, await b.login(MADE));
        },
      );
      const onServer = (await serverEntries(p.r.server)).find((e) => e.id === id);
      if (order === 'A first') {
        expect(onServer, order).toMatchObject({ id, status: 'draft', rev: 2, volume: 5 });
        expect((await resultsFor(p.r.server, p.b, id)).map((x) => `${x.name} ${x.status}`), order).toEqual(['entry.submit@1 conflict', 'entry.review@1 conflict']);
        expect(await entryOn(p.b, id), order).toMatchObject({ status: 'draft', volume: 5, sync_code: 'STALE_REVISION' });
      } else {
        expect(onServer, order).toMatchObject({ id, status: 'returned', rev: 3, volume: 1 });
        expect(await resultsFor(p.r.server, p.a, id), order).toEqual([
          { name: 'entry.create@1', status: 'applied', code: null },
          { name: 'entry.update@1', status: 'conflict', code: 'STALE_REVISION' },
        ]);
        expect(await entryOn(p.a, id), order).toMatchObject({ status: 'returned', review_note: 'Lengkapi uraian kegiatan', sync_code: 'STALE_REVISION' });
      }
    }

    // A draft edited on two PCs: whoever pushes first keeps their value.
    for (const order of ORDERS) {
      const { who, day } = CASE12.shift()!;
      let id = '';
      const p = await play(
        order,
        async ({ a }) => {
          id = (await a.call('entry-create', entry(day, '08:00', '09:30'), await a.login(who))).entry.id;
        },
        async ({ a, b }) => {
          await a.call('entry-update', { entryId: id, rev: 1, changes: { volume: 2 } }, await a.login(who));
          await b.call('entry-update', { entryId: id, rev: 1, changes: { volume: 3 } }, await b.login(who));
        },
      );
      const [winner, loser] = order === 'A first' ? [2, p.b] : [3, p.a];
      expect((await serverEntries(p.r.server)).find((e) => e.id === id), order).toMatchObject({ id, status: 'draft', rev: 2, volume: winner });
      expect(await entryOn(loser, id), order).toMatchObject({ volume: winner, sync_code: 'STALE_REVISION' });
      expect((await resultsFor(p.r.server, loser, id)).at(-1), order).toEqual({ name: 'entry.update@1', status: 'conflict', code: 'STALE_REVISION' });
    }
  }, 60_000);

  it('12. stale review: the same supervisor decides on two PCs, both push orders → the first decision stands, the second is a conflict', async () => {
    for (const order of ORDERS) {
      const { who, day } = CASE12.shift()!;
      let id = '';
      const p = await play(
        order,
        async ({ a }) => {
          id = (await a.call('entry-create', { ...entry(day, '08:00', '09:30'), submit: true }, await a.login(who))).entry.id;
        },
        async ({ a, b }) => {
          await a.call('review-decide', { entryId: id, rev: 1, decision: 'approve' }, await a.login(MADE));
          await b.call('review-decide', { entryId: id, rev: 1, decision: 'return', note: 'Volume belum sesuai' }, await b.login(MADE));
        },
      );
      const onServer = (await serverEntries(p.r.server)).find((e) => e.id === id);
      const loser = order === 'A first' ? p.b : p.a;
      expect(onServer, order).toMatchObject({ id, rev: 2, status: order === 'A first' ? 'approved' : 'returned' });
      const [lost] = (await resultsFor(p.r.server, loser, id)).filter((x) => x.name === 'entry.review@1');
      expect(lost, order).toMatchObject({ status: 'conflict', code: order === 'A first' ? 'ENTRY_LOCKED' : 'STALE_REVISION' });
      // A review is the supervisor's, not the entry owner's: it is not written onto Siti's entry.
      expect(await entryOn(loser, id), order).toMatchObject({ status: onServer!.status, rev: 2 });
    }
  }, 60_000);

  it('12. overlap from two offline workstations, both push orders → the server stores both and flags overlap; the later pusher gets OVERLAP_FLAGGED', async () => {
    for (const order of ORDERS) {
      const { who, day } = CASE12.shift()!;
      const ids: Record<'a' | 'b', string> = { a: '', b: '' };
      const p = await play(
        order,
        async () => undefined,
        async ({ a, b }) => {
          ids.a = (await a.call('entry-create', { ...entry(day, '08:00', '09:30'), submit: true }, await a.login(who))).entry.id;
          ids.b = (await b.call('entry-create', { ...entry(day, '09:00', '10:00'), submit: true }, await b.login(who))).entry.id;
        },
      );
      const stored = (await serverEntries(p.r.server)).filter((e) => e.employeeId === who && e.workDate === day);
      expect(stored.map((e) => e.id).sort(), order).toEqual([ids.a, ids.b].sort());
      for (const id of [ids.a, ids.b]) expect(await flagsOf(p.r.server, id), order).toContain('overlap');
      const [earlier, later] = order === 'A first' ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const laterWs = later === 'a' ? p.a : p.b;
      const earlierWs = earlier === 'a' ? p.a : p.b;
      expect(await resultsFor(p.r.server, earlierWs, ids[earlier]), order).toEqual([{ name: 'entry.create@1', status: 'applied', code: null }]);
      expect(await resultsFor(p.r.server, laterWs, ids[later]), order).toEqual([{ name: 'entry.create@1', status: 'conflict', code: 'OVERLAP_FLAGGED' }]);
      expect(await entryOn(laterWs, ids[later]), order).toMatchObject({ status: 'submitted', sync_code: 'OVERLAP_FLAGGED' });
      // Both PCs show both entries with the flag: the supervisor sees the overlap wherever he logs in.
      for (const w of [p.a, p.b]) for (const id of [ids.a, ids.b]) expect(JSON.parse((await entryOn(w, id)).flags), order).toContain('overlap');
    }
  }, 60_000);
});

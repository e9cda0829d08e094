import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { startFaultProxy, startInProcessServer, type FaultProxy, type FaultServer } from './support';
import { clientIdOf, expectConverged, expectExactlyOnce, expectOutboxMatchesServer, quiesce, serverEntries } from './support/converge';
import { InProcessWorkstation } from './support/workstation';

/**
 * Supervisor review mode across two workstations of one unit and the real central server (issue 6):
 * the overlap a pair of offline PCs created is resolved on one PC and the server agrees, whichever
 * create arrived first; and a decision that loses a race to the same supervisor's decision on the
 * other PC comes back as a notice in his Verifikasi while the entry shows what the server kept.
 */

const AHMAD = DEMO_PEOPLE.supervisors[0];
/** Ahmad's staff: each run takes its own person and day, so runs on one server cannot meet. */
const RUNS = [DEMO_PEOPLE.staff[0], DEMO_PEOPLE.staff[1], DEMO_PEOPLE.staff[2]].flatMap((who) => ['2026-11-25', '2026-11-24'].map((day) => ({ who, day })));
const ACTIVITY = DEMO.catalog[0]!.id;
const NOTE = 'Jam bertabrakan dengan kegiatan lain, mohon diperbaiki';

const entry = (workDate: string, startTime: string, endTime: string) => ({
  workDate,
  startTime,
  endTime,
  activityId: ACTIVITY,
  volume: 2,
  description: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan',
  submit: true,
});

let server: FaultServer;
beforeAll(async () => {
  server = await startInProcessServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Rig {
  proxies: FaultProxy[];
  a: InProcessWorkstation;
  b: InProcessWorkstation;
}
const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    for (const w of [r.a, r.b]) await w.close();
    for (const p of r.proxies) await p.close();
  }
});

/** Two freshly enrolled PCs of the demo unit, each behind its own proxy (so each cable can be pulled). */
async function rig(): Promise<Rig> {
  const proxies = [await startFaultProxy(server.url), await startFaultProxy(server.url)];
  const [a, b] = [new InProcessWorkstation(), new InProcessWorkstation()];
  const r: Rig = { proxies, a, b };
  rigs.push(r);
  await a.enroll(proxies[0]!.url, await server.enrollCode(), 'PC Lantai 1');
  await b.enroll(proxies[1]!.url, await server.enrollCode(), 'PC Lantai 2');
  return r;
}

type Order = 'A first' | 'B first';
const ORDERS: Order[] = ['A first', 'B first'];

/** Both cables cut while `offline` runs, then A and B push in `order`; each must reach the server. */
async function offlineThenPush(r: Rig, order: Order, offline: () => Promise<void>): Promise<void> {
  for (const p of r.proxies) p.partition(true);
  await offline();
  for (const w of [r.a, r.b]) expect(await w.sync()).toMatchObject({ outcome: 'retry' });
  for (const p of r.proxies) p.partition(false);
  const [first, second] = order === 'A first' ? [r.a, r.b] : [r.b, r.a];
  expect(await first.sync()).toMatchObject({ outcome: 'ok', refused: 0 });
  expect(await second.sync()).toMatchObject({ outcome: 'ok' });
}

async function expectSettled(r: Rig): Promise<void> {
  await quiesce(r.proxies, [r.a, r.b]);
  await expectConverged(server, [r.a, r.b]);
  await expectExactlyOnce(server, [await clientIdOf(r.a), await clientIdOf(r.b)]);
  for (const w of [r.a, r.b]) await expectOutboxMatchesServer(server, w);
}

const onServer = async (id: string) =>
  (await server.query<{ status: string; rev: number; flags: string[]; review_note: string | null; reviewer_id: string | null }>(
    'select status, rev, flags, review_note, reviewer_id from entries where id = $1',
    [id],
  ))[0]!;

const reviewResults = async (ws: InProcessWorkstation) =>
  server.query<{ status: string; code: string | null }>(
    "select status, code from mutation_results where client_id = $1 and name = 'entry.review@1' order by seq",
    [await clientIdOf(ws)],
  );

describe('review mode through the real server', () => {
  it('an overlap from two offline PCs, both arrival orders → resolved on one PC (keep one, return the other), approved at once, and the server agrees', async () => {
    for (const order of ORDERS) {
      const { who, day } = RUNS.shift()!;
      const r = await rig();
      let keep = '';
      let other = '';
      await offlineThenPush(r, order, async () => {
        keep = (await r.a.call('entry-create', entry(day, '08:00', '09:30'), await r.a.login(who))).entry.id;
        other = (await r.b.call('entry-create', entry(day, '09:00', '10:00'), await r.b.login(who))).entry.id;
      });
      await quiesce(r.proxies, [r.a, r.b]);
      for (const id of [keep, other]) expect((await onServer(id)).flags, order).toContain('overlap');

      // Ahmad at PC A: both entries wait, each blocked by the other.
      const ahmad = await r.a.login(AHMAD);
      const queue = await r.a.call('review-queue', {}, ahmad);
      const items = queue.employees.find((g) => g.employee.id === who)!.days.find((d) => d.date === day)!.entries;
      expect(items.map((i) => [i.id, i.overlapsWith.map((o) => o.id)]), order).toEqual([
        [keep, [other]],
        [other, [keep]],
      ]);
      expect(await r.a.send('review-decide', { entryId: keep, rev: 1, decision: 'approve' }, ahmad), order).toMatchObject({ ok: false, error: { code: 'OVERLAP_FLAGGED' } });

      const resolved = await r.a.call('review-resolve-overlap', { keep: { entryId: keep, rev: 1 }, others: [{ entryId: other, rev: 1 }], note: NOTE }, ahmad);
      expect(resolved.kept.overlapsWith, order).toEqual([]);
      await r.a.call('review-decide', { entryId: keep, rev: 1, decision: 'approve' }, ahmad);
      expect(await r.a.sync(), order).toMatchObject({ outcome: 'ok', pushed: 2, applied: 2, refused: 0 });

      await expectSettled(r);
      expect(await reviewResults(r.a), order).toEqual([
        { status: 'applied', code: null },
        { status: 'applied', code: null },
      ]);
      expect(await onServer(keep), order).toMatchObject({ status: 'approved', rev: 2, reviewer_id: AHMAD });
      expect((await onServer(keep)).flags, order).not.toContain('overlap');
      // The returned one still overlaps the approved one: marked until its owner moves it.
      expect(await onServer(other), order).toMatchObject({ status: 'returned', rev: 2, review_note: NOTE });
      // On the other PC, the owner sees the outcome after the sync.
      const [onB] = await r.b.query<{ status: string; review_note: string | null }>('select status, review_note from entries where id = ?', [other]);
      expect(onB, order).toEqual({ status: 'returned', review_note: NOTE });
      expect((await r.a.call('review-queue', {}, ahmad)).notices, order).toEqual([]);
    }
  }, 90_000);

  it('the same supervisor decides one entry on two PCs offline, both push orders → the later decision is a notice on its PC, and the entry shows the server’s state', async () => {
    for (const order of ORDERS) {
      const { who, day } = RUNS.shift()!;
      const r = await rig();
      const id = (await r.a.call('entry-create', entry(day, '13:00', '14:00'), await r.a.login(who))).entry.id;
      for (const w of [r.a, r.b, r.a]) expect(await w.sync()).toMatchObject({ outcome: 'ok' });

      await offlineThenPush(r, order, async () => {
        await r.a.call('review-decide', { entryId: id, rev: 1, decision: 'approve' }, await r.a.login(AHMAD));
        await r.b.call('review-decide', { entryId: id, rev: 1, decision: 'return', note: 'Volume belum sesuai' }, await r.b.login(AHMAD));
      });

      const [winner, loser] = order === 'A first' ? [r.a, r.b] : [r.b, r.a];
      const kept = order === 'A first' ? { status: 'approved', decision: 'return', code: 'ENTRY_LOCKED' } : { status: 'returned', decision: 'approve', code: 'STALE_REVISION' };
      expect(await onServer(id), order).toMatchObject({ status: kept.status, rev: 2 });
      expect(await reviewResults(loser), order).toEqual([{ status: 'conflict', code: kept.code }]);

      // Right after its sync the losing PC shows what the server kept, and Ahmad's notice.
      const [local] = await loser.query<{ status: string; rev: number; sync_code: string | null }>('select status, rev, sync_code from entries where id = ?', [id]);
      expect(local, order).toEqual({ status: kept.status, rev: 2, sync_code: null });
      const ahmad = await loser.login(AHMAD);
      const queue = await loser.call('review-queue', {}, ahmad);
      expect(queue.total, order).toBe(0);
      expect(queue.notices, order).toMatchObject([{ entryId: id, workDate: day, startTime: '13:00', endTime: '14:00', decision: kept.decision, code: kept.code }]);
      expect(queue.notices[0]!.employeeName, order).toBe(DEMO.employees.find((e) => e.id === who)!.name);
      // Not the owner's business: nothing is shown to her at login for this.
      expect((await loser.call('kiosk-session', {}, await loser.login(who))).syncNotices, order).toEqual([]);
      expect((await winner.call('review-queue', {}, await winner.login(AHMAD))).notices, order).toEqual([]);

      const again = await loser.login(AHMAD);
      await loser.call('review-notice-dismiss', { id: queue.notices[0]!.id }, again);
      expect((await loser.call('review-queue', {}, again)).notices, order).toEqual([]);
      await expectSettled(r);
      expect((await serverEntries(server)).find((e) => e.id === id), order).toMatchObject({ status: kept.status });
    }
  }, 90_000);
});

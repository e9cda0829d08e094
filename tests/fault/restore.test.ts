import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { backupDataDir, startFaultProxy, startServerProcess, type FaultProxy, type ServerProcess } from './support';
import { clientIdOf, expectConverged, expectExactlyOnce, expectOutboxMatchesServer, serverEntries } from './support/converge';
import { InProcessWorkstation } from './support/workstation';

/**
 * Fault case 11 (issue 4): the central server is restored from an older backup. The operator stops
 * the server, copies the backup over its data folder, starts it and runs new-epoch. Workstations
 * that had their later mutations answered by the lost server must notice (the server's
 * lastProcessedSeq is below what they had acked), push those mutations again from the answered
 * ones they keep, and take a full pull (reset): at the end the restored server holds everything
 * again, exactly once, and every workstation equals it.
 */

const SITI = DEMO_PEOPLE.staff[0];
const YOHANES = DEMO_PEOPLE.staff[1];
const AHMAD = DEMO_PEOPLE.supervisors[0];

const entry = (startTime: string, endTime: string, extra: { submit?: boolean; volume?: number } = {}) => ({
  workDate: '2026-11-25',
  startTime,
  endTime,
  activityId: DEMO.catalog[0]!.id,
  volume: extra.volume ?? 1,
  description: 'Menyusun laporan kepegawaian bulanan',
  submit: extra.submit ?? false,
});

let dir: string;
let server: ServerProcess;
const proxies: FaultProxy[] = [];
const ws: InProcessWorkstation[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kk-fault-restore-'));
  server = await startServerProcess({ dataDir: join(dir, 'server') });
}, 120_000);
afterAll(async () => {
  for (const w of ws) await w.close();
  for (const p of proxies) await p.close();
  if (server?.running) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function syncAll(order: InProcessWorkstation[]): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const outcomes = [];
    for (const w of order) outcomes.push(await w.sync());
    if (outcomes.every((o) => o.outcome === 'ok' && o.status.pending === 0)) {
      for (const w of order) expect(await w.sync()).toMatchObject({ outcome: 'ok', pushed: 0 });
      return;
    }
  }
  throw new Error('workstations did not quiesce');
}

const lastSeqOf = async (clientId: string) =>
  Number((await server.query<{ last_seq: number }>('select last_seq from sync_clients where client_id = $1', [clientId]))[0]?.last_seq ?? 0);

describe('a central server restored from an older backup', () => {
  it('11. server restored from an older backup + new-epoch → workstations re-push their answered mutations, take a full pull, converge; each mutation once on the restored server', async () => {
    for (let i = 0; i < 2; i++) {
      const p = await startFaultProxy(server.url);
      proxies.push(p);
      const w = new InProcessWorkstation();
      ws.push(w);
      await w.enroll(p.url, await server.enrollCode(), `PC ${i + 1}`);
    }
    const [a, b] = ws as [InProcessWorkstation, InProcessWorkstation];
    const sitiA = await a.login(SITI);
    const first = await a.call('entry-create', entry('08:00', '09:00', { submit: true }), sitiA);
    const draft = await a.call('entry-create', entry('09:00', '10:00'), sitiA);
    const yohB = await b.login(YOHANES);
    await b.call('entry-create', entry('08:00', '10:00', { submit: true }), yohB);
    await syncAll([a, b]);

    // The nightly backup: taken from the stopped server.
    await server.stop();
    backupDataDir(join(dir, 'server'), join(dir, 'backup'));
    await server.restart();
    for (const p of proxies) p.retarget(server.url);

    // A working day after the backup: new entries, an edit, a submit, and Ahmad's reviews.
    await a.call('entry-update', { entryId: draft.entry.id, rev: 1, changes: { volume: 3 } }, sitiA);
    await a.call('entry-submit', { entryId: draft.entry.id, rev: 2 }, sitiA);
    await a.call('entry-create', entry('10:00', '11:30', { submit: true }), sitiA);
    await b.call('entry-create', entry('10:00', '11:00', { volume: 2 }), yohB);
    await syncAll([a, b]);
    const ahmadB = await b.login(AHMAD);
    await b.call('review-decide', { entryId: first.entry.id, rev: 1, decision: 'approve' }, ahmadB);
    await b.call('review-decide', { entryId: draft.entry.id, rev: 3, decision: 'return', note: 'Lampirkan bukti dukung' }, ahmadB);
    await syncAll([a, b]);
    const before = await expectConverged(server, ws);
    const clients = await Promise.all(ws.map((w) => clientIdOf(w)));
    const ackedBefore = await Promise.all(clients.map((c) => lastSeqOf(c)));

    // The disk fails; the operator restores last night's copy and starts a new epoch.
    await server.stop();
    rmSync(join(dir, 'server'), { recursive: true, force: true });
    backupDataDir(join(dir, 'backup'), join(dir, 'server'));
    await server.restart();
    const { previous, epoch } = await server.newEpoch();
    expect(epoch).not.toBe(previous);
    for (const p of proxies) p.retarget(server.url);

    // The restored server has forgotten part of what both PCs had acked.
    const restoredSeqs = await Promise.all(clients.map((c) => lastSeqOf(c)));
    for (const [i, seq] of restoredSeqs.entries()) expect(seq, `PC ${i + 1}`).toBeLessThan(ackedBefore[i]!);
    expect((await serverEntries(server)).length).toBeLessThan(before.length);
    for (const w of ws) expect((await w.query<{ n: number }>('select count(*) as n from outbox where acked_at is not null'))[0]!.n).toBeGreaterThan(0);

    // The PCs sync in the order they first did: A's submit reaches the server before B's review of it.
    for (const [i, w] of [a, b].entries()) {
      const res = await w.sync();
      expect(res, `PC ${i + 1}`).toMatchObject({ outcome: 'ok', refused: 0, status: { pending: 0, blocked: null } });
      const [log] = await w.query<{ detail: string | null }>('select detail from sync_log order by id desc limit 1');
      expect(log!.detail, `PC ${i + 1}`).toMatch(/queued again/);
      expect(log!.detail, `PC ${i + 1}`).toMatch(/reset/);
    }
    await syncAll([a, b]);

    // Everything is back, and each PC equals the restored server.
    const after = await expectConverged(server, ws);
    expect(after).toEqual(before);
    await expectExactlyOnce(server, clients);
    for (const w of ws) await expectOutboxMatchesServer(server, w);
    for (const [i, c] of clients.entries()) expect(await lastSeqOf(c), `PC ${i + 1}`).toBe(ackedBefore[i]);
    const refused = await server.query<{ n: number }>(`select count(*)::int as n from mutation_results where status <> 'applied'`);
    expect(refused[0]!.n).toBe(0);
    // The full pull finished: cursors of the new epoch, no sweep left half done.
    for (const w of ws) expect((await w.query<{ resyncing: number; cursor: string | null }>('select resyncing, cursor from sync_state'))[0]).toMatchObject({ resyncing: 0, cursor: expect.any(String) });
  }, 120_000);
});

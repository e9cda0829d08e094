import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';
import { FileTokenStore, MemoryTokenStore } from './token-store';
import { SYNC_LOG_KEEP } from './log';

/**
 * The loop's own behaviour, without a server: a closed port is a server that cannot be reached.
 * (Against the real server: tests/sync and tests/fault.)
 */
const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

/** A store that believes it is enrolled with a server on a port nobody listens on. */
async function offlineCore(opts: { random?: number; token?: string | null } = {}): Promise<TestCore> {
  const tokens = new MemoryTokenStore();
  if (opts.token !== null) tokens.write(opts.token ?? 'x'.repeat(43));
  const t = await makeTestCore({ sync: { tokenStore: tokens, random: () => opts.random ?? 1, backoffBaseMs: 2000, backoffMaxMs: 600_000 } });
  cores.push(t);
  t.core.ctx.sqlite
    .prepare("update sync_state set workstation_id = '0195e3a0-0000-7000-8000-000000000001', server_url = 'http://127.0.0.1:1' where id = 1")
    .run();
  return t;
}

const delayMs = (t: TestCore): number => new Date(t.core.ctx.sync.status().nextAttemptAt!).getTime() - t.now.getTime();

describe('the sync loop when the server cannot be reached', () => {
  it('keeps every change, says it is offline, and backs off exponentially up to ten minutes', async () => {
    const t = await offlineCore();
    const siti = await t.login(DEMO_PEOPLE.staff[0]);
    await t.call('entry-create', { workDate: '2026-11-25', startTime: '08:00', endTime: '09:00', activityId: DEMO.catalog[0]!.id, volume: 1, description: 'Rapat koordinasi bagian organisasi' }, siti);
    t.core.ctx.sync.start();
    const delays: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await t.call('sync-now', {});
      expect(r).toMatchObject({ outcome: 'retry', error: { code: 'SERVER_UNREACHABLE' } });
      delays.push(delayMs(t));
    }
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 512000, 600000, 600000]);
    expect(t.core.ctx.sync.status()).toMatchObject({ online: false, blocked: null, pending: 1, lastError: { code: 'SERVER_UNREACHABLE' } });
  });

  it('says "running" when an attempt starts and not when it ends, so screens can reload after a run', async () => {
    const t = await offlineCore();
    const seen: boolean[] = [];
    t.core.on('sync-status', (s) => seen.push(s.running));
    await t.call('sync-now', {});
    expect(seen[0]).toBe(true);
    expect(seen.at(-1)).toBe(false);
  });

  it('spreads retries with full jitter: the delay is a random share of the cap', async () => {
    const t = await offlineCore({ random: 0.25 });
    t.core.ctx.sync.start();
    await t.call('sync-now', {});
    await t.call('sync-now', {});
    await t.call('sync-now', {});
    expect(delayMs(t)).toBe(2000); // a quarter of 8 s
  });

  it('keeps the last 200 attempts in the sync log, newest first, for the operator', async () => {
    const t = await offlineCore();
    for (let i = 0; i < SYNC_LOG_KEEP + 5; i++) await t.core.ctx.sync.trigger('manual');
    const operator = await t.login(DEMO_PEOPLE.operator);
    const log = await t.call('sync-log', {}, operator);
    expect(log.items).toHaveLength(SYNC_LOG_KEEP);
    expect(log.items[0]!.id).toBe(SYNC_LOG_KEEP + 5);
    expect(log.items[0]).toMatchObject({ trigger: 'manual', outcome: 'retry', errorCode: 'SERVER_UNREACHABLE' });
    const staff = await t.login(DEMO_PEOPLE.staff[0]);
    expect(await t.send('sync-log', {}, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('without a token it stops at "must be re-enrolled" and arms no retry', async () => {
    const t = await offlineCore({ token: null });
    t.core.ctx.sync.start();
    const r = await t.call('sync-now', {});
    expect(r).toMatchObject({ outcome: 'blocked', error: { code: 'UNAUTHENTICATED' }, status: { blocked: 'unauthenticated', nextAttemptAt: null } });
    // The timer's own attempts do not even try while blocked.
    expect((await t.core.ctx.sync.trigger('timer')).outcome).toMatchObject({ kind: 'blocked', reason: 'unauthenticated' });
  });

  it('does nothing at all before the PC is enrolled', async () => {
    const t = await makeTestCore();
    cores.push(t);
    expect(await t.call('sync-now', {})).toMatchObject({ outcome: 'retry', error: { code: 'NOT_ENROLLED' }, status: { enrolled: false } });
    expect(t.core.ctx.sqlite.prepare('select count(*) as n from sync_log').get()).toEqual({ n: 0 });
  });
});

describe('FileTokenStore', () => {
  it('keeps the token in a file only its owner can read, and forgets it on clear', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-token-'));
    try {
      const store = new FileTokenStore(join(dir, 'workstation.token'));
      expect(store.read()).toBeNull();
      store.write('secret-token-value');
      expect(store.read()).toBe('secret-token-value');
      expect(statSync(join(dir, 'workstation.token')).mode & 0o777).toBe(0o600);
      store.write('rotated');
      expect(readFileSync(join(dir, 'workstation.token'), 'utf8')).toBe('rotated');
      store.clear();
      expect(store.read()).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

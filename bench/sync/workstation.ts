import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommandResult } from '../../src-shared/api';
import { DEMO_PIN } from '../../src-shared/demo';
import { createCore, type Core } from '../../src-main/core/core';
import type { AttemptLimits, AttemptReport } from '../../src-main/core/sync/attempt';
import { MemoryTokenStore } from '../../src-main/core/sync/token-store';
import type { FetchLike } from '../../src-main/core/sync/transport';
import { SYNC_NOW, type PersonPlan } from './plan';

/**
 * A kiosk running the real core on a real SQLite file in a temp folder (seedless: its first pull
 * fills it), with the real sync engine talking HTTP to the server. The engine's fetch is the
 * platform's, wrapped only to (a) note when each request starts and when its answer's headers
 * arrive, so an attempt splits into its push and pull phases, and (b) play "offline" while the
 * backlog is written: every end of a kiosk session triggers an attempt, and a kiosk with a backlog
 * is a kiosk whose network was down.
 */
export interface Exchange {
  kind: 'push' | 'pull' | 'other';
  startMs: number;
  /** When the answer's headers arrived (its body is read by the engine after that). */
  answeredMs: number;
}

export interface TimedAttempt {
  report: AttemptReport;
  totalMs: number;
  /** From the start of the attempt to the first pull request: every push and its settling. */
  pushMs: number;
  /** From the first pull request to the end of the attempt. */
  pullMs: number;
  pushRequests: number;
  pullRequests: number;
  /** Summed time from sending a push to its answer's headers: the server's share of pushMs (plus loopback). */
  pushAwaitMs: number;
  pullAwaitMs: number;
}

export interface BacklogTiming {
  entries: number;
  /** Summed duration of the `entry-create` commands. */
  createMs: number;
  /** Logins (PIN hash check, one per person) and the offline attempts they triggered. */
  otherMs: number;
}

const awaited = (xs: Exchange[]) => xs.reduce((a, x) => a + x.answeredMs - x.startMs, 0);

export class SyncWorkstation {
  readonly exchanges: Exchange[] = [];
  private online = true;

  private constructor(
    readonly core: Core,
    readonly dir: string,
    private readonly keep: boolean,
  ) {}

  static open(label: string, limits: Partial<AttemptLimits>, keep: boolean): SyncWorkstation {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kk-bench-sync-ws-${label}-`));
    const holder: { ws?: SyncWorkstation } = {};
    const fetchLike: FetchLike = async (input, init) => {
      const ws = holder.ws!;
      if (!ws.online) throw new TypeError('fetch failed', { cause: Object.assign(new Error('bench: offline'), { code: 'ENETDOWN' }) });
      const kind = input.endsWith('/sync/push') ? 'push' : input.endsWith('/sync/pull') ? 'pull' : 'other';
      const startMs = performance.now();
      const res = await fetch(input, init);
      ws.exchanges.push({ kind, startMs, answeredMs: performance.now() });
      return res;
    };
    const opened = createCore({
      file: path.join(dir, 'kinerja.sqlite'),
      clock: () => SYNC_NOW,
      maintenance: false,
      sync: { autoStart: false, tokenStore: new MemoryTokenStore(), fetch: fetchLike, timeoutMs: 600_000, limits },
    });
    if (!opened.ok) throw new Error(`createCore: ${opened.error.code}`);
    holder.ws = new SyncWorkstation(opened.value, dir, keep);
    return holder.ws;
  }

  private async call<T>(name: string, args: object): Promise<T> {
    const r = await this.core.send(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}${r.error.field ? ` (${r.error.field})` : ''}`);
    return r.value as T;
  }

  /** `workstation-enroll`, which runs the first pull before it answers. */
  async enroll(serverUrl: string, enrollmentCode: string, name: string): Promise<{ totalMs: number; pullMs: number; pullAwaitMs: number; pullRequests: number; pulled: number }> {
    this.exchanges.length = 0;
    const t0 = performance.now();
    await this.call<CommandResult<'workstation-enroll'>>('workstation-enroll', { serverUrl, enrollmentCode, name });
    const end = performance.now();
    const pulls = this.exchanges.filter((e) => e.kind === 'pull');
    const last = this.core.ctx.sqlite.prepare('select outcome, pulled from sync_log order by id desc limit 1').get() as { outcome: string; pulled: number };
    if (last.outcome !== 'ok') throw new Error(`first pull: outcome ${last.outcome}`);
    return { totalMs: end - t0, pullMs: pulls.length ? end - pulls[0]!.startMs : 0, pullAwaitMs: awaited(pulls), pullRequests: pulls.length, pulled: last.pulled };
  }

  /** The kiosk's day while offline: each person logs in once and records their entries. */
  async writeBacklog(people: PersonPlan[]): Promise<BacklogTiming> {
    this.online = false;
    let createMs = 0;
    let entries = 0;
    const t0 = performance.now();
    for (const p of people) {
      const { token } = await this.call<{ token: string }>('kiosk-login', { nip: p.nip, pin: DEMO_PIN });
      for (const e of p.entries) {
        const s = performance.now();
        await this.call('entry-create', { ...e, sessionToken: token });
        createMs += performance.now() - s;
        entries++;
      }
    }
    await this.core.ctx.sync.idle();
    return { entries, createMs, otherMs: performance.now() - t0 - createMs };
  }

  pending(): number {
    return this.core.ctx.sync.status().pending;
  }

  localEntries(): number {
    return (this.core.ctx.sqlite.prepare('select count(*) as n from entries').get() as { n: number }).n;
  }

  /** The network is back: one attempt ("Kirim sekarang"), timed, split into push and pull. */
  async syncNow(): Promise<TimedAttempt> {
    this.online = true;
    await this.core.ctx.sync.idle();
    this.exchanges.length = 0;
    const t0 = performance.now();
    const report = await this.core.ctx.sync.trigger('manual');
    const end = performance.now();
    const pushes = this.exchanges.filter((e) => e.kind === 'push');
    const pulls = this.exchanges.filter((e) => e.kind === 'pull');
    const pullStart = pulls[0]?.startMs ?? end;
    return {
      report,
      totalMs: end - t0,
      pushMs: pullStart - t0,
      pullMs: end - pullStart,
      pushRequests: pushes.length,
      pullRequests: pulls.length,
      pushAwaitMs: awaited(pushes),
      pullAwaitMs: awaited(pulls),
    };
  }

  /**
   * The raw library's cost of the pull's local writes: the kiosk's own entry rows copied (new ids)
   * into its entries table by one prepared INSERT in one transaction, same connection and pragmas
   * (WAL, synchronous=FULL); removed again afterwards.
   */
  rawLocalInsert(): { rows: number; ms: number } {
    const sqlite = this.core.ctx.sqlite;
    const rows = sqlite.prepare('select * from entries').all() as Record<string, unknown>[];
    if (rows.length === 0) return { rows: 0, ms: 0 };
    const columns = Object.keys(rows[0]!);
    const insert = sqlite.prepare(`insert into entries (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
    const copies = rows.map((r) => ({ ...r, id: `raw-${crypto.randomUUID()}` }));
    const t0 = performance.now();
    sqlite.transaction(() => {
      for (const r of copies) insert.run(r);
    }).immediate();
    const ms = performance.now() - t0;
    sqlite.prepare(`delete from entries where id like 'raw-%'`).run();
    return { rows: copies.length, ms };
  }

  close(): void {
    this.core.close();
    if (!this.keep) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

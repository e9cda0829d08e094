import type { ErrorCode } from '../../../src-shared/errors';
import type { SyncStatus, SyncTrigger } from '../../../src-shared/api';
import type { CoreContext } from '../context';
import { stmt } from '../prepared';
import { getSettings } from '../settings/service';
import { DEFAULT_LIMITS, runAttempt, type AttemptLimits, type AttemptReport, type BlockedReason } from './attempt';
import { writeSyncLog } from './log';
import { pendingCount, purgeAcked } from './outbox';
import type { TokenStore } from './token-store';
import type { FetchLike } from './transport';

export interface SyncEngineOptions {
  tokenStore: TokenStore;
  fetch?: FetchLike;
  /** [0, 1): the jitter source; tests pass a fixed one. */
  random?: () => number;
  /** First and largest retry delay (PROTOCOL.md: 2 s → 10 min). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Milliseconds between automatic attempts; default the syncIntervalMinutes setting (5 min). */
  intervalMs?: () => number;
  timeoutMs?: number;
  limits?: Partial<AttemptLimits>;
  /** Answered mutations are kept this long in case the server is restored from an older backup. */
  retentionDays?: number;
}

interface State {
  client_id: string;
  workstation_id: string | null;
  unit_id: string | null;
  server_url: string | null;
  last_sync_at: string | null;
  blocked: BlockedReason | null;
}

/**
 * The workstation's sync loop (PROTOCOL.md "Client loop"): one attempt at a time, started by the
 * timer, `sync-now`, the end of a kiosk session, the network coming back, or enrollment. A failed
 * attempt is retried after an exponential backoff with full jitter; an attempt that says the PC is
 * blocked (401, 403, 409) is not retried automatically at all — no request storm against a server
 * that has already said no — until an operator re-enrolls or presses "Kirim sekarang".
 * Timers use the monotonic clock of setTimeout, so a wall clock that jumps does not stall them.
 */
export class SyncEngine {
  private running: Promise<AttemptReport> | null = null;
  private again: SyncTrigger | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: Date | null = null;
  private failures = 0;
  private online: boolean | null = null;
  private lastError: SyncStatus['lastError'] = null;
  private started = false;
  /** Set when the core closes: no new attempt, and one in flight ends quietly. */
  private stopped = false;
  private readonly limits: AttemptLimits;

  constructor(
    private readonly ctx: CoreContext,
    private readonly opts: SyncEngineOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
  }

  get tokenStore(): TokenStore {
    return this.opts.tokenStore;
  }

  /** Arms the loop; the first attempt follows shortly. An "update needed" block is retried once after a restart (the app may have been updated). */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.state()?.blocked === 'update') this.setBlocked(null);
    this.schedule(1000);
  }

  stop(): void {
    this.started = false;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  /** Resolves when the current attempt (if any) has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** The shell reports the OS network state; coming back online syncs at once. */
  networkChanged(online: boolean): void {
    if (online) {
      this.failures = 0;
      void this.trigger('network');
    } else {
      this.online = false;
      this.emit();
    }
  }

  /**
   * Starts an attempt now, or — when one is running — one more right after it (the running one may
   * have read the outbox before the write that asked for this). Never rejects.
   */
  trigger(reason: SyncTrigger): Promise<AttemptReport> {
    if (this.stopped) return Promise.resolve(failedReport('INTERNAL', 'the store is closed'));
    if (this.running) {
      // A person's "Kirim sekarang" wins: it is the one trigger that also tries while blocked.
      if (reason === 'manual' || !this.again) this.again = reason;
      return this.running.then(() => this.running ?? this.trigger(reason));
    }
    // The attempt starts on the next microtask, once `running` is set, and the last status event
    // goes out after `running` is cleared: screens see running → not running, and reload then.
    const run = Promise.resolve()
      .then(() => this.attempt(reason))
      .catch((error: unknown) => {
        // The store closed under the attempt, or a bug: never an unhandled rejection.
        if (!this.stopped) console.error('[sync] attempt failed', error);
        return failedReport('INTERNAL', error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        this.running = null;
        // The store may have been closed under the attempt: the event is then of no use to anyone.
        try {
          this.emit();
        } catch (error) {
          if (!this.stopped) console.error('[sync] status event failed', error);
        }
        const next = this.again;
        this.again = null;
        if (next) void this.trigger(next);
      });
    this.running = run;
    return run;
  }

  status(): SyncStatus {
    const s = this.state();
    return {
      enrolled: Boolean(s?.workstation_id),
      serverUrl: s?.server_url ?? null,
      workstationId: s?.workstation_id ?? null,
      online: this.online,
      running: this.running !== null,
      pending: pendingCount(this.ctx.db),
      lastSuccessAt: s?.last_sync_at ?? null,
      lastError: this.lastError,
      nextAttemptAt: this.nextAt?.toISOString() ?? null,
      blocked: s?.blocked ?? null,
    };
  }

  /** Called after each local write: screens show the pending count as it grows. */
  noteLocalWrite(): void {
    this.emit();
  }

  /** After enrollment: blocks lifted, failures forgotten, a first full pull now. */
  resetAfterEnroll(): void {
    this.failures = 0;
    this.lastError = null;
    this.setBlocked(null);
  }

  private async attempt(trigger: SyncTrigger): Promise<AttemptReport> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    const startedAt = this.ctx.clock().toISOString();
    if (!this.state()?.workstation_id) return notEnrolled();
    this.emit();
    const report = await this.run(trigger);
    const finishedAt = this.ctx.clock().toISOString();
    const o = report.outcome;
    if (o.kind === 'ok') {
      this.failures = 0;
      this.online = true;
      this.lastError = null;
      // A person's "Kirim sekarang" got through after a refusal: the server accepts this PC again.
      if (this.state()?.blocked) this.setBlocked(null);
      stmt(this.ctx.sqlite, 'update sync_state set last_sync_at = ? where id = 1').run(finishedAt);
      const keepMs = (this.opts.retentionDays ?? 30) * 86_400_000;
      purgeAcked(this.ctx.sqlite, new Date(this.ctx.clock().getTime() - keepMs).toISOString());
    } else {
      this.lastError = { code: o.code, message: o.message, at: finishedAt };
      // Reached the server (it answered), or not: that is what "online" means on the status bar.
      this.online = o.code !== 'SERVER_UNREACHABLE';
      if (o.kind === 'blocked') this.setBlocked(o.reason);
      else this.failures++;
    }
    writeSyncLog(this.ctx.sqlite, {
      startedAt,
      finishedAt,
      trigger,
      outcome: o.kind === 'ok' ? 'ok' : o.kind === 'blocked' ? `blocked:${o.reason}` : 'retry',
      pushed: report.pushed,
      applied: report.applied,
      refused: report.refused,
      pulled: report.pulled,
      errorCode: o.kind === 'ok' ? null : o.code,
      detail: [...(o.kind === 'ok' ? [] : [o.message]), ...report.notes].join(' | ') || null,
    });
    if (this.started) this.scheduleAfter(report);
    // The status event of the end is sent by trigger(), once `running` is cleared.
    return report;
  }

  private async run(trigger: SyncTrigger): Promise<AttemptReport> {
    const empty = (code: ErrorCode, message: string, reason?: BlockedReason): AttemptReport =>
      reason ? { ...failedReport(code, message), outcome: { kind: 'blocked', reason, code, message } } : failedReport(code, message);
    const s = this.state();
    if (!s?.workstation_id || !s.server_url) return empty('NOT_ENROLLED', 'not enrolled');
    // A blocked PC only tries when a person asks (or after enrolling again).
    if (s.blocked && trigger !== 'manual' && trigger !== 'enroll') return empty(BLOCK_CODES[s.blocked], `blocked: ${s.blocked}`, s.blocked);
    const token = this.opts.tokenStore.read();
    if (!token) return empty('UNAUTHENTICATED', 'no token stored', 'unauthenticated');
    try {
      return await runAttempt(
        this.ctx,
        { clientId: s.client_id, serverUrl: s.server_url },
        token,
        { ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}), ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}) },
        this.limits,
      );
    } catch (error) {
      // A bug or a full disk: logged, and retried with backoff like a network failure.
      console.error('[sync] attempt failed', error);
      return empty('INTERNAL', error instanceof Error ? error.message : String(error));
    }
  }

  private scheduleAfter(report: AttemptReport): void {
    const o = report.outcome;
    if (o.kind === 'blocked' || (o.kind === 'retry' && o.code === 'NOT_ENROLLED')) return;
    if (o.kind === 'ok') return this.schedule(this.interval());
    const base = this.opts.backoffBaseMs ?? 2000;
    const cap = Math.min(this.opts.backoffMaxMs ?? 600_000, base * 2 ** Math.min(this.failures - 1, 30));
    // Full jitter: many PCs that lost the network together do not come back in step.
    const delay = Math.max(base / 8, (this.opts.random ?? Math.random)() * cap);
    this.schedule(Math.max(delay, o.retryAfterMs ?? 0));
  }

  private interval(): number {
    return this.opts.intervalMs?.() ?? getSettings(this.ctx.db).syncIntervalMinutes * 60_000;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = new Date(this.ctx.clock().getTime() + ms);
    this.timer = setTimeout(() => void this.trigger(this.failures > 0 ? 'retry' : 'timer'), ms);
    this.timer.unref();
  }

  private state(): State | undefined {
    return stmt(this.ctx.sqlite, 'select client_id, workstation_id, unit_id, server_url, last_sync_at, blocked from sync_state where id = 1').get() as State | undefined;
  }

  private setBlocked(reason: BlockedReason | null): void {
    stmt(this.ctx.sqlite, 'update sync_state set blocked = ? where id = 1').run(reason);
  }

  private emit(): void {
    this.ctx.emit('sync-status', this.status());
  }
}

const failedReport = (code: ErrorCode, message: string): AttemptReport => ({
  outcome: { kind: 'retry', code, message, retryAfterMs: null },
  pushed: 0,
  applied: 0,
  refused: 0,
  pulled: 0,
  notes: [],
});

/** Nothing to do before enrollment: no log row, no retry timer. */
const notEnrolled = (): AttemptReport => failedReport('NOT_ENROLLED', 'not enrolled');

const BLOCK_CODES: Record<BlockedReason, ErrorCode> = {
  unauthenticated: 'UNAUTHENTICATED',
  revoked: 'WORKSTATION_REVOKED',
  reenroll: 'REENROLL_REQUIRED',
  update: 'PROTOCOL_UNSUPPORTED',
};

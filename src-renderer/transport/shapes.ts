import type { Events, SyncStatus } from '../../src-shared/api';
import { isErrorCode, type AppError } from '../../src-shared/errors';

/**
 * Shape checks for what arrives over the dev bridge, written out by hand rather than with the zod
 * schemas of src-shared/api.ts: the screens' first load must not carry zod (see
 * src-shared/command-auth.ts). They mirror SyncStatusSchema, SessionEndedSchema and
 * AppErrorSchema; tests/devbridge checks them against what the core really sends.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function asAppError(v: unknown): AppError | null {
  if (!isObj(v) || !isErrorCode(v['code']) || !str(v['message'])) return null;
  const error: AppError = { code: v['code'], message: v['message'] };
  if (v['field'] !== undefined) {
    if (!str(v['field'])) return null;
    error.field = v['field'];
  }
  if (v['params'] !== undefined) {
    const p = v['params'];
    if (!isObj(p) || !Object.values(p).every((x) => str(x) || num(x))) return null;
    error.params = p as Record<string, string | number>;
  }
  return error;
}

const BLOCKED: ReadonlySet<unknown> = new Set(['unauthenticated', 'revoked', 'reenroll', 'update', null]);
const REASONS: ReadonlySet<unknown> = new Set(['logout', 'idle', 'replaced']);

function isSyncStatus(v: unknown): v is SyncStatus {
  if (!isObj(v)) return false;
  const e = v['lastError'];
  const lastError = e === null || (isObj(e) && isErrorCode(e['code']) && str(e['message']) && str(e['at']));
  return (
    typeof v['enrolled'] === 'boolean' &&
    strOrNull(v['serverUrl']) &&
    strOrNull(v['workstationId']) &&
    (v['online'] === null || typeof v['online'] === 'boolean') &&
    typeof v['running'] === 'boolean' &&
    num(v['pending']) &&
    strOrNull(v['lastSuccessAt']) &&
    lastError &&
    strOrNull(v['nextAttemptAt']) &&
    BLOCKED.has(v['blocked'])
  );
}

/** The payload when it has the event's shape; null (the event is dropped) otherwise. */
export function eventPayload<E extends keyof Events>(event: E, payload: unknown): Events[E] | null {
  switch (event) {
    case 'session-ended':
      return (isObj(payload) && REASONS.has(payload['reason']) ? { reason: payload['reason'] } : null) as Events[E] | null;
    case 'sync-status':
      return (isSyncStatus(payload) ? payload : null) as Events[E] | null;
    default:
      return null;
  }
}

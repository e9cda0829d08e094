import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../../src-shared/errors';
import {
  EnrollResponseSchema,
  PROTOCOL_VERSION,
  PullResultSchema,
  PushResultSchema,
  type Mutation,
  type PullResult,
  type PushResult,
} from '../../../src-shared/protocol';

/**
 * The HTTP side of PROTOCOL.md for one workstation. Every answer is parsed with the shared zod
 * schemas; nothing here decides what to do about a failure: it only says what kind it was.
 */
export type Failure =
  /** No answer: refused, reset, timed out, DNS. The request may or may not have been processed. */
  | { kind: 'network'; message: string }
  /** An HTTP error answer; `code` from the body when it carries one, else from the status. */
  | { kind: 'http'; status: number; code: ErrorCode; message: string; retryAfterMs: number | null }
  /** A 2xx whose body does not match the protocol: a misbehaving server or proxy. */
  | { kind: 'invalid'; message: string };

export type Answer<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch?: FetchLike;
  /** Per request; a push of 200 mutations to a busy server takes well under this. */
  timeoutMs?: number;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'REENROLL_REQUIRED',
  413: 'BATCH_TOO_LARGE',
  429: 'RATE_LIMITED',
};

const KNOWN = new Set<string>(ERROR_CODES);

async function call<S extends z.ZodType>(
  opts: TransportOptions,
  url: string,
  body: unknown,
  token: string | null,
  schema: S,
): Promise<Answer<z.infer<S>>> {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
    });
    text = await res.text();
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: describe(error) } };
  }
  if (!res.ok) return { ok: false, failure: httpFailure(res, text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, failure: { kind: 'invalid', message: `${url}: answer is not JSON` } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, failure: { kind: 'invalid', message: `${url}: ${parsed.error.issues[0]?.message ?? 'invalid answer'}` } };
  return { ok: true, value: parsed.data };
}

function httpFailure(res: Response, text: string): Failure {
  let code: ErrorCode = STATUS_CODES[res.status] ?? (res.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL');
  let message = `HTTP ${res.status}`;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && KNOWN.has(body.error.code)) code = body.error.code as ErrorCode;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return { kind: 'http', status: res.status, code, message, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const inner = cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : '';
    return `${error.name === 'TimeoutError' ? 'timeout' : error.message}${inner}`;
  }
  return String(error);
}

/** `https://host/` and `https://host` both name the same server. */
export function apiUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/api/v1${path}`;
}

export function enrollRequest(opts: TransportOptions, serverUrl: string, body: { enrollmentCode: string; name: string; clientId: string }) {
  return call(opts, apiUrl(serverUrl, '/workstations/enroll'), body, null, EnrollResponseSchema);
}

export function pushRequest(opts: TransportOptions, serverUrl: string, token: string, clientId: string, mutations: Mutation[], protocol: number = PROTOCOL_VERSION): Promise<Answer<PushResult>> {
  return call(opts, apiUrl(serverUrl, '/sync/push'), { protocol, clientId, mutations }, token, PushResultSchema);
}

export function pullRequest(opts: TransportOptions, serverUrl: string, token: string, clientId: string, cursor: string | null, limit?: number, protocol: number = PROTOCOL_VERSION): Promise<Answer<PullResult>> {
  return call(opts, apiUrl(serverUrl, '/sync/pull'), { protocol, clientId, cursor, ...(limit ? { limit } : {}) }, token, PullResultSchema);
}

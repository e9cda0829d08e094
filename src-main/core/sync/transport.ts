import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../../src-shared/errors';
import {
  EnrollResponseSchema,
  HealthSchema,
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

export type Health = z.infer<typeof HealthSchema>;

/**
 * Why GET /health did not give a health document; `cause` is the technical detail for the
 * operator and the help desk (ENOTFOUND, DEPTH_ZERO_SELF_SIGNED_CERT, HTTP 404 …).
 */
export type HealthFailure =
  /** No answer: name not resolved, port closed, no answer in time, TLS, anything else. */
  | { kind: 'dns' | 'refused' | 'timeout' | 'certificate' | 'tls' | 'network'; cause: string }
  | { kind: 'http'; status: number; cause: string }
  /** A 2xx that is not our health document: some other web server lives at that address. */
  | { kind: 'not-health'; cause: string };

/** `ms`: the round trip, when an HTTP answer came back. */
export type HealthAnswer = ({ ok: true; value: Health } | { ok: false; failure: HealthFailure }) & { ms: number | null };

/**
 * GET /api/v1/health, for the operator's connection test. Unlike `call`, it tells apart the ways a
 * request can fail without an answer, because each asks the operator for a different fix.
 */
export async function healthRequest(opts: TransportOptions, serverUrl: string): Promise<HealthAnswer> {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const started = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await doFetch(apiUrl(serverUrl, '/health'), {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
    });
    text = await res.text();
  } catch (error) {
    return { ok: false, failure: noAnswer(error), ms: null };
  }
  const ms = Math.round(performance.now() - started);
  if (!res.ok) return { ok: false, failure: { kind: 'http', status: res.status, cause: `HTTP ${res.status}` }, ms };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, failure: { kind: 'not-health', cause: `HTTP ${res.status}, ${res.headers.get('content-type') ?? 'no content type'}` }, ms };
  }
  const parsed = HealthSchema.safeParse(json);
  if (!parsed.success) return { ok: false, failure: { kind: 'not-health', cause: `HTTP ${res.status}, JSON without status/protocol/serverTime` }, ms };
  return { ok: true, value: parsed.data, ms };
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** OpenSSL's verification codes (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED …) and Node's host check. */
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|ERR_TLS_CERT_ALTNAME/;

/** fetch rejects with "fetch failed"; what happened is in its cause (or the causes of an AggregateError). */
function noAnswer(error: unknown): HealthFailure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { kind: 'timeout', cause: 'timeout' };
  const cause = (error as { cause?: unknown } | null)?.cause;
  const inner = cause as { code?: unknown; message?: unknown; errors?: { code?: unknown }[] } | undefined;
  const code = typeof inner?.code === 'string' ? inner.code : typeof inner?.errors?.[0]?.code === 'string' ? inner.errors[0].code : null;
  const text = code ?? (typeof inner?.message === 'string' ? inner.message : describe(error));
  if (code === null) return { kind: 'network', cause: text };
  if (DNS.has(code)) return { kind: 'dns', cause: code };
  if (code === 'ECONNREFUSED') return { kind: 'refused', cause: code };
  if (TIMEOUT.has(code)) return { kind: 'timeout', cause: code };
  if (CERTIFICATE.test(code)) return { kind: 'certificate', cause: code };
  if (/SSL|TLS|EPROTO/.test(code)) return { kind: 'tls', cause: code };
  return { kind: 'network', cause: code };
}

import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from '../config';
import type { Db } from '../db/client';
import { sqlState } from '../db/transaction';
import { errorBody, HttpError, languageOf } from './errors';

/** What every route and service of the server is given: no globals, so tests build their own. */
export interface ServerDeps {
  db: Db;
  config: ServerConfig;
  /** The server's clock; tests pass a fixed one. */
  now: () => Date;
}

export type RoutePlugin = (app: FastifyInstance, deps: ServerDeps) => void | Promise<void>;

/**
 * Paths pino must never write: bearer tokens, enrollment codes, PIN hashes (PROTOCOL.md, issue 3
 * "Hardening"). Request bodies are not logged at all; these cover anything that might be, up to
 * four levels deep, arrays included (e.g. `{body: {mutations: [{args: {pinHash}}]}}`).
 */
const SECRET_KEYS = ['token', 'pinHash', 'enrollmentCode', 'authorization'];
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`, `*.*.*.*.${key}`]),
];

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Errors as they are logged. A failed query's message and stack carry its parameters (drizzle:
 * "params: …"), which may be a PIN hash or a token hash, and the database's `detail` may quote row
 * values: the log keeps the query text, the codes and the stack frames, never the values.
 */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: typeof err === 'object' ? '(not an Error)' : String(err), stack: '' };
  const e = err as Error & { code?: unknown; statusCode?: unknown; query?: unknown };
  const type = e.constructor.name || e.name;
  const message = typeof e.query === 'string' ? `Failed query: ${e.query}` : e.message;
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type,
    message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    stack: [`${type}: ${message}`, ...frames].join('\n'),
    ...(e.cause !== undefined && depth < 3 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

export function loggerOptions(config: Pick<ServerConfig, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
}

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'];
/** The drivers say "the database is gone" only in words: pg's ended pool or lost connection, a closed PGlite. */
const DRIVER_GONE_RE = /PGlite is closed|Cannot use a pool after calling end|Connection terminated|timeout exceeded when trying to connect/i;

/** Connection-level failures of the database: the client should retry later (503), not give up. */
function isInfrastructureError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.includes(code)) return true;
    // A failed query's message quotes its parameters, user text included: only the driver's own words count.
    if (typeof message === 'string' && !('query' in e) && DRIVER_GONE_RE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  const state = sqlState(err);
  return state !== undefined && /^(08|53|57|58|40|XX)/.test(state);
}

export async function buildApp(
  deps: ServerDeps,
  routes: RoutePlugin[],
  options: { logger?: FastifyServerOptions['logger'] | FastifyBaseLogger } = {},
): Promise<FastifyInstance> {
  const loggerOption = options.logger ?? false;
  const app = Fastify({
    ...(loggerOption && typeof (loggerOption as FastifyBaseLogger).child === 'function'
      ? { loggerInstance: loggerOption as FastifyBaseLogger }
      : { logger: loggerOption as FastifyServerOptions['logger'] }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    // A caller may pass its own id (a kiosk retry keeps one); anything odd is replaced. The header
    // is read by genReqId only: with requestIdHeader set, fastify would take any value unchecked.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
    },
    // Replaced by the onRequest hook below, which answers in the protocol's error format.
    return503OnClosing: false,
  });

  // During a graceful stop (lifecycle.ts), a request that still arrives on a kept-alive socket is
  // turned away with 503 UNAVAILABLE: the kiosk keeps its outbox and retries later.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return reply.status(503).send(errorBody('UNAVAILABLE', languageOf(request.headers['accept-language']), { detail: 'server is shutting down' }));
  });

  // The API speaks JSON only: a text body is refused (415) before any handler sees a string.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new HttpError('RATE_LIMITED', `rate limit ${context.max} per ${context.after}`),
  });

  app.setErrorHandler((err: unknown, request, reply) => {
    const lang = languageOf(request.headers['accept-language']);
    if (err instanceof HttpError) {
      if (err.status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
      return reply.status(err.status).send(errorBody(err.code, lang, { detail: err.message, field: err.field, params: err.params }));
    }
    const e = err as { code?: string; statusCode?: number; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('BATCH_TOO_LARGE', lang, { detail: `body over ${deps.config.bodyLimit} bytes` }));
    }
    if (typeof e.code === 'string' && e.code.startsWith('FST_ERR_CTP_')) {
      // Malformed JSON, wrong content type, empty body.
      return reply.status(e.statusCode === 415 ? 415 : 400).send(errorBody('VALIDATION', lang, { detail: e.message }));
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      // http-errors carry headers the client needs, e.g. Content-Range on a 416 from @fastify/send.
      const headers = (err as { headers?: Record<string, string> }).headers;
      if (headers && typeof headers === 'object') reply.headers(headers);
      return reply.status(e.statusCode).send(errorBody('VALIDATION', lang, { detail: e.message }));
    }
    if (isInfrastructureError(err)) {
      request.log.error({ err }, 'database unavailable');
      return reply.status(503).send(errorBody('UNAVAILABLE', lang));
    }
    request.log.error({ err }, 'unexpected error');
    return reply.status(500).send(errorBody('INTERNAL', lang));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('NOT_FOUND', languageOf(request.headers['accept-language']), { detail: `${request.method} ${request.url}` })),
  );

  for (const register of routes) await register(app, deps);
  return app;
}

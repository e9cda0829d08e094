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
 * "Hardening"). Request bodies are not logged at all; these cover anything that might be.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'token',
  'pinHash',
  'enrollmentCode',
  '*.token',
  '*.pinHash',
  '*.enrollmentCode',
];

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

export function loggerOptions(config: Pick<ServerConfig, 'logLevel'>): FastifyServerOptions['logger'] {
  return { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

/** Connection-level failures of the database: the client should retry later (503), not give up. */
function isInfrastructureError(err: unknown): boolean {
  const state = sqlState(err);
  if (state) return /^(08|53|57|58|40|XX)/.test(state);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code);
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
    // A caller may pass its own id (a kiosk retry keeps one); anything odd is replaced.
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
  });

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

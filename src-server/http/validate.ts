import type { z } from 'zod';
import { PROTOCOL_VERSION } from '../../src-shared/protocol';
import { HttpError } from './errors';

/** Parses a body with the shared zod schema; the first problem names its path (400 VALIDATION). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new HttpError('VALIDATION', `${path || 'body'}: ${issue?.message ?? 'invalid'}`, path ? { field: path } : {});
}

/** Protocols this server speaks: the current one and, while outboxes drain, the previous one. */
export const SUPPORTED_PROTOCOLS: readonly number[] = [PROTOCOL_VERSION];

/**
 * Checked before the rest of the body: a future protocol may change the shape, and the client must
 * learn "update me" (409), not "your body is wrong" (400).
 */
export function checkProtocol(body: unknown): void {
  const protocol = body && typeof body === 'object' ? (body as { protocol?: unknown }).protocol : undefined;
  if (typeof protocol === 'number' && !SUPPORTED_PROTOCOLS.includes(protocol)) {
    throw new HttpError('PROTOCOL_UNSUPPORTED', `protocol ${protocol} not supported; this server speaks ${SUPPORTED_PROTOCOLS.join(', ')}`);
  }
}

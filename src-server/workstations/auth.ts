import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/client';
import { workstations } from '../db/schema';
import { HttpError } from '../http/errors';
import { hashSecret } from './tokens';

export interface AuthedWorkstation {
  id: string;
  unitId: string;
  clientId: string;
  name: string;
}

const SEEN_EVERY_MS = 60_000;

/**
 * Bearer token → workstation. Unknown or malformed: 401 UNAUTHENTICATED. Revoked: 403 FORBIDDEN
 * (PROTOCOL.md: the client keeps its outbox either way). `last_seen_at` is refreshed at most once
 * a minute so a busy workstation does not write on every call.
 */
export async function authenticate(db: Executor, request: FastifyRequest, now: Date): Promise<AuthedWorkstation> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{32,128})$/.exec(header) : null;
  if (!match) throw new HttpError('UNAUTHENTICATED', 'missing or malformed bearer token');
  const rows = await db.select().from(workstations).where(eq(workstations.tokenHash, hashSecret(match[1]!)));
  const ws = rows[0];
  if (!ws) throw new HttpError('UNAUTHENTICATED', 'unknown token');
  if (ws.revokedAt) throw new HttpError('FORBIDDEN', 'workstation revoked');
  if (!ws.lastSeenAt || now.getTime() - ws.lastSeenAt.getTime() > SEEN_EVERY_MS || ws.lastIp !== request.ip) {
    await db.update(workstations).set({ lastSeenAt: now, lastIp: request.ip }).where(eq(workstations.id, ws.id));
  }
  return { id: ws.id, unitId: ws.unitId, clientId: ws.clientId, name: ws.name };
}

/**
 * A sync call must name the local database the workstation enrolled with: another clientId is a
 * copied or restored file, which must re-enroll rather than sync as the original (PROTOCOL.md).
 */
export function requireEnrolledClient(ws: AuthedWorkstation, clientId: string): void {
  if (clientId !== ws.clientId) throw new HttpError('REENROLL_REQUIRED', 'clientId is not the one this workstation enrolled with');
}

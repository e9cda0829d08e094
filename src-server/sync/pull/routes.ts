import { PullRequestSchema } from '../../../src-shared/protocol';
import type { RoutePlugin } from '../../http/app';
import { checkProtocol, parseBody } from '../../http/validate';
import { authenticate, requireEnrolledClient } from '../../workstations/auth';
import { workstationKey } from '../../workstations/rate-key';
import { pull } from './service';

/**
 * POST /api/v1/sync/pull (PROTOCOL.md "PullResult"). The workstation's unit comes from its token,
 * never from the body or the cursor, so no request can name another unit's rows. The body's
 * clientId must be the one bound at enrollment: another one means a copied local database, which
 * must re-enroll rather than sync as the original.
 */
export const pullRoutes: RoutePlugin = (app, deps) => {
  const rateLimit = { max: deps.config.pullPerMinute, timeWindow: 60_000, keyGenerator: workstationKey };
  app.post('/api/v1/sync/pull', { config: { rateLimit } }, async (request) => {
    const workstation = await authenticate(deps.db, request, deps.now());
    checkProtocol(request.body);
    const input = parseBody(PullRequestSchema, request.body);
    requireEnrolledClient(workstation, input.clientId);
    const { result, resetReason } = await pull(deps.db, { unitId: workstation.unitId, clientId: input.clientId }, input, deps.now());
    if (resetReason) request.log.info({ workstationId: workstation.id, reason: resetReason }, 'pull cursor reset');
    return result;
  });
};

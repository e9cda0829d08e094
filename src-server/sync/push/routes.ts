import { MAX_PUSH_MUTATIONS, PushRequestSchema } from '../../../src-shared/protocol';
import type { RoutePlugin } from '../../http/app';
import { HttpError } from '../../http/errors';
import { checkProtocol, parseBody } from '../../http/validate';
import { authenticate } from '../../workstations/auth';
import { workstationKey } from '../../workstations/rate-key';
import { pushBatch } from './service';

export const pushRoutes: RoutePlugin = (app, deps) => {
  app.post(
    '/api/v1/sync/push',
    { config: { rateLimit: { max: deps.config.pushPerMinute, timeWindow: 60_000, keyGenerator: workstationKey } } },
    async (request) => {
      const ws = await authenticate(deps.db, request, deps.now());
      checkProtocol(request.body);
      const mutations = (request.body as { mutations?: unknown } | null)?.mutations;
      if (Array.isArray(mutations) && mutations.length > MAX_PUSH_MUTATIONS) {
        throw new HttpError('BATCH_TOO_LARGE', `${mutations.length} mutations; at most ${MAX_PUSH_MUTATIONS} per push`);
      }
      const body = parseBody(PushRequestSchema, request.body);
      return pushBatch(deps.db, ws, body, deps.now, request.log);
    },
  );
};

import { EnrollRequestSchema, HealthSchema, PROTOCOL_VERSION } from '../../src-shared/protocol';
import type { RoutePlugin } from '../http/app';
import { parseBody } from '../http/validate';
import { enroll } from './service';

export const workstationRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/health', async () =>
    HealthSchema.parse({ status: 'ok', protocol: PROTOCOL_VERSION, serverTime: deps.now().toISOString() }),
  );

  app.post(
    '/api/v1/workstations/enroll',
    { config: { rateLimit: { max: deps.config.enrollPerMinute, timeWindow: 60_000 } } },
    async (request) => {
      const input = parseBody(EnrollRequestSchema, request.body);
      const result = await enroll(deps.db, input, deps.now());
      request.log.info({ workstationId: result.workstationId, unitId: result.unitId }, 'workstation enrolled');
      return result;
    },
  );
};

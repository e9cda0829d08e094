import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type ServerDeps } from './http/app';
import { pullRoutes } from './sync/pull/routes';
import { pushRoutes } from './sync/push/routes';
import { updateRoutes } from './updates/routes';
import { workstationRoutes } from './workstations/routes';

/** The central server: every endpoint of PROTOCOL.md on one Fastify instance. */
export function buildServer(
  deps: ServerDeps,
  options: { logger?: FastifyServerOptions['logger'] | FastifyBaseLogger } = {},
): Promise<FastifyInstance> {
  return buildApp(deps, [workstationRoutes, pushRoutes, pullRoutes, updateRoutes], options);
}

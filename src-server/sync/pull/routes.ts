import type { RoutePlugin } from '../../http/app';

// Placeholder while this capability is being built.
export const pullRoutes: RoutePlugin = () => undefined;

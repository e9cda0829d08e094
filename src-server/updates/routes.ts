import type { RoutePlugin } from '../http/app';

// Placeholder while this capability is being built.
export const updateRoutes: RoutePlugin = () => undefined;

import type { home as id } from '../id/home';

export const home: typeof id = {};

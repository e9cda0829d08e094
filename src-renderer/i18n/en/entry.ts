import type { entry as id } from '../id/entry';

export const entry: typeof id = {};

import type { lock as id } from '../id/lock';

export const lock: typeof id = {};

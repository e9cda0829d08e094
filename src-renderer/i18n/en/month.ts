import type { month as id } from '../id/month';

export const month: typeof id = {};

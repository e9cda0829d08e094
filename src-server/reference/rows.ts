import type { Activity, ActivityCategory, Rhk } from '../../src-shared/domain/types';
import type { catalog, rhk } from '../db/schema';

/**
 * Stored reference rows as the shared domain types: what the server's rule checks read and what a
 * pull sends (src-shared/sync-rows.ts has the same shapes), mapped in one place.
 */
export const toActivity = (r: typeof catalog.$inferSelect): Activity => ({
  id: r.id,
  code: r.code,
  name: r.name,
  outputUnit: r.outputUnit,
  normMinutes: r.normMinutes,
  category: r.category as ActivityCategory,
  scopeUnitId: r.scopeUnitId,
  scopePosition: r.scopePosition,
  active: r.active,
});

export const toRhk = (r: typeof rhk.$inferSelect): Rhk => ({
  id: r.id,
  employeeId: r.employeeId,
  year: r.year,
  title: r.title,
  indicator: r.indicator,
  target: r.target,
  outputUnit: r.outputUnit,
  active: r.active,
});

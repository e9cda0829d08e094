import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { addDays, localNow } from '../../../src-shared/domain/dates';
import { fail, ok, type Result } from '../../../src-shared/errors';
import type { ActivityCategory } from '../../../src-shared/domain/types';
import { catalogFavorites } from '../db/schema';
import { and, eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { getActivity, getEmployee, getPolicy } from '../reference/queries';
import { searchKey } from '../reference/mappers';
import type { Session } from '../kiosk/sessions';

/** How far back "recently used" looks. */
const RECENT_DAYS = 90;

/**
 * The activity picker: active activities this person may use, matching every word typed
 * (accent- and case-insensitive, against name, code and satuan), favourites first, then the ones
 * this person used most recently, then by name. One statement; the catalog is hundreds of rows.
 */
export const SEARCH_SQL = `
  select c.id, c.code, c.name, c.output_unit as outputUnit, c.norm_minutes as normMinutes, c.category,
         (f.activity_id is not null) as favorite, u.lastUsedAt, coalesce(u.useCount, 0) as useCount
  from catalog c
  left join catalog_favorites f on f.activity_id = c.id and f.employee_id = @employeeId
  left join (
    select activity_id, max(created_at) as lastUsedAt, count(*) as useCount
    from entries
    where employee_id = @employeeId and work_date >= @since and activity_id is not null
    group by activity_id
  ) u on u.activity_id = c.id
  where c.active = 1
    and (c.scope_unit_id is null or c.scope_unit_id = @unitId)
    and (c.scope_position is null or instr(lower(@position), lower(c.scope_position)) > 0)
    and (@t0 = '' or instr(c.search_text, @t0) > 0)
    and (@t1 = '' or instr(c.search_text, @t1) > 0)
    and (@t2 = '' or instr(c.search_text, @t2) > 0)
    and (@t3 = '' or instr(c.search_text, @t3) > 0)
  order by favorite desc, u.lastUsedAt is null, u.lastUsedAt desc, c.name
  limit @limit`;

interface SearchRow {
  id: string;
  code: string;
  name: string;
  outputUnit: string;
  normMinutes: number | null;
  category: string;
  favorite: number;
  lastUsedAt: string | null;
  useCount: number;
}

export function searchCatalog(ctx: CoreContext, session: Session, args: ParsedArgs<'catalog-search'>): CommandResult<'catalog-search'> {
  const employee = getEmployee(ctx.db, session.employeeId)!;
  const policy = getPolicy(ctx.db, employee.unitId);
  const today = localNow(ctx.clock(), policy.timeZone).date;
  // Up to four words are matched; more words than that only narrow what the first four found.
  const tokens = searchKey(args.query ?? '').split(' ').filter(Boolean);
  const [t0 = '', t1 = '', t2 = '', t3 = ''] = tokens;
  const rows = ctx.sqlite.prepare(SEARCH_SQL).all({
    employeeId: employee.id,
    unitId: employee.unitId,
    position: employee.positionTitle,
    since: addDays(today, -RECENT_DAYS),
    t0,
    t1,
    t2,
    t3,
    limit: args.limit ?? 50,
  }) as SearchRow[];
  const rest = tokens.slice(4);
  return {
    items: rows
      .filter((r) => rest.every((t) => searchKey(`${r.code} ${r.name} ${r.outputUnit}`).includes(t)))
      .map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        outputUnit: r.outputUnit,
        normMinutes: r.normMinutes,
        category: r.category as ActivityCategory,
        favorite: r.favorite === 1,
        lastUsedAt: r.lastUsedAt,
        useCount: r.useCount,
      })),
  };
}

export function setFavorite(ctx: CoreContext, session: Session, args: ParsedArgs<'catalog-favorite-set'>): Result<CommandResult<'catalog-favorite-set'>> {
  const activity = getActivity(ctx.db, args.activityId);
  if (!activity || !activity.active) return fail('ACTIVITY_UNAVAILABLE', { field: 'activityId' });
  const key = and(eq(catalogFavorites.employeeId, session.employeeId), eq(catalogFavorites.activityId, args.activityId));
  if (args.favorite) {
    ctx.db.insert(catalogFavorites).values({ employeeId: session.employeeId, activityId: args.activityId, createdAt: ctx.clock().toISOString() }).onConflictDoNothing().run();
  } else {
    ctx.db.delete(catalogFavorites).where(key).run();
  }
  return ok({ activityId: args.activityId, favorite: args.favorite });
}

/** What catalog search compares against: written with every catalog row (seed and sync). */
export function catalogSearchText(a: { code: string; name: string; outputUnit: string }): string {
  return searchKey(`${a.code} ${a.name} ${a.outputUnit}`);
}

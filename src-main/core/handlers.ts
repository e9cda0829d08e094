import { commands, type AuthLevel, type CommandName, type CommandResult, type ParsedArgs } from '../../src-shared/api';
import { fail, failWith, ok, validationError, type Result } from '../../src-shared/errors';
import type { CoreContext } from './context';
import type { Session } from './kiosk/sessions';
import { changePin, login, logout, sessionInfo, staffList } from './kiosk/service';
import { copyDay, createEntry, deleteEntry, listEntries, submitEntry, updateEntry } from './entries/service';
import { searchCatalog, setFavorite } from './catalog/service';
import { recapMonth } from './recap/service';
import { getSettings, setSetting } from './settings/service';
import { listAudit } from './audit/service';
import { pendingCount } from './sync/outbox';
import { getUnitName, getEmployee, syncIdentity } from './reference/queries';

type Out<K extends CommandName> = Result<CommandResult<K>>;
export type Handler<K extends CommandName> = (
  ctx: CoreContext,
  args: ParsedArgs<K>,
  session: Session,
) => Out<K> | Promise<Out<K>>;
type HandlerMap = { [K in CommandName]: Handler<K> };

/**
 * The command map: one handler per name in src-shared/api.ts (a missing or extra one does not
 * compile). Every handler returns a Result: refusals are values, never exceptions.
 * For 'none' commands the session argument is a placeholder and must not be used.
 */
export const handlers: HandlerMap = {
  'app-status': (ctx) => {
    const state = syncIdentity(ctx.db);
    return ok({
      schemaVersion: ctx.openReport.schemaVersion,
      clientId: state?.clientId ?? '',
      enrolled: Boolean(state?.workstationId),
      unitName: getUnitName(ctx.db, state?.unitId ?? null),
      restored: ctx.openReport.restored,
      integrityWarning: ctx.openReport.integrityWarning,
      pendingMutations: pendingCount(ctx.db),
    });
  },
  'kiosk-staff-list': (ctx, args) => ok(staffList(ctx, args.query)),
  'kiosk-login': (ctx, args) => login(ctx, args),
  'kiosk-logout': (ctx, _args, session) => ok(logout(ctx, session)),
  'kiosk-session': (ctx, _args, session) => ok(sessionInfo(ctx, session)),
  'kiosk-change-pin': (ctx, args, session) => changePin(ctx, session, args),
  'entry-create': (ctx, args, session) => createEntry(ctx, session, args),
  'entry-update': (ctx, args, session) => updateEntry(ctx, session, args),
  'entry-submit': (ctx, args, session) => submitEntry(ctx, session, args),
  'entry-delete': (ctx, args, session) => deleteEntry(ctx, session, args),
  'entry-list': (ctx, args, session) => listEntries(ctx, session, args),
  'entry-copy-day': (ctx, args, session) => copyDay(ctx, session, args),
  'catalog-search': (ctx, args, session) => ok(searchCatalog(ctx, session, args)),
  'catalog-favorite-set': (ctx, args, session) => setFavorite(ctx, session, args),
  'recap-month': (ctx, args, session) => recapMonth(ctx, session, args),
  'settings-get': (ctx) => ok(getSettings(ctx.db)),
  'settings-set': (ctx, args, session) => setSetting(ctx, session.employeeId, args.key, args.value),
  'audit-list': (ctx, args, session) => listAudit(ctx, session, args),
};

/** Checks the session the command's auth level asks for. */
function authorize(ctx: CoreContext, auth: AuthLevel, token: string | undefined): Result<Session | null> {
  if (auth === 'none') return ok(null);
  const session = ctx.sessions.resolve(token);
  if (!session) return fail('SESSION_REQUIRED');
  if (auth === 'session-any') return ok(session);
  if (session.mustChangePin) return fail('PIN_CHANGE_REQUIRED');
  if (auth === 'operator') {
    const roles = getEmployee(ctx.db, session.employeeId)?.roles ?? [];
    if (!roles.includes('operator') && !roles.includes('admin')) return fail('FORBIDDEN');
  }
  return ok(session);
}

const NO_SESSION = null as unknown as Session;

/**
 * The one entry point of every transport (Electron IPC, the dev bridge, tests): unknown names and
 * malformed args are refused before any handler runs; a thrown error is a bug, logged and turned
 * into INTERNAL so the kiosk never shows a stack trace (the transaction it was in rolled back).
 */
export async function dispatch(ctx: CoreContext, name: unknown, rawArgs: unknown): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !Object.hasOwn(commands, name)) {
    return fail('VALIDATION', { field: 'name', params: { field: 'name', detail: 'unknown command' } });
  }
  const command = name as CommandName;
  const spec = commands[command];
  // Arguments are an object (absent means none); anything else is refused, never read as `{}`.
  const given = rawArgs ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    return fail('VALIDATION', { params: { field: '(argumen)', detail: 'expected an object' } });
  }
  const { sessionToken, ...rest } = given as { sessionToken?: unknown } & Record<string, unknown>;
  const auth = authorize(ctx, spec.auth, typeof sessionToken === 'string' ? sessionToken : undefined);
  if (!auth.ok) return auth;
  const parsed = spec.args.safeParse(rest);
  if (!parsed.success) return failWith(validationError(parsed.error));
  try {
    const handler = handlers[command] as Handler<CommandName>;
    return await handler(ctx, parsed.data as ParsedArgs<CommandName>, auth.value ?? NO_SESSION);
  } catch (error) {
    console.error(`[core] ${command} failed`, error);
    return fail('INTERNAL');
  }
}

import { commands, type AuthLevel, type CommandName, type CommandResult, type ParsedArgs } from '../../src-shared/api';
import { fail, failWith, ok, type Result } from '../../src-shared/errors';
import { validationError } from '../../src-shared/error-schemas';
import type { CoreContext } from './context';
import type { Session } from './kiosk/sessions';
import { changePin, login, logout, sessionInfo, staffList } from './kiosk/service';
import { copyDay, createEntry, deleteEntry, listEntries, submitEntry, updateEntry } from './entries/service';
import { checkEntryFields, entryForm } from './entries/form';
import { searchCatalog, setFavorite } from './catalog/service';
import { recapMonth } from './recap/service';
import { calendarMonth } from './recap/calendar';
import { getSettings, setSetting } from './settings/service';
import { listAudit } from './audit/service';
import { reviewEntry } from './reviews/service';
import { reviewItem, reviewQueue } from './reviews/queue';
import { approveAll } from './reviews/bulk';
import { resolveOverlap } from './reviews/overlap';
import { dismissNotice } from './reviews/notices';
import { employeeReport, reportXlsx, teamReport } from './reports/service';
import { backupNow, dbCheck, exportDiagnostics, testConnection } from './diagnostics/service';
import { pendingCount } from './sync/outbox';
import { enrollWorkstation } from './sync/enroll';
import { listSyncLog } from './sync/log';
import type { AttemptReport } from './sync/attempt';
import { appError } from '../../src-shared/errors';
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
  'app-status': (ctx) => ok(appStatus(ctx)),
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
  'entry-form': (ctx, _args, session) => entryForm(ctx, session),
  'entry-check': (ctx, args, session) => checkEntryFields(ctx, session, args),
  'calendar-month': (ctx, args, session) => calendarMonth(ctx, session, args),
  'catalog-search': (ctx, args, session) => ok(searchCatalog(ctx, session, args)),
  'catalog-favorite-set': (ctx, args, session) => setFavorite(ctx, session, args),
  'recap-month': (ctx, args, session) => recapMonth(ctx, session, args),
  'review-queue': (ctx, _args, session) => reviewQueue(ctx, session),
  'review-entry': (ctx, args, session) => reviewItem(ctx, session, args),
  'review-decide': (ctx, args, session) => reviewEntry(ctx, session, args),
  'review-approve-all': (ctx, args, session) => approveAll(ctx, session, args),
  'review-resolve-overlap': (ctx, args, session) => resolveOverlap(ctx, session, args),
  'review-notice-dismiss': (ctx, args, session) => dismissNotice(ctx, session, args),
  'report-team': (ctx, args, session) => teamReport(ctx, session, args),
  'report-employee': (ctx, args, session) => employeeReport(ctx, session, args),
  'report-xlsx': (ctx, args, session) => reportXlsx(ctx, session, args),
  'workstation-enroll': async (ctx, args, session) => {
    const actor = session as Session | null;
    if (syncIdentity(ctx.db)?.workstationId) {
      if (!actor) return fail('SESSION_REQUIRED');
      if (!isOperator(ctx, actor.employeeId)) return fail('FORBIDDEN');
    }
    const r = await enrollWorkstation(ctx, ctx.sync, args, { actorId: actor?.employeeId ?? null });
    if (!r.ok) return r;
    // The first pull runs now; the PC is usable as soon as it has the unit's people.
    await ctx.sync.trigger('enroll');
    return ok({ ...r.value, status: ctx.sync.status() });
  },
  'workstation-status': (ctx) => ok(ctx.sync.status()),
  'workstation-test-connection': (ctx, args, session) => testConnection(ctx, session as Session | null, args),
  'sync-now': async (ctx) => ok(attemptView(await ctx.sync.trigger('manual'), ctx)),
  'sync-log': (ctx, args) => ok({ items: listSyncLog(ctx.sqlite, args.limit) }),
  'diagnostics-db-check': (ctx, _args, session) => dbCheck(ctx, session),
  'diagnostics-backup-now': (ctx, _args, session) => backupNow(ctx, session),
  'diagnostics-export': (ctx, _args, session) => exportDiagnostics(ctx, session, appStatus(ctx)),
  'app-quit': (ctx) => {
    if (!ctx.host.quit) return ok({ quitting: false });
    // After the answer has left: the shell closes the window and the store.
    setTimeout(ctx.host.quit, 0);
    return ok({ quitting: true });
  },
  'settings-get': (ctx) => ok(getSettings(ctx.db)),
  'settings-set': (ctx, args, session) => {
    const r = setSetting(ctx, session.employeeId, args.key, args.value);
    if (r.ok) ctx.host.settingsChanged?.(r.value);
    return r;
  },
  'audit-list': (ctx, args, session) => listAudit(ctx, session, args),
};

function appStatus(ctx: CoreContext): CommandResult<'app-status'> {
  const state = syncIdentity(ctx.db);
  return {
    schemaVersion: ctx.openReport.schemaVersion,
    clientId: state?.clientId ?? '',
    enrolled: Boolean(state?.workstationId),
    unitName: getUnitName(ctx.db, state?.unitId ?? null),
    restored: ctx.openReport.restored,
    integrityWarning: ctx.openReport.integrityWarning,
    pendingMutations: pendingCount(ctx.db),
  };
}

function attemptView(r: AttemptReport, ctx: CoreContext): CommandResult<'sync-now'> {
  const o = r.outcome;
  return {
    outcome: o.kind,
    error: o.kind === 'ok' ? null : appError(o.code),
    pushed: r.pushed,
    applied: r.applied,
    refused: r.refused,
    pulled: r.pulled,
    status: ctx.sync.status(),
  };
}

function isOperator(ctx: CoreContext, employeeId: string): boolean {
  const roles = getEmployee(ctx.db, employeeId)?.roles ?? [];
  return roles.includes('operator') || roles.includes('admin');
}

/** Commands that queue a mutation: the status bar's pending count changes after them. */
const WRITES = new Set<CommandName>(['entry-create', 'entry-update', 'entry-submit', 'entry-delete', 'entry-copy-day', 'review-decide', 'review-approve-all', 'review-resolve-overlap', 'kiosk-change-pin']);

/**
 * Checks the session the command's auth level asks for. A 'none' command still sees the session
 * of a valid token (workstation-enroll needs it once the PC is enrolled).
 */
function authorize(ctx: CoreContext, auth: AuthLevel, token: string | undefined): Result<Session | null> {
  if (auth === 'none') return ok(token ? ctx.sessions.resolve(token) : null);
  const session = ctx.sessions.resolve(token);
  if (!session) return fail('SESSION_REQUIRED');
  if (auth === 'session-any') return ok(session);
  if (session.mustChangePin) return fail('PIN_CHANGE_REQUIRED');
  if (auth === 'operator' && !isOperator(ctx, session.employeeId)) return fail('FORBIDDEN');
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
    const result = await handler(ctx, parsed.data as ParsedArgs<CommandName>, auth.value ?? NO_SESSION);
    if (result.ok && WRITES.has(command)) ctx.sync.noteLocalWrite();
    return result;
  } catch (error) {
    console.error(`[core] ${command} failed`, error);
    return fail('INTERNAL');
  }
}

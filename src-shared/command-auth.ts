import type { AuthLevel, CommandName, Commands, Events } from './api';

/**
 * What a transport must know about the command map at run time, without loading zod (the kiosk's
 * first screen must be interactive within a second; zod is half of the screens' JavaScript).
 * Both lists are tied to src-shared/api.ts by the compiler: a command added, removed or given
 * another auth level there does not compile until it is the same here.
 */
export const COMMAND_AUTH = {
  'app-status': 'none',
  'kiosk-staff-list': 'none',
  'kiosk-login': 'none',
  'kiosk-logout': 'session-any',
  'kiosk-session': 'session-any',
  'kiosk-change-pin': 'session-any',
  'entry-create': 'session',
  'entry-update': 'session',
  'entry-submit': 'session',
  'entry-delete': 'session',
  'entry-list': 'session',
  'entry-copy-day': 'session',
  'entry-form': 'session',
  'entry-check': 'session',
  'calendar-month': 'session',
  'catalog-search': 'session',
  'catalog-favorite-set': 'session',
  'recap-month': 'session',
  'review-queue': 'session',
  'review-entry': 'session',
  'review-decide': 'session',
  'review-approve-all': 'session',
  'review-resolve-overlap': 'session',
  'review-notice-dismiss': 'session',
  'report-team': 'session',
  'report-employee': 'session',
  'report-xlsx': 'session',
  'workstation-enroll': 'none',
  'workstation-status': 'none',
  'workstation-test-connection': 'none',
  'sync-now': 'none',
  'sync-log': 'operator',
  'diagnostics-db-check': 'operator',
  'diagnostics-backup-now': 'operator',
  'diagnostics-export': 'operator',
  'app-quit': 'operator',
  'settings-get': 'none',
  'settings-set': 'operator',
  'audit-list': 'session',
} as const satisfies { [K in CommandName]: Commands[K]['auth'] } & Record<CommandName, AuthLevel>;

/** Events main pushes to the renderer (the preload's `on(event, fn)` accepts only these). */
export const EVENT_NAMES = ['session-ended', 'sync-status'] as const satisfies readonly (keyof Events)[];

// Every event name of `Events` is listed (a missing one fails here).
type Missing = Exclude<keyof Events, (typeof EVENT_NAMES)[number]>;
const _allEvents: Missing extends never ? true : Missing = true;
void _allEvents;

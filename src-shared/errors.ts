import { messages as id } from './i18n/id';
import { messages as en } from './i18n/en';

/**
 * The one closed list of error codes, shared by the kiosk UI, the core and the central server.
 * A code is a contract: screens, the sync protocol and tests match on it, so a code is never
 * renamed or reused for another meaning. Messages live in src-shared/i18n (Indonesian first).
 */
export const ERROR_CODES = [
  // generic and protocol (PROTOCOL.md)
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INTERNAL',
  'UNAVAILABLE',
  'PROTOCOL_UNSUPPORTED',
  'REENROLL_REQUIRED',
  'BATCH_TOO_LARGE',
  'RATE_LIMITED',
  'STALE_REVISION',
  'ENTRY_LOCKED',
  'OVERLAP_FLAGGED',
  // kiosk sessions and PINs
  'SESSION_REQUIRED',
  'NIP_INVALID',
  'NIP_UNKNOWN',
  'EMPLOYEE_INACTIVE',
  'PIN_WRONG',
  'PIN_LOCKED',
  'PIN_NOT_SET',
  'PIN_CHANGE_REQUIRED',
  'PIN_FORMAT',
  'PIN_TOO_WEAK',
  'PIN_SAME_AS_OLD',
  // entry rules (DOMAIN.md rules 1–7)
  'DATE_IN_FUTURE',
  'DATE_BEFORE_WINDOW',
  'PERIOD_CLOSED',
  'NOT_WORKING_DAY',
  'TIME_INVALID',
  'END_BEFORE_START',
  'OUTSIDE_WORKING_HOURS',
  'OVERLAP',
  'DAY_LIMIT_EXCEEDED',
  'DESCRIPTION_TOO_SHORT',
  'VOLUME_INVALID',
  'ACTIVITY_UNAVAILABLE',
  'FREE_TEXT_NOT_ALLOWED',
  'RHK_UNAVAILABLE',
  'ENTRY_NOT_EDITABLE',
  'ENTRY_NOT_DELETABLE',
  'ENTRY_NOT_SUBMITTABLE',
  'NOTHING_TO_COPY',
  // reviews
  'SELF_REVIEW',
  'NOT_SUPERVISOR',
  'NOTE_REQUIRED',
  'APPROVAL_DEADLINE_PASSED',
  // local store
  'DB_SCHEMA_NEWER',
  'DB_CORRUPT',
  'SETTING_UNKNOWN',
  // workstation enrollment and sync (the operator's screens)
  'NOT_ENROLLED',
  'ENROLLMENT_CODE_INVALID',
  'SERVER_UNREACHABLE',
  'WORKSTATION_REVOKED',
  // the screens' transport
  'APP_UNREACHABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && CODES.has(value);

export type MessageParams = Record<string, string | number>;

export interface AppError {
  code: ErrorCode;
  /** Human text for the code in the requested language (Indonesian by default). */
  message: string;
  /** Dotted path of the argument the error concerns, e.g. `startTime` or `changes.volume`. */
  field?: string;
  /** Values the message was filled with, so a screen can re-render it in another language. */
  params?: MessageParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export type Language = 'id' | 'en';
const catalogs: Record<Language, Record<ErrorCode, string>> = { id, en };

/** Fills `{name}` placeholders; unknown placeholders are left visible rather than hidden. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function errorMessage(code: ErrorCode, params?: MessageParams, lang: Language = 'id'): string {
  return formatMessage(catalogs[lang][code], params);
}

export function appError(
  code: ErrorCode,
  extra: { field?: string; params?: MessageParams } = {},
  lang: Language = 'id',
): AppError {
  const error: AppError = { code, message: errorMessage(code, extra.params, lang) };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.params !== undefined) error.params = extra.params;
  return error;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
  code: ErrorCode,
  extra?: { field?: string; params?: MessageParams },
): Result<T> => ({ ok: false, error: appError(code, extra) });
export const failWith = <T = never>(error: AppError): Result<T> => ({ ok: false, error });

/** Zod issue path → the dotted field path used in `AppError.field`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

import { errorMessage, type ErrorCode, type Language, type MessageParams } from '../../src-shared/errors';

/**
 * The one place an error code becomes an HTTP status (PROTOCOL.md "Errors"). Routes throw
 * `HttpError`; the app's error handler answers `{error:{code,message}}` and never a stack trace.
 */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PROTOCOL_UNSUPPORTED: 409,
  REENROLL_REQUIRED: 409,
  BATCH_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export const statusOf = (code: ErrorCode): number => HTTP_STATUS[code] ?? 400;

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly params: MessageParams | undefined;

  constructor(code: ErrorCode, detail?: string, extra: { field?: string; params?: MessageParams } = {}) {
    super(detail ?? code);
    this.name = 'HttpError';
    this.code = code;
    this.status = statusOf(code);
    this.field = extra.field;
    this.params = extra.params;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; detail?: string };
}

/**
 * The message is the plain Indonesian (or English) text of the code, as the kiosk shows it;
 * `detail` says what exactly was wrong for the operator reading a log or a curl answer.
 */
export function errorBody(code: ErrorCode, lang: Language, extra: { detail?: string; field?: string; params?: MessageParams } = {}): ErrorBody {
  // VALIDATION's text names the field ("Isian tidak valid: {field}."): never show the raw placeholder.
  const params = { field: extra.field ?? 'body', ...extra.params };
  const body: ErrorBody = { error: { code, message: errorMessage(code, params, lang) } };
  if (extra.field) body.error.field = extra.field;
  if (extra.detail && extra.detail !== code) body.error.detail = extra.detail;
  return body;
}

/** `Accept-Language: en…` answers in English; everything else in Indonesian. */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^\s*en\b/i.test(value) ? 'en' : 'id';
}

import type { AppError, ErrorCode } from '../../../src-shared/errors';

/** The enrolment form's fields, named as workstation-enroll's arguments (the core's `field`). */
export type EnrollField = 'serverUrl' | 'enrollmentCode' | 'name';
export const ENROLL_FIELDS: readonly EnrollField[] = ['serverUrl', 'enrollmentCode', 'name'];

const isField = (v: unknown): v is EnrollField => typeof v === 'string' && (ENROLL_FIELDS as readonly string[]).includes(v);

/**
 * Failures that are about the address: the server could not be reached, did not answer as a
 * Kinerja server, or speaks another protocol. The operator fixes them at the address field.
 */
const ADDRESS_CODES: ReadonlySet<ErrorCode> = new Set(['SERVER_UNREACHABLE', 'UNAVAILABLE', 'PROTOCOL_UNSUPPORTED', 'NOT_FOUND']);

/**
 * Which field a refusal of workstation-enroll belongs to, so it is shown (and the focus put) where
 * it can be fixed; null for a refusal of the whole form (FORBIDDEN, INTERNAL …). The core names
 * the field of a VALIDATION in `field` or, for a server's 400, in `params.field`.
 */
export function fieldOf(error: Pick<AppError, 'code' | 'field' | 'params'>): EnrollField | null {
  if (error.code === 'ENROLLMENT_CODE_INVALID') return 'enrollmentCode';
  if (ADDRESS_CODES.has(error.code)) return 'serverUrl';
  if (error.code === 'VALIDATION') {
    const named = error.field ?? error.params?.['field'];
    return isField(named) ? named : null;
  }
  return null;
}

/** The "what to do" line for a connection failure, by its code (todo keys of t.setup.connection). */
export type TodoKey = 'VALIDATION' | 'SERVER_UNREACHABLE' | 'PROTOCOL_UNSUPPORTED' | 'UNAVAILABLE' | 'RATE_LIMITED' | 'other';
export function todoKey(code: ErrorCode | null): TodoKey {
  switch (code) {
    case 'VALIDATION':
    case 'SERVER_UNREACHABLE':
    case 'PROTOCOL_UNSUPPORTED':
    case 'UNAVAILABLE':
    case 'RATE_LIMITED':
      return code;
    default:
      return 'other';
  }
}

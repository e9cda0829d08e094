import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens: 32 random bytes, base64url (43 characters). Only the sha256 is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Enrollment codes are read aloud and typed by an operator: 12 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), shown in groups of four. About 59 bits, single-use, 24 hours.
 */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Case, spaces and dashes do not matter when the code is typed back. */
export const normalizeEnrollmentCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

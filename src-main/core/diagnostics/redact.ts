/**
 * What the diagnostics export must not carry, and the two passes that remove it.
 *
 * The zip goes to a help desk outside the office, often by e-mail or chat. It is for sync and
 * store problems: which mutation was refused and why, when sync last worked, what the app logged.
 * It is not for people's work or for anything that lets someone act as the PC or as a person:
 *
 * - secrets: PIN hashes (crackable offline: a PIN has few digits), the workstation's bearer token,
 *   passwords in a URL. Removed wherever they appear, by pattern and by value (scrubSecrets), as a
 *   last pass over every member, log files included: a log line or a future audit field may hold one.
 * - people's work: what someone wrote about their day (description, evidence note, free-text
 *   activity) and a supervisor's note on it. The audit keeps those for the people of the unit; the
 *   help desk needs the ids, dates, statuses and revisions around them, not the words
 *   (redactAuditDetail replaces each with its length, which still shows e.g. an empty description).
 *   No entries table goes into the zip at all.
 */

export const REMOVED = '[dihapus]';

/** Keys whose value is a secret whatever its type. */
const SECRET_KEY = /pinhash|token|secret|password|passwd|sandi/i;
/** Keys whose string value is a person's own words about their work. */
const WORK_TEXT = new Set(['description', 'evidenceNote', 'activityText', 'note', 'reviewNote']);

/** `scrypt$<N>$<r>$<p>$<salt>$<hash>`: kiosk/pin.ts's format, wherever it appears. */
const PIN_HASH = /scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+/g;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;
const URL_CREDENTIALS = /\b(https?:\/\/)[^\s/@:]+:[^\s/@]*@/gi;

/** The audit's detail object with secrets removed and work text replaced by its length. */
export function redactAuditDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return redactValue(detail) as Record<string, unknown>;
}

function redactValue(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key)) return REMOVED;
  if (typeof value === 'string' && WORK_TEXT.has(key)) return `[teks ${value.length} karakter]`;
  if (Array.isArray(value)) return value.map((v) => redactValue(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k)]));
  }
  return value;
}

/**
 * Removes PIN hashes, bearer tokens, URL passwords and each of `secrets` (the workstation token)
 * from a text. Log files are passed as latin1 strings, so their bytes come back unchanged: every
 * pattern here is ASCII.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(PIN_HASH, REMOVED).replace(BEARER, `$1${REMOVED}`).replace(URL_CREDENTIALS, `$1${REMOVED}@`);
  for (const secret of secrets) {
    // A short value would remove innocent text and protects nothing: tokens are 43 characters.
    if (secret.length >= 16) out = out.split(secret).join(REMOVED);
  }
  return out;
}

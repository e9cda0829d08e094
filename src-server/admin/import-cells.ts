import { isIsoDate } from '../../src-shared/domain/dates';
import { parseNip } from '../../src-shared/domain/nip';
import type { Issue, SourceRow } from './import-source';

/** Longest text a column may hold (PROTOCOL.md "Limits"). */
export const MAX_TEXT = 2000;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'ya', 'aktif', 'active']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'tidak', 'nonaktif', 'inactive']);

const show = (v: unknown): string => JSON.stringify(typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Reads the cells of one row into typed values, collecting one issue per bad cell so the report
 * names every problem of the row at once. Every reader answers null for an empty cell (after
 * recording "missing value" when the column is required) and for a bad one.
 */
export class RowReader {
  readonly issues: Issue[] = [];

  constructor(readonly row: SourceRow) {
    if (row.problem) this.issues.push({ line: row.line, reason: row.problem });
  }

  get line(): number {
    return this.row.line;
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  fail(field: string | undefined, reason: string): null {
    this.issues.push(field ? { line: this.row.line, field, reason } : { line: this.row.line, reason });
    return null;
  }

  /** The cell, or null when it is absent, null or only spaces. Strings come back trimmed. */
  private raw(field: string, required: boolean): unknown {
    const v = this.row.cells.get(field);
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (empty) return required ? this.fail(field, `missing value for "${field}"`) : null;
    return typeof v === 'string' ? v.trim() : v;
  }

  text(field: string, opts: { required?: boolean; max?: number } = {}): string | null {
    const v = this.raw(field, opts.required ?? false);
    if (v === null) return null;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return this.fail(field, `"${field}" must be text`);
    const s = String(v).replace(/\r\n?/g, '\n');
    const max = opts.max ?? MAX_TEXT;
    return s.length > max ? this.fail(field, `"${field}" is longer than ${max} characters`) : s;
  }

  nip(field: string, opts: { required?: boolean } = {}): string | null {
    const v = this.raw(field, opts.required ?? false);
    if (v === null) return null;
    if (typeof v === 'number') return this.fail(field, `write the NIP as text ("${field}": "…"): as a JSON number it loses digits`);
    if (typeof v !== 'string') return this.fail(field, `"${field}" must be text`);
    if (/^\d+([.,]\d+)?e\+?\d+$/i.test(v)) {
      return this.fail(field, `NIP ${v} is in Excel's scientific notation: format the column as Text and export again`);
    }
    const parsed = parseNip(v);
    return parsed.ok ? parsed.nip : this.fail(field, `NIP must be 18 digits (got ${show(v)})`);
  }

  /** `YYYY-MM-DD`, or day first as written in Indonesia: `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`. */
  date(field: string, opts: { required?: boolean } = {}): string | null {
    const v = this.raw(field, opts.required ?? false);
    if (v === null) return null;
    if (typeof v === 'number') return this.fail(field, `date ${v} is an Excel serial number: format the column as a date (YYYY-MM-DD)`);
    if (typeof v !== 'string') return this.fail(field, `"${field}" must be a date (YYYY-MM-DD)`);
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
    const iso = dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : v;
    return isIsoDate(iso) ? iso : this.fail(field, `bad date ${show(v)} (expected YYYY-MM-DD or DD/MM/YYYY)`);
  }

  /** A whole number; thousands may be grouped as Indonesian Excel shows them (4.200.000). */
  int(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | null {
    const v = this.raw(field, opts.required ?? false);
    if (v === null) return null;
    let n = NaN;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && /^-?(\d+|\d{1,3}([.,]\d{3})+)$/.test(v)) n = Number(v.replace(/[.,]/g, ''));
    const min = opts.min ?? 0;
    const max = opts.max ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(n)) return this.fail(field, `"${field}" must be a whole number (got ${show(v)})`);
    if (n < min || n > max) {
      const range = opts.max === undefined ? (min === 1 ? 'positive' : `at least ${min}`) : `between ${min} and ${max}`;
      return this.fail(field, `"${field}" must be ${range} (got ${n})`);
    }
    return n;
  }

  bool(field: string, fallback: boolean): boolean {
    const v = this.raw(field, false);
    if (v === null) return fallback;
    if (typeof v === 'boolean') return v;
    const word = String(v).toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    this.fail(field, `"${field}" must be yes/no, true/false or 1/0 (got ${show(v)})`);
    return fallback;
  }

  /** One of `values`; case, spaces and dashes are forgiven, `aliases` map other spellings. */
  choice<T extends string>(field: string, values: readonly T[], opts: { fallback?: T; aliases?: Record<string, T> } = {}): T | null {
    const v = this.raw(field, opts.fallback === undefined);
    if (v === null) return opts.fallback ?? null;
    const word = String(v).toLowerCase().replace(/[\s-]+/g, '_');
    const found = values.find((x) => x === word) ?? opts.aliases?.[word];
    return found ?? this.fail(field, `unknown ${field} ${show(v)} (expected ${values.join(', ')})`);
  }

  /** A list from a JSON array or a text cell separated by `;`, `,`, `|` or spaces. */
  list<T extends string>(field: string, values: readonly T[], fallback: T[]): T[] | null {
    const v = this.raw(field, false);
    if (v === null) return fallback;
    const items = Array.isArray(v) ? v.map(String) : String(v).split(/[;,|\s]+/);
    const words = items.map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
    const unknown = words.filter((w) => !values.includes(w as T));
    if (unknown.length > 0 || words.length === 0) {
      return this.fail(field, `unknown ${field} ${show(unknown.join(', ') || v)} (expected some of ${values.join(', ')})`);
    }
    return [...new Set(words as T[])];
  }
}

import { parseCsv } from './import-csv';
import type { ReferenceSet } from '../reference/write';

/**
 * An import file turned into rows of named cells, the same shape for CSV and JSON. Column names
 * are matched loosely (case, spaces, `_` and `-` do not matter, a few Indonesian aliases are
 * known) because the people who prepare these files work in Excel, not in code.
 */
export interface Issue {
  /** CSV: physical line (header = 1); JSON: array index + 1; null: the file as a whole. */
  line: number | null;
  /** The column (canonical name) the problem is about, when there is one. */
  field?: string;
  reason: string;
}

export interface SourceRow {
  line: number;
  cells: Map<string, unknown>;
  /** Set when the row is not even a row (a JSON item that is not an object). */
  problem?: string;
}

export interface ColumnSpec {
  name: string;
  required?: boolean;
  aliases?: string[];
}

export type SourceFormat = 'csv' | 'json';

export interface Source {
  format: SourceFormat;
  rows: SourceRow[];
  /** Problems with the file itself (unreadable, missing column): nothing can be imported. */
  fileIssues: Issue[];
  /** Columns that are not part of the format; ignored, listed so a typo is noticed. */
  ignoredColumns: string[];
}

export const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function columnIndex(columns: ColumnSpec[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of columns) for (const n of [c.name, ...(c.aliases ?? [])]) index.set(columnKey(n), c.name);
  return index;
}

/** Bytes → text: UTF-8 (BOM or not) or UTF-16 LE (Excel "Unicode text"); anything else is refused. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'the file is not UTF-8 text; in Excel save it as "CSV UTF-8 (Comma delimited)"' };
  }
}

export function detectFormat(fileName: string, text: string): SourceFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

export function readSource(text: string, format: SourceFormat, columns: ColumnSpec[]): Source {
  return format === 'json' ? readJson(text, columns) : readCsv(text, columns);
}

function readCsv(text: string, columns: ColumnSpec[]): Source {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { format: 'csv', rows: [], fileIssues: [{ line: parsed.line, reason: parsed.reason }], ignoredColumns: [] };
  const { header, headerLine, records } = parsed.table;
  const index = columnIndex(columns);
  const names = header.map((h) => index.get(columnKey(h)) ?? null);
  const fileIssues: Issue[] = [];
  for (const c of columns) {
    if (c.required && !names.includes(c.name)) fileIssues.push({ line: headerLine, field: c.name, reason: `missing column "${c.name}"` });
  }
  header.forEach((h, i) => {
    const name = names[i];
    if (name && names.indexOf(name) !== i) fileIssues.push({ line: headerLine, field: name, reason: `column "${h}" appears twice` });
  });
  const rows = records.map((r) => {
    const cells = new Map<string, unknown>();
    names.forEach((name, i) => {
      if (name) cells.set(name, r.values[i] ?? '');
    });
    return { line: r.line, cells };
  });
  const ignoredColumns = header.filter((h, i) => names[i] === null && h !== '');
  return { format: 'csv', rows, fileIssues, ignoredColumns };
}

function readJson(text: string, columns: ColumnSpec[]): Source {
  const fail = (reason: string): Source => ({ format: 'json', rows: [], fileIssues: [{ line: null, reason }], ignoredColumns: [] });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail(`not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) return fail('expected a JSON array of objects, one per row');
  const index = columnIndex(columns);
  const ignored = new Set<string>();
  const rows: SourceRow[] = [];
  data.forEach((item: unknown, i) => {
    const cells = new Map<string, unknown>();
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      rows.push({ line: i + 1, cells, problem: 'expected an object with the columns as keys' });
      return;
    }
    for (const [key, value] of Object.entries(item)) {
      const name = index.get(columnKey(key));
      if (name) cells.set(name, value);
      else ignored.add(key);
    }
    rows.push({ line: i + 1, cells });
  });
  return { format: 'json', rows, fileIssues: [], ignoredColumns: [...ignored] };
}

/** The unit named with `--unit`, when the command was given one. */
export interface UnitRef {
  id: string;
  code: string;
  timeZone: string;
}

/** What a kind's validator hands back: the rows to write (valid ones only) and the problems. */
export interface Validated {
  set: ReferenceSet;
  issues: Issue[];
}

/** The distinct row lines named by `issues`, in order. */
export function lineList(issues: Issue[]): number[] {
  return [...new Set(issues.map((i) => i.line).filter((l): l is number => l !== null))].sort((a, b) => a - b);
}

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { auditLog, units } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { writeReference, type ReferenceCounts } from '../reference/write';
import { CATALOG_COLUMNS, HOLIDAY_COLUMNS, validateCatalog, validateHolidays } from './import-city';
import { ABSENCE_COLUMNS, RHK_COLUMNS, validateAbsences, validateRhk } from './import-people';
import { ROSTER_COLUMNS, validateRoster } from './import-roster';
import {
  columnKey,
  decodeText,
  detectFormat,
  lineList,
  readSource,
  type ColumnSpec,
  type Issue,
  type SourceFormat,
  type SourceRow,
  type UnitRef,
  type Validated,
} from './import-source';
import { UNIT_COLUMNS, validatePolicy, validateUnits } from './import-units';

/**
 * `import <file>`: reference data from CSV or JSON files (formats in IMPORT.md). Every row is
 * checked before anything is written; the write is one transaction through writeReference, so
 * a file is imported whole or not at all (`--skip-invalid` imports the valid rows and lists the
 * others). A dry run does the whole write and rolls it back, so its counts are the real ones.
 */
export const IMPORT_KINDS = ['units', 'roster', 'catalog', 'rhk', 'holidays', 'absences', 'policy'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

interface KindSpec {
  table: keyof ReferenceCounts;
  /** Whether `--unit` is required, optional (default or guard), or refused. */
  unit: 'required' | 'optional' | 'none';
  columns: ColumnSpec[];
  validate: (tx: Tx, rows: SourceRow[], unit: UnitRef | null) => Promise<Validated>;
}

const KINDS: Record<Exclude<ImportKind, 'policy'>, KindSpec> = {
  units: { table: 'units', unit: 'none', columns: UNIT_COLUMNS, validate: (tx, rows) => validateUnits(tx, rows) },
  roster: { table: 'employees', unit: 'optional', columns: ROSTER_COLUMNS, validate: validateRoster },
  catalog: { table: 'catalog', unit: 'none', columns: CATALOG_COLUMNS, validate: (tx, rows) => validateCatalog(tx, rows) },
  rhk: { table: 'rhk', unit: 'optional', columns: RHK_COLUMNS, validate: validateRhk },
  holidays: { table: 'holidays', unit: 'none', columns: HOLIDAY_COLUMNS, validate: (tx, rows) => validateHolidays(tx, rows) },
  absences: { table: 'absences', unit: 'optional', columns: ABSENCE_COLUMNS, validate: validateAbsences },
};

/** Words of a file name that tell its kind (`roster-setda.csv`, `libur_2027.json`). */
const NAME_HINTS: Record<string, ImportKind> = {
  units: 'units', unit: 'units', opd: 'units',
  roster: 'roster', employees: 'roster', pegawai: 'roster',
  catalog: 'catalog', katalog: 'catalog', aktivitas: 'catalog', activities: 'catalog',
  rhk: 'rhk', skp: 'rhk',
  holidays: 'holidays', holiday: 'holidays', libur: 'holidays',
  absences: 'absences', absence: 'absences', absensi: 'absences', ketidakhadiran: 'absences',
  policy: 'policy', policies: 'policy', kebijakan: 'policy',
};

export function inferKind(file: string): ImportKind | null {
  const words = basename(file).toLowerCase().replace(/\.[a-z]+$/, '').split(/[^a-z0-9]+/);
  const kinds = new Set(words.flatMap((w) => (NAME_HINTS[w] ? [NAME_HINTS[w]] : [])));
  return kinds.size === 1 ? [...kinds][0]! : null;
}

export interface ImportOptions {
  file: string;
  kind?: string | undefined;
  unitCode?: string | undefined;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

export interface ImportReport {
  file: string;
  kind: ImportKind;
  format: SourceFormat;
  unit: string | null;
  rows: number;
  valid: number;
  /** Lines of the rows that were (or would be) skipped. */
  invalidLines: number[];
  issues: Issue[];
  warnings: string[];
  dryRun: boolean;
  /** Rows written or unchanged, for the table of this kind; empty when nothing was written. */
  counts: Partial<ReferenceCounts>;
}

export type ImportOutcome =
  | { status: 'imported'; report: ImportReport }
  | { status: 'invalid'; report: ImportReport }
  /** The command line is wrong (exit 2). */
  | { status: 'usage'; message: string }
  /** The file or the unit cannot be used (exit 1). */
  | { status: 'failed'; message: string };

class DryRunDone extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run rolled back');
  }
}

const byLine = (a: Issue, b: Issue) => (a.line ?? 0) - (b.line ?? 0);

export async function importFile(db: Db, opts: ImportOptions, now: Date): Promise<ImportOutcome> {
  const kind = opts.kind ?? inferKind(opts.file);
  if (kind === null) {
    return { status: 'usage', message: `cannot tell the kind of ${basename(opts.file)} from its name: give --kind (${IMPORT_KINDS.join(', ')})` };
  }
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    return { status: 'usage', message: `unknown kind "${kind}" (expected ${IMPORT_KINDS.join(', ')})` };
  }
  const k = kind as ImportKind;
  const unitRule = k === 'policy' ? 'required' : KINDS[k].unit;
  if (unitRule === 'none' && opts.unitCode) return { status: 'usage', message: `--unit does not apply to --kind ${k}` };
  if (unitRule === 'required' && !opts.unitCode) return { status: 'usage', message: `--kind ${k} needs --unit <code>` };

  let bytes: Uint8Array;
  try {
    bytes = await readFile(opts.file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { status: 'failed', message: code === 'ENOENT' ? `file not found: ${opts.file}` : `cannot read ${opts.file}: ${(err as Error).message}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { status: 'failed', message: `${opts.file}: ${decoded.reason}` };
  const format = detectFormat(opts.file, decoded.text);
  if (k === 'policy' && format !== 'json') return { status: 'failed', message: 'a policy file is JSON (one object)' };
  const source = k === 'policy' ? null : readSource(decoded.text, format, KINDS[k].columns);
  const warnings = (source?.ignoredColumns ?? []).map((c) =>
    columnKey(c).includes('pin') ? `column "${c}" ignored: PINs are never imported, set them with set-pin` : `column "${c}" ignored: not part of the ${k} format`,
  );

  try {
    return await withTransaction(db, async (tx): Promise<ImportOutcome> => {
      let unit: UnitRef | null = null;
      if (opts.unitCode) {
        const [row] = await tx
          .select({ id: units.id, code: units.code, timeZone: units.timeZone })
          .from(units)
          .where(and(eq(units.code, opts.unitCode), eq(units.deleted, false)));
        if (!row) return { status: 'failed', message: `unknown unit "${opts.unitCode}"` };
        unit = row;
      }
      // A file that is unusable as a whole (a missing column) is reported alone, not once per row.
      const validated: Validated = !source
        ? validatePolicy(decoded.text, unit!)
        : source.fileIssues.length
          ? { set: {}, issues: [] }
          : await KINDS[k as Exclude<ImportKind, 'policy'>].validate(tx, source.rows, unit);
      const fileIssues = source?.fileIssues ?? validated.issues;
      const rowIssues = source ? validated.issues : [];
      const rows = source?.rows.length ?? 1;
      const invalidLines = source ? lineList(rowIssues) : fileIssues.length ? [1] : [];
      const report: ImportReport = {
        file: opts.file,
        kind: k,
        format,
        unit: unit?.code ?? null,
        rows,
        valid: rows - invalidLines.length,
        invalidLines,
        issues: [...fileIssues, ...rowIssues].sort(byLine),
        warnings,
        dryRun: Boolean(opts.dryRun),
        counts: {},
      };
      if (fileIssues.length > 0 || (invalidLines.length > 0 && !opts.skipInvalid)) return { status: 'invalid', report };

      const table = k === 'policy' ? 'policies' : KINDS[k].table;
      const counts = await writeReference(tx, validated.set, now);
      report.counts = { [table]: counts[table] };
      if (opts.dryRun) throw new DryRunDone(report);
      await tx.insert(auditLog).values({
        at: now,
        action: 'reference.import',
        entityType: k,
        entityId: unit?.id ?? null,
        detail: { file: basename(opts.file), format, rows, skippedLines: invalidLines, counts: report.counts },
      });
      return { status: 'imported', report };
    });
  } catch (err) {
    if (err instanceof DryRunDone) return { status: 'imported', report: err.report };
    throw err;
  }
}

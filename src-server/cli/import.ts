import { basename } from 'node:path';
import { importFile, IMPORT_KINDS, type ImportReport } from '../admin/import';
import type { Issue } from '../admin/import-source';
import { EXIT, type Command } from './command';
import { plural, table } from './format';

function issueLines(issues: Issue[]): string[] {
  return table(issues.map((i) => [i.line === null ? 'file' : `line ${i.line}`, i.field ?? '', i.reason]));
}

function countLines(report: ImportReport): string[] {
  return table(Object.entries(report.counts).map(([t, c]) => [t, `${c.written} written`, `${c.unchanged} unchanged`]));
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import units, roster, catalog, RHK, holidays, absences or a policy from CSV/JSON',
  args: '<file>',
  positionals: 1,
  options: {
    kind: { type: 'string', arg: '<kind>', help: `${IMPORT_KINDS.join(', ')} (default: from the file name, e.g. roster.csv)` },
    unit: { type: 'string', arg: '<code>', help: 'roster: unit of rows without unit_code; rhk/absences: only this unit; policy: required' },
    'skip-invalid': { type: 'boolean', help: 'import the valid rows and list the skipped ones (default: import nothing if a row is invalid)' },
    'dry-run': { type: 'boolean', help: 'check the file and show what would change, without writing' },
  },
  details: [
    'CSV: a header row, comma or semicolon separated, UTF-8 (Excel: "CSV UTF-8"). JSON: an array of',
    'objects (a policy: one object). Columns and examples: src-server/admin/IMPORT.md.',
    'Every row is checked first; the file is written in one transaction, all or nothing.',
    'Examples:',
    '  npm run server -- import units.csv',
    '  npm run server -- import roster.csv --unit SETDA-ORG --dry-run',
    '  npm run server -- import libur-2027.csv --kind holidays',
    '  npm run server -- import policy.json --kind policy --unit SETDA-ORG',
  ],
  async run(ctx) {
    const file = ctx.positionals[0]!;
    const str = (k: string) => (typeof ctx.values[k] === 'string' ? (ctx.values[k] as string) : undefined);
    const opts = {
      file,
      kind: str('kind'),
      unitCode: str('unit'),
      skipInvalid: ctx.values['skip-invalid'] === true,
      dryRun: ctx.values['dry-run'] === true,
    };
    const outcome = await ctx.withDatabase(({ db }) => importFile(db, opts, ctx.io.now()));
    if (outcome.status === 'usage') return ctx.fail(EXIT.usage, outcome.message);
    if (outcome.status === 'failed') return ctx.fail(EXIT.failed, outcome.message);

    const { report } = outcome;
    const name = basename(file);
    const warnings = report.warnings.map((w) => `Warning: ${w}`);
    if (outcome.status === 'invalid') {
      const fileLevel = report.issues.some((i) => i.line === null || !report.invalidLines.includes(i.line));
      const summary = fileLevel
        ? `${name} cannot be imported as ${report.kind}; nothing was written.`
        : `${name}: ${report.invalidLines.length} of ${plural(report.rows, 'row')} invalid; nothing was written.`;
      const advice = fileLevel
        ? 'Fix the file and run the import again.'
        : `Fix the file and run the import again, or add --skip-invalid to import the ${plural(report.valid, 'valid row')}.`;
      return ctx.fail(EXIT.failed, summary, { report }, [...issueLines(report.issues), ...warnings, advice]);
    }

    const skipped = report.invalidLines.length;
    const lines = [
      `${report.dryRun ? 'Dry run of' : 'Imported'} ${name} (${report.kind}, ${report.format.toUpperCase()}${report.unit ? `, unit ${report.unit}` : ''}): ` +
        `${plural(report.rows, 'row')}${skipped ? `, ${skipped} skipped` : ''}.`,
      ...countLines(report),
      ...(skipped ? ['Skipped rows:', ...issueLines(report.issues)] : []),
      ...warnings,
      ...(report.dryRun ? ['Nothing was written: the counts show what the import would do.'] : []),
    ];
    return ctx.done({ report, written: !report.dryRun }, lines);
  },
};

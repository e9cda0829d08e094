import type * as ExcelJsModule from 'exceljs';
import type { Cell, Row, Workbook, Worksheet } from 'exceljs';
import type { EmployeeReport, TeamReport } from '../../../src-shared/api';
import { formatMessage } from '../../../src-shared/errors';
import { localNow } from '../../../src-shared/domain/dates';
import { statusLabel } from '../../../src-shared/domain/entry-rules';
import { formatNip } from '../../../src-shared/domain/nip';
import { dateLabel, monthLabel, XLSX_TEXT as T } from './labels';

export type { Workbook };
type ExcelJs = typeof ExcelJsModule;

/**
 * exceljs, loaded on first use rather than when the core starts: it is a large module most kiosk
 * sessions never need. It is CommonJS that assigns `module.exports = {...}`, which Node's ESM
 * loader exposes only as `default`; vitest (and bundlers) also add the names at the top level.
 */
export async function loadExcel(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

const RUPIAH = '#,##0';
const PERCENT = '0.0';
const MINUTES = '#,##0';
const COUNT = '0';
const WRAP = 'wrap';

/** Per column (1-based) of a data row: a number format, or WRAP for long text. The NIP is text ('@'), never a number. */
type Formats = Record<number, string>;
const TEAM_FORMATS: Formats = { 2: WRAP, 3: '@', 4: WRAP, 6: MINUTES, 7: MINUTES, 8: MINUTES, 9: MINUTES, 10: MINUTES, 11: PERCENT, 12: COUNT, 13: RUPIAH };
const ENTRY_FORMATS: Formats = { 1: 'dd/mm/yyyy', 4: WRAP, 5: WRAP, 11: WRAP };

/** The team sheet: one row per direct subordinate, then the totals, with the unit and period above. */
export function buildTeamWorkbook(excel: ExcelJs, r: TeamReport, timeZone: string): Workbook {
  const wb = newWorkbook(excel, r.generatedAt);
  const ws = wb.addWorksheet(T.sheets.team);
  const header = T.teamHeader;
  const supervisorLine = formatMessage(T.supervisor, { name: r.supervisor.name, nip: formatNip(r.supervisor.nip) });
  const top = titleBlock(ws, header.length, {
    title: T.title.team,
    report: r,
    people: [supervisorLine],
    timeZone,
    deadline: deadlineLine(r.approvalDeadline, r.approvalOpen),
  });
  const headerRow = headRow(ws, top, header);

  r.rows.forEach(({ employee, recap }, i) => {
    const row = ws.addRow([
      i + 1,
      employee.name,
      formatNip(employee.nip),
      employee.positionTitle,
      recap.workingDays,
      recap.effectiveMinutes,
      recap.approvedMinutes,
      recap.waitingMinutes,
      recap.returnedMinutes,
      recap.rejectedMinutes,
      recap.capaianPercent,
      recap.daysWithoutEntries.length,
      recap.tppEstimate,
    ]);
    styled(row, TEAM_FORMATS, header.length);
  });
  const t = r.totals;
  const totals = ws.addRow([null, T.total, null, null, null, t.effectiveMinutes, t.approvedMinutes, t.waitingMinutes, t.returnedMinutes, t.rejectedMinutes, null, t.daysWithoutEntries, t.tppEstimate]);
  styled(totals, TEAM_FORMATS, header.length);
  totals.font = { bold: true };
  totals.eachCell({ includeEmpty: true }, (c) => (c.border = { ...c.border, top: { style: 'medium' } }));
  ws.addRow([]);
  const note = ws.addRow([T.teamNote]);
  ws.mergeCells(note.number, 1, note.number, header.length);
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = 30;
  note.font = { italic: true, size: 9 };

  [5, 24, 22, 30, 10, 10, 10, 10, 13, 10, 10, 11, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  finishSheet(ws, headerRow, 2, `${r.unit.name} - ${monthLabel(r.month)}`);
  return wb;
}

/** One employee: the recap as label/value rows, and the month's sent entries on a second sheet. */
export function buildEmployeeWorkbook(excel: ExcelJs, r: EmployeeReport, timeZone: string): Workbook {
  const wb = newWorkbook(excel, r.generatedAt);
  const ws = wb.addWorksheet(T.sheets.employee);
  const recap = r.recap;
  const people = [
    formatMessage(T.employee, { name: r.employee.name, nip: formatNip(r.employee.nip), position: r.employee.positionTitle }),
    r.supervisor ? formatMessage(T.supervisor, { name: r.supervisor.name, nip: formatNip(r.supervisor.nip) }) : T.noSupervisor,
  ];
  // isApprovalOpen's rule (the deadline day itself is still open), on ISO dates, which compare as text.
  const approvalOpen = r.today <= recap.approvalDeadline;
  const top = titleBlock(ws, 2, { title: T.title.employee, report: r, people, timeZone, deadline: deadlineLine(recap.approvalDeadline, approvalOpen) });
  const headerRow = headRow(ws, top, T.recapHeader);
  const L = T.recapRows;
  const lines: [string, string | number, string?][] = [
    [L.workingDays, recap.workingDays],
    [L.countedAbsenceDays, recap.countedAbsenceDays],
    [L.effectiveMinutes, recap.effectiveMinutes, MINUTES],
    [L.approvedMinutes, recap.approvedMinutes, MINUTES],
    [L.waitingMinutes, recap.waitingMinutes, MINUTES],
    [L.returnedMinutes, recap.returnedMinutes, MINUTES],
    [L.rejectedMinutes, recap.rejectedMinutes, MINUTES],
    [L.draftMinutes, recap.draftMinutes, MINUTES],
    [L.capaianPercent, recap.capaianPercent, PERCENT],
    recap.tppEstimate === null ? [L.tppEstimate, T.noTppBase] : [L.tppEstimate, recap.tppEstimate, RUPIAH],
    [L.daysWithoutEntries, recap.daysWithoutEntries.length],
    [L.datesWithoutEntries, recap.daysWithoutEntries.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`).join(', ') || T.none],
    [L.periodClosesOn, dateLabel(recap.periodClosesOn)],
    [L.approvalDeadline, dateLabel(recap.approvalDeadline)],
  ];
  for (const [label, value, numFmt] of lines) {
    const row = ws.addRow([label, value]);
    bordered(row, 2);
    const cell = row.getCell(2);
    cell.alignment = { horizontal: typeof value === 'number' ? 'right' : 'left', wrapText: true };
    if (numFmt) cell.numFmt = numFmt;
  }
  ws.getColumn(1).width = 46;
  ws.getColumn(2).width = 40;
  finishSheet(ws, headerRow, 0, `${r.employee.name} - ${monthLabel(r.month)}`, 'portrait');

  entriesSheet(wb, r);
  return wb;
}

function entriesSheet(wb: Workbook, r: EmployeeReport): void {
  const ws = wb.addWorksheet(T.sheets.entries);
  const header = T.entriesHeader;
  headRow(ws, 0, header);
  for (const e of r.entries) {
    const row = ws.addRow([
      // A real date (UTC midnight is the serial day exceljs writes), so Excel sorts and filters it.
      new Date(`${e.workDate}T00:00:00Z`),
      e.startTime,
      e.endTime,
      e.activityName,
      e.description,
      e.volume,
      e.outputUnit,
      e.minutes,
      e.creditedMinutes,
      statusLabel(e.status),
      e.reviewNote,
    ]);
    styled(row, ENTRY_FORMATS, header.length);
  }
  if (r.entries.length === 0) ws.addRow([T.noEntries]);
  else ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + r.entries.length, column: header.length } };
  [12, 7, 7, 32, 48, 8, 10, 8, 10, 20, 32].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  finishSheet(ws, 1, 1, `${r.employee.name} - ${monthLabel(r.month)}`);
}

function newWorkbook(excel: ExcelJs, generatedAt: string): Workbook {
  const wb = new excel.Workbook();
  wb.creator = 'Kinerja Kiosk';
  wb.created = new Date(generatedAt);
  return wb;
}

function deadlineLine(deadline: string, open: boolean): string {
  return formatMessage(open ? T.deadline : T.deadlinePassed, { date: dateLabel(deadline) });
}

interface TitleBlock {
  title: string;
  report: Pick<TeamReport, 'unit' | 'month' | 'generatedAt'>;
  /** Who the report is about and who verifies, one line each. */
  people: string[];
  /** The unit's zone: "Dibuat ... pukul" is the office's wall clock, not the PC's. */
  timeZone: string;
  deadline: string;
}

/** Title, unit, period, the people, when it was made and the deadline, each merged across the table; returns the last row used. */
function titleBlock(ws: Worksheet, width: number, b: TitleBlock): number {
  const local = localNow(new Date(b.report.generatedAt), b.timeZone);
  const lines = [
    b.title,
    b.report.unit.name,
    formatMessage(T.period, { month: monthLabel(b.report.month) }),
    ...b.people,
    formatMessage(T.generatedAt, { date: dateLabel(local.date), time: local.time.replace(':', '.') }),
    b.deadline,
  ];
  lines.forEach((line, i) => {
    const row = ws.addRow([line]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.font = i === 0 ? { bold: true, size: 14 } : i <= 2 ? { bold: true } : {};
  });
  ws.addRow([]);
  return lines.length + 1;
}

function headRow(ws: Worksheet, after: number, labels: readonly string[]): number {
  const row = ws.addRow([...labels]);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  bordered(row, labels.length);
  row.eachCell((c: Cell) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }));
  return after + 1;
}

/** Thin borders, top-aligned, and the column's format: set per data cell, so the header and title keep theirs. */
function styled(row: Row, formats: Formats, width: number): void {
  bordered(row, width);
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    const f = formats[c];
    cell.alignment = { vertical: 'top', wrapText: f === WRAP };
    if (f && f !== WRAP) cell.numFmt = f;
  }
}

function bordered(row: Row, width: number): void {
  for (let c = 1; c <= width; c++) {
    const side = { style: 'thin' as const };
    row.getCell(c).border = { top: side, left: side, bottom: side, right: side };
  }
}

/** Header frozen and repeated on every printed page; A4, as wide as one page (tables landscape, the two-column recap portrait). */
function finishSheet(ws: Worksheet, headerRow: number, frozenColumns: number, pageHeader: string, orientation: 'landscape' | 'portrait' = 'landscape'): void {
  ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: headerRow }];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation,
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddHeader: `&L${pageHeader.replace(/&/g, '&&')}`, oddFooter: `&R${T.footer}` };
}

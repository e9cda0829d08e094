import { and, asc, eq } from 'drizzle-orm';
import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { localNow, monthOf } from '../../../src-shared/domain/dates';
import { approvalDeadline, isApprovalOpen } from '../../../src-shared/domain/period';
import { fileNamePart, teamTotals } from '../../../src-shared/domain/report';
import type { Employee } from '../../../src-shared/domain/types';
import type { CoreContext, Db } from '../context';
import { nowIso } from '../context';
import { employees, units } from '../db/schema';
import { toViews } from '../entries/queries';
import { viewableEmployee } from '../entries/service';
import type { Session } from '../kiosk/sessions';
import { monthOfEmployee } from '../recap/service';
import { getEmployee, getPolicy } from '../reference/queries';
import { rowToEmployee } from '../reference/mappers';
import { buildEmployeeWorkbook, buildTeamWorkbook, loadExcel, type Workbook } from './xlsx';

type TeamReport = CommandResult<'report-team'>;
type EmployeeReport = CommandResult<'report-employee'>;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const person = (e: Employee) => ({ id: e.id, nip: e.nip, name: e.name, positionTitle: e.positionTitle });

/** The unit as the local store knows it; a store that has not pulled its unit row yet still prints a report. */
function unitRef(db: Db, unitId: string): TeamReport['unit'] {
  const r = db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.id, unitId)).get();
  return r ?? { id: unitId, code: '', name: '' };
}

/** Active direct subordinates, in name order: the people whose entries this person verifies. */
function directSubordinates(db: Db, supervisorId: string): Employee[] {
  return db
    .select()
    .from(employees)
    .where(and(eq(employees.supervisorId, supervisorId), eq(employees.active, 1)))
    .orderBy(asc(employees.name))
    .all()
    .map(rowToEmployee);
}

/** Today in the unit's zone, and the month asked for or else the current one. */
function period(ctx: CoreContext, unitId: string, month: string | undefined): { today: string; month: string } {
  const today = localNow(ctx.clock(), getPolicy(ctx.db, unitId).timeZone).date;
  return { today, month: month ?? monthOf(today) };
}

/**
 * Tim: each direct subordinate's month, the recap being exactly recap-month's (monthOfEmployee),
 * and totals summed from those rows. Tim, its print view and its XLSX all render this object.
 */
export function teamReport(ctx: CoreContext, session: Session, args: ParsedArgs<'report-team'>): Result<TeamReport> {
  const me = getEmployee(ctx.db, session.employeeId);
  if (!me) return fail('NOT_FOUND', { field: 'employeeId' });
  const team = directSubordinates(ctx.db, me.id);
  if (team.length === 0) return fail('FORBIDDEN');
  const { today, month } = period(ctx, me.unitId, args.month);
  const policy = getPolicy(ctx.db, me.unitId);
  const rows = team.map((e) => {
    const { recap, entries } = monthOfEmployee(ctx, e, month);
    return { employee: person(e), recap, waitingForReview: entries.filter((x) => x.status === 'submitted').length };
  });
  return ok({
    unit: unitRef(ctx.db, me.unitId),
    month,
    today,
    generatedAt: nowIso(ctx),
    supervisor: person(me),
    approvalDeadline: approvalDeadline(month, policy),
    approvalOpen: isApprovalOpen(month, today, policy),
    rows,
    totals: teamTotals(rows),
  });
}

/** One employee's month for printing: oneself or a direct subordinate; entries except drafts, by date and start time. */
export function employeeReport(ctx: CoreContext, session: Session, args: ParsedArgs<'report-employee'>): Result<EmployeeReport> {
  const target = viewableEmployee(ctx, session, args.employeeId);
  if (!target.ok) return target;
  const e = target.value;
  const { today, month } = period(ctx, e.unitId, args.month);
  const { recap, entries } = monthOfEmployee(ctx, e, month);
  const supervisor = e.supervisorId ? getEmployee(ctx.db, e.supervisorId) : null;
  return ok({
    unit: unitRef(ctx.db, e.unitId),
    month,
    today,
    generatedAt: nowIso(ctx),
    employee: person(e),
    supervisor: supervisor ? person(supervisor) : null,
    recap,
    // entriesBetween already reads them in date, then start-time order.
    entries: toViews(ctx.db, entries.filter((x) => x.status !== 'draft')),
  });
}

/** The same report objects as an Excel workbook, so the file and the screen cannot disagree. */
export async function reportXlsx(ctx: CoreContext, session: Session, args: ParsedArgs<'report-xlsx'>): Promise<Result<CommandResult<'report-xlsx'>>> {
  if (args.kind === 'team') {
    const report = teamReport(ctx, session, { month: args.month });
    if (!report.ok) return report;
    const r = report.value;
    const wb = buildTeamWorkbook(await loadExcel(), r, getPolicy(ctx.db, r.unit.id).timeZone);
    return ok(await encode(wb, `rekap-tim-${r.month}-${fileNamePart(r.supervisor.name) || 'atasan'}.xlsx`));
  }
  const report = employeeReport(ctx, session, { employeeId: args.employeeId, month: args.month });
  if (!report.ok) return report;
  const r = report.value;
  const wb = buildEmployeeWorkbook(await loadExcel(), r, getPolicy(ctx.db, r.unit.id).timeZone);
  return ok(await encode(wb, `rekap-${r.month}-${fileNamePart(r.employee.nip) || 'pegawai'}.xlsx`));
}

async function encode(wb: Workbook, fileName: string): Promise<CommandResult<'report-xlsx'>> {
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName, mimeType: XLSX_MIME, base64: Buffer.from(buffer).toString('base64') };
}

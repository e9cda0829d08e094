import type { EmployeeReport, TeamReport } from '../../../src-shared/api';
import { DEMO_EMPLOYEES, DEMO_PEOPLE, DEMO_UNIT } from '../../../src-shared/demo';
import { entryView, recapOf } from '../Home/test-fixtures';

/**
 * Ahmad's team in November 2026 (today Wednesday the 25th), for the Tim and report tests: the
 * demo people, figures as the core's report-team would give them.
 */
function person(id: string) {
  const e = DEMO_EMPLOYEES.find((x) => x.id === id)!;
  return { id: e.id, nip: e.nip, name: e.name, positionTitle: e.positionTitle };
}

export const AHMAD = person(DEMO_PEOPLE.supervisors[0]);
export const SITI = person(DEMO_PEOPLE.staff[0]);
export const YOHANES = person(DEMO_PEOPLE.staff[1]);
export const RAHMAWATI = person(DEMO_PEOPLE.staff[2]);
export const DIMAS = person(DEMO_PEOPLE.staff[3]);
const UNIT = { id: DEMO_UNIT.id, code: DEMO_UNIT.code, name: DEMO_UNIT.name };

export function teamReport(month = '2026-11', over: Partial<TeamReport> = {}): TeamReport {
  const row = (p: typeof SITI, waitingForReview: number, recap: Parameters<typeof recapOf>[0]) => ({
    employee: p,
    recap: recapOf({ employeeId: p.id, employeeName: p.name, month, ...recap }),
    waitingForReview,
  });
  return {
    unit: UNIT,
    month,
    today: '2026-11-25',
    generatedAt: '2026-11-25T03:40:00.000Z',
    supervisor: AHMAD,
    approvalDeadline: month === '2026-11' ? '2026-12-10' : '2026-11-10',
    approvalOpen: month === '2026-11',
    rows: [
      row(SITI, 4, {}),
      row(YOHANES, 0, { approvedMinutes: 5130, waitingMinutes: 0, returnedMinutes: 0, capaianPercent: 81.4, tppEstimate: 1_953_600, daysWithoutEntries: [] }),
      row(RAHMAWATI, 2, {
        approvedMinutes: 1200,
        waitingMinutes: 330,
        returnedMinutes: 45,
        capaianPercent: 19,
        tppEstimate: 319_200,
        daysWithoutEntries: ['2026-11-02', '2026-11-03', '2026-11-04'],
      }),
      // No TPP base on the server for this row: the estimate is shown as "—".
      row(DIMAS, 0, {
        approvedMinutes: 0,
        waitingMinutes: 0,
        returnedMinutes: 0,
        capaianPercent: 0,
        tppEstimate: null,
        daysWithoutEntries: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'],
      }),
    ],
    totals: {
      employees: 4,
      effectiveMinutes: 25_200,
      approvedMinutes: 9180,
      waitingMinutes: 930,
      returnedMinutes: 135,
      rejectedMinutes: 0,
      daysWithoutEntries: 10,
      waitingForReview: 6,
      tppEstimate: 3_411_840,
    },
    ...over,
  };
}

export function employeeReport(over: Partial<EmployeeReport> = {}): EmployeeReport {
  const e = (o: Parameters<typeof entryView>[0]) => entryView({ employeeId: SITI.id, ...o });
  return {
    unit: UNIT,
    month: '2026-11',
    today: '2026-11-25',
    generatedAt: '2026-11-25T03:40:00.000Z',
    employee: SITI,
    supervisor: AHMAD,
    recap: recapOf({ employeeId: SITI.id, employeeName: SITI.name, countedAbsenceDays: 1, effectiveMinutes: 6000, rejectedMinutes: 60 }),
    // Out of order on purpose: the report lists them by date and time.
    entries: [
      e({ workDate: '2026-11-24', startTime: '10:00', endTime: '11:00', minutes: 60, creditedMinutes: 60, status: 'submitted', activityName: 'Memverifikasi SPJ', volume: 3, outputUnit: 'berkas', description: 'Memverifikasi kelengkapan SPJ kegiatan bulan Oktober' }),
      e({ workDate: '2026-11-02', startTime: '08:00', endTime: '10:30', minutes: 150, creditedMinutes: 120, status: 'approved', activityName: 'Menyusun analisis jabatan (anjab)', volume: 1, outputUnit: 'dokumen', description: 'Menyusun analisis jabatan Pranata Komputer' }),
      e({ workDate: '2026-11-02', startTime: '13:00', endTime: '14:00', minutes: 60, creditedMinutes: 60, status: 'rejected', activityName: 'Mengarsipkan dokumen dinas', volume: 12, outputUnit: 'berkas', description: 'Mengarsipkan surat masuk minggu pertama' }),
      e({ workDate: '2026-11-10', startTime: '08:00', endTime: '09:30', minutes: 90, creditedMinutes: 90, status: 'returned', activityName: 'Menyusun konsep surat dinas', volume: 2, outputUnit: 'surat', description: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan' }),
    ],
    ...over,
  };
}

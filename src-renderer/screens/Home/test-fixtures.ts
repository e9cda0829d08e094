import type { CommandResult, EntryView } from '../../../src-shared/api';

/**
 * Realistic data for the Beranda, Bulan Ini and detail component tests (fictional, like the demo
 * set): Siti's November 2026, today Wednesday the 25th.
 */
export const EMPLOYEE_ID = '0190a3f0-0000-7000-8000-000000000101';

let serial = 0;
export function entryView(over: Partial<EntryView> = {}): EntryView {
  serial += 1;
  const id = `0193b2c4-${String(serial).padStart(4, '0')}-7000-8000-000000000001`;
  return {
    id,
    employeeId: EMPLOYEE_ID,
    workDate: '2026-11-25',
    startTime: '08:00',
    endTime: '09:30',
    minutes: 90,
    creditedMinutes: 60,
    activityId: 'de30c000-0000-4000-8000-000000000001',
    activityText: null,
    rhkId: null,
    volume: 2,
    outputUnit: 'surat',
    description: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan',
    evidenceNote: null,
    status: 'draft',
    rev: 1,
    reviewerId: null,
    reviewNote: null,
    reviewedAt: null,
    flags: [],
    workstationId: '0190a3f0-0000-7000-8000-0000000000ws',
    createdAt: '2026-11-25T02:40:00.000Z',
    updatedAt: '2026-11-25T02:40:00.000Z',
    receivedAt: null,
    syncCode: null,
    syncMessage: null,
    activityName: 'Menyusun konsep surat dinas',
    pending: false,
    ...over,
  };
}

export function recapOf(over: Partial<CommandResult<'recap-month'>> = {}): CommandResult<'recap-month'> {
  return {
    employeeId: EMPLOYEE_ID,
    employeeName: 'Siti Rahmawati',
    month: '2026-11',
    workingDays: 21,
    countedAbsenceDays: 0,
    effectiveMinutes: 6300,
    approvedMinutes: 2850,
    waitingMinutes: 600,
    returnedMinutes: 90,
    draftMinutes: 60,
    rejectedMinutes: 0,
    capaianPercent: 45.2,
    tppEstimate: 1_139_040,
    daysWithoutEntries: ['2026-11-20', '2026-11-23'],
    periodClosesOn: '2026-12-05',
    daysLeftBeforeClose: 11,
    approvalDeadline: '2026-12-10',
    ...over,
  };
}

/** calendar-month of November 2026: weekends, one holiday-free month, one day of cuti on the 13th. */
export function novemberCalendar(today = '2026-11-25'): CommandResult<'calendar-month'> {
  const days: CommandResult<'calendar-month'>['days'] = [];
  for (let d = 1; d <= 30; d++) {
    const date = `2026-11-${String(d).padStart(2, '0')}`;
    // 2026-11-01 is a Sunday.
    const weekday = ((d + 5) % 7) + 1;
    const weekend = weekday >= 6;
    const cuti = d === 13;
    days.push({
      date,
      weekday,
      working: !weekend && !cuti,
      reason: weekend ? 'akhir pekan' : cuti ? 'cuti' : null,
      kind: weekend ? 'weekend' : cuti ? 'absence' : 'working',
    });
  }
  return { month: '2026-11', today, days };
}

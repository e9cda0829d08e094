import type { Absence, AbsenceKind, Activity, Holiday, Rhk } from './types';

/**
 * Test data shared by the domain tests (not imported by production code). The 2026 list follows
 * the SKB 3 Menteri for 2026 in the months the tests use: what matters is that the dates fall on
 * the weekdays they really fall on, so hand-counted working days are the ones staff would count.
 */
export const HOLIDAYS_2026: readonly Holiday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur_nasional' },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948', kind: 'libur_nasional' },
  { date: '2026-03-20', name: 'Cuti Bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2026-03-21', name: 'Hari Raya Idul Fitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-22', name: 'Hari Raya Idul Fitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2026-03-24', name: 'Cuti Bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
  { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
];

export const holidayMap = (list: readonly Holiday[] = HOLIDAYS_2026): ReadonlyMap<string, Holiday> =>
  new Map(list.map((h) => [h.date, h]));

let absenceSeq = 0;
export function absence(date: string, kind: AbsenceKind, employeeId = 'emp-1'): Absence {
  absenceSeq += 1;
  return { id: `abs-${absenceSeq}`, employeeId, date, kind, note: null };
}

export const EMPLOYEE = { id: 'emp-1', unitId: 'unit-setda', positionTitle: 'Analis Kebijakan Ahli Muda' } as const;

export const ACTIVITY: Activity = {
  id: 'act-laporan',
  code: 'A01',
  name: 'Menyusun laporan',
  outputUnit: 'laporan',
  normMinutes: 60,
  category: 'tugas_pokok',
  scopeUnitId: null,
  scopePosition: null,
  active: true,
};

export const RHK: Rhk = {
  id: 'rhk-1',
  employeeId: 'emp-1',
  year: 2026,
  title: 'Tersusunnya kajian kebijakan daerah',
  indicator: 'Jumlah kajian',
  target: 4,
  outputUnit: 'dokumen',
  active: true,
};

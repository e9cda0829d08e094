import type { Absence } from '../domain/types';
import { DEMO_EMPLOYEE_IDS as E } from './employees';

function absence(n: string, employeeId: string, date: string, kind: Absence['kind'], note: string | null): Absence {
  return { id: `de30d000-0000-4000-8000-000000000${n}`, employeeId, date, kind, note };
}

/** Attendance-system absences in 2026, all on working days; one of each kind at least. */
export const DEMO_ABSENCES: Absence[] = [
  absence('001', E.yohanes, '2026-02-10', 'sakit', 'Surat keterangan dokter'),
  absence('002', E.siti, '2026-03-25', 'cuti', 'Cuti tahunan setelah Idulfitri'),
  absence('003', E.siti, '2026-03-26', 'cuti', 'Cuti tahunan setelah Idulfitri'),
  absence('004', E.siti, '2026-03-27', 'cuti', 'Cuti tahunan setelah Idulfitri'),
  absence('005', E.maria, '2026-04-21', 'dinas_luar', 'Rapat koordinasi pelayanan publik di Surabaya'),
  absence('006', E.rizky, '2026-05-06', 'dinas_luar', 'Bimbingan teknis tata naskah dinas'),
  absence('007', E.rizky, '2026-05-07', 'dinas_luar', 'Bimbingan teknis tata naskah dinas'),
  absence('008', E.fransiska, '2026-06-05', 'izin', 'Keperluan keluarga'),
  absence('009', E.fitri, '2026-06-29', 'cuti', null),
  absence('010', E.fitri, '2026-06-30', 'cuti', null),
  absence('011', E.asep, '2026-07-15', 'dinas_luar', 'Pendampingan evaluasi SAKIP'),
  absence('012', E.lina, '2026-09-09', 'sakit', null),
  absence('013', E.niluh, '2026-10-13', 'izin', 'Persembahyangan keluarga'),
];

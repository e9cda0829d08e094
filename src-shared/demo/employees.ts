import type { Employee, Role } from '../domain/types';
import { DEMO_UNIT } from './unit';

/**
 * Fixed ids of the demo people, by a short key used across the demo tables.
 * FICTIONAL PEOPLE: names, NIPs and birth dates are invented; any likeness is coincidental.
 */
export const DEMO_EMPLOYEE_IDS = {
  // Kepala Bagian
  sri: 'de30e000-0000-4000-8000-000000000001',
  // Supervisors (Kepala Subbagian / Analis Kebijakan Ahli Muda)
  ahmad: 'de30e000-0000-4000-8000-000000000002',
  maria: 'de30e000-0000-4000-8000-000000000003',
  made: 'de30e000-0000-4000-8000-000000000004',
  // Staff of Ahmad (kelembagaan dan analisis jabatan)
  siti: 'de30e000-0000-4000-8000-000000000005',
  yohanes: 'de30e000-0000-4000-8000-000000000006',
  rahmawati: 'de30e000-0000-4000-8000-000000000007',
  dimas: 'de30e000-0000-4000-8000-000000000008',
  // Staff of Maria (pelayanan publik dan tata laksana)
  niluh: 'de30e000-0000-4000-8000-000000000009',
  rizky: 'de30e000-0000-4000-8000-000000000010',
  fransiska: 'de30e000-0000-4000-8000-000000000011',
  andi: 'de30e000-0000-4000-8000-000000000012',
  // Staff of Made (kinerja dan reformasi birokrasi)
  fitri: 'de30e000-0000-4000-8000-000000000013',
  asep: 'de30e000-0000-4000-8000-000000000014',
  lina: 'de30e000-0000-4000-8000-000000000015',
  yakobus: 'de30e000-0000-4000-8000-000000000016',
  // Operator
  nurul: 'de30e000-0000-4000-8000-000000000017',
} as const;

const E = DEMO_EMPLOYEE_IDS;
const STAFF: Role[] = ['staff'];
const SUPERVISOR: Role[] = ['staff', 'supervisor'];
const OPERATOR: Role[] = ['staff', 'operator'];

function person(
  id: string,
  nip: string,
  name: string,
  positionTitle: string,
  supervisorId: string | null,
  roles: Role[],
  tppBase: number | null,
): Employee {
  return { id, nip, name, unitId: DEMO_UNIT.id, positionTitle, supervisorId, roles: [...roles], tppBase, active: true };
}

/**
 * PNS NIPs follow birth date + first appointment (YYYYMM) + gender + serial. The three PPPK
 * numbers (Dimas, Andi, Lina) use birth date + appointment year + '21' + gender + serial: 18 digits,
 * but month '21' means they never decode as a PNS NIP.
 * tppBase is null for Andi and Yakobus: the recap then shows only the percentage.
 */
export const DEMO_EMPLOYEES: Employee[] = [
  person(E.sri, '197403121998032004', 'Sri Wahyuni Kartikasari, S.Sos., M.AP.', 'Kepala Bagian Organisasi', null, SUPERVISOR, 9_000_000),

  person(E.ahmad, '198007212005011003', 'Ahmad Fauzi Rahman, S.H., M.H.', 'Kepala Subbagian Kelembagaan dan Analisis Jabatan', E.sri, SUPERVISOR, 6_500_000),
  person(E.maria, '198311052009042001', 'Maria Goreti Lende, S.IP., M.Si.', 'Kepala Subbagian Pelayanan Publik dan Tata Laksana', E.sri, SUPERVISOR, 6_500_000),
  person(E.made, '198202142008121002', 'I Made Surya Adnyana, S.T., M.M.', 'Analis Kebijakan Ahli Muda', E.sri, SUPERVISOR, 6_200_000),

  person(E.siti, '199206182019032007', 'Siti Aminah Zahro, S.Psi.', 'Analis SDM Aparatur Ahli Pertama', E.ahmad, STAFF, 4_200_000),
  person(E.yohanes, '199409022020011005', 'Yohanes Kristianto Wibowo, S.Kom.', 'Pranata Komputer Ahli Pertama', E.ahmad, STAFF, 4_000_000),
  person(E.rahmawati, '198901272011012003', 'Rahmawati Lubis, A.Md.', 'Pengadministrasi Perkantoran', E.ahmad, STAFF, 2_800_000),
  person(E.dimas, '199604102022211004', 'Dimas Arya Pratama, A.Md.', 'Pengelola Layanan Operasional', E.ahmad, STAFF, 2_500_000),

  person(E.niluh, '199312082019032012', 'Ni Luh Ayu Lestari, S.AP.', 'Analis Kebijakan Ahli Pertama', E.maria, STAFF, 4_100_000),
  person(E.rizky, '199103302019031009', 'Muhammad Rizky Hidayat, S.H.', 'Penelaah Teknis Kebijakan', E.maria, STAFF, 3_700_000),
  person(E.fransiska, '199005162015032006', 'Fransiska Dewi Sinaga, A.Md.', 'Pengolah Data dan Informasi', E.maria, STAFF, 3_000_000),
  person(E.andi, '198808232022211002', 'Andi Muhammad Fadli', 'Pengelola Layanan Operasional', E.maria, STAFF, null),

  person(E.fitri, '199510112021012003', 'Fitri Handayani, S.E.', 'Analis Kebijakan Ahli Pertama', E.made, STAFF, 4_100_000),
  person(E.asep, '199307072020011008', 'Asep Saepul Rohman, S.Kom.', 'Penata Kelola Sistem dan Teknologi Informasi', E.made, STAFF, 3_800_000),
  person(E.lina, '199702192022212003', 'Lina Hartono, S.Kom.', 'Pranata Komputer Ahli Pertama', E.made, STAFF, 2_600_000),
  person(E.yakobus, '198712012010041001', 'Yakobus Ohoiwutun', 'Pengadministrasi Perkantoran', E.made, STAFF, null),

  person(E.nurul, '198904152014032002', 'Nurul Aini Maharani, S.Kom.', 'Pranata Komputer Ahli Muda', E.made, OPERATOR, 4_800_000),
];

import type { Employee } from '../domain/types';
import { DEMO_ABSENCES } from './absences';
import { DEMO_CATALOG } from './catalog';
import { DEMO_EMPLOYEE_IDS, DEMO_EMPLOYEES } from './employees';
import { HOLIDAYS_2026 } from './holidays';
import { DEMO_PINS } from './pins';
import { DEMO_POLICY } from './policy';
import { DEMO_RHK } from './rhk';
import { DEMO_UNIT } from './unit';

export { DEMO_ABSENCES } from './absences';
export { DEMO_CATALOG } from './catalog';
export { DEMO_EMPLOYEE_IDS, DEMO_EMPLOYEES } from './employees';
export { HOLIDAYS_2026 } from './holidays';
export { DEMO_INITIAL_PIN, DEMO_PIN, DEMO_PINS } from './pins';
export type { DemoPin } from './pins';
export { DEMO_POLICY } from './policy';
export { DEMO_RHK } from './rhk';
export { DEMO_UNIT } from './unit';

/** The whole demo data set (fictional people), as the kiosk seed, the tests and the server use it. */
export const DEMO = {
  unit: DEMO_UNIT,
  employees: DEMO_EMPLOYEES,
  pins: DEMO_PINS,
  catalog: DEMO_CATALOG,
  rhk: DEMO_RHK,
  holidays: HOLIDAYS_2026,
  absences: DEMO_ABSENCES,
  policy: DEMO_POLICY,
} as const;

const E = DEMO_EMPLOYEE_IDS;

/** Named people for tests and the README; see README.md for the full table. */
export const DEMO_PEOPLE = {
  head: E.sri,
  supervisors: [E.ahmad, E.maria, E.made],
  staff: [E.siti, E.yohanes, E.rahmawati, E.dimas, E.niluh, E.rizky, E.fransiska, E.andi, E.fitri, E.asep, E.lina, E.yakobus],
  operator: E.nurul,
  mustChangePin: E.dimas,
} as const;

/** Finds a demo employee by NIP, typed with or without the display spaces. */
export function demoEmployeeByNip(nip: string): Employee | undefined {
  const digits = nip.replace(/\s+/g, '');
  return DEMO_EMPLOYEES.find((e) => e.nip === digits);
}

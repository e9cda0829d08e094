import { DEMO_EMPLOYEE_IDS } from './employees';

export interface DemoPin {
  pin: string;
  mustChangePin: boolean;
}

/** PIN everyone in the demo already uses. */
export const DEMO_PIN = '246810';
/** Initial PIN set by the operator for people who have not logged in yet. */
export const DEMO_INITIAL_PIN = '111111';

/**
 * DEMO ONLY: plain-text initial PINs keyed by employee id; the seeding code hashes them.
 * Dimas and Ni Luh have never logged in, so the kiosk forces a PIN change on first login.
 */
export const DEMO_PINS: Record<string, DemoPin> = Object.fromEntries(
  Object.values(DEMO_EMPLOYEE_IDS).map((id) => {
    const firstLogin = id === DEMO_EMPLOYEE_IDS.dimas || id === DEMO_EMPLOYEE_IDS.niluh;
    return [id, firstLogin ? { pin: DEMO_INITIAL_PIN, mustChangePin: true } : { pin: DEMO_PIN, mustChangePin: false }];
  }),
);

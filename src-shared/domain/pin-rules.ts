import type { Policy } from './policy';

/**
 * A kiosk PIN stands between a shared office PC and someone's allowance, and colleagues watch each
 * other type. Refuse the patterns guessed first: one digit repeated, a run up or down the keypad
 * (wrapping 9→0, as in 890123), and a short block repeated (121212, 123123).
 * Whether it equals the old PIN is checked where the old hash is known (PIN_SAME_AS_OLD).
 */
export function checkNewPin(pin: string, policy: Policy): 'PIN_FORMAT' | 'PIN_TOO_WEAK' | null {
  if (!new RegExp(`^[0-9]{${policy.pinLength}}$`).test(pin)) return 'PIN_FORMAT';
  return isWeakPin(pin) ? 'PIN_TOO_WEAK' : null;
}

export function isWeakPin(pin: string): boolean {
  const d = [...pin].map(Number);
  return isRun(d, 0) || isRun(d, 1) || isRun(d, -1) || isRepeatedBlock(d, 2) || isRepeatedBlock(d, 3);
}

/** Every digit is the previous one plus `step`, modulo 10. */
function isRun(d: readonly number[], step: number): boolean {
  return d.every((x, i) => i === 0 || x === ((d[i - 1]! + step + 10) % 10));
}

/** At least two whole copies of a block of `size` digits, the tail continuing the pattern. */
function isRepeatedBlock(d: readonly number[], size: number): boolean {
  if (d.length < size * 2) return false;
  return d.every((x, i) => i < size || x === d[i - size]);
}

import { randomBytes, scrypt } from 'node:crypto';

/**
 * PIN hashes in the one format the kiosk verifies (docs/PROTOCOL-NOTES.md):
 * `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`. The server makes them for `set-pin` and
 * the demo; workstations make them for `employee.changePin@1`, which the server checks with
 * `isPinHash` before storing. tests/pin-format.test.ts proves the kiosk verifies what this makes.
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { ...PARAMS, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err
        ? reject(err)
        : resolve(['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')),
    ),
  );
}

/**
 * A hash a workstation may store: the kiosk's format, with parameters it can afford to verify
 * (N a power of two from 2^14 to 2^20, r 8–32, p 1–4), a salt of 16+ bytes and a key of 32+ bytes.
 * Anything else would lock the employee out on every workstation, so it is refused (VALIDATION).
 */
export function isPinHash(value: string): boolean {
  const parts = value.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,8}$/.test(x!) ? Number(x) : NaN)) as [number, number, number];
  if (!(N >= 2 ** 14 && N <= 2 ** 20 && (N & (N - 1)) === 0)) return false;
  if (!(r >= 8 && r <= 32 && p >= 1 && p <= 4)) return false;
  const b64 = /^[A-Za-z0-9_-]+$/;
  if (!b64.test(parts[4]!) || !b64.test(parts[5]!)) return false;
  return Buffer.from(parts[4]!, 'base64url').length >= 16 && Buffer.from(parts[5]!, 'base64url').length >= 32;
}

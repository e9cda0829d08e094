import { describe, expect, it } from 'vitest';
import { hashPin as kioskHash, verifyPin } from '../src-main/core/kiosk/pin';
import { hashPin as serverHash, isPinHash } from '../src-server/employees/pin';

/**
 * The kiosk and the server make PIN hashes in separate code (neither may import the other), yet
 * they must agree on one format: the server's `set-pin` hash is verified at every kiosk, and a
 * kiosk's `employee.changePin@1` hash is checked by the server before it goes to the others.
 */
describe('PIN hash format shared by kiosk and server', () => {
  it('a hash made by the server verifies at the kiosk, for the right PIN only', async () => {
    const hash = await serverHash('739164');
    expect(await verifyPin('739164', hash)).toBe(true);
    expect(await verifyPin('739165', hash)).toBe(false);
  });

  it('a hash made by the kiosk is accepted by the server', async () => {
    expect(isPinHash(await kioskHash('582047'))).toBe(true);
  });

  it.each([
    ['another algorithm', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['a cost too low to protect anything', `scrypt$1024$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`],
    ['a cost too high for a kiosk to verify', `scrypt$4194304$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`],
    ['a short salt', `scrypt$16384$8$1$AAAA$${'B'.repeat(43)}`],
    ['not base64url', `scrypt$16384$8$1$${'+'.repeat(22)}$${'B'.repeat(43)}`],
    ['a plain PIN', '123456'],
  ])('the server refuses %s', (_label, hash) => {
    expect(isPinHash(hash)).toBe(false);
  });
});

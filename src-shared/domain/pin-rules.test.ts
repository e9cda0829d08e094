import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNewPin } from './pin-rules';
import { DEFAULT_POLICY, PolicySchema } from './policy';

describe('checkNewPin (6 digits by default)', () => {
  it.each(['12345', '1234567', '12a456', '12 456', '', '１２３４５６'])('%j → PIN_FORMAT', (pin) => {
    expect(checkNewPin(pin, DEFAULT_POLICY)).toBe('PIN_FORMAT');
  });

  it.each([
    '000000',
    '777777',
    '123456',
    '654321',
    '890123', // wrapping up
    '321098', // wrapping down
    '567890',
    '121212',
    '909090',
    '123123',
    '580580',
  ])('%s → PIN_TOO_WEAK', (pin) => {
    expect(checkNewPin(pin, DEFAULT_POLICY)).toBe('PIN_TOO_WEAK');
  });

  it.each(['582913', '190486', '112233', '123457', '124120', '246802', '135791'])('%s is accepted', (pin) => {
    expect(checkNewPin(pin, DEFAULT_POLICY)).toBeNull();
  });

  it('follows the policy length', () => {
    const four = PolicySchema.parse({ pinLength: 4 });
    expect(checkNewPin('5829', four)).toBeNull();
    expect(checkNewPin('582913', four)).toBe('PIN_FORMAT');
    expect(checkNewPin('4545', four)).toBe('PIN_TOO_WEAK');
    expect(checkNewPin('7890', four)).toBe('PIN_TOO_WEAK');
    expect(checkNewPin('1231', four)).toBeNull(); // a 3-digit block needs two whole copies
  });

  it('refuses every run and every repeated block, at any length', () => {
    const arb = fc.record({
      len: fc.integer({ min: 4, max: 8 }),
      first: fc.integer({ min: 0, max: 9 }),
      step: fc.constantFrom(0, 1, -1),
      block: fc.stringMatching(/^[0-9]{2,3}$/),
    });
    fc.assert(
      fc.property(arb, ({ len, first, step, block }) => {
        const policy = PolicySchema.parse({ pinLength: len });
        const run = Array.from({ length: len }, (_, i) => (first + step * i + 100) % 10).join('');
        expect(checkNewPin(run, policy)).toBe('PIN_TOO_WEAK');
        if (len >= block.length * 2) {
          expect(checkNewPin(block.repeat(4).slice(0, len), policy)).toBe('PIN_TOO_WEAK');
        }
      }),
    );
  });
});

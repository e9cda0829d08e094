import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePns, formatNip, normalizeNip, parseNip } from './nip';

describe('normalizeNip', () => {
  it.each([
    ['198609262015051001', '198609262015051001'],
    ['19860926 201505 1 001', '198609262015051001'],
    ['19860926.201505.1.001', '198609262015051001'],
    ['19860926-201505-1-001', '198609262015051001'],
    ['  19860926 201505 1 001 ', '198609262015051001'],
    ['1986092620150510', null], // 16 digits
    ['1986092620150510011', null], // 19 digits
    ['19860926 201505 1 00A', null],
    ['19860926/201505/1/001', null],
    ['١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١', null], // Arabic-Indic digits are not what the roster stores
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeNip(input)).toBe(expected);
  });
});

describe('parseNip', () => {
  it('decodes a PNS number', () => {
    expect(parseNip('19860926 201505 1 001')).toEqual({
      ok: true,
      nip: '198609262015051001',
      pns: { birthDate: '1986-09-26', appointmentMonth: '2015-05', gender: 'L', serial: '001' },
    });
    expect(parseNip('199203142019032015')).toEqual({
      ok: true,
      nip: '199203142019032015',
      pns: { birthDate: '1992-03-14', appointmentMonth: '2019-03', gender: 'P', serial: '015' },
    });
  });

  it.each([
    ['PPPK layout (year + 21 + gender + serial)', '199001012022212001'],
    ['birth date 30 February', '198602302015051001'],
    ['birth year before 1940', '193512012015051001'],
    ['birth year after 2015', '202001012040011001'],
    ['appointment month 13', '198609262015131001'],
    ['appointment month 00', '198609262015001001'],
    ['appointed at 16', '199001012006011001'],
    ['appointed before birth', '198609261980011001'],
    ['gender digit 3', '198609262015053001'],
    ['gender digit 0', '198609262015050001'],
  ])('%s: valid NIP, but no PNS parts', (_label, nip) => {
    expect(parseNip(nip)).toEqual({ ok: true, nip, pns: null });
  });

  it('counts appointment age in months', () => {
    // Born December 1990: appointed November 2007 is 16 years 11 months, December 2007 is 17.
    expect(decodePns('199012012007111001')).toBeNull();
    expect(decodePns('199012012007121001')?.appointmentMonth).toBe('2007-12');
  });

  it.each(['', '12345', 'NIP 198609262015051001', '19860926 201505 1 0011'])('%j is NIP_INVALID', (input) => {
    expect(parseNip(input)).toEqual({ ok: false, code: 'NIP_INVALID' });
  });
});

describe('formatNip', () => {
  it('groups as printed on staff documents', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(formatNip('199001012022212001')).toBe('19900101 202221 2 001');
    expect(formatNip('19860926-201505-1-001')).toBe('19860926 201505 1 001');
  });

  it('leaves anything that is not an 18-digit NIP as typed', () => {
    expect(formatNip('12345')).toBe('12345');
  });

  it('parse(format(nip)) round-trips every 18-digit number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{18}$/), (nip) => {
        const parsed = parseNip(formatNip(nip));
        expect(parsed.ok && parsed.nip).toBe(nip);
        expect(formatNip(nip)).toMatch(/^\d{8} \d{6} \d \d{3}$/);
      }),
    );
  });

  it('decodes every generated PNS number back to its parts', () => {
    const arb = fc
      .record({
        birth: fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }),
        ageMonths: fc.integer({ min: 17 * 12, max: 40 * 12 }),
        gender: fc.constantFrom('1', '2'),
        serial: fc.integer({ min: 1, max: 999 }),
      })
      .map(({ birth, ageMonths, gender, serial }) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const index = birth.getUTCFullYear() * 12 + birth.getUTCMonth() + ageMonths;
        const appointmentMonth = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
        const serialText = String(serial).padStart(3, '0');
        const nip = birthDate.replace(/-/g, '') + appointmentMonth.replace('-', '') + gender + serialText;
        return { nip, expected: { birthDate, appointmentMonth, gender: gender === '1' ? 'L' : 'P', serial: serialText } };
      });
    fc.assert(
      fc.property(arb, ({ nip, expected }) => {
        expect(parseNip(formatNip(nip))).toEqual({ ok: true, nip, pns: expected });
      }),
    );
  });
});

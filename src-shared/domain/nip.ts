import { isIsoDate } from './dates';

/**
 * NIP (Nomor Induk Pegawai): 18 digits for every ASN. A PNS number reads
 * YYYYMMDD (birth) + YYYYMM (first appointment) + gender (1 male, 2 female) + 3-digit serial;
 * a PPPK number has the same length but another layout, so decoding is best effort and never
 * decides whether a NIP is valid.
 */

export interface PnsNipParts {
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM */
  appointmentMonth: string;
  gender: 'L' | 'P';
  serial: string;
}

export type ParsedNip = { ok: true; nip: string; pns: PnsNipParts | null } | { ok: false; code: 'NIP_INVALID' };

/** Birth years a serving ASN can plausibly have; outside them the digits are not a PNS layout. */
export const PNS_BIRTH_YEARS = { min: 1940, max: 2015 } as const;
/** Age range at first appointment (CPNS intake is from 18; leave a year of slack below). */
export const PNS_APPOINTMENT_AGE = { min: 17, max: 60 } as const;

/** People type NIPs as printed on ID cards and letters, with spaces, dots or dashes between groups. */
export function normalizeNip(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return /^[0-9]{18}$/.test(digits) ? digits : null;
}

export function parseNip(input: string): ParsedNip {
  const nip = normalizeNip(input);
  if (nip === null) return { ok: false, code: 'NIP_INVALID' };
  return { ok: true, nip, pns: decodePns(nip) };
}

/** The PNS parts, or null when the 18 digits do not form a plausible PNS number. */
export function decodePns(nip: string): PnsNipParts | null {
  if (!/^[0-9]{18}$/.test(nip)) return null;
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const apptYear = Number(nip.slice(8, 12));
  const apptMonth = Number(nip.slice(12, 14));
  const genderDigit = nip[14];

  if (birthYear < PNS_BIRTH_YEARS.min || birthYear > PNS_BIRTH_YEARS.max || !isIsoDate(birthDate)) return null;
  if (apptMonth < 1 || apptMonth > 12) return null;
  // Compare in months so someone born in December cannot be appointed at 16 years and 1 month.
  const ageInMonths = apptYear * 12 + apptMonth - (birthYear * 12 + birthMonth);
  if (ageInMonths < PNS_APPOINTMENT_AGE.min * 12 || ageInMonths > PNS_APPOINTMENT_AGE.max * 12) return null;
  if (genderDigit !== '1' && genderDigit !== '2') return null;

  return {
    birthDate,
    appointmentMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: genderDigit === '1' ? 'L' : 'P',
    serial: nip.slice(15, 18),
  };
}

/**
 * `19860926 201505 1 001`: the grouping printed on Indonesian staff documents, used for every
 * 18-digit number so lists line up. Anything else is returned unchanged (shown as typed).
 */
export function formatNip(nip: string): string {
  const n = normalizeNip(nip);
  if (n === null) return nip;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

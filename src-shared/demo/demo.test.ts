import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_POLICY } from '../domain/policy';
import { IsoDateSchema } from '../domain/types';
import { DEMO, DEMO_PEOPLE, demoEmployeeByNip } from './index';

const { employees, pins, catalog, rhk, holidays, absences, unit, policy } = DEMO;
const byId = new Map(employees.map((e) => [e.id, e]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** ISO weekday of a YYYY-MM-DD date, 1 = Monday … 7 = Sunday. */
function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Own simple reading of the PNS layout (the domain NIP parser is not a dependency of the demo). */
function readPnsNip(nip: string) {
  const birth = { y: Number(nip.slice(0, 4)), m: Number(nip.slice(4, 6)), d: Number(nip.slice(6, 8)) };
  const appointment = { y: Number(nip.slice(8, 12)), m: Number(nip.slice(12, 14)) };
  const gender = nip.slice(14, 15);
  const valid =
    isCalendarDate(birth.y, birth.m, birth.d) && appointment.m >= 1 && appointment.m <= 12 && (gender === '1' || gender === '2');
  return { valid, birth, appointment, gender };
}

const formatNip = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

describe('demo roster', () => {
  it('has one head, three supervisors, twelve staff and one operator, all active in the demo unit', () => {
    const ids = [DEMO_PEOPLE.head, ...DEMO_PEOPLE.supervisors, ...DEMO_PEOPLE.staff, DEMO_PEOPLE.operator];
    expect(DEMO_PEOPLE.supervisors).toHaveLength(3);
    expect(DEMO_PEOPLE.staff).toHaveLength(12);
    expect(new Set(ids).size).toBe(employees.length);
    expect(ids.every((id) => byId.has(id))).toBe(true);
    expect(employees.every((e) => e.active && e.unitId === unit.id)).toBe(true);
  });

  it('gives each person the roles of their place in the hierarchy', () => {
    const roles = (id: string) => byId.get(id)?.roles;
    expect(roles(DEMO_PEOPLE.head)).toEqual(['staff', 'supervisor']);
    for (const id of DEMO_PEOPLE.supervisors) expect(roles(id)).toEqual(['staff', 'supervisor']);
    for (const id of DEMO_PEOPLE.staff) expect(roles(id)).toEqual(['staff']);
    expect(roles(DEMO_PEOPLE.operator)).toEqual(['staff', 'operator']);
    // Whoever has subordinates must be able to verify them.
    for (const e of employees) if (e.supervisorId) expect(byId.get(e.supervisorId)?.roles).toContain('supervisor');
  });

  it('reports the head outside the unit, supervisors to the head, four staff to each supervisor', () => {
    expect(byId.get(DEMO_PEOPLE.head)?.supervisorId).toBeNull();
    for (const id of DEMO_PEOPLE.supervisors) {
      expect(byId.get(id)?.supervisorId).toBe(DEMO_PEOPLE.head);
      expect(DEMO_PEOPLE.staff.filter((s) => byId.get(s)?.supervisorId === id)).toHaveLength(4);
    }
    expect(DEMO_PEOPLE.supervisors).toContain(byId.get(DEMO_PEOPLE.operator)?.supervisorId);
  });

  it('has supervisors inside the set, nobody supervising themselves and no cycles', () => {
    for (const e of employees) {
      expect(e.supervisorId).not.toBe(e.id);
      if (e.supervisorId !== null) expect(byId.has(e.supervisorId)).toBe(true);
      const seen = new Set<string>();
      for (let cur: string | null = e.id; cur !== null; cur = byId.get(cur)?.supervisorId ?? null) {
        expect(seen.has(cur), `cycle through ${e.name}`).toBe(false);
        seen.add(cur);
      }
    }
  });

  it('has unique names and realistic TPP bases, with the percentage-only case present', () => {
    expect(new Set(employees.map((e) => e.name)).size).toBe(employees.length);
    const bases = employees.map((e) => e.tppBase);
    expect(bases.filter((b) => b === null).length).toBeGreaterThanOrEqual(1);
    for (const b of bases) if (b !== null) expect(Number.isInteger(b) && b >= 2_000_000 && b <= 10_000_000).toBe(true);
  });
});

describe('demo NIPs', () => {
  it('are unique and 18 digits', () => {
    for (const e of employees) expect(e.nip).toMatch(/^\d{18}$/);
    expect(new Set(employees.map((e) => e.nip)).size).toBe(employees.length);
  });

  it('read as PNS NIPs with a real birth date, appointment at 18 or later and a gender digit — except 2–3 PPPK', () => {
    const pppk = employees.filter((e) => !readPnsNip(e.nip).valid);
    expect(pppk.length).toBeGreaterThanOrEqual(2);
    expect(pppk.length).toBeLessThanOrEqual(3);
    for (const e of employees) {
      const nip = readPnsNip(e.nip);
      if (!nip.valid) continue;
      const ageMonths = (nip.appointment.y - nip.birth.y) * 12 + (nip.appointment.m - nip.birth.m);
      expect(ageMonths, e.name).toBeGreaterThanOrEqual(18 * 12);
      expect(nip.appointment.y, e.name).toBeLessThanOrEqual(2026);
    }
  });

  it('give PPPK numbers as birth date, 2021/2022 appointment year, 21, gender and serial', () => {
    for (const e of employees.filter((x) => !readPnsNip(x.nip).valid)) {
      expect(e.nip, e.name).toMatch(/^\d{8}202[12]21[12]\d{3}$/);
      expect(isCalendarDate(Number(e.nip.slice(0, 4)), Number(e.nip.slice(4, 6)), Number(e.nip.slice(6, 8)))).toBe(true);
    }
  });

  it('are found with or without display spaces', () => {
    const sri = byId.get(DEMO_PEOPLE.head)!;
    expect(demoEmployeeByNip(sri.nip)?.id).toBe(sri.id);
    expect(demoEmployeeByNip(formatNip(sri.nip))?.id).toBe(sri.id);
    expect(demoEmployeeByNip('000000000000000000')).toBeUndefined();
  });
});

describe('demo PINs', () => {
  it('exist for exactly the demo employees, with the policy PIN length', () => {
    expect(Object.keys(pins).sort()).toEqual(employees.map((e) => e.id).sort());
    for (const entry of Object.values(pins)) expect(entry.pin).toMatch(new RegExp(`^\\d{${policy.pinLength}}$`));
    expect(policy.pinLength).toBe(6);
  });

  it('flag one or two first logins, including the named one', () => {
    const first = Object.values(pins).filter((p) => p.mustChangePin);
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(first.length).toBeLessThanOrEqual(2);
    expect(pins[DEMO_PEOPLE.mustChangePin]?.mustChangePin).toBe(true);
  });
});

describe('demo catalog', () => {
  it('has about 40 activities with unique codes and ids', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(38);
    expect(catalog.length).toBeLessThanOrEqual(45);
    expect(new Set(catalog.map((a) => a.code)).size).toBe(catalog.length);
    expect(new Set(catalog.map((a) => a.id)).size).toBe(catalog.length);
    for (const a of catalog) expect(a.code).toMatch(/^ORG-\d{3}$/);
  });

  it('has positive whole norm minutes when set, and 3–4 activities without a norm', () => {
    for (const a of catalog) if (a.normMinutes !== null) expect(Number.isInteger(a.normMinutes) && a.normMinutes > 0).toBe(true);
    const withoutNorm = catalog.filter((a) => a.normMinutes === null).length;
    expect(withoutNorm).toBeGreaterThanOrEqual(3);
    expect(withoutNorm).toBeLessThanOrEqual(4);
  });

  it('mixes categories, has one inactive activity and position scopes that match someone', () => {
    expect(new Set(catalog.map((a) => a.category))).toEqual(new Set(['tugas_pokok', 'tugas_tambahan']));
    expect(catalog.filter((a) => !a.active)).toHaveLength(1);
    const scoped = catalog.filter((a) => a.scopePosition !== null);
    expect(scoped.length).toBeGreaterThanOrEqual(2);
    expect(scoped.length).toBeLessThanOrEqual(3);
    for (const a of scoped) expect(employees.some((e) => e.positionTitle.includes(a.scopePosition!))).toBe(true);
    for (const a of catalog) expect(a.outputUnit.length > 0 && a.name.length >= 10).toBe(true);
  });
});

describe('demo RHK', () => {
  it('gives every employee two or three 2026 targets', () => {
    for (const r of rhk) {
      expect(byId.has(r.employeeId)).toBe(true);
      expect(r.year).toBe(2026);
      expect(Number.isInteger(r.target) && r.target > 0).toBe(true);
      expect(r.active).toBe(true);
    }
    for (const e of employees) {
      const count = rhk.filter((r) => r.employeeId === e.id).length;
      expect(count, e.name).toBeGreaterThanOrEqual(2);
      expect(count, e.name).toBeLessThanOrEqual(3);
    }
  });
});

describe('2026 holidays', () => {
  it('are unique, sorted calendar dates inside 2026', () => {
    const dates = holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of dates) {
      expect(IsoDateSchema.safeParse(d).success).toBe(true);
      expect(d.startsWith('2026-')).toBe(true);
    }
  });

  it('include the fixed national days and match the SKB totals (17 + 8)', () => {
    const dates = new Set(holidays.map((h) => h.date));
    for (const d of ['2026-01-01', '2026-06-01', '2026-08-17', '2026-12-25']) expect(dates.has(d)).toBe(true);
    expect(holidays.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(holidays.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
  });

  it('put cuti bersama on weekdays and name every day', () => {
    for (const h of holidays) {
      expect(h.name.length).toBeGreaterThan(5);
      if (h.kind === 'cuti_bersama') expect(weekday(h.date), h.date).toBeLessThanOrEqual(5);
    }
  });
});

describe('demo absences', () => {
  it('belong to demo employees and fall on 2026 working days', () => {
    const holidayDates = new Set(holidays.map((h) => h.date));
    for (const a of absences) {
      expect(byId.has(a.employeeId)).toBe(true);
      expect(a.date.startsWith('2026-') && IsoDateSchema.safeParse(a.date).success).toBe(true);
      expect(policy.workingDays).toContain(weekday(a.date));
      expect(holidayDates.has(a.date), a.date).toBe(false);
    }
    const keys = absences.map((a) => `${a.employeeId}/${a.date}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('show every absence kind', () => {
    expect(new Set(absences.map((a) => a.kind))).toEqual(new Set(['cuti', 'sakit', 'izin', 'dinas_luar']));
  });
});

describe('demo ids and policy', () => {
  it('uses valid UUIDs, unique across all tables', () => {
    const ids = [unit.id, ...employees.map((e) => e.id), ...catalog.map((a) => a.id), ...rhk.map((r) => r.id), ...absences.map((a) => a.id)];
    for (const id of ids) {
      expect(id).toMatch(UUID);
      expect(z.uuid().safeParse(id).success, id).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('runs the demo unit on the default policy in its own time zone', () => {
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(unit.timeZone).toBe(policy.timeZone);
  });
});

describe('demo README', () => {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

  it('lists every person with formatted NIP, position, supervisor and initial PIN', () => {
    for (const e of employees) {
      const supervisor = e.supervisorId === null ? '—' : byId.get(e.supervisorId)!.name;
      const pin = pins[e.id]!;
      const row = `| ${e.name} | ${formatNip(e.nip)} | ${e.positionTitle} | ${supervisor} | ${pin.pin} | ${pin.mustChangePin ? 'yes' : 'no'} |`;
      expect(readme, e.name).toContain(row);
    }
  });

  it('says the people are fictional', () => {
    expect(readme).toMatch(/fictional/i);
  });
});

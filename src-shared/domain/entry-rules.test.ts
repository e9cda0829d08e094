import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { durationMinutes } from './credit';
import { fromMinutes } from './dates';
import {
  canDelete,
  canEdit,
  canSubmit,
  checkEntry,
  firstError,
  meaningfulLength,
  overlaps,
  statusLabel,
  warnings,
  type EntryCheckContext,
  type EntryFields,
  type Issue,
} from './entry-rules';
import { DEFAULT_POLICY, PolicySchema } from './policy';
import { absence, ACTIVITY, EMPLOYEE, HOLIDAYS_2026, RHK } from './test-fixtures';
import { ENTRY_STATUSES, type EntryStatus } from './types';

/** Wednesday 11 March 2026, an ordinary working day. */
const TODAY = '2026-03-11';

const fields = (over: Partial<EntryFields> = {}): EntryFields => ({
  workDate: TODAY,
  startTime: '08:00',
  endTime: '09:30',
  activityId: ACTIVITY.id,
  activityText: null,
  rhkId: RHK.id,
  volume: 1,
  description: 'Menyusun laporan hasil rapat koordinasi',
  ...over,
});

const ctx = (over: Partial<EntryCheckContext> = {}): EntryCheckContext => ({
  today: TODAY,
  policy: DEFAULT_POLICY,
  holidays: HOLIDAYS_2026,
  absences: [],
  employee: EMPLOYEE,
  activity: ACTIVITY,
  rhk: RHK,
  sameDay: [],
  dateChanged: true,
  ...over,
});

type Other = EntryCheckContext['sameDay'][number];
let seq = 0;
const other = (startTime: string, endTime: string, status: EntryStatus = 'submitted', minutes?: number): Other => ({
  id: `other-${++seq}`,
  startTime,
  endTime,
  status,
  minutes: minutes ?? durationMinutes(startTime, endTime),
});

const codes = (issues: Issue[]) => issues.map((i) => `${i.severity}:${i.code}`);

describe('checkEntry: a valid entry', () => {
  it('has no issues', () => {
    expect(checkEntry(fields(), ctx())).toEqual([]);
  });
});

describe('rule 1: work date', () => {
  it('not in the future', () => {
    expect(checkEntry(fields({ workDate: '2026-03-12' }), ctx())).toEqual([
      { severity: 'error', code: 'DATE_IN_FUTURE', field: 'workDate' },
    ]);
  });

  it('not before the backdating window (3 working days: from Friday 6 March)', () => {
    expect(checkEntry(fields({ workDate: '2026-03-06' }), ctx())).toEqual([]);
    expect(checkEntry(fields({ workDate: '2026-03-05' }), ctx())).toEqual([
      { severity: 'error', code: 'DATE_BEFORE_WINDOW', field: 'workDate', params: { days: 3, earliest: '2026-03-06' } },
    ]);
  });

  it('the window applies only when the date is set or changed: a returned entry stays fixable', () => {
    expect(checkEntry(fields({ workDate: '2026-03-02' }), ctx({ dateChanged: false }))).toEqual([]);
  });

  it('not in a closed period, even when the date is unchanged', () => {
    const late = ctx({ today: '2026-04-06', dateChanged: false });
    expect(checkEntry(fields({ workDate: '2026-03-31' }), late)).toEqual([
      { severity: 'error', code: 'PERIOD_CLOSED', field: 'workDate', params: { period: '2026-03', closedOn: '2026-04-05' } },
    ]);
    expect(checkEntry(fields({ workDate: '2026-03-31' }), ctx({ today: '2026-04-05', dateChanged: false }))).toEqual([]);
  });

  it('a malformed date is a validation error and nothing date-based is guessed', () => {
    expect(codes(checkEntry(fields({ workDate: '2026-02-30' }), ctx()))).toEqual(['error:VALIDATION']);
  });
});

describe('rule 2: working day', () => {
  it('a weekend is refused by default', () => {
    expect(checkEntry(fields({ workDate: '2026-03-07' }), ctx({ today: '2026-03-09' }))).toEqual([
      { severity: 'error', code: 'NOT_WORKING_DAY', field: 'workDate', params: { date: '2026-03-07', reason: 'akhir pekan' } },
    ]);
  });

  it('a weekend is a warning when the unit policy says warn', () => {
    const warn = ctx({ today: '2026-03-09', policy: PolicySchema.parse({ nonWorkingDayEntries: 'warn' }) });
    expect(checkEntry(fields({ workDate: '2026-03-07' }), warn)).toEqual([
      { severity: 'warning', code: 'NOT_WORKING_DAY', field: 'workDate', params: { date: '2026-03-07', reason: 'akhir pekan' } },
    ]);
  });

  it('a holiday names the holiday', () => {
    const issues = checkEntry(fields({ workDate: '2026-03-19' }), ctx({ today: '2026-03-25' }));
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'NOT_WORKING_DAY',
        field: 'workDate',
        params: { date: '2026-03-19', reason: 'libur: Hari Suci Nyepi Tahun Baru Saka 1948' },
      },
    ]);
    expect(errorMessage('NOT_WORKING_DAY', issues[0]?.params)).toBe(
      '2026-03-19 bukan hari kerja Anda (libur: Hari Suci Nyepi Tahun Baru Saka 1948).',
    );
  });

  it('cuti blocks the day; dinas luar only warns', () => {
    const onLeave = ctx({ absences: [absence(TODAY, 'cuti')] });
    expect(checkEntry(fields(), onLeave)).toEqual([
      { severity: 'error', code: 'NOT_WORKING_DAY', field: 'workDate', params: { date: TODAY, reason: 'cuti' } },
    ]);
    const travelling = ctx({ absences: [absence(TODAY, 'dinas_luar')] });
    expect(checkEntry(fields(), travelling)).toEqual([
      { severity: 'warning', code: 'NOT_WORKING_DAY', field: 'workDate', params: { date: TODAY, reason: 'dinas luar' } },
    ]);
  });

  it('a unit working on a day outside the standard week says so instead of "akhir pekan"', () => {
    const noWednesday = ctx({ policy: PolicySchema.parse({ workingDays: [1, 2, 4, 5] }) });
    expect(checkEntry(fields(), noWednesday)[0]?.params).toEqual({ date: TODAY, reason: 'bukan hari kerja unit' });
  });
});

describe('rule 3: times', () => {
  it.each([
    ['8:00', '09:30', 'startTime'],
    ['08:00', '24:00', 'endTime'],
    ['08:60', '09:30', 'startTime'],
  ])('%s–%s is TIME_INVALID on %s', (startTime, endTime, field) => {
    expect(checkEntry(fields({ startTime, endTime }), ctx())).toEqual([{ severity: 'error', code: 'TIME_INVALID', field }]);
  });

  it.each([
    ['10:00', '09:00'],
    ['09:00', '09:00'],
  ])('%s–%s: end must be after start', (startTime, endTime) => {
    expect(checkEntry(fields({ startTime, endTime }), ctx())).toEqual([
      { severity: 'error', code: 'END_BEFORE_START', field: 'endTime' },
    ]);
  });

  it.each([
    ['06:30', '08:00', TODAY, 'startTime', '16:00'],
    ['15:00', '17:00', TODAY, 'endTime', '16:00'],
    ['16:00', '16:30', '2026-03-12', 'endTime', '16:00'], // Thursday ends at 16:00
  ])('%s–%s on %s warns OUTSIDE_WORKING_HOURS', (startTime, endTime, workDate, field, end) => {
    expect(checkEntry(fields({ startTime, endTime, workDate }), ctx({ today: '2026-03-13' }))).toEqual([
      { severity: 'warning', code: 'OUTSIDE_WORKING_HOURS', field, params: { start: '07:30', end } },
    ]);
  });

  it('Friday runs until 16:30, and the window edges are inside', () => {
    expect(checkEntry(fields({ workDate: '2026-03-13', startTime: '16:00', endTime: '16:30' }), ctx({ today: '2026-03-13' }))).toEqual([]);
    expect(checkEntry(fields({ startTime: '07:30', endTime: '08:00' }), ctx())).toEqual([]);
    expect(checkEntry(fields({ startTime: '15:30', endTime: '16:00' }), ctx())).toEqual([]);
  });
});

describe('rule 4: overlap', () => {
  it('clashes with a non-rejected entry and names it', () => {
    const c = ctx({ sameDay: [other('10:00', '11:00'), other('08:30', '10:00', 'approved')] });
    expect(checkEntry(fields(), c)).toEqual([
      { severity: 'error', code: 'OVERLAP', field: 'startTime', params: { startTime: '08:30', endTime: '10:00' } },
    ]);
  });

  it('ignores rejected entries and back-to-back slots', () => {
    expect(checkEntry(fields(), ctx({ sameDay: [other('08:30', '10:00', 'rejected')] }))).toEqual([]);
    expect(checkEntry(fields(), ctx({ sameDay: [other('07:30', '08:00'), other('09:30', '10:00')] }))).toEqual([]);
  });

  it.each([
    ['08:00', '09:00', '09:00', '10:00', false],
    ['08:00', '09:01', '09:00', '10:00', true],
    ['08:00', '12:00', '09:00', '10:00', true], // containment
    ['09:00', '10:00', '09:00', '10:00', true],
    ['09:00', '09:00', '08:00', '10:00', false], // an empty slot covers no time
    ['10:00', '09:00', '08:00', '12:00', false], // nor does a reversed one
  ])('%s–%s vs %s–%s → %s', (as, ae, bs, be, expected) => {
    expect(overlaps({ startTime: as, endTime: ae }, { startTime: bs, endTime: be })).toBe(expected);
  });

  it('is symmetric', () => {
    const slot = fc.record({ startTime: fc.integer({ min: 0, max: 1439 }).map(fromMinutes), endTime: fc.integer({ min: 0, max: 1439 }).map(fromMinutes) });
    fc.assert(fc.property(slot, slot, (a, b) => overlaps(a, b) === overlaps(b, a)));
  });
});

describe('rule 5: day total', () => {
  it('counts the other non-rejected entries plus this one', () => {
    const sameDay = [other('09:30', '12:00'), other('12:00', '15:30'), other('15:30', '16:00', 'rejected')];
    // 150 + 210 + 90 = 450: exactly the limit is allowed.
    expect(checkEntry(fields(), ctx({ sameDay }))).toEqual([]);
    expect(checkEntry(fields({ startTime: '07:59' }), ctx({ sameDay }))).toEqual([
      { severity: 'error', code: 'DAY_LIMIT_EXCEEDED', field: 'endTime', params: { total: 451, max: 450 } },
    ]);
    expect(codes(checkEntry(fields({ startTime: '07:00' }), ctx({ sameDay })))).toEqual([
      'error:DAY_LIMIT_EXCEEDED',
      'warning:OUTSIDE_WORKING_HOURS',
    ]);
    const roomy = ctx({ sameDay, policy: PolicySchema.parse({ maxMinutesPerDay: 600 }) });
    expect(checkEntry(fields({ startTime: '07:59' }), roomy)).toEqual([]);
  });
});

describe('volume and description', () => {
  it.each([0, -1, 1.5, 1000, Number.NaN])('volume %d is refused', (volume) => {
    expect(checkEntry(fields({ volume }), ctx())).toEqual([
      { severity: 'error', code: 'VOLUME_INVALID', field: 'volume', params: { max: 999 } },
    ]);
  });

  it('volume 999 is the default maximum', () => {
    expect(checkEntry(fields({ volume: 999 }), ctx())).toEqual([]);
  });

  it.each(['aaaaaaaaaaaa', '..........', 'rapat', '          ', 'a a a a a a a a a', '!!!!!!!!!!!!!!!!'])(
    '%j is too short',
    (description) => {
      expect(checkEntry(fields({ description }), ctx())).toEqual([
        { severity: 'error', code: 'DESCRIPTION_TOO_SHORT', field: 'description', params: { min: 10 } },
      ]);
    },
  );

  it('a description over 2000 characters is refused', () => {
    const description = 'Menyusun laporan '.repeat(118);
    expect(description.length).toBeGreaterThan(2000);
    expect(checkEntry(fields({ description }), ctx())).toEqual([
      {
        severity: 'error',
        code: 'VALIDATION',
        field: 'description',
        params: { field: 'uraian', detail: 'paling banyak 2000 karakter' },
      },
    ]);
    expect(checkEntry(fields({ description: 'ab'.repeat(1000) }), ctx())).toEqual([]);
  });

  it.each([
    ['Menyusun laporan', 15],
    ['aaaaaaaaaaaa', 2],
    ['..........', 0],
    ['Rapat   koordinasi!!!', 15],
    ['Sekretariat 2026', 15],
    ['Surat no. 100/2026', 14],
  ])('meaningfulLength(%j) = %i', (text, n) => {
    expect(meaningfulLength(text)).toBe(n);
  });

  it('padding with one repeated character adds at most two', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 1 }), fc.integer({ min: 3, max: 50 }), (text, ch, n) => {
        expect(meaningfulLength(text + ' ' + ch.repeat(n))).toBeLessThanOrEqual(meaningfulLength(text) + 2);
      }),
    );
  });
});

describe('activity and RHK', () => {
  const analis = { ...ACTIVITY, scopePosition: 'analis kebijakan' };
  it.each([
    ['not found', null],
    ['inactive', { ...ACTIVITY, active: false }],
    ['another unit', { ...ACTIVITY, scopeUnitId: 'unit-dinkes' }],
    ['another position', { ...ACTIVITY, scopePosition: 'Bendahara' }],
    ['a different activity than asked for', { ...ACTIVITY, id: 'act-other' }],
  ])('catalog activity %s → ACTIVITY_UNAVAILABLE', (_label, activity) => {
    expect(checkEntry(fields(), ctx({ activity }))).toEqual([{ severity: 'error', code: 'ACTIVITY_UNAVAILABLE', field: 'activityId' }]);
  });

  it('scope by unit and by position (case-insensitive) admits the right staff', () => {
    expect(checkEntry(fields({ activityId: analis.id }), ctx({ activity: analis }))).toEqual([]);
    const ownUnit = { ...ACTIVITY, scopeUnitId: EMPLOYEE.unitId };
    expect(checkEntry(fields(), ctx({ activity: ownUnit }))).toEqual([]);
  });

  it('free text needs the policy and a name', () => {
    const free = fields({ activityId: null, activityText: 'Mendampingi kunjungan kerja' });
    expect(checkEntry(free, ctx({ activity: null }))).toEqual([{ severity: 'error', code: 'FREE_TEXT_NOT_ALLOWED', field: 'activityId' }]);
    const allowed = ctx({ activity: null, policy: PolicySchema.parse({ allowFreeTextActivity: true }) });
    expect(checkEntry(free, allowed)).toEqual([]);
    expect(checkEntry({ ...free, activityText: '   ' }, allowed)).toEqual([
      { severity: 'error', code: 'VALIDATION', field: 'activityText', params: { field: 'nama aktivitas', detail: 'wajib diisi' } },
    ]);
  });

  it.each([
    ['not found', null],
    ['inactive', { ...RHK, active: false }],
    ["someone else's", { ...RHK, employeeId: 'emp-2' }],
    ['of last year', { ...RHK, year: 2025 }],
  ])('RHK %s → RHK_UNAVAILABLE', (_label, rhk) => {
    expect(checkEntry(fields(), ctx({ rhk }))).toEqual([{ severity: 'error', code: 'RHK_UNAVAILABLE', field: 'rhkId' }]);
  });

  it('an entry without RHK is fine', () => {
    expect(checkEntry(fields({ rhkId: null }), ctx({ rhk: null }))).toEqual([]);
  });
});

describe('issue order and messages', () => {
  it('errors first, in wizard order (date → activity → time → volume/description), then warnings', () => {
    const c = ctx({
      activity: null,
      absences: [absence(TODAY, 'dinas_luar')],
      sameDay: [other('06:00', '07:00')],
    });
    const issues = checkEntry(fields({ startTime: '06:30', endTime: '08:00', volume: 0, description: 'rapat', workDate: TODAY }), c);
    expect(codes(issues)).toEqual([
      'error:ACTIVITY_UNAVAILABLE',
      'error:OVERLAP',
      'error:VOLUME_INVALID',
      'error:DESCRIPTION_TOO_SHORT',
      'warning:NOT_WORKING_DAY',
      'warning:OUTSIDE_WORKING_HOURS',
    ]);
    expect(firstError(issues)?.code).toBe('ACTIVITY_UNAVAILABLE');
    expect(warnings(issues).map((i) => i.code)).toEqual(['NOT_WORKING_DAY', 'OUTSIDE_WORKING_HOURS']);
    expect(firstError(warnings(issues))).toBeUndefined();
  });

  it('every message is fully filled in', () => {
    const c = ctx({ today: '2026-04-06', activity: null, rhk: null, sameDay: [other('08:00', '15:00', 'approved', 420)] });
    const issues = checkEntry(fields({ workDate: '2026-03-02', startTime: '06:00', endTime: '09:00', volume: 0, description: '...' }), c);
    expect(issues.length).toBeGreaterThanOrEqual(7);
    for (const i of issues) expect(errorMessage(i.code, i.params)).not.toMatch(/\{\w+\}/);
  });
});

describe('moving a valid entry', () => {
  // Lunch is logged 12:00–13:00; any other slot inside Wednesday's window that does not touch it is valid.
  const lunch = other('12:00', '13:00', 'approved');
  const slot = fc
    .tuple(fc.integer({ min: 450, max: 959 }), fc.integer({ min: 1, max: 510 }))
    .map(([s, len]) => ({ s, e: Math.min(960, s + len) }))
    .filter(({ s, e }) => e <= 720 || s >= 780);

  it('stays valid in any other free slot inside the window on the same day', () => {
    fc.assert(
      fc.property(slot, slot, fc.constantFrom('2026-03-09', '2026-03-10', '2026-03-11'), (a, b, workDate) => {
        const c = ctx({ sameDay: [lunch] });
        const at = (x: { s: number; e: number }) => fields({ workDate, startTime: fromMinutes(x.s), endTime: fromMinutes(x.e) });
        expect(checkEntry(at(a), c)).toEqual([]);
        expect(checkEntry(at(b), c)).toEqual([]);
      }),
    );
  });
});

describe('status rules (rule 6)', () => {
  it.each([
    ['draft', 'Draf', true, true, true],
    ['submitted', 'Menunggu Verifikasi', false, false, false],
    ['approved', 'Disetujui', false, false, false],
    ['returned', 'Perlu Perbaikan', true, false, true],
    ['rejected', 'Ditolak', false, false, false],
  ] as const)('%s: "%s", edit=%s delete=%s submit=%s', (status, label, edit, del, submit) => {
    expect(statusLabel(status)).toBe(label);
    expect(canEdit(status)).toBe(edit);
    expect(canDelete(status)).toBe(del);
    expect(canSubmit(status)).toBe(submit);
  });

  it('covers every status', () => {
    for (const s of ENTRY_STATUSES) expect(statusLabel(s)).toMatch(/\S/);
  });
});

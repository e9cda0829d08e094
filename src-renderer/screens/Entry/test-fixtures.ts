import type { CommandResult, EntryForm, EntryView, IssueView } from '../../../src-shared/api';
import type { ErrorCode, MessageParams } from '../../../src-shared/errors';
import { errorOf } from '../../test/fake-api';

/**
 * Test data of the entry screens, after the demo set (src-shared/demo): Siti of the Bagian
 * Organisasi on Wednesday 25 November 2026, with the default policy (3 working days back,
 * 07:30–16:00, 450 minutes a day, uraian of 10 letters).
 */
export const TODAY = '2026-11-25';
export const EMPLOYEE = '0190a3f0-0000-7000-8000-000000000101';

export const issue = (severity: IssueView['severity'], code: ErrorCode, params?: MessageParams, field?: string): IssueView => ({
  ...errorOf(code, params),
  ...(field ? { field } : {}),
  severity,
});

const window = { start: '07:30', end: '16:00' };
const friday = { start: '07:30', end: '16:30' };

export function entryForm(over: Partial<EntryForm> = {}): EntryForm {
  return {
    today: TODAY,
    now: '10:40',
    earliestDate: '2026-11-20',
    dates: [
      { date: '2026-11-25', weekday: 3, window, issues: [], loggedMinutes: 90, lastEndTime: '09:00' },
      { date: '2026-11-24', weekday: 2, window, issues: [], loggedMinutes: 0, lastEndTime: null },
      {
        date: '2026-11-23',
        weekday: 1,
        window,
        issues: [issue('warning', 'NOT_WORKING_DAY', { date: '2026-11-23', reason: 'dinas luar' }, 'workDate')],
        loggedMinutes: 0,
        lastEndTime: null,
      },
      {
        date: '2026-11-22',
        weekday: 7,
        window,
        issues: [issue('error', 'NOT_WORKING_DAY', { date: '2026-11-22', reason: 'akhir pekan' }, 'workDate')],
        loggedMinutes: 0,
        lastEndTime: null,
      },
      {
        date: '2026-11-21',
        weekday: 6,
        window,
        issues: [issue('error', 'NOT_WORKING_DAY', { date: '2026-11-21', reason: 'akhir pekan' }, 'workDate')],
        loggedMinutes: 0,
        lastEndTime: null,
      },
      { date: '2026-11-20', weekday: 5, window: friday, issues: [], loggedMinutes: 240, lastEndTime: '12:00' },
    ],
    maxMinutesPerDay: 450,
    minDescriptionChars: 10,
    maxVolume: 999,
    allowFreeTextActivity: false,
    rhk: [
      { id: 'de30b000-0000-4000-8000-000000000011', year: 2026, title: 'Tersusunnya analisis jabatan perangkat daerah', indicator: 'Jumlah dokumen anjab yang disusun', target: 40, outputUnit: 'dokumen' },
      { id: 'de30b000-0000-4000-8000-000000000012', year: 2026, title: 'Tersusunnya analisis beban kerja perangkat daerah', indicator: 'Jumlah dokumen ABK yang disusun', target: 40, outputUnit: 'dokumen' },
    ],
    ...over,
  };
}

type Item = CommandResult<'catalog-search'>['items'][number];

const item = (n: string, name: string, outputUnit: string, normMinutes: number | null, over: Partial<Item> = {}): Item => ({
  id: `de30c000-0000-4000-8000-000000000${n}`,
  code: `ORG-${n}`,
  name,
  outputUnit,
  normMinutes,
  category: 'tugas_pokok',
  favorite: false,
  lastUsedAt: null,
  useCount: 0,
  ...over,
});

/** In the core's order: the favourite, then recently used, then by name. */
export const SURAT = item('001', 'Menyusun konsep surat dinas', 'surat', 30, { favorite: true, lastUsedAt: '2026-11-24T02:00:00.000Z', useCount: 6 });
export const TELAAHAN = item('007', 'Menyusun telaahan staf untuk pimpinan', 'dokumen', 90, { lastUsedAt: '2026-11-23T03:00:00.000Z', useCount: 3 });
export const ANJAB = item('011', 'Menyusun analisis jabatan (anjab)', 'dokumen', 240);
export const PANITIA = item('039', 'Menjadi panitia kegiatan kedinasan', 'kegiatan', null, { category: 'tugas_tambahan' });
export const CATALOG = [SURAT, TELAAHAN, ANJAB, PANITIA];

/** The core's search, roughly: every typed word in the name or satuan, order kept. */
export function searchCatalog(query?: string): Item[] {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return CATALOG.filter((i) => words.every((w) => `${i.name} ${i.outputUnit}`.toLowerCase().includes(w)));
}

export function entryView(over: Partial<EntryView> = {}): EntryView {
  return {
    id: '0190a3f1-1111-7000-8000-000000000001',
    employeeId: EMPLOYEE,
    workDate: TODAY,
    startTime: '09:00',
    endTime: '10:00',
    minutes: 60,
    creditedMinutes: 30,
    activityId: SURAT.id,
    activityText: null,
    rhkId: null,
    volume: 1,
    outputUnit: 'surat',
    description: 'Menyusun konsep surat undangan rapat koordinasi anjab',
    evidenceNote: null,
    status: 'draft',
    rev: 1,
    reviewerId: null,
    reviewNote: null,
    reviewedAt: null,
    flags: [],
    workstationId: '0190a3f0-0000-7000-8000-00000000aaaa',
    createdAt: '2026-11-25T03:00:00.000Z',
    updatedAt: '2026-11-25T03:00:00.000Z',
    receivedAt: null,
    syncCode: null,
    syncMessage: null,
    activityName: SURAT.name,
    pending: true,
    ...over,
  };
}

/** axe-core on what is rendered; colour contrast needs real layout, which the e2e suite has. */
/* Small DOM assertions (the project has no jest-dom): each reads what a person would notice. */
export const valueOf = (el: HTMLElement): string => (el as HTMLInputElement).value;
export const disabled = (el: HTMLElement): boolean => (el as HTMLButtonElement).disabled;
export const focused = (el: HTMLElement): boolean => el.ownerDocument.activeElement === el;
export const text = (el: HTMLElement | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export { expectNoAxeViolations } from '../../test/axe';

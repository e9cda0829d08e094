import { screen } from '@testing-library/react';
import { createElement } from 'react';
import type { ReviewItem, ReviewQueue } from '../../../src-shared/api';
import type { Language } from '../../../src-shared/errors';
import type { FakeApi } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { entryView } from '../Home/test-fixtures';
import { ReviewScreen } from './ReviewScreen';

/**
 * Ahmad's Verifikasi on Wednesday 25 November 2026 (fictional people, like the demo set): Siti has
 * three plain entries over two days; Yohanes has two entries that overlap and one that does not.
 */
export const AHMAD = sessionInfo({
  employee: {
    id: '0190a3f0-0000-7000-8000-000000000201',
    nip: '198007212005011003',
    name: 'Ahmad Fauzi Rahman, S.H., M.H.',
    positionTitle: 'Kepala Subbagian Kelembagaan dan Analisis Jabatan',
    roles: ['staff', 'supervisor'],
    hasSubordinates: true,
  },
});

export const SITI = { id: '0190a3f0-0000-7000-8000-000000000301', nip: '199206182019032007', name: 'Siti Aminah Zahro, S.Psi.', positionTitle: 'Analis SDM Aparatur Ahli Pertama' };
export const YOHANES = { id: '0190a3f0-0000-7000-8000-000000000302', nip: '199409022020011005', name: 'Yohanes Kristianto Wibowo, S.Kom.', positionTitle: 'Pranata Komputer Ahli Pertama' };

let serial = 0;
export function item(over: Partial<ReviewItem> = {}): ReviewItem {
  serial += 1;
  return {
    ...entryView({ id: `0193c000-${String(serial).padStart(4, '0')}-7000-8000-000000000001`, status: 'submitted', rev: 2 }),
    normMinutes: null,
    rhkTitle: null,
    overlapsWith: [],
    ...over,
  };
}

export const s1 = item({
  employeeId: SITI.id,
  workDate: '2026-11-23',
  startTime: '08:00',
  endTime: '10:00',
  minutes: 120,
  creditedMinutes: 60,
  volume: 2,
  outputUnit: 'surat',
  normMinutes: 30,
  activityName: 'Menyusun konsep surat dinas',
  description: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan',
});
export const s2 = item({
  employeeId: SITI.id,
  workDate: '2026-11-23',
  startTime: '10:00',
  endTime: '11:30',
  minutes: 90,
  creditedMinutes: 90,
  volume: 12,
  outputUnit: 'surat',
  activityName: 'Mengagendakan surat masuk',
  description: 'Mencatat dan mendisposisikan surat masuk dari OPD',
});
export const s3 = item({
  employeeId: SITI.id,
  workDate: '2026-11-24',
  startTime: '13:00',
  endTime: '14:00',
  minutes: 60,
  creditedMinutes: 45,
  volume: 1,
  outputUnit: 'dokumen',
  normMinutes: 45,
  rhkId: 'de30c000-0000-4000-8000-0000000000a1',
  rhkTitle: 'Tersusunnya analisis jabatan unit kerja',
  evidenceNote: 'Notulen No. 12/ORG/XI/2026',
  flags: ['late_entry'],
  activityName: 'Menyusun notulen rapat',
  description: 'Notulen rapat koordinasi analisis jabatan bagian organisasi',
});
export const y1 = item({
  employeeId: YOHANES.id,
  workDate: '2026-11-24',
  startTime: '08:00',
  endTime: '10:00',
  minutes: 120,
  creditedMinutes: 120,
  activityName: 'Memelihara jaringan komputer',
  description: 'Memeriksa switch dan kabel jaringan lantai 2',
  flags: ['overlap'],
});
export const y2 = item({
  employeeId: YOHANES.id,
  workDate: '2026-11-24',
  startTime: '09:00',
  endTime: '11:00',
  minutes: 120,
  creditedMinutes: 120,
  activityName: 'Memperbarui aplikasi kepegawaian',
  description: 'Memasang pembaruan aplikasi SIMPEG di 6 PC',
  flags: ['overlap', 'clock_skew'],
});
y1.overlapsWith = [{ id: y2.id, startTime: y2.startTime, endTime: y2.endTime, status: 'submitted' }];
y2.overlapsWith = [{ id: y1.id, startTime: y1.startTime, endTime: y1.endTime, status: 'submitted' }];
export const y3 = item({
  employeeId: YOHANES.id,
  workDate: '2026-11-24',
  startTime: '13:00',
  endTime: '15:00',
  minutes: 120,
  creditedMinutes: 90,
  normMinutes: 45,
  volume: 2,
  outputUnit: 'laporan',
  flags: ['outside_hours', 'non_working_day'],
  activityName: 'Menyusun laporan pemeliharaan',
  description: 'Laporan pemeliharaan perangkat bulan November',
});

/** A day group: the day's waiting minutes from its entries; its total as given (other entries count too). */
export function day(date: string, entries: ReviewItem[], dayMinutes = entries.reduce((s, e) => s + e.minutes, 0)) {
  return { date, waitingMinutes: entries.reduce((s, e) => s + e.creditedMinutes, 0), dayMinutes, entries };
}

export function group(employee: typeof SITI, days: ReturnType<typeof day>[]): ReviewQueue['employees'][number] {
  const entries = days.flatMap((d) => d.entries);
  return { employee, waiting: entries.length, waitingMinutes: entries.reduce((s, e) => s + e.creditedMinutes, 0), days };
}

export const NOVEMBER = { month: '2026-11', deadline: '2026-12-10', daysLeft: 15, open: true };

export function queueOf(over: Partial<ReviewQueue> = {}): ReviewQueue {
  const employees = over.employees ?? [group(SITI, [day('2026-11-23', [s1, s2]), day('2026-11-24', [s3], 180)]), group(YOHANES, [day('2026-11-24', [y1, y2, y3])])];
  return {
    today: '2026-11-25',
    total: employees.reduce((s, g) => s + g.waiting, 0),
    employees,
    periods: [NOVEMBER],
    notices: [],
    ...over,
  };
}

export const SYNC_STATUS = {
  enrolled: true,
  serverUrl: 'http://127.0.0.1:8787',
  workstationId: null,
  online: true,
  pending: 0,
  lastSuccessAt: null,
  lastError: null,
  nextAttemptAt: null,
  blocked: null,
};

/** The queue once the core has decided `ids`: they leave it, as they do in the real core. */
export function queueWithout(queue: ReviewQueue, ids: readonly string[]): ReviewQueue {
  const employees = queue.employees
    .map((g) => group(g.employee, g.days.map((d) => day(d.date, d.entries.filter((e) => !ids.includes(e.id)), d.dayMinutes)).filter((d) => d.entries.length > 0)))
    .filter((g) => g.waiting > 0);
  return { ...queue, employees, total: employees.reduce((s, g) => s + g.waiting, 0) };
}

/** Ahmad's Verifikasi inside <main>, as SessionView shows it (axe wants every part of the page in a landmark). */
export function renderReview(api: FakeApi, lang: Language = 'id') {
  const r = renderScreen(createElement('main', null, createElement(ReviewScreen)), { api, session: AHMAD, route: { name: 'review' }, lang });
  return { api, container: r.container, routes: r.routes };
}

/** An entry of the queue by its accessible name ("08:00–10:00 Menyusun konsep surat dinas"). */
export const entry = (name: string) => screen.getByRole('article', { name });

/** Everything the screen has said in its live regions. */
export const said = () => screen.getAllByRole('status').map((s) => s.textContent).join(' ');

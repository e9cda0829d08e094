import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectNoAxeViolations as noAxeViolations } from '../../test/axe';
import { describe, expect, it, vi } from 'vitest';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { HomeScreen } from './HomeScreen';
import { firstName } from './load';
import { entryForm } from '../Entry/test-fixtures';
import { EMPLOYEE_ID, entryView, novemberCalendar, recapOf } from './test-fixtures';

const todayDraft = entryView({ id: '0193b2c4-0001-7000-8000-00000000000a', startTime: '08:00', endTime: '09:30', status: 'draft', pending: true });
const todayApproved = entryView({
  id: '0193b2c4-0002-7000-8000-00000000000b',
  startTime: '10:00',
  endTime: '11:00',
  minutes: 60,
  creditedMinutes: 45,
  volume: 1,
  outputUnit: 'dokumen',
  activityName: 'Menyusun notulen rapat',
  status: 'approved',
});
const returned = entryView({
  id: '0193b2c4-0003-7000-8000-00000000000c',
  workDate: '2026-11-24',
  startTime: '13:00',
  endTime: '14:30',
  status: 'returned',
  reviewNote: 'Volume tidak sesuai, lampirkan nomor suratnya.',
  activityName: 'Mengagendakan surat masuk',
});

function script(over: Script = {}): Script {
  return {
    'calendar-month': () => okv(novemberCalendar()),
    'entry-form': () => okv(entryForm()),
    'recap-month': ({ month }) =>
      okv(month === '2026-11' ? recapOf() : recapOf({ month, periodClosesOn: '2026-11-05', daysLeftBeforeClose: 0, daysWithoutEntries: [] })),
    'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: month === '2026-11' ? [todayApproved, todayDraft, returned] : [] }),
    ...over,
  };
}

describe('HomeScreen', () => {
  it('greets by first name and shows loading until the data arrives', async () => {
    let release: () => void = () => {};
    const api = fakeApi(script({ 'calendar-month': () => new Promise((r) => (release = () => r(okv(novemberCalendar())))) }));
    renderScreen(<HomeScreen />, { api, session: sessionInfo({ employee: { ...sessionInfo().employee, name: 'Dr. Siti Rahmawati, S.Sos.' } }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Halo, Siti' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Memuat…');
    release();
    expect(await screen.findByRole('heading', { name: 'Aktivitas hari ini' })).toBeTruthy();
    expect(screen.queryByText('Memuat…')).toBeNull();
  });

  it("shows today's entries with the day total, the capaian, returned entries, days without entries and days left", async () => {
    const api = fakeApi(script());
    const { container, routes } = renderScreen(<HomeScreen />, { api });
    const today = (await screen.findByRole('heading', { name: 'Aktivitas hari ini' })).closest('section')!;
    const cards = within(today).getAllByRole('article');
    // Sorted by time, whatever order the core sent.
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual(['Menyusun konsep surat dinas', 'Menyusun notulen rapat']);
    expect(within(cards[0]!).getByText('08:00–09:30')).toBeTruthy();
    expect(within(cards[0]!).getByText('2 surat')).toBeTruthy();
    expect(within(cards[0]!).getByText('Dihitung 1 jam')).toBeTruthy();
    expect(within(cards[0]!).getByText('Draf')).toBeTruthy();
    expect(within(cards[0]!).getByText('Belum terkirim')).toBeTruthy();
    expect(within(cards[1]!).getByText('Disetujui')).toBeTruthy();
    expect(within(cards[1]!).queryByText('Belum terkirim')).toBeNull();
    expect(within(today).getByText('Total hari ini: 2 jam 30 menit, dihitung 1 jam 45 menit')).toBeTruthy();

    const capaian = screen.getByRole('heading', { name: 'Capaian November 2026' }).closest('section')!;
    expect(within(capaian).getByText('Capaian 45,2%')).toBeTruthy();
    const bar = within(capaian).getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe(
      'Disetujui 47 jam 30 menit dari 105 jam waktu efektif. Menunggu Verifikasi 10 jam. Perlu Perbaikan 1 jam 30 menit. Capaian 45,2%.',
    );
    expect(bar.style.getPropertyValue('--capaian-approved')).toMatch(/^45\.2380/);
    expect(within(capaian).getByText(/Rp\s?1\.139\.040/)).toBeTruthy();

    // The supervisor's note comes before the entry it is about.
    const fix = screen.getByRole('heading', { name: 'Perlu Perbaikan' }).closest('section')!;
    const note = within(fix).getByText('Volume tidak sesuai, lampirkan nomor suratnya.');
    const card = within(fix).getByRole('article');
    expect(note.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(within(fix).getByRole('button', { name: /^Perbaiki/ }));
    expect(routes.at(-1)).toEqual({ name: 'entry', entry: returned });

    const missing = screen.getByRole('heading', { name: 'Hari kerja yang belum diisi' }).closest('section')!;
    const dayButtons = within(missing).getAllByRole('button');
    expect(dayButtons.map((b) => b.textContent)).toEqual(['Jumat, 20 November', 'Senin, 23 November']);
    await userEvent.click(dayButtons[1]!);
    expect(routes.at(-1)).toEqual({ name: 'entry', date: '2026-11-23' });

    expect(screen.getByText('11 hari lagi sebelum periode November 2026 ditutup (Sabtu, 5 Desember)')).toBeTruthy();
    // October is closed: its entries are not fetched.
    expect(api.callsOf('entry-list').map((a) => a.month)).toEqual(['2026-11']);
    await noAxeViolations(container);
  });

  it('opens the entry detail from today and starts logging from the two big buttons', async () => {
    const api = fakeApi(script());
    const { routes } = renderScreen(<HomeScreen />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Lihat aktivitas pukul 10:00: Menyusun notulen rapat' }));
    expect(routes.at(-1)).toEqual({ name: 'entry-detail', entry: todayApproved, back: { name: 'home' } });
    // Today (Wednesday 25 November) is a working day: the form starts on it.
    await userEvent.click(screen.getByRole('button', { name: 'Catat Aktivitas' }));
    expect(routes.at(-1)).toEqual({ name: 'entry', date: '2026-11-25' });
    await userEvent.click(screen.getByRole('button', { name: 'Ulangi aktivitas kemarin' }));
    expect(routes.at(-1)).toEqual({ name: 'copy-day' });
  });

  it('reloads quietly when a sync run ends, so a sent draft no longer says "Belum terkirim"', async () => {
    const api = fakeApi(script());
    renderScreen(<HomeScreen />, { api });
    const today = (await screen.findByRole('heading', { name: 'Aktivitas hari ini' })).closest('section')!;
    expect(within(today as HTMLElement).getAllByText('Belum terkirim')).toHaveLength(1);

    const status = { enrolled: true, serverUrl: 'http://127.0.0.1:8787', workstationId: null, online: true, pending: 0, lastSuccessAt: null, lastError: null, nextAttemptAt: null, blocked: null };
    api.script({ 'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: month === '2026-11' ? [todayApproved, { ...todayDraft, pending: false }, returned] : [] }) });
    // A status while nothing runs (a local write) is not the end of a run: no reload.
    api.emit('sync-status', { ...status, running: false });
    expect(api.callsOf('entry-list')).toHaveLength(1);
    api.emit('sync-status', { ...status, running: true });
    api.emit('sync-status', { ...status, running: false });
    await vi.waitFor(() => expect(within(today as HTMLElement).queryByText('Belum terkirim')).toBeNull());
    // What was on screen stayed there while the reload ran.
    expect(screen.queryByRole('status', { name: /Memuat/ })).toBeNull();
  });

  it('offers only the empty days the backdating window still accepts, and names the lost ones', async () => {
    const api = fakeApi(
      script({
        'recap-month': ({ month }) =>
          okv(month === '2026-11' ? recapOf({ daysWithoutEntries: ['2026-11-02', '2026-11-03', '2026-11-20', '2026-11-23'] }) : recapOf({ month, daysLeftBeforeClose: 0, daysWithoutEntries: [] })),
      }),
    );
    renderScreen(<HomeScreen />, { api });
    const missing = (await screen.findByRole('heading', { name: 'Hari kerja yang belum diisi' })).closest('section')! as HTMLElement;
    // entry-form says the window starts on Friday 20 November.
    expect(within(missing).getAllByRole('button').map((b) => b.textContent)).toEqual(['Jumat, 20 November', 'Senin, 23 November']);
    expect(missing.textContent).toContain('Sudah lewat batas pencatatan (2 hari): 2 Nov, 3 Nov.');
  });

  it('starts the form on its date step when today is not a working day', async () => {
    // Saturday 28 November: "Hari ini" would be refused, so the person chooses the date first.
    const api = fakeApi(script({ 'calendar-month': () => okv(novemberCalendar('2026-11-28')) }));
    const { routes } = renderScreen(<HomeScreen />, { api });
    await screen.findByRole('heading', { name: 'Aktivitas hari ini' });
    await userEvent.click(screen.getByRole('button', { name: 'Catat Aktivitas' }));
    expect(routes.at(-1)).toEqual({ name: 'entry' });
  });

  it('shows returned entries of last month while its period is open', async () => {
    const october = entryView({ workDate: '2026-10-30', status: 'returned', reviewNote: 'Uraian terlalu umum.', activityName: 'Menyusun laporan bulanan' });
    const api = fakeApi(
      script({
        'calendar-month': () => okv(novemberCalendar('2026-11-03')),
        'recap-month': ({ month }) =>
          okv(month === '2026-11' ? recapOf({ daysWithoutEntries: [], daysLeftBeforeClose: 33 }) : recapOf({ month, periodClosesOn: '2026-11-05', daysLeftBeforeClose: 3 })),
        'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: month === '2026-10' ? [october] : [] }),
      }),
    );
    renderScreen(<HomeScreen />, { api });
    const fix = (await screen.findByRole('heading', { name: 'Perlu Perbaikan' })).closest('section')!;
    expect(within(fix).getByText('Uraian terlalu umum.')).toBeTruthy();
    expect(within(fix).getByText('Jumat, 30 Oktober, 08:00–09:30')).toBeTruthy();
    expect(screen.getByText('3 hari lagi sebelum periode Oktober 2026 ditutup (Kamis, 5 November)')).toBeTruthy();
    expect(api.callsOf('entry-list').map((a) => a.month).sort()).toEqual(['2026-10', '2026-11']);
  });

  it('shows an empty day, and no returned section when nothing is returned', async () => {
    const api = fakeApi(
      script({
        'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: [] }),
        'recap-month': ({ month }) => okv(recapOf({ month, daysWithoutEntries: [], daysLeftBeforeClose: month === '2026-11' ? 1 : 0 })),
      }),
    );
    const { container } = renderScreen(<HomeScreen />, { api });
    expect(await screen.findByText('Belum ada aktivitas hari ini.')).toBeTruthy();
    expect(screen.queryByText(/^Total hari ini/)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Perlu Perbaikan' })).toBeNull();
    expect(screen.getByText('Semua hari kerja sampai hari ini sudah diisi.')).toBeTruthy();
    expect(screen.getByText('Hari ini hari terakhir sebelum periode November 2026 ditutup (Sabtu, 5 Desember)')).toBeTruthy();
    await noAxeViolations(container);
  });

  it('shows no TPP estimate when the server gives no TPP base', async () => {
    const api = fakeApi(script({ 'recap-month': ({ month }) => okv(recapOf({ month, tppEstimate: null, daysLeftBeforeClose: month === '2026-11' ? 11 : 0 })) }));
    renderScreen(<HomeScreen />, { api });
    expect(await screen.findByText('Capaian 45,2%')).toBeTruthy();
    expect(screen.queryByText('Perkiraan TPP kinerja')).toBeNull();
  });

  it('lists sync notices first, before the data has loaded, and opens the entry', async () => {
    const refused = entryView({ id: '0193b2c4-0009-7000-8000-0000000000ff', workDate: '2026-11-24', status: 'draft', syncCode: 'OVERLAP', syncMessage: 'Waktu bertabrakan.' });
    const notice = { entryId: refused.id, workDate: '2026-11-24', startTime: '08:00', endTime: '09:30', code: 'OVERLAP' as const, message: 'Waktu aktivitas ini bertabrakan dengan aktivitas lain. Ubah jamnya lalu kirim lagi.' };
    const gone = { ...notice, entryId: '0193b2c4-0010-7000-8000-0000000000ee', startTime: '13:00', endTime: '14:00' };
    let release: () => void = () => {};
    const api = fakeApi(
      script({
        'calendar-month': () => new Promise((r) => (release = () => r(okv(novemberCalendar())))),
        'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: [refused] }),
      }),
    );
    const { routes, container } = renderScreen(<HomeScreen />, { api, session: sessionInfo({ syncNotices: [notice, gone] }) });
    const section = screen.getByRole('heading', { name: 'Perlu perhatian' }).closest('section')!;
    // First thing after the greeting.
    expect(section.previousElementSibling?.tagName).toBe('H1');
    expect(within(section).getByText('Selasa, 24 November, pukul 08:00–09:30')).toBeTruthy();
    expect(within(section).getAllByText(notice.message)).toHaveLength(2);

    // Not loaded yet: the notice's month is fetched to find the entry.
    await userEvent.click(within(section).getByRole('button', { name: 'Buka aktivitas Selasa, 24 November pukul 08:00' }));
    expect(routes.at(-1)).toEqual({ name: 'entry-detail', entry: refused, back: { name: 'home' } });

    await userEvent.click(within(section).getByRole('button', { name: 'Buka aktivitas Selasa, 24 November pukul 13:00' }));
    expect(await within(section).findByText('Aktivitas ini sudah tidak ada di PC ini.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /pukul 13:00/ })).toBeNull();
    release();
    await screen.findByRole('heading', { name: 'Aktivitas hari ini' });
    await noAxeViolations(container);
  });

  it('shows a refusal with Coba lagi, and loads again on retry', async () => {
    let fail = true;
    const api = fakeApi(script({ 'calendar-month': () => (fail ? failv('APP_UNREACHABLE') : okv(novemberCalendar())) }));
    const { container } = renderScreen(<HomeScreen />, { api });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Aplikasi tidak menjawab');
    expect(screen.getByText('Beranda belum dapat dimuat.')).toBeTruthy();
    await noAxeViolations(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('heading', { name: 'Aktivitas hari ini' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.callsOf('calendar-month')).toHaveLength(2);
  });

  it('speaks English when the person switched language', async () => {
    const api = fakeApi(script());
    renderScreen(<HomeScreen />, { api, lang: 'en' });
    expect(await screen.findByText('Achievement 45.2%')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log activity' })).toBeTruthy();
  });
});

describe('firstName', () => {
  it.each([
    ['Siti Aminah Zahro, S.Psi.', 'Siti'],
    ['Dr. Ir. Budi Santoso, M.T.', 'Budi'],
    ['I Made Surya Adnyana, S.T., M.M.', 'I Made'],
    ['Ni Luh Ayu Lestari, S.AP.', 'Ni Luh'],
    ['Hj. Nurul Aini', 'Nurul'],
    ['Yakobus Ohoiwutun', 'Yakobus'],
    ['Sukarno', 'Sukarno'],
  ])('%s → %s', (full, first) => {
    expect(firstName(full)).toBe(first);
  });
});

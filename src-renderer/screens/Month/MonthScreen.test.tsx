import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectNoAxeViolations as noAxeViolations } from '../../test/axe';
import { describe, expect, it } from 'vitest';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { EMPLOYEE_ID, entryView, novemberCalendar, recapOf } from '../Home/test-fixtures';
import { MonthScreen } from './MonthScreen';

const draft = entryView({ workDate: '2026-11-24', startTime: '13:00', endTime: '14:00', minutes: 60, creditedMinutes: 60, status: 'draft', pending: true });
const approved = entryView({ workDate: '2026-11-24', startTime: '08:00', endTime: '10:00', minutes: 120, creditedMinutes: 90, status: 'approved', activityName: 'Menyusun notulen rapat', outputUnit: 'dokumen', volume: 2 });
const approved2 = entryView({ workDate: '2026-11-24', startTime: '10:00', endTime: '11:00', minutes: 60, creditedMinutes: 60, status: 'approved', activityName: 'Memverifikasi SPJ', outputUnit: 'berkas', volume: 3 });
const submitted = entryView({ workDate: '2026-11-02', startTime: '08:00', endTime: '11:00', minutes: 180, creditedMinutes: 180, status: 'submitted', activityName: 'Menyusun laporan bulanan', outputUnit: 'laporan', volume: 1 });
const rejected = entryView({ workDate: '2026-11-02', startTime: '13:00', endTime: '14:00', minutes: 60, creditedMinutes: 60, status: 'rejected', activityName: 'Mengarsipkan dokumen dinas' });
const october = entryView({ workDate: '2026-10-30', status: 'approved', activityName: 'Menyusun analisis jabatan (anjab)', outputUnit: 'dokumen', volume: 1 });

function script(over: Script = {}): Script {
  return {
    'calendar-month': ({ month }) => {
      if (!month || month === '2026-11') return okv(novemberCalendar());
      return okv({ month, today: '2026-11-25', days: [{ date: `${month}-30`, weekday: 5, working: true, reason: null, kind: 'working' }] });
    },
    'recap-month': ({ month }) => okv(recapOf({ month, daysLeftBeforeClose: month === '2026-11' ? 11 : 0, periodClosesOn: month === '2026-11' ? '2026-12-05' : '2026-11-05' })),
    'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: month === '2026-11' ? [submitted, rejected, draft, approved, approved2] : [october] }),
    ...over,
  };
}

describe('MonthScreen', () => {
  it('lists the month by day, newest first, with day totals and the recap', async () => {
    const api = fakeApi(script());
    const { container } = renderScreen(<MonthScreen />, { api });
    const list = (await screen.findByRole('heading', { name: 'Semua aktivitas November 2026' })).closest('section')!;
    const days = within(list).getAllByRole('heading', { level: 3 });
    expect(days.map((h) => h.textContent)).toEqual(['Selasa, 24 November 2026', 'Senin, 2 November 2026']);
    const day24 = days[0]!.closest('section')!;
    expect(within(day24).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Menyusun notulen rapat',
      'Memverifikasi SPJ',
      'Menyusun konsep surat dinas',
    ]);
    expect(within(day24).getByText('Total: 4 jam, dihitung 3 jam 30 menit')).toBeTruthy();
    // A rejected entry no longer counts toward its day.
    expect(within(days[1]!.closest('section')!).getByText('Total: 3 jam, dihitung 3 jam')).toBeTruthy();
    expect(screen.getByText('Capaian 45,2%')).toBeTruthy();
    expect(screen.getByText('11 hari lagi sebelum periode November 2026 ditutup (Sabtu, 5 Desember)')).toBeTruthy();
    expect(api.callsOf('calendar-month')).toEqual([{}]);
    await noAxeViolations(container);
  });

  it('opens a draft in the editor and an approved entry in the detail', async () => {
    const api = fakeApi(script());
    const { routes } = renderScreen(<MonthScreen />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Ubah aktivitas pukul 13:00: Menyusun konsep surat dinas' }));
    expect(routes.at(-1)).toEqual({ name: 'entry', entry: draft });
    await userEvent.click(screen.getByRole('button', { name: 'Lihat aktivitas pukul 08:00: Menyusun notulen rapat' }));
    expect(routes.at(-1)).toEqual({ name: 'entry-detail', entry: approved, back: { name: 'month', month: '2026-11' } });
  });

  it('switches months back and forth, never past the current month', async () => {
    const api = fakeApi(script());
    renderScreen(<MonthScreen />, { api });
    await screen.findByText('Capaian 45,2%');
    const next = screen.getByRole('button', { name: 'Bulan berikutnya, Desember 2026' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(next);
    expect(api.callsOf('calendar-month')).toHaveLength(1);

    const prev = screen.getByRole('button', { name: 'Bulan sebelumnya, Oktober 2026' });
    prev.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Semua aktivitas Oktober 2026' })).toBeTruthy();
    expect(screen.getByText('Menyusun analisis jabatan (anjab)')).toBeTruthy();
    expect(screen.getByText('Periode Oktober 2026 sudah ditutup (Kamis, 5 November).')).toBeTruthy();
    expect(api.callsOf('entry-list').at(-1)).toEqual({ month: '2026-10' });
    // The switcher stayed on screen, so the keyboard is where it was.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Bulan sebelumnya, September 2026');

    const forward = screen.getByRole('button', { name: 'Bulan berikutnya, November 2026' });
    expect(forward.getAttribute('aria-disabled')).toBeNull();
    await userEvent.click(forward);
    expect(await screen.findByRole('heading', { name: 'Semua aktivitas November 2026' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bulan berikutnya, Desember 2026' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('opens on the month of the route', async () => {
    const api = fakeApi(script());
    renderScreen(<MonthScreen month="2026-10" />, { api });
    expect(await screen.findByRole('heading', { name: 'Semua aktivitas Oktober 2026' })).toBeTruthy();
    expect(api.callsOf('calendar-month')).toEqual([{ month: '2026-10' }]);
  });

  it('follows the route when it names another month while the screen stays open', async () => {
    const api = fakeApi(script());
    const { rerender } = renderScreen(<MonthScreen month="2026-10" />, { api });
    await screen.findByRole('heading', { name: 'Semua aktivitas Oktober 2026' });
    rerender(<MonthScreen />);
    expect(await screen.findByRole('heading', { name: 'Semua aktivitas November 2026' })).toBeTruthy();
    expect(api.callsOf('calendar-month')).toEqual([{ month: '2026-10' }, {}]);
  });

  it('shows the calendar: weeks from Monday, totals, status counts, non-working reasons, today', async () => {
    const api = fakeApi(script());
    const { container } = renderScreen(<MonthScreen />, { api });
    const toggle = await screen.findByRole('button', { name: 'Kalender' });
    expect(screen.getByRole('button', { name: 'Daftar' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('heading', { name: 'Semua aktivitas November 2026' })).toBeNull();

    const table = screen.getByRole('table', { name: 'Kalender November 2026' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'SenSenin', 'SelSelasa', 'RabRabu', 'KamKamis', 'JumJumat', 'SabSabtu', 'MinMinggu',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    // 1 November 2026 is a Sunday: six empty cells before it.
    expect(within(rows[0]!).getAllByRole('cell').slice(0, 6).every((c) => c.textContent === '')).toBe(true);
    const first = within(rows[0]!).getByRole('button');
    expect(first.textContent).toContain('akhir pekan');

    const day24 = within(table).getByRole('button', { name: /^Selasa, 24 November 2026/ });
    expect(day24.textContent).toContain('4 jam');
    expect(day24.textContent).toContain('2 disetujui');
    expect(day24.textContent).toContain('1 draf');
    const cuti = within(table).getByRole('button', { name: /^Jumat, 13 November 2026/ });
    expect(cuti.textContent).toContain('cuti');
    expect(cuti.closest('td')!.className).toContain('cal-off');
    const today = within(table).getByRole('button', { name: /^Rabu, 25 November 2026/ });
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(within(table).getAllByRole('button').filter((b) => b.getAttribute('aria-current'))).toHaveLength(1);

    // Today is selected at first: nothing logged, and a way to log.
    expect(today.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: 'Rabu, 25 November 2026' })).toBeTruthy();
    expect(screen.getByText('Tidak ada aktivitas di hari ini.')).toBeTruthy();
    await noAxeViolations(container);
  });

  it('selects a day in the calendar and lists its entries below', async () => {
    const api = fakeApi(script());
    const { routes } = renderScreen(<MonthScreen />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Kalender' }));
    const table = screen.getByRole('table');
    await userEvent.click(within(table).getByRole('button', { name: /^Senin, 2 November 2026/ }));
    const panel = screen.getByRole('heading', { level: 2, name: 'Senin, 2 November 2026' }).closest('section')!;
    expect(within(panel).getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual([
      'Menyusun laporan bulanan',
      'Mengarsipkan dokumen dinas',
    ]);
    expect(within(panel).getByText('Ditolak')).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Lihat aktivitas pukul 08:00: Menyusun laporan bulanan' }));
    expect(routes.at(-1)).toEqual({ name: 'entry-detail', entry: submitted, back: { name: 'month', month: '2026-11' } });
    await userEvent.click(within(panel).getByRole('button', { name: 'Catat aktivitas di hari ini' }));
    expect(routes.at(-1)).toEqual({ name: 'entry', date: '2026-11-02' });

    // A weekend shows why it is not a working day; a future day offers no logging.
    await userEvent.click(within(table).getByRole('button', { name: /^Sabtu, 28 November 2026/ }));
    const weekend = screen.getByRole('heading', { level: 2, name: 'Sabtu, 28 November 2026' }).closest('section')!;
    expect(within(weekend).getByText('akhir pekan')).toBeTruthy();
    expect(within(weekend).queryByRole('button', { name: 'Catat aktivitas di hari ini' })).toBeNull();
  });

  it('opens the printable recap of the month shown', async () => {
    const api = fakeApi(script());
    const { routes } = renderScreen(<MonthScreen month="2026-10" />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Cetak laporan bulan ini' }));
    expect(routes.at(-1)).toEqual({ name: 'report', kind: 'employee', month: '2026-10', back: { name: 'month', month: '2026-10' } });
  });

  it('shows an empty month', async () => {
    const api = fakeApi(script({ 'entry-list': ({ month }) => okv({ employeeId: EMPLOYEE_ID, month, entries: [] }) }));
    renderScreen(<MonthScreen />, { api });
    expect(await screen.findByText('Belum ada aktivitas di bulan ini.')).toBeTruthy();
  });

  it('shows a refusal and loads again on Coba lagi', async () => {
    let fail = true;
    const api = fakeApi(script({ 'recap-month': ({ month }) => (fail ? failv('APP_UNREACHABLE') : okv(recapOf({ month }))) }));
    const { container } = renderScreen(<MonthScreen month="2026-11" />, { api });
    expect((await screen.findByRole('alert')).textContent).toContain('Aplikasi tidak menjawab');
    await noAxeViolations(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByText('Capaian 45,2%')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

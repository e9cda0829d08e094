import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../src-shared/api';
import { errorOf, failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { disabled, entryView, expectNoAxeViolations, TELAAHAN, text, TODAY } from '../Entry/test-fixtures';
import { CopyDayScreen } from './CopyDayScreen';

const YESTERDAY = '2026-11-24';

/** Yesterday: a letter at 08:00, a telaahan at 09:00, and a meeting at 13:00 that clashes with today's. */
const SOURCES = [
  entryView({ id: '0190a3f1-0000-7000-8000-0000000000a1', workDate: YESTERDAY, startTime: '08:00', endTime: '09:00', status: 'approved', pending: false }),
  entryView({
    id: '0190a3f1-0000-7000-8000-0000000000a2',
    workDate: YESTERDAY,
    startTime: '09:00',
    endTime: '11:00',
    activityId: TELAAHAN.id,
    activityName: TELAAHAN.name,
    outputUnit: 'dokumen',
    volume: 1,
    description: 'Telaahan staf tentang usulan perubahan nomenklatur jabatan',
    status: 'submitted',
    pending: false,
  }),
  entryView({
    id: '0190a3f1-0000-7000-8000-0000000000a3',
    workDate: YESTERDAY,
    startTime: '13:00',
    endTime: '15:00',
    activityName: 'Mengikuti rapat koordinasi',
    status: 'submitted',
    pending: false,
  }),
];

const COPIES = [
  entryView({ ...SOURCES[0], id: '0190a3f1-0000-7000-8000-0000000000b1', workDate: TODAY, status: 'draft', rev: 1, pending: true }),
  entryView({ ...SOURCES[1], id: '0190a3f1-0000-7000-8000-0000000000b2', workDate: TODAY, status: 'draft', rev: 1, pending: true }),
];

const copied = (): CommandResult<'entry-copy-day'> => ({
  fromDate: YESTERDAY,
  toDate: TODAY,
  created: COPIES,
  skipped: [{ sourceId: SOURCES[2]!.id, error: { ...errorOf('OVERLAP', { startTime: '13:30', endTime: '14:30' }), field: 'startTime' } }],
});

function setup(over: Script = {}) {
  const api = fakeApi({
    'entry-copy-day': () => okv(copied()),
    'entry-list': () => okv({ employeeId: COPIES[0]!.employeeId, month: '2026-11', entries: SOURCES }),
    'entry-submit': (a) => okv({ entry: { ...COPIES.find((c) => c.id === a.entryId)!, status: 'submitted', rev: a.rev + 1 }, warnings: [] }),
    ...over,
  });
  const user = userEvent.setup();
  const ui = <CopyDayScreen />;
  // Not a spread: the render result's `routes` is not an enumerable property.
  return Object.assign(renderScreen(ui, { api, route: { name: 'copy-day' } }), { api, user });
}

const createdItems = () => within(screen.getByRole('region', { name: 'Draf baru (2)' })).getAllByRole('listitem');

describe('CopyDayScreen — Ulangi aktivitas kemarin', () => {
  afterEach(() => configure({ reactStrictMode: false }));

  it('copies once, even when effects run twice, and lists the new drafts with their details', async () => {
    // A strict root runs every effect twice on mount (a StrictMode nested under the wrapper would not).
    configure({ reactStrictMode: true });
    const { api, container } = setup();
    expect(text(screen.getByRole('status'))).toBe('Menyalin aktivitas…');
    expect(await screen.findByText('Aktivitas Selasa, 24 November disalin ke Rabu, 25 November sebagai draf. Periksa, ubah bila perlu, lalu kirim.')).toBeTruthy();
    expect(api.callsOf('entry-copy-day')).toEqual([{}]);
    const items = createdItems();
    expect(items).toHaveLength(2);
    expect(text(items[0])).toContain('08:00–09:00');
    expect(text(items[0])).toContain('Menyusun konsep surat dinas');
    expect(text(items[0])).toContain('1 surat');
    expect(text(items[1])).toContain('Telaahan staf tentang usulan perubahan nomenklatur jabatan');
    expect(text(items[1])).toContain('Draf');
    await screen.findByText('Mengikuti rapat koordinasi');
    await expectNoAxeViolations(container);
  });

  it('lists what could not be copied, with the source time, activity and the reason', async () => {
    const { api } = setup();
    const region = await screen.findByRole('region', { name: 'Tidak dapat disalin (1)' });
    await waitFor(() => expect(text(region)).toContain('13:00–15:00 Mengikuti rapat koordinasi'));
    expect(text(region)).toContain('Waktu ini bertabrakan dengan aktivitas lain pada 13:30–14:30.');
    expect(api.callsOf('entry-list')).toEqual([{ month: '2026-11' }]);
  });

  it('"Ubah" opens the wizard on that draft', async () => {
    const { user, routes } = setup();
    await screen.findByRole('region', { name: 'Draf baru (2)' });
    await user.click(screen.getByRole('button', { name: `Ubah 09:00–11:00 ${TELAAHAN.name}` }));
    expect(routes).toEqual([{ name: 'entry', entry: COPIES[1] }]);
  });

  it('"Kirim semua" sends each draft at its revision and shows the result per entry', async () => {
    const { api, user } = setup({
      'entry-submit': (a) =>
        a.entryId === COPIES[1]!.id
          ? failv('PERIOD_CLOSED', { period: '2026-10', closedOn: '2026-11-05' })
          : okv({ entry: { ...COPIES[0]!, status: 'submitted', rev: 2 }, warnings: [] }),
    });
    await screen.findByRole('region', { name: 'Draf baru (2)' });
    await user.click(screen.getByRole('button', { name: 'Kirim semua' }));
    await screen.findByText('Sebagian belum terkirim. Lihat pesan di aktivitasnya.');
    expect(api.callsOf('entry-submit')).toEqual([
      { entryId: COPIES[0]!.id, rev: 1 },
      { entryId: COPIES[1]!.id, rev: 1 },
    ]);
    const [sent, refused] = createdItems();
    expect(text(sent)).toContain('Menunggu Verifikasi');
    expect(within(sent!).queryByRole('button', { name: /^Ubah/ })).toBeNull();
    expect(text(within(refused!).getByRole('alert'))).toContain('Periode 2026-10 sudah ditutup pada Kamis, 5 November.');
    // Only the one still a draft can be sent again.
    expect(disabled(screen.getByRole('button', { name: 'Kirim semua' }))).toBe(false);
  });

  it('says so when everything was sent, and that it goes out when the network is back', async () => {
    const { user } = setup();
    await screen.findByRole('region', { name: 'Draf baru (2)' });
    await user.click(screen.getByRole('button', { name: 'Kirim semua' }));
    expect(await screen.findByText('Semua draf sudah dikirim dan menunggu verifikasi atasan.')).toBeTruthy();
    expect(screen.getByText('Akan dikirim otomatis saat jaringan tersedia.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim semua' })).toBeNull();
  });

  it('nothing to copy: a plain message and a way to record an activity', async () => {
    const { user, routes, container } = setup({ 'entry-copy-day': () => failv('NOTHING_TO_COPY', { date: YESTERDAY }) });
    expect(await screen.findByText('Tidak ada aktivitas Selasa, 24 November yang dapat disalin.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Catat Aktivitas' }));
    expect(routes).toEqual([{ name: 'entry' }]);
  });

  it('shows any other refusal as an error', async () => {
    setup({ 'entry-copy-day': () => failv('NOT_WORKING_DAY', { date: TODAY, reason: 'libur: Hari Guru' }, 'workDate') });
    expect(text(await screen.findByRole('alert'))).toContain('Rabu, 25 November bukan hari kerja Anda (libur: Hari Guru).');
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failv, okv } from '../../test/fake-api';
import { button, heading, headingFocused, pickToday, setup, toTimeStep } from './wizard-harness';
import { disabled, entryForm, expectNoAxeViolations, focused, issue, PANITIA, SURAT, TELAAHAN, text, TODAY, valueOf } from './test-fixtures';

describe('EntryWizard — step 1, the date', () => {
  it('offers today and yesterday first; a refused day stays visible with its reason and cannot be chosen', async () => {
    const { user, container } = setup();
    expect(text(screen.getByRole('status'))).toMatch('Memuat…');
    // The description is what a screen reader says with the button (aria-describedby).
    await screen.findByRole('button', { name: 'Hari ini (Rabu, 25 Nov)', description: /Sudah dicatat 1 jam 30 menit/ });
    expect(button('Kemarin (Selasa, 24 Nov)')).toBeTruthy();
    expect(screen.getByText('Langkah 1 dari 5')).toBeTruthy();
    await waitFor(() => expect(focused(screen.getByRole('heading', { level: 2, name: 'Kapan aktivitas ini dikerjakan?' }))).toBe(true));

    const sunday = screen.getByRole('button', { name: 'Minggu, 22 Nov', description: /Tidak dapat dipilih: Minggu, 22 November bukan hari kerja Anda \(akhir pekan\)/ });
    expect(sunday.getAttribute('aria-disabled')).toBe('true');
    await user.click(sunday);
    expect(screen.getByRole('heading', { level: 2, name: 'Kapan aktivitas ini dikerjakan?' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('shows a warning day (dinas luar) and lets it be chosen', async () => {
    const { user } = setup();
    const monday = await screen.findByRole('button', { name: 'Senin, 23 Nov', description: /Perhatian: Senin, 23 November bukan hari kerja Anda \(dinas luar\)/ });
    expect(monday.getAttribute('aria-disabled')).toBeNull();
    await user.click(monday);
    await headingFocused('Aktivitas apa yang dikerjakan?');
    expect(screen.getByText('Tanggal: Senin, 23 November')).toBeTruthy();
  });

  it('starts at the activity step when opened on a date', async () => {
    setup({}, { date: '2026-11-24' });
    expect(await heading('Aktivitas apa yang dikerjakan?')).toBeTruthy();
    expect(screen.getByText('Langkah 2 dari 5')).toBeTruthy();
    expect(screen.getByText('Tanggal: Selasa, 24 November')).toBeTruthy();
  });

  it('opened on a day outside the window: back to the date step with the rule that refuses it', async () => {
    const { api } = setup(
      { 'entry-check': () => okv({ issues: [issue('error', 'DATE_BEFORE_WINDOW', { days: 3, earliest: '2026-11-20' }, 'workDate')] }) },
      { date: '2026-11-18' },
    );
    expect(await heading('Kapan aktivitas ini dikerjakan?')).toBeTruthy();
    expect(text(screen.getByRole('alert'))).toMatch('paling awal Jumat, 20 November');
    expect(api.callsOf('entry-check')).toEqual([{ workDate: '2026-11-18' }]);
  });

  it('says why the form cannot open and retries', async () => {
    let fail = true;
    const { user } = setup({ 'entry-form': () => (fail ? failv('APP_UNREACHABLE') : okv(entryForm())) });
    expect(text(await screen.findByRole('alert'))).toMatch('Aplikasi tidak menjawab');
    fail = false;
    await user.click(button('Coba lagi'));
    expect(await screen.findByRole('button', { name: 'Hari ini (Rabu, 25 Nov)' })).toBeTruthy();
  });
});

describe('EntryWizard — step 2, the activity', () => {
  it('shows the core order before typing (favourite first), with satuan and norm', async () => {
    const { user, api, container } = setup();
    await pickToday(user);
    const first = await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ });
    expect(text(first)).toMatch('± 30 menit per surat');
    const names = screen.getAllByRole('button', { name: /^Menyusun|^Menjadi/ }).map((b) => b.querySelector('.activity-name')?.textContent);
    expect(names).toEqual([SURAT.name, TELAAHAN.name, 'Menyusun analisis jabatan (anjab)', PANITIA.name]);
    expect(text(button(/^Menjadi panitia/))).toMatch('Dihitung sesuai lama pengerjaan');
    expect(screen.getByRole('heading', { name: 'Favorit dan yang sering Anda pakai' })).toBeTruthy();
    expect(api.callsOf('catalog-search')).toEqual([{}]);
    await expectNoAxeViolations(container);
  });

  it('before typing keeps the list short (favourites and recent, topped up), the rest on request', async () => {
    const more = Array.from({ length: 10 }, (_, n) => ({ ...PANITIA, id: `de30c000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, name: `Menyusun dokumen nomor ${n + 1}` }));
    const { user } = setup({ 'catalog-search': () => okv({ items: [SURAT, TELAAHAN, ...more] }) });
    await pickToday(user);
    await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ });
    expect(screen.getAllByRole('button', { name: /^Menyusun / })).toHaveLength(8);
    await user.click(button('Tampilkan 4 aktivitas lainnya'));
    expect(screen.getAllByRole('button', { name: /^Menyusun / })).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /^Tampilkan/ })).toBeNull();
  });

  it('searches after a pause, once for a word typed quickly, and says when nothing matches', async () => {
    const { user, api } = setup();
    await pickToday(user);
    await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ });
    await user.type(screen.getByLabelText('Cari aktivitas'), 'telaahan');
    // While the search waits, the old rows are gone at once (a Tab must not land on a row about to vanish).
    expect(screen.queryByRole('button', { name: /^Menyusun konsep surat/ })).toBeNull();
    expect(await screen.findByRole('button', { name: /^Menyusun telaahan staf/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Menyusun konsep surat/ })).toBeNull();
    expect(api.callsOf('catalog-search')).toEqual([{}, { query: 'telaahan' }]);
    expect(screen.getByRole('heading', { name: 'Hasil pencarian' })).toBeTruthy();

    await user.clear(screen.getByLabelText('Cari aktivitas'));
    await user.type(screen.getByLabelText('Cari aktivitas'), 'xyz');
    expect(await screen.findByText('Tidak ada aktivitas yang cocok dengan "xyz". Coba kata lain.')).toBeTruthy();
  });

  it('toggles a favourite with the star, without choosing the activity', async () => {
    const { user, api } = setup();
    await pickToday(user);
    const star = await screen.findByRole('button', { name: `Favorit: ${TELAAHAN.name}` });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    await user.click(star);
    await waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true'));
    expect(api.callsOf('catalog-favorite-set')).toEqual([{ activityId: TELAAHAN.id, favorite: true }]);
    expect(screen.getByRole('heading', { level: 2, name: 'Aktivitas apa yang dikerjakan?' })).toBeTruthy();
  });

  it('shows a refused favourite change', async () => {
    const { user } = setup({ 'catalog-favorite-set': () => failv('ACTIVITY_UNAVAILABLE', undefined, 'activityId') });
    await pickToday(user);
    await user.click(await screen.findByRole('button', { name: `Favorit: ${TELAAHAN.name}` }));
    expect(text(await screen.findByRole('alert'))).toMatch('Aktivitas ini tidak tersedia untuk Anda');
  });

  it('links an RHK (optional, "Tidak dikaitkan" by default) and sends it with the entry', async () => {
    const { user, api } = setup();
    await pickToday(user);
    const select = await screen.findByLabelText('Kaitkan ke RHK (tidak wajib)');
    expect((select as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Tidak dikaitkan');
    await user.selectOptions(select, 'Tersusunnya analisis jabatan perangkat daerah');
    await user.click(await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ }));
    await heading('Jam berapa dikerjakan?');
    await user.click(button('+1 jam'));
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await user.click(button('Lanjut'));
    await user.type(await screen.findByLabelText('Uraian'), 'Konsep surat permintaan data anjab');
    await user.click(button('Lanjut'));
    await heading('Periksa lalu kirim');
    expect(screen.getByText('Tersusunnya analisis jabatan perangkat daerah')).toBeTruthy();
    await user.click(button('Kirim'));
    await screen.findByText('Terkirim — menunggu verifikasi atasan');
    expect(api.callsOf('entry-create')[0]).toMatchObject({ rhkId: 'de30b000-0000-4000-8000-000000000011' });
  });

  it('offers free text only when the unit allows it', async () => {
    const { user, api } = setup({ 'entry-form': () => okv(entryForm({ allowFreeTextActivity: true })) });
    await pickToday(user);
    const free = await screen.findByLabelText('Tidak ada di daftar? Tulis nama aktivitas');
    expect(disabled(button('Pakai nama ini'))).toBe(true);
    await user.type(free, 'Mendampingi kunjungan kerja');
    await user.click(button('Pakai nama ini'));
    await heading('Jam berapa dikerjakan?');
    await user.click(button('+30 menit'));
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await user.click(button('Lanjut'));
    await user.type(await screen.findByLabelText('Uraian'), 'Mendampingi kunjungan kerja ke kelurahan');
    await user.click(button('Lanjut'));
    await heading('Periksa lalu kirim');
    await user.click(button('Kirim'));
    await screen.findByText('Terkirim — menunggu verifikasi atasan');
    expect(api.callsOf('entry-create')[0]).toMatchObject({ activityId: null, activityText: 'Mendampingi kunjungan kerja' });
  });

  it('has no free text field when the unit does not allow it', async () => {
    const { user } = setup();
    await pickToday(user);
    await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ });
    expect(screen.queryByLabelText('Tidak ada di daftar? Tulis nama aktivitas')).toBeNull();
  });
});

describe('EntryWizard — step 3, the time', () => {
  it('fills both times with a quick pick and shows the credited minutes, capped by the norm', async () => {
    const { user, api, container } = setup();
    await toTimeStep(user);
    expect(disabled(button('Lanjut'))).toBe(true);
    expect(button('Lanjut dari 09:00')).toBeTruthy();
    expect(button('Sampai sekarang (10:40)')).toBeTruthy();
    await user.click(button('+1 jam'));
    expect(valueOf(screen.getByLabelText('Jam mulai'))).toBe('09:00');
    expect(valueOf(screen.getByLabelText('Jam selesai'))).toBe('10:00');
    expect(screen.getByText('Lama: 1 jam')).toBeTruthy();
    expect(screen.getByText('Dihitung 30 menit (norma 30 menit × 1 surat).')).toBeTruthy();
    await waitFor(() => expect(api.callsOf('entry-check')).toEqual([{ workDate: TODAY, startTime: '09:00', endTime: '10:00' }]));
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));

    await user.click(button('Sampai sekarang (10:40)'));
    expect(valueOf(screen.getByLabelText('Jam selesai'))).toBe('10:40');
    await user.click(button('+2 jam'));
    expect(valueOf(screen.getByLabelText('Jam selesai'))).toBe('11:00');
    await expectNoAxeViolations(container);
  });

  it('counts the whole duration for an activity without a norm', async () => {
    const { user } = setup();
    await toTimeStep(user, PANITIA.name);
    await user.click(button('+2 jam'));
    expect(screen.getByText('Dihitung: 2 jam')).toBeTruthy();
  });

  it('starts from the window on a day with nothing logged, and has no "sampai sekarang" on a past day', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Kemarin (Selasa, 24 Nov)' }));
    await user.click(await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ }));
    await heading('Jam berapa dikerjakan?');
    expect(button('Lanjut dari 07:30')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sampai sekarang/ })).toBeNull();
    await user.click(button('+30 menit'));
    expect(valueOf(screen.getByLabelText('Jam mulai'))).toBe('07:30');
    expect(valueOf(screen.getByLabelText('Jam selesai'))).toBe('08:00');
  });

  it('shows an overlap at the time step and blocks Lanjut until the times are fixed', async () => {
    const overlap = issue('error', 'OVERLAP', { startTime: '08:30', endTime: '09:30' }, 'startTime');
    const { user } = setup({
      'entry-check': (a) => okv({ issues: a.startTime === '09:00' ? [overlap] : [] }),
    });
    await toTimeStep(user);
    await user.click(button('+1 jam'));
    expect(text(await screen.findByRole('alert'))).toMatch('Waktu ini bertabrakan dengan aktivitas lain pada 08:30–09:30.');
    expect(disabled(button('Lanjut'))).toBe(true);

    fireEvent.change(screen.getByLabelText('Jam mulai'), { target: { value: '09:30' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(disabled(button('Lanjut'))).toBe(false);
  });

  it('shows the day limit and an end before the start as errors', async () => {
    const { user } = setup({
      'entry-check': (a) =>
        okv({
          issues:
            a.endTime === '08:00'
              ? [issue('error', 'END_BEFORE_START', undefined, 'endTime')]
              : [issue('error', 'DAY_LIMIT_EXCEEDED', { total: 510, max: 450 }, 'endTime')],
        }),
    });
    await toTimeStep(user);
    await user.click(button('+2 jam'));
    expect(text(await screen.findByRole('alert'))).toMatch('Total aktivitas hari itu menjadi 510 menit, melebihi batas 450 menit per hari.');
    fireEvent.change(screen.getByLabelText('Jam selesai'), { target: { value: '08:00' } });
    await waitFor(() => expect(text(screen.getByRole('alert'))).toMatch('Jam selesai harus setelah jam mulai.'));
    expect(disabled(button('Lanjut'))).toBe(true);
  });

  it('shows a warning (outside working hours) but lets the person go on, and repeats it on the review', async () => {
    const late = issue('warning', 'OUTSIDE_WORKING_HOURS', { start: '07:30', end: '16:00' }, 'endTime');
    const { user } = setup({ 'entry-check': (a) => okv({ issues: a.startTime ? [late] : [] }) });
    await toTimeStep(user);
    fireEvent.change(screen.getByLabelText('Jam mulai'), { target: { value: '15:30' } });
    fireEvent.change(screen.getByLabelText('Jam selesai'), { target: { value: '17:00' } });
    expect(await screen.findByText(/Waktu di luar jam kerja \(07:30–16:00\)/)).toBeTruthy();
    expect(disabled(button('Lanjut'))).toBe(false);
    await user.click(button('Lanjut'));
    await user.type(await screen.findByLabelText('Uraian'), 'Menyelesaikan konsep surat balasan');
    await user.click(button('Lanjut'));
    await heading('Periksa lalu kirim');
    expect(text(screen.getByRole('status'))).toMatch('Waktu di luar jam kerja (07:30–16:00)');
  });
});

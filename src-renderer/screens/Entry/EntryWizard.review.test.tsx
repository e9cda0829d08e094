import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommandArgs } from '../../../src-shared/api';
import { failv, fakeApi, okv } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { EntryWizard } from './EntryWizard';
import { button, heading, headingFocused, setup, toOutputStep, toReview } from './wizard-harness';
import { disabled, entryForm, expectNoAxeViolations, focused, issue, SURAT, text, TODAY, valueOf } from './test-fixtures';

describe('EntryWizard — step 4, output and uraian', () => {
  it('counts the uraian as the rule does, steps the volume and gives an example', async () => {
    const { user, container } = setup();
    await toOutputStep(user);
    const counter = screen.getByTestId('description-counter');
    expect(text(counter)).toMatch('0 dari paling sedikit 10 huruf');
    await user.type(screen.getByLabelText('Uraian'), 'aaaaaaaaaa');
    // A run of one letter counts as two (meaningfulLength): padding does not pass.
    expect(text(counter)).toMatch('2 dari paling sedikit 10 huruf');
    await user.clear(screen.getByLabelText('Uraian'));
    await user.type(screen.getByLabelText('Uraian'), 'Konsep surat');
    expect(text(counter)).toMatch('11 huruf — sudah cukup');

    const volume = screen.getByLabelText('Jumlah hasil');
    expect(valueOf(volume)).toBe('1');
    expect(disabled(button('Kurangi jumlah'))).toBe(true);
    await user.click(button('Tambah jumlah'));
    await user.click(button('Tambah jumlah'));
    expect(valueOf(volume)).toBe('3');
    expect(screen.getByText('Contoh: Menyusun konsep surat dinas sebanyak 3 surat tentang … untuk …')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('asks the core on Lanjut and shows DESCRIPTION_TOO_SHORT and VOLUME_INVALID here', async () => {
    const { user, api } = setup({
      'entry-check': (a) =>
        okv({
          issues:
            a.description !== undefined
              ? [issue('error', 'VOLUME_INVALID', { max: 999 }, 'volume'), issue('error', 'DESCRIPTION_TOO_SHORT', { min: 10 }, 'description')]
              : [],
        }),
    });
    await toOutputStep(user);
    await user.clear(screen.getByLabelText('Jumlah hasil'));
    await user.type(screen.getByLabelText('Jumlah hasil'), '1500');
    await user.type(screen.getByLabelText('Uraian'), 'Rapat');
    await user.click(button('Lanjut'));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toMatch('Jumlah hasil harus bilangan bulat dari 1 sampai 999.');
    expect(text(alert)).toMatch('Uraian terlalu singkat. Tulis apa yang dikerjakan, paling sedikit 10 huruf.');
    expect(screen.getByRole('heading', { level: 2, name: 'Apa hasilnya?' })).toBeTruthy();
    expect(screen.getByLabelText('Uraian').getAttribute('aria-invalid')).toBe('true');
    expect(api.callsOf('entry-check').at(-1)).toEqual({
      workDate: TODAY,
      startTime: '09:00',
      endTime: '10:00',
      activityId: SURAT.id,
      activityText: null,
      rhkId: null,
      volume: 1500,
      description: 'Rapat',
      evidenceNote: null,
    });
  });
});

describe('EntryWizard — going back and the review', () => {
  it('keeps every value when going back and forth', async () => {
    const { user } = setup();
    await toOutputStep(user);
    await user.type(screen.getByLabelText('Uraian'), 'Konsep surat undangan');
    await user.click(button('Tambah jumlah'));
    await user.click(button('Kembali'));
    await heading('Jam berapa dikerjakan?');
    expect(valueOf(screen.getByLabelText('Jam mulai'))).toBe('09:00');
    expect(valueOf(screen.getByLabelText('Jam selesai'))).toBe('10:00');
    await user.click(button('Kembali'));
    await heading('Aktivitas apa yang dikerjakan?');
    expect(screen.getByText(`Pilihan sekarang: ${SURAT.name}`)).toBeTruthy();
    await user.click(button('Kembali'));
    expect(await heading('Kapan aktivitas ini dikerjakan?')).toBeTruthy();
    expect(button('Hari ini (Rabu, 25 Nov)').getAttribute('aria-pressed')).toBe('true');
    await user.click(button('Hari ini (Rabu, 25 Nov)'));
    await user.click(await screen.findByRole('button', { name: 'Lanjut' }));
    await heading('Jam berapa dikerjakan?');
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await user.click(button('Lanjut'));
    await heading('Apa hasilnya?');
    expect(valueOf(screen.getByLabelText('Uraian'))).toBe('Konsep surat undangan');
    expect(valueOf(screen.getByLabelText('Jumlah hasil'))).toBe('2');
  });

  it('shows everything in words; "Ubah" jumps to the step and comes back to the review', async () => {
    const { user, container } = setup();
    await toReview(user);
    expect(screen.getByText('Rabu, 25 November 2026')).toBeTruthy();
    expect(screen.getByText('09:00–10:00')).toBeTruthy();
    expect(screen.getByText('Lama 1 jam, dihitung 30 menit')).toBeTruthy();
    expect(screen.getByText('1 surat')).toBeTruthy();
    expect(screen.getByText('Tidak dikaitkan')).toBeTruthy();
    await expectNoAxeViolations(container);

    await user.click(button('Ubah Waktu'));
    await heading('Jam berapa dikerjakan?');
    fireEvent.change(screen.getByLabelText('Jam selesai'), { target: { value: '09:45' } });
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await user.click(button('Lanjut'));
    await headingFocused('Periksa lalu kirim');
    expect(screen.getByText('09:00–09:45')).toBeTruthy();
  });

  it('Kirim creates the entry as submitted and says it waits for the supervisor', async () => {
    const { user, api, routes } = setup();
    await toReview(user);
    await user.click(button('Kirim'));
    await headingFocused('Terkirim — menunggu verifikasi atasan');
    expect(screen.getByText('Akan dikirim otomatis saat jaringan tersedia.')).toBeTruthy();
    expect(api.callsOf('entry-create')).toEqual([
      {
        workDate: TODAY,
        startTime: '09:00',
        endTime: '10:00',
        activityId: SURAT.id,
        activityText: null,
        rhkId: null,
        volume: 1,
        description: 'Konsep surat undangan rapat evaluasi kelembagaan',
        evidenceNote: null,
        submit: true,
      } satisfies CommandArgs<'entry-create'>,
    ]);
    await user.click(button('Ke Beranda'));
    expect(routes).toEqual([{ name: 'home' }]);
  });

  it('Simpan Draf saves a draft; "Catat aktivitas lain" opens a fresh form on the same day', async () => {
    const { user, api } = setup();
    await toReview(user);
    await user.click(button('Simpan Draf'));
    await heading('Tersimpan sebagai draf');
    expect(api.callsOf('entry-create')[0]).toMatchObject({ submit: false });
    await user.click(button('Catat aktivitas lain'));
    expect(await heading('Aktivitas apa yang dikerjakan?')).toBeTruthy();
    expect(screen.queryByText(/Pilihan sekarang/)).toBeNull();
    expect(api.callsOf('entry-form')).toHaveLength(2);
    await user.click(await screen.findByRole('button', { name: /^Menyusun telaahan staf/ }));
    await heading('Jam berapa dikerjakan?');
    expect(valueOf(screen.getByLabelText('Jam mulai'))).toBe('');
  });

  it('takes a refusal of the save back to the step of its field, and from there straight back to the review', async () => {
    const { user, api } = setup({ 'entry-create': () => failv('OVERLAP', { startTime: '09:30', endTime: '10:30' }, 'startTime') });
    await toReview(user);
    await user.click(button('Kirim'));
    await headingFocused('Jam berapa dikerjakan?');
    expect(text(screen.getByRole('alert'))).toMatch('bertabrakan dengan aktivitas lain pada 09:30–10:30');
    expect(valueOf(screen.getByLabelText('Jam mulai'))).toBe('09:00');

    fireEvent.change(screen.getByLabelText('Jam mulai'), { target: { value: '10:30' } });
    fireEvent.change(screen.getByLabelText('Jam selesai'), { target: { value: '11:00' } });
    // The refusal concerned the old times: it goes once they change.
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await user.click(button('Lanjut'));
    await headingFocused('Periksa lalu kirim');
    expect(screen.getByText('10:30–11:00')).toBeTruthy();
    expect(api.callsOf('entry-check').at(-1)).toMatchObject({ startTime: '10:30', endTime: '11:00', description: 'Konsep surat undangan rapat evaluasi kelembagaan' });
  });

  it('keeps a refusal without a field on the review; no answer from the app points to Bulan Ini', async () => {
    const { user, routes } = setup({ 'entry-create': () => failv('APP_UNREACHABLE') });
    await toReview(user);
    await user.click(button('Kirim'));
    expect(text(await screen.findByRole('alert'))).toMatch('Aplikasi tidak menjawab');
    expect(screen.getByRole('heading', { level: 2, name: 'Periksa lalu kirim' })).toBeTruthy();
    await user.click(button('Buka Bulan Ini'));
    expect(routes).toEqual([{ name: 'month' }]);
  });

  it('can be done by keyboard alone, with the focus where the person has to act', async () => {
    const { user, api } = setup();
    /** Presses Tab until `target` has the focus: it must be reachable by keyboard, in a few steps. */
    const tabTo = async (target: HTMLElement) => {
      for (let i = 0; i < 12 && !focused(target); i++) await user.tab();
      expect(focused(target)).toBe(true);
    };
    await headingFocused('Kapan aktivitas ini dikerjakan?');
    await tabTo(button('Hari ini (Rabu, 25 Nov)'));
    await user.keyboard('{Enter}');
    await headingFocused('Aktivitas apa yang dikerjakan?');
    await tabTo(await screen.findByRole('button', { name: /^Menyusun konsep surat dinas/ }));
    await user.keyboard('{Enter}');
    await headingFocused('Jam berapa dikerjakan?');
    await tabTo(button('+1 jam'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await tabTo(button('Lanjut'));
    await user.keyboard('{Enter}');
    await heading('Apa hasilnya?');
    // Step 4 puts the focus in the uraian: typing starts at once.
    await waitFor(() => expect(focused(screen.getByLabelText('Uraian'))).toBe(true));
    await user.keyboard('Konsep surat undangan rapat');
    await tabTo(button('Lanjut'));
    await user.keyboard('{Enter}');
    await headingFocused('Periksa lalu kirim');
    await tabTo(button('Kirim'));
    await user.keyboard('{Enter}');
    await headingFocused('Terkirim — menunggu verifikasi atasan');
    expect(api.callsOf('entry-create')[0]).toMatchObject({ startTime: '09:00', endTime: '10:00', description: 'Konsep surat undangan rapat', submit: true });
  });

});

describe('EntryWizard — language', () => {
  it('speaks English when the person switched', async () => {
    const api = fakeApi({ 'entry-form': () => okv(entryForm()) });
    renderScreen(<EntryWizard />, { api, lang: 'en' });
    expect(await screen.findByRole('button', { name: 'Today (Wednesday, 25 Nov)' })).toBeTruthy();
    expect(within(screen.getByRole('heading', { level: 2 })).getByText('When did you do this?')).toBeTruthy();
  });
});

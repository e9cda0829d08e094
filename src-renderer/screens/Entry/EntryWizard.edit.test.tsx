import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../src-shared/api';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { EntryWizard } from './EntryWizard';
import { disabled, entryForm, entryView, expectNoAxeViolations, focused, issue, searchCatalog, SURAT, text, valueOf } from './test-fixtures';

/** A returned entry: Pak/Bu atasan asked for a better uraian. */
const RETURNED = entryView({
  id: '0190a3f1-2222-7000-8000-000000000002',
  workDate: '2026-11-24',
  startTime: '09:00',
  endTime: '10:00',
  status: 'returned',
  rev: 3,
  reviewNote: 'Uraian kurang jelas: surat untuk siapa?',
  reviewerId: '0190a3f0-0000-7000-8000-000000000100',
  description: 'Menyusun surat dinas',
});

function setup(entry: EntryView, over: Script = {}) {
  let rev = entry.rev;
  const api = fakeApi({
    'entry-form': () => okv(entryForm()),
    'catalog-search': (a) => okv({ items: searchCatalog(a.query) }),
    'entry-check': () => okv({ issues: [] }),
    'entry-update': (a) => {
      rev += 1;
      return okv({ entry: { ...entry, ...a.changes, evidenceNote: a.changes.evidenceNote ?? null, rhkId: a.changes.rhkId ?? null, activityText: null, rev }, warnings: [] });
    },
    'entry-submit': (a) => {
      rev += 1;
      return okv({ entry: { ...entry, id: a.entryId, status: 'submitted', rev }, warnings: [] });
    },
    ...over,
  });
  const user = userEvent.setup();
  const rendered = renderScreen(<EntryWizard entry={entry} />, { api, route: { name: 'entry', entry } });
  // Not a spread: the render result's `routes` is not an enumerable property.
  return Object.assign(rendered, { api, user });
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('EntryWizard — changing a draft or returned entry', () => {
  it('opens on the review, filled in, with the supervisor note and the norm of its activity', async () => {
    const { api, container } = setup(RETURNED);
    const h = await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await waitFor(() => expect(focused(h)).toBe(true));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ubah Aktivitas');
    expect(text(screen.getByText('Catatan atasan').parentElement)).toContain('Uraian kurang jelas: surat untuk siapa?');
    expect(screen.getByText('Selasa, 24 November 2026')).toBeTruthy();
    expect(screen.getByText(SURAT.name)).toBeTruthy();
    expect(screen.getByText('Menyusun surat dinas')).toBeTruthy();
    // Norm 30 × 1 surat caps the hour: the catalog item was found by its id.
    expect(await screen.findByText('Lama 1 jam, dihitung 30 menit')).toBeTruthy();
    expect(api.callsOf('catalog-search')).toEqual([{ query: SURAT.name }]);
    expect(button('Kirim ulang')).toBeTruthy();
    expect(button('Simpan perubahan')).toBeTruthy();
    // The whole entry is checked once on opening, as itself (it does not clash with its own slot).
    await waitFor(() => expect(api.callsOf('entry-check')[0]).toMatchObject({ workDate: '2026-11-24', startTime: '09:00', entryId: RETURNED.id }));
    await waitFor(() => expect(disabled(button('Kirim ulang'))).toBe(false));
    await expectNoAxeViolations(container);
  });

  it('"Kirim ulang" updates the entry at its revision, then sends it at the new one', async () => {
    const { api, user } = setup(RETURNED);
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await user.click(button('Ubah Uraian'));
    const uraian = await screen.findByLabelText('Uraian');
    expect(valueOf(uraian)).toBe('Menyusun surat dinas');
    await user.type(uraian, ' undangan rapat untuk para kepala bagian');
    await user.click(button('Lanjut'));
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await waitFor(() => expect(disabled(button('Kirim ulang'))).toBe(false));
    await user.click(button('Kirim ulang'));
    await screen.findByRole('heading', { level: 2, name: 'Terkirim — menunggu verifikasi atasan' });
    expect(api.callsOf('entry-update')).toEqual([
      {
        entryId: RETURNED.id,
        rev: 3,
        changes: {
          workDate: '2026-11-24',
          startTime: '09:00',
          endTime: '10:00',
          activityId: SURAT.id,
          activityText: null,
          rhkId: null,
          volume: 1,
          description: 'Menyusun surat dinas undangan rapat untuk para kepala bagian',
          evidenceNote: null,
        },
      },
    ]);
    expect(api.callsOf('entry-submit')).toEqual([{ entryId: RETURNED.id, rev: 4 }]);
  });

  it('"Simpan perubahan" only updates, and says the returned entry still has to be sent', async () => {
    const { api, user } = setup(RETURNED);
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await waitFor(() => expect(disabled(button('Simpan perubahan'))).toBe(false));
    await user.click(button('Simpan perubahan'));
    await screen.findByRole('heading', { level: 2, name: 'Perubahan tersimpan' });
    expect(screen.getByText('Belum dikirim ulang ke atasan. Kirim ulang bila perbaikannya sudah selesai.')).toBeTruthy();
    expect(api.callsOf('entry-update')).toHaveLength(1);
    expect(api.callsOf('entry-submit')).toEqual([]);
  });

  it('after an update that went through and a send that did not, the next try uses the new revision', async () => {
    let refuse = true;
    const { api, user } = setup(entryView({ status: 'draft', rev: 1 }), {
      'entry-submit': (a) => (refuse ? failv('APP_UNREACHABLE') : okv({ entry: entryView({ id: a.entryId, status: 'submitted', rev: a.rev + 1 }), warnings: [] })),
    });
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await waitFor(() => expect(disabled(button('Kirim'))).toBe(false));
    await user.click(button('Kirim'));
    expect(text(await screen.findByRole('alert'))).toContain('Aplikasi tidak menjawab');
    refuse = false;
    await user.click(button('Kirim'));
    await screen.findByRole('heading', { level: 2, name: 'Terkirim — menunggu verifikasi atasan' });
    expect(api.callsOf('entry-update').map((c) => c.rev)).toEqual([1, 2]);
    expect(api.callsOf('entry-submit').map((c) => c.rev)).toEqual([2, 3]);
  });

  it('opens at the step of a rule the entry breaks now (an overlap made on another PC)', async () => {
    const { api } = setup(RETURNED, {
      'entry-check': () => okv({ issues: [issue('error', 'OVERLAP', { startTime: '09:30', endTime: '10:30' }, 'startTime')] }),
    });
    await screen.findByRole('heading', { level: 2, name: 'Jam berapa dikerjakan?' });
    expect(valueOf(screen.getByLabelText('Jam mulai'))).toBe('09:00');
    // The time step asks again on its own; the same finding is then said once, not twice.
    await waitFor(() => expect(api.callsOf('entry-check')).toHaveLength(2));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(text(screen.getByRole('alert'))).toContain('bertabrakan dengan aktivitas lain pada 09:30–10:30');
    expect(disabled(button('Lanjut'))).toBe(true);
  });

  it('keeps a day the window no longer offers, and can move the entry to another day', async () => {
    const old = entryView({ workDate: '2026-11-17', status: 'returned', rev: 2 });
    const { user, api } = setup(old);
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await waitFor(() => expect(disabled(button('Kirim ulang'))).toBe(false));
    await user.click(button('Ubah Tanggal'));
    await screen.findByRole('heading', { level: 2, name: 'Kapan aktivitas ini dikerjakan?' });
    const keep = button('Tetap pada Selasa, 17 November');
    expect(keep.getAttribute('aria-pressed')).toBe('true');
    await user.click(button('Kemarin (Selasa, 24 Nov)'));
    // "Ubah" leads back to the review, through a check of the whole entry on its new day.
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    expect(screen.getByText('Selasa, 24 November 2026')).toBeTruthy();
    expect(api.callsOf('entry-check').at(-1)).toMatchObject({ workDate: '2026-11-24', entryId: old.id });
  });

  it('shows the activity name of an entry whose catalog item is gone, and counts its time as is', async () => {
    const gone = entryView({ activityId: 'de30c000-0000-4000-8000-000000000042', activityName: 'Mencatat surat masuk pada buku agenda manual' });
    setup(gone);
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    expect(screen.getByText('Mencatat surat masuk pada buku agenda manual')).toBeTruthy();
    expect(screen.getByText('Lama 1 jam, dihitung 1 jam')).toBeTruthy();
  });

  it('edits the time by hand and keeps the change when going back to the review', async () => {
    const { user } = setup(RETURNED);
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    await user.click(button('Ubah Waktu'));
    await screen.findByRole('heading', { level: 2, name: 'Jam berapa dikerjakan?' });
    fireEvent.change(screen.getByLabelText('Jam selesai'), { target: { value: '11:30' } });
    expect(screen.getByText('Lama: 2 jam 30 menit')).toBeTruthy();
    await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
    await user.click(button('Lanjut'));
    await screen.findByRole('heading', { level: 2, name: 'Periksa lalu kirim' });
    expect(screen.getByText('09:00–11:30')).toBeTruthy();
  });
});

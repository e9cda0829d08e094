import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../src-shared/api';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { day, entry, group, queueOf, queueWithout, renderReview, s1, s2, s3, SITI } from './test-fixtures';

/**
 * A decision on a revision that is no longer the current one: the screen reads the entry as it is
 * now, shows what changed, and lets the supervisor decide again on the new revision.
 */

// Siti corrected the entry after it was shown (returned, fixed, sent again on another PC).
const s1Now: ReviewItem = { ...s1, rev: 4, endTime: '09:00', minutes: 60, description: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan tahap II' };

const show = (over: Script) =>
  renderReview(fakeApi({ 'review-queue': () => okv(queueOf({ employees: [group(SITI, [day('2026-11-23', [s1, s2]), day('2026-11-24', [s3], 180)])] })), ...over }));

describe('ReviewScreen: an entry that changed meanwhile', () => {
  it('shows field by field what changed, reloads, and decides again on the new revision', async () => {
    const { api } = show({
      'review-entry': () => okv({ item: s1Now }),
    });
    await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    // The core now holds revision 4; once it is approved it leaves the queue.
    let current = queueOf({ employees: [group(SITI, [day('2026-11-23', [s1Now, s2]), day('2026-11-24', [s3], 180)])] });
    api.script({
      'review-queue': () => okv(current),
      'review-decide': ({ rev }) => {
        if (rev !== 4) return failv('STALE_REVISION', { rev: 4 });
        current = queueWithout(current, [s1.id]);
        return okv({ entry: { ...s1Now, status: 'approved' } });
      },
    });

    await userEvent.click(within(entry('08:00–10:00 Menyusun konsep surat dinas')).getByRole('button', { name: 'Setujui' }));
    expect(api.callsOf('review-decide')).toEqual([{ entryId: s1.id, rev: 2, decision: 'approve' }]);
    const dialog = await screen.findByRole('dialog', { name: 'Aktivitas ini sudah berubah' });
    expect(api.callsOf('review-entry')).toEqual([{ entryId: s1.id }]);
    const rows = within(within(dialog).getByRole('table', { name: 'Yang berubah' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      ['Jam', '08:00–10:00', '08:00–09:00'],
      ['Uraian', s1.description, s1Now.description],
    ]);
    expect(within(dialog).getByText('Aktivitas ini masih menunggu verifikasi Anda. Periksa lagi lalu putuskan.')).toBeTruthy();
    expect(api.callsOf('review-queue')).toHaveLength(2);
    await expectNoAxeViolations(document.body);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Putuskan lagi' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const again = entry('08:00–09:00 Menyusun konsep surat dinas');
    expect(document.activeElement).toBe(again);
    await userEvent.click(within(again).getByRole('button', { name: 'Setujui' }));
    expect(api.callsOf('review-decide').at(-1)).toEqual({ entryId: s1.id, rev: 4, decision: 'approve' });
    expect(screen.queryByRole('article', { name: '08:00–09:00 Menyusun konsep surat dinas' })).toBeNull();
  });

  it('says so when the entry was decided elsewhere, and takes it off the list', async () => {
    const { api } = show({
      'review-decide': () => failv('ENTRY_LOCKED'),
      'review-entry': () => okv({ item: { ...s1, rev: 3, status: 'approved' } }),
    });
    await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    api.script({ 'review-queue': () => okv(queueWithout(queueOf({ employees: [group(SITI, [day('2026-11-23', [s1, s2]), day('2026-11-24', [s3], 180)])] }), [s1.id])) });
    await userEvent.click(within(entry('08:00–10:00 Menyusun konsep surat dinas')).getByRole('button', { name: 'Kembalikan' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Catatan untuk pegawai' }), 'Perbaiki jamnya.');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Kembalikan' }));

    const dialog = await screen.findByRole('dialog', { name: 'Aktivitas ini sudah berubah' });
    expect(within(dialog).getByText('Aktivitas ini sudah diputuskan di tempat lain: Disetujui.')).toBeTruthy();
    expect(within(within(dialog).getByRole('table')).getByRole('row', { name: 'Status Menunggu Verifikasi Disetujui' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Putuskan lagi' })).toBeNull();
    expect(screen.queryByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tutup' }));
    expect(document.activeElement).toBe(entry('10:00–11:30 Mengagendakan surat masuk'));
  });

  it('for "Setujui semua": names the entry, says that nothing was approved, and keeps every entry', async () => {
    const s2Now: ReviewItem = { ...s2, rev: 3, volume: 15 };
    const { api } = show({
      'review-approve-all': () => failv('STALE_REVISION', { entryId: s2.id, rev: 3 }, 'items.1'),
      'review-entry': ({ entryId }) => okv({ item: entryId === s2.id ? s2Now : s1 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Setujui semua tanggal ini (2)' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ya, setujui' }));
    expect(api.callsOf('review-approve-all')).toEqual([{ items: [{ entryId: s1.id, rev: 2 }, { entryId: s2.id, rev: 2 }] }]);

    const dialog = await screen.findByRole('dialog', { name: 'Aktivitas ini sudah berubah' });
    expect(api.callsOf('review-entry')).toEqual([{ entryId: s2.id }]);
    expect(within(dialog).getByText('Tidak ada yang disetujui: semua 2 aktivitas yang dipilih masih menunggu verifikasi.')).toBeTruthy();
    expect(within(dialog).getByText(/aktivitas 10:00–11:30 Mengagendakan surat masuk milik Siti Aminah Zahro/)).toBeTruthy();
    expect(within(within(dialog).getByRole('table')).getByRole('row', { name: 'Hasil 12 surat 15 surat' })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    await expectNoAxeViolations(document.body);
  });

  it('says when the entry can no longer be read', async () => {
    show({ 'review-decide': () => failv('STALE_REVISION', { rev: 3 }), 'review-entry': () => failv('NOT_FOUND') });
    await userEvent.click(within(await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' })).getByRole('button', { name: 'Setujui' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aktivitas ini sudah berubah' });
    expect(within(dialog).getByText('Aktivitas ini tidak dapat dibaca lagi.')).toBeTruthy();
    expect(within(dialog).getByRole('alert')).toBeTruthy();
  });
});

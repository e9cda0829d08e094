import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../src-shared/api';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { day, entry, group, item, queueOf, queueWithout, renderReview, said, y1, y2, y3, YOHANES } from './test-fixtures';

/** Two entries of one person whose times overlap (made on two PCs offline): the supervisor picks the one that stands. */

const y1Free: ReviewItem = { ...y1, overlapsWith: [] };

function show(over: Script = {}) {
  let current = queueOf({ employees: [group(YOHANES, [day('2026-11-24', [y1, y2, y3])])] });
  const api = fakeApi({
    'review-queue': () => okv(current),
    'review-resolve-overlap': ({ others }) => {
      current = queueWithout(current, others.map((o) => o.entryId));
      current = { ...current, employees: current.employees.map((g) => ({ ...g, days: g.days.map((d) => ({ ...d, entries: d.entries.map((e) => (e.id === y1.id ? y1Free : e)) })) })) };
      return okv({ kept: y1Free, returned: [{ ...y2, status: 'returned' }] });
    },
    'review-decide': ({ entryId }) => {
      current = queueWithout(current, [entryId]);
      return okv({ entry: { ...y1Free, status: 'approved' } });
    },
    ...over,
  });
  return renderReview(api);
}

describe('ReviewScreen: overlapping entries', () => {
  it('names the overlap, blocks "Setujui" with the reason, and resolves it with "Pilih yang berlaku"', async () => {
    const { api, container } = show();
    const network = await screen.findByRole('article', { name: '08:00–10:00 Memelihara jaringan komputer' });
    const update = entry('09:00–11:00 Memperbarui aplikasi kepegawaian');
    expect(within(network).getByText('Bertabrakan waktu dengan 09:00–11:00')).toBeTruthy();
    expect(within(update).getByText('Bertabrakan waktu dengan 08:00–10:00')).toBeTruthy();
    const blocked = within(network).getByRole('button', { name: 'Setujui' });
    expect(blocked.getAttribute('aria-disabled')).toBe('true');
    expect(within(network).getByText(/Belum dapat disetujui karena waktunya bertabrakan/)).toBeTruthy();
    await userEvent.click(blocked);
    expect(api.callsOf('review-decide')).toEqual([]);
    expect(said()).toContain('Belum dapat disetujui karena waktunya bertabrakan');
    await expectNoAxeViolations(container);

    await userEvent.click(within(update).getByRole('button', { name: 'Pilih yang berlaku' }));
    const dialog = screen.getByRole('dialog', { name: 'Pilih aktivitas yang berlaku' });
    const radios = within(dialog).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      '08:00–10:00 Memelihara jaringan komputer',
      '09:00–11:00 Memperbarui aplikasi kepegawaian',
    ]);
    expect(within(dialog).getByRole('radio', { name: '08:00–10:00 Memelihara jaringan komputer', description: y1.description })).toBeTruthy();
    const note = within(dialog).getByRole('textbox', { name: 'Catatan untuk pegawai' }) as HTMLTextAreaElement;
    expect(note.value).toBe('Waktu bertabrakan dengan aktivitas lain pada hari yang sama; mohon perbaiki jamnya.');
    await expectNoAxeViolations(document.body);

    // Nothing is chosen for the person.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan yang lain' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Pilih satu aktivitas yang berlaku.');
    expect(document.activeElement).toBe(radios[0]);
    expect(api.callsOf('review-resolve-overlap')).toEqual([]);

    await userEvent.click(within(dialog).getByRole('radio', { name: '08:00–10:00 Memelihara jaringan komputer' }));
    await userEvent.type(note, ' Terima kasih.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan yang lain' }));
    expect(api.callsOf('review-resolve-overlap')).toEqual([
      {
        keep: { entryId: y1.id, rev: 2 },
        others: [{ entryId: y2.id, rev: 2 }],
        note: 'Waktu bertabrakan dengan aktivitas lain pada hari yang sama; mohon perbaiki jamnya. Terima kasih.',
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('article', { name: '09:00–11:00 Memperbarui aplikasi kepegawaian' })).toBeNull();
    expect(said()).toContain('Dikembalikan 1 aktivitas. 08:00–10:00 Memelihara jaringan komputer sekarang dapat disetujui.');

    // The kept one is now approvable, with the focus on it.
    const kept = entry('08:00–10:00 Memelihara jaringan komputer');
    expect(document.activeElement).toBe(kept);
    expect(within(kept).queryByText(/Bertabrakan/)).toBeNull();
    const approve = within(kept).getByRole('button', { name: 'Setujui' });
    expect(approve.getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByRole('button', { name: 'Setujui semua tanggal ini (2)' })).toBeTruthy();
    await userEvent.click(approve);
    expect(api.callsOf('review-decide')).toEqual([{ entryId: y1.id, rev: 2, decision: 'approve' }]);
  });

  it('keeps the dialog and its choice when the core refuses, and the stale path when an entry changed', async () => {
    const { api } = show({ 'review-resolve-overlap': () => failv('APPROVAL_DEADLINE_PASSED', { period: '2026-11', deadline: '2026-12-10' }) });
    await userEvent.click(within(await screen.findByRole('article', { name: '08:00–10:00 Memelihara jaringan komputer' })).getByRole('button', { name: 'Pilih yang berlaku' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('radio', { name: '09:00–11:00 Memperbarui aplikasi kepegawaian' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan yang lain' }));
    expect(api.callsOf('review-resolve-overlap')[0]).toMatchObject({ keep: { entryId: y2.id }, others: [{ entryId: y1.id }] });
    expect(within(dialog).getByRole('alert').textContent).toContain('Batas waktu verifikasi periode November 2026 sudah lewat (10 Desember 2026).');
    expect((within(dialog).getByRole('radio', { name: '09:00–11:00 Memperbarui aplikasi kepegawaian' }) as HTMLInputElement).checked).toBe(true);

    api.script({
      'review-resolve-overlap': () => failv('STALE_REVISION', { entryId: y1.id, rev: 3 }, 'others.0'),
      'review-entry': () => okv({ item: { ...y1, rev: 3, startTime: '07:30', endTime: '09:00', overlapsWith: [] } }),
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan yang lain' }));
    const stale = await screen.findByRole('dialog', { name: 'Aktivitas ini sudah berubah' });
    expect(within(within(stale).getByRole('table')).getByRole('row', { name: 'Jam 08:00–10:00 07:30–09:00' })).toBeTruthy();
    expect(api.callsOf('review-entry')).toEqual([{ entryId: y1.id }]);
  });

  it('offers no choice when the other entry is not waiting: this one can only be returned or rejected', async () => {
    const draftClash = item({ employeeId: YOHANES.id, workDate: '2026-11-24', startTime: '14:00', endTime: '15:30', activityName: 'Mengelola surel dinas' });
    draftClash.overlapsWith = [{ id: '0193c000-9999-7000-8000-000000000001', startTime: '15:00', endTime: '16:00', status: 'approved' }];
    show({ 'review-queue': () => okv(queueOf({ employees: [group(YOHANES, [day('2026-11-24', [draftClash])])] })) });
    const row = await screen.findByRole('article', { name: '14:00–15:30 Mengelola surel dinas' });
    expect(within(row).getByText('Bertabrakan waktu dengan 15:00–16:00 (Disetujui)')).toBeTruthy();
    expect(within(row).getByText(/hanya dapat dikembalikan atau ditolak/)).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Pilih yang berlaku' })).toBeNull();
    expect(within(row).getAllByRole('button').map((b) => b.textContent)).toEqual(['Setujui', 'Kembalikan', 'Tolak']);
  });
});

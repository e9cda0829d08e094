import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectNoAxeViolations as noAxeViolations } from '../../test/axe';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../app/routes';
import { errorOf, failv, fakeApi, okv } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { entryView } from '../Home/test-fixtures';
import { EntryDetailScreen } from './EntryDetailScreen';

const BACK: Route = { name: 'month', month: '2026-11' };
const RHK_ID = '0190a3f0-0000-7000-8000-0000000000a1';

const actionNames = () => within(screen.getByRole('group', { name: 'Tindakan' })).getAllByRole('button').map((b) => b.textContent);

function entryForm(rhk: { id: string; title: string; indicator: string }[]) {
  return okv({
    today: '2026-11-25',
    now: '10:15',
    earliestDate: '2026-11-20',
    dates: [],
    maxMinutesPerDay: 450,
    minDescriptionChars: 10,
    maxVolume: 100,
    allowFreeTextActivity: false,
    rhk: rhk.map((r) => ({ ...r, year: 2026, target: 12, outputUnit: 'dokumen' })),
  });
}

describe('EntryDetailScreen', () => {
  it('shows every field of a draft in plain words, with Kirim, Ubah and Hapus', async () => {
    const draft = entryView({ status: 'draft', pending: true, rhkId: RHK_ID, evidenceNote: 'Arsip di map biru' });
    const api = fakeApi({ 'entry-form': () => entryForm([{ id: RHK_ID, title: 'Tersusunnya naskah dinas bagian', indicator: 'Jumlah naskah' }]) });
    const { container } = renderScreen(<EntryDetailScreen entry={draft} back={BACK} />, { api });
    expect(screen.getByRole('heading', { level: 1, name: 'Rincian aktivitas' })).toBeTruthy();
    const fields = Object.fromEntries(
      [...container.querySelectorAll('.detail-field')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]),
    );
    expect(fields).toMatchObject({
      Status: 'DrafBelum terkirim',
      Tanggal: 'Rabu, 25 November 2026',
      Jam: '08:00–09:30',
      Lama: '1 jam 30 menit',
      'Waktu yang dihitung': '1 jam',
      Aktivitas: 'Menyusun konsep surat dinas',
      Hasil: '2 surat',
      Uraian: 'Menyusun konsep surat undangan rapat evaluasi kelembagaan',
      'Catatan bukti': 'Arsip di map biru',
    });
    // The RHK is named once entry-form answers.
    expect(await screen.findByText('Tersusunnya naskah dinas bagian (Jumlah naskah)')).toBeTruthy();
    expect(screen.getByText(/belum diterima server pusat/)).toBeTruthy();
    expect(actionNames()).toEqual(['Kirim', 'Ubah', 'Hapus', 'Kembali']);
    await noAxeViolations(container);
  });

  it('sends a draft and goes back', async () => {
    const draft = entryView({ status: 'draft', rev: 2 });
    const api = fakeApi({ 'entry-submit': () => okv({ entry: { ...draft, status: 'submitted', rev: 3, pending: true }, warnings: [] }) });
    const { routes } = renderScreen(<EntryDetailScreen entry={draft} back={BACK} />, { api });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(api.callsOf('entry-submit')).toEqual([{ entryId: draft.id, rev: 2 }]);
    expect(routes).toEqual([BACK]);
  });

  it('shows the warnings of a send and stays until the person goes back', async () => {
    const draft = entryView({ status: 'draft', startTime: '16:00', endTime: '17:30' });
    const api = fakeApi({
      'entry-submit': () => okv({ entry: { ...draft, status: 'submitted', rev: 2 }, warnings: [errorOf('OUTSIDE_WORKING_HOURS', { start: '07:30', end: '16:00' })] }),
    });
    const { routes, container } = renderScreen(<EntryDetailScreen entry={draft} back={BACK} />, { api });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(await screen.findByText('Aktivitas sudah dikirim ke atasan.')).toBeTruthy();
    const warning = container.querySelector('[data-code="OUTSIDE_WORKING_HOURS"]')!;
    expect(warning.closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(routes).toEqual([]);
    // The entry shown is the sent one: waiting for review, nothing more to do.
    expect(screen.getByText('Menunggu Verifikasi')).toBeTruthy();
    expect(actionNames()).toEqual(['Kembali']);
    await userEvent.click(screen.getByRole('button', { name: 'Kembali' }));
    expect(routes).toEqual([BACK]);
  });

  it('shows a refused send and keeps the actions', async () => {
    const draft = entryView({ status: 'draft' });
    const api = fakeApi({ 'entry-submit': () => failv('PERIOD_CLOSED', { month: 'Oktober 2026' }) });
    const { routes } = renderScreen(<EntryDetailScreen entry={draft} back={BACK} />, { api });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('[data-code="PERIOD_CLOSED"]')).toBeTruthy();
    expect(routes).toEqual([]);
    expect(actionNames()).toEqual(['Kirim', 'Ubah', 'Hapus', 'Kembali']);
  });

  it('deletes a draft only after the confirm step; Batal and Escape keep it', async () => {
    const draft = entryView({ status: 'draft', rev: 4 });
    const api = fakeApi({ 'entry-delete': () => okv({ deleted: draft.id }) });
    const { routes } = renderScreen(<EntryDetailScreen entry={draft} back={BACK} />, { api });
    const hapus = screen.getByRole('button', { name: 'Hapus' });

    await userEvent.click(hapus);
    let dialog = screen.getByRole('dialog', { name: 'Hapus aktivitas ini?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('Menyusun konsep surat dinas, Rabu, 25 November pukul 08:00–09:30, akan dihapus dan tidak dapat dikembalikan.')).toBeTruthy();
    // The safe choice has the focus, and Tab stays inside the dialog.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Batal' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Ya, hapus' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Batal' }));
    // The dialog is portalled to the body, outside the screen's container.
    await noAxeViolations(dialog);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(hapus);

    await userEvent.click(hapus);
    await userEvent.click(screen.getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsOf('entry-delete')).toEqual([]);

    await userEvent.click(hapus);
    dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, hapus' }));
    expect(api.callsOf('entry-delete')).toEqual([{ entryId: draft.id, rev: 4 }]);
    expect(routes).toEqual([BACK]);
  });

  it('shows a refused delete', async () => {
    const draft = entryView({ status: 'draft' });
    const api = fakeApi({ 'entry-delete': () => failv('STALE_REVISION') });
    const { routes } = renderScreen(<EntryDetailScreen entry={draft} back={BACK} />, { api });
    await userEvent.click(screen.getByRole('button', { name: 'Hapus' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ya, hapus' }));
    expect((await screen.findByRole('alert')).querySelector('[data-code="STALE_REVISION"]')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(routes).toEqual([]);
  });

  it('shows a returned entry with the note first, Perbaiki and Kirim ulang', async () => {
    const returned = entryView({
      status: 'returned',
      rev: 3,
      reviewNote: 'Volume tidak sesuai, lampirkan nomor suratnya.',
      reviewedAt: '2026-11-24T05:00:00.000Z',
      reviewerId: '0190a3f0-0000-7000-8000-000000000102',
    });
    const api = fakeApi({ 'entry-submit': () => okv({ entry: { ...returned, status: 'submitted', rev: 4 }, warnings: [] }) });
    const { routes, container } = renderScreen(<EntryDetailScreen entry={returned} back={{ name: 'home' }} />, { api });
    const note = screen.getByText('Volume tidak sesuai, lampirkan nomor suratnya.');
    expect(note.compareDocumentPosition(container.querySelector('.detail-fields')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText(/^Diperiksa pada: 24 November 2026/)).toBeTruthy();
    expect(actionNames()).toEqual(['Perbaiki', 'Kirim ulang', 'Kembali']);
    await userEvent.click(screen.getByRole('button', { name: 'Perbaiki' }));
    expect(routes.at(-1)).toEqual({ name: 'entry', entry: returned });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim ulang' }));
    expect(api.callsOf('entry-submit')).toEqual([{ entryId: returned.id, rev: 3 }]);
    expect(routes.at(-1)).toEqual({ name: 'home' });
    await noAxeViolations(container);
  });

  it.each([
    ['submitted', 'Aktivitas ini sedang menunggu diperiksa atasan.'],
    ['approved', 'Aktivitas ini sudah Disetujui dan dihitung untuk TPP. Tidak dapat diubah lagi.'],
    ['rejected', 'Aktivitas ini Ditolak atasan dan tidak dapat dikirim ulang.'],
  ] as const)('offers no actions on a %s entry', (status, hint) => {
    const api = fakeApi();
    renderScreen(<EntryDetailScreen entry={entryView({ status })} back={BACK} />, { api });
    expect(screen.getByText(hint)).toBeTruthy();
    expect(actionNames()).toEqual(['Kembali']);
    expect(api.calls).toEqual([]);
  });

  it("shows the server's sync message", () => {
    const refused = entryView({ status: 'draft', syncCode: 'OVERLAP', syncMessage: 'Waktu aktivitas ini bertabrakan dengan aktivitas lain. Ubah jamnya lalu kirim lagi.' });
    renderScreen(<EntryDetailScreen entry={refused} back={BACK} />, { api: fakeApi() });
    expect(screen.getByText('Pesan dari server pusat')).toBeTruthy();
    expect(screen.getByText(refused.syncMessage!)).toBeTruthy();
  });

  it('says the entry is linked to an RHK when the RHK list does not name it', async () => {
    const api = fakeApi({ 'entry-form': () => failv('APP_UNREACHABLE') });
    renderScreen(<EntryDetailScreen entry={entryView({ status: 'approved', rhkId: RHK_ID })} back={BACK} />, { api });
    expect(screen.getByText('Terhubung ke RHK')).toBeTruthy();
    await Promise.resolve();
    expect(api.callsOf('entry-form')).toHaveLength(1);
    expect(screen.getByText('Terhubung ke RHK')).toBeTruthy();
  });
});

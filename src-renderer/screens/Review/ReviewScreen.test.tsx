import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { day, entry, group, item, NOVEMBER, queueOf, queueWithout, renderReview, s1, s2, s3, said, SITI, SYNC_STATUS, y3, YOHANES } from './test-fixtures';

const approved = <T extends { status: string }>(e: T): T => ({ ...e, status: 'approved' });

/** A core that remembers: a decided entry leaves the queue it answers next. */
function script(over: Script = {}): Script {
  let queue = queueOf();
  return {
    'review-queue': () => okv(queue),
    'review-decide': ({ entryId, decision }) => {
      queue = queueWithout(queue, [entryId]);
      return okv({ entry: { ...[s1, s2, s3, y3].find((e) => e.id === entryId)!, status: decision === 'approve' ? 'approved' : decision === 'return' ? 'returned' : 'rejected' } });
    },
    'review-approve-all': ({ items }) => {
      queue = queueWithout(queue, items.map((i) => i.entryId));
      return okv({ approved: items.map((i) => approved([s1, s2, s3, y3].find((e) => e.id === i.entryId)!)) });
    },
    ...over,
  };
}

const show = (over: Script = {}, lang: 'id' | 'en' = 'id') => renderReview(fakeApi(script(over)), lang);

describe('ReviewScreen: the queue', () => {
  it('groups what waits by employee and day, with minutes, the norm, the RHK, flags and the deadline', async () => {
    const { container } = show();
    expect(screen.getByRole('heading', { level: 1, name: 'Verifikasi' })).toBeTruthy();
    const siti = (await screen.findByRole('heading', { level: 2, name: SITI.name })).closest('section')!;
    expect(screen.getByText('6 aktivitas menunggu verifikasi Anda, dihitung 8 jam 45 menit.')).toBeTruthy();
    expect(screen.getByText('Batas verifikasi November 2026: 10 Desember 2026 (tinggal 15 hari)')).toBeTruthy();

    expect(within(siti).getByText('NIP 19920618 201903 2 007 · Analis SDM Aparatur Ahli Pertama')).toBeTruthy();
    expect(within(siti).getByText('3 aktivitas menunggu, dihitung 3 jam 15 menit')).toBeTruthy();
    expect(within(siti).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Senin, 23 November 2026', 'Selasa, 24 November 2026']);
    expect(within(siti).getByText('Total tanggal ini 3 jam 30 menit; menunggu verifikasi 2 jam 30 menit')).toBeTruthy();

    const first = within(siti).getByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    expect(within(first).getByText('Durasi 2 jam, dihitung 1 jam (norma 30 menit × 2 surat)')).toBeTruthy();
    expect(within(first).getByText('Menyusun konsep surat undangan rapat evaluasi kelembagaan')).toBeTruthy();
    expect(within(first).getByText('2 surat')).toBeTruthy();
    expect(within(first).getAllByRole('button').map((b) => b.textContent)).toEqual(['Setujui', 'Kembalikan', 'Tolak']);
    // Each short button tells a screen reader which entry it is about.
    expect(within(first).getByRole('button', { name: 'Setujui', description: '08:00–10:00 Menyusun konsep surat dinas' })).toBeTruthy();

    const notulen = entry('13:00–14:00 Menyusun notulen rapat');
    expect(within(notulen).getByText('Tersusunnya analisis jabatan unit kerja')).toBeTruthy();
    expect(within(notulen).getByText('Notulen No. 12/ORG/XI/2026')).toBeTruthy();
    expect(within(within(notulen).getByRole('list', { name: 'Tanda' })).getAllByRole('listitem').map((l) => l.textContent)).toEqual(['Dicatat terlambat']);
    const report = entry('13:00–15:00 Menyusun laporan pemeliharaan');
    expect(within(report).getByText('Di luar jam kerja')).toBeTruthy();
    expect(within(report).getByText('Bukan hari kerja')).toBeTruthy();
    expect(within(entry('09:00–11:00 Memperbarui aplikasi kepegawaian')).getByText('Jam komputer tidak tepat')).toBeTruthy();

    // "Setujui semua" only where more than one entry can be approved: Siti's Monday and her month;
    // Yohanes has one approvable entry besides his two overlapping ones.
    expect(within(siti).getByRole('button', { name: 'Setujui semua tanggal ini (2)' })).toBeTruthy();
    expect(within(siti).getByRole('button', { name: 'Setujui semua bulan ini (3)' })).toBeTruthy();
    const yohanes = screen.getByRole('heading', { level: 2, name: YOHANES.name }).closest('section')!;
    expect(within(yohanes).queryByRole('button', { name: /^Setujui semua/ })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('approves with one tap: the revision shown is sent, the entry leaves, the outcome is said, the focus moves on', async () => {
    const { api } = show();
    const first = await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    // Meanwhile a sync brought in Yohanes' entries decided on another PC.
    api.script({ 'review-queue': () => okv(queueOf({ employees: [group(SITI, [day('2026-11-23', [s2]), day('2026-11-24', [s3], 180)])] })) });
    await userEvent.click(within(first).getByRole('button', { name: 'Setujui' }));
    expect(api.callsOf('review-decide')).toEqual([{ entryId: s1.id, rev: 2, decision: 'approve' }]);
    expect(screen.queryByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' })).toBeNull();
    expect(said()).toContain('Disetujui: 08:00–10:00 Menyusun konsep surat dinas (Siti Aminah Zahro, S.Psi.)');
    expect(document.activeElement).toBe(entry('10:00–11:30 Mengagendakan surat masuk'));
    // The queue is read again for the core's own figures.
    await vi.waitFor(() => expect(screen.queryByRole('heading', { name: YOHANES.name })).toBeNull());
    expect(api.callsOf('review-queue')).toHaveLength(2);
  });

  it('shows a refusal at the entry and removes nothing', async () => {
    const { api } = show({ 'review-decide': () => failv('NOT_SUPERVISOR') });
    const first = await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    await userEvent.click(within(first).getByRole('button', { name: 'Setujui' }));
    expect(within(first).getByRole('alert').textContent).toContain('Hanya atasan langsung yang dapat memverifikasi aktivitas ini.');
    expect(entry('08:00–10:00 Menyusun konsep surat dinas')).toBe(first);
    expect(api.callsOf('review-queue')).toHaveLength(1);
  });

  it('returns with a required note, trimmed, after saying where it is missing', async () => {
    const { api } = show();
    const first = await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    const opener = within(first).getByRole('button', { name: 'Kembalikan' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Kembalikan aktivitas ini?' });
    const note = within(dialog).getByRole('textbox', { name: 'Catatan untuk pegawai' });
    expect(document.activeElement).toBe(note);
    expect(within(dialog).getByText(/Volume 5 surat, tetapi nomor surat/)).toBeTruthy();
    await expectNoAxeViolations(document.body);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan' }));
    expect(api.callsOf('review-decide')).toEqual([]);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('alert').textContent).toContain('Tuliskan catatan untuk pegawai.');
    expect(document.activeElement).toBe(note);
    await expectNoAxeViolations(document.body);

    await userEvent.type(note, '  Lampirkan nomor surat undangannya.  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kembalikan' }));
    expect(api.callsOf('review-decide')).toEqual([{ entryId: s1.id, rev: 2, decision: 'return', note: 'Lampirkan nomor surat undangannya.' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' })).toBeNull();
    expect(said()).toContain('Dikembalikan: 08:00–10:00 Menyusun konsep surat dinas');
    expect(document.activeElement).toBe(entry('10:00–11:30 Mengagendakan surat masuk'));
  });

  it('keeps the note and the entry when the core refuses a rejection, in words the person reads', async () => {
    const { api } = show({ 'review-decide': () => failv('APPROVAL_DEADLINE_PASSED', { period: '2026-10', deadline: '2026-11-10' }) });
    const first = await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' });
    await userEvent.click(within(first).getByRole('button', { name: 'Tolak' }));
    const dialog = screen.getByRole('dialog', { name: 'Tolak aktivitas ini?' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Catatan untuk pegawai' }), 'Bukan tugas jabatan ini.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tolak' }));
    expect(api.callsOf('review-decide')).toEqual([{ entryId: s1.id, rev: 2, decision: 'reject', note: 'Bukan tugas jabatan ini.' }]);
    expect(within(dialog).getByRole('alert').textContent).toContain('Batas waktu verifikasi periode Oktober 2026 sudah lewat (10 November 2026).');
    expect((within(dialog).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Bukan tugas jabatan ini.');
    // Batal: nothing changed, the focus is back on the button that opened the dialog.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(within(entry('08:00–10:00 Menyusun konsep surat dinas')).getByRole('button', { name: 'Tolak' }));
  });

  it('approves a whole day after a confirmation that counts exactly what is sent', async () => {
    const { api } = show();
    const opener = await screen.findByRole('button', { name: 'Setujui semua tanggal ini (2)' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Setujui 2 aktivitas?' });
    expect(within(dialog).getByText('Siti Aminah Zahro, S.Psi., Senin, 23 November 2026: 2 aktivitas, dihitung 2 jam 30 menit.')).toBeTruthy();
    // An approval cannot be undone: the safe choice has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Batal' }));
    await expectNoAxeViolations(document.body);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, setujui' }));
    expect(api.callsOf('review-approve-all')).toEqual([{ items: [{ entryId: s1.id, rev: 2 }, { entryId: s2.id, rev: 2 }] }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Senin, 23 November 2026' })).toBeNull();
    expect(said()).toContain('Disetujui 2 aktivitas, dihitung 2 jam 30 menit.');
    expect(document.activeElement).toBe(entry('13:00–14:00 Menyusun notulen rapat'));
  });

  it("approves an employee's month, leaving out overlapping entries and saying so; a refusal approves nothing", async () => {
    const y4 = item({ employeeId: YOHANES.id, workDate: '2026-11-25', startTime: '08:00', endTime: '09:00', minutes: 60, creditedMinutes: 60, activityName: 'Membantu pengguna aplikasi' });
    const [yohanesGroup] = queueOf().employees.slice(1);
    const queue = queueOf({ employees: [group(YOHANES, [...yohanesGroup!.days, day('2026-11-25', [y4])])] });
    const { api } = show({ 'review-queue': () => okv(queue), 'review-approve-all': () => failv('NOT_SUPERVISOR') });
    await userEvent.click(await screen.findByRole('button', { name: 'Setujui semua bulan ini (2)' }));
    const dialog = screen.getByRole('dialog', { name: 'Setujui 2 aktivitas?' });
    expect(within(dialog).getByText('Yohanes Kristianto Wibowo, S.Kom., November 2026: 2 aktivitas, dihitung 2 jam 30 menit.')).toBeTruthy();
    expect(within(dialog).getByText(/2 aktivitas yang waktunya bertabrakan tidak ikut disetujui/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, setujui' }));
    expect(api.callsOf('review-approve-all')).toEqual([{ items: [{ entryId: y3.id, rev: 2 }, { entryId: y4.id, rev: 2 }] }]);
    expect(within(dialog).getByText('Tidak ada yang disetujui.')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain('Hanya atasan langsung');
    expect(screen.getAllByRole('article')).toHaveLength(4);
  });

  it('hides the decisions of a period whose deadline passed, with the reason, and leaves it out of "Setujui semua"', async () => {
    const late = item({ employeeId: SITI.id, workDate: '2026-10-30', startTime: '08:00', endTime: '09:00', activityName: 'Menyusun laporan bulanan' });
    const late2 = item({ employeeId: SITI.id, workDate: '2026-10-30', startTime: '09:00', endTime: '10:00', activityName: 'Merekap absensi' });
    const october = { month: '2026-10', deadline: '2026-11-10', daysLeft: -15, open: false };
    const queue = queueOf({ periods: [october, NOVEMBER], employees: [group(SITI, [day('2026-10-30', [late, late2]), day('2026-11-23', [s1, s2])])] });
    const { container } = show({ 'review-queue': () => okv(queue) });
    const warning = await screen.findByText(/Batas verifikasi Oktober 2026 sudah lewat \(10 November 2026\)/);
    expect(warning.className).toContain('alert-warning');
    const old = entry('08:00–09:00 Menyusun laporan bulanan');
    expect(within(old).queryByRole('button')).toBeNull();
    expect(within(old).getByText('Batas verifikasi Oktober 2026 sudah lewat: aktivitas ini tidak dapat diputuskan lagi.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Setujui semua Oktober/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Setujui semua/ }).map((b) => b.textContent)).toEqual(['Setujui semua bulan ini (2)', 'Setujui semua tanggal ini (2)']);
    await expectNoAxeViolations(container);
  });

  it("lists the server's refusals first, each until Mengerti", async () => {
    const notices = [
      { id: 7, entryId: s1.id, employeeName: SITI.name, workDate: '2026-11-23', startTime: '08:00', endTime: '10:00', decision: 'approve' as const, code: 'ENTRY_LOCKED' as const, message: 'Aktivitas ini sudah disetujui di PC lain.', at: '2026-11-25T02:00:00.000Z' },
      { id: 8, entryId: y3.id, employeeName: YOHANES.name, workDate: '2026-11-24', startTime: '13:00', endTime: '15:00', decision: 'return' as const, code: 'STALE_REVISION' as const, message: 'Aktivitas ini sudah diubah di tempat lain.', at: '2026-11-25T01:00:00.000Z' },
    ];
    const { api, container } = show({ 'review-queue': () => okv(queueOf({ notices })), 'review-notice-dismiss': () => okv({ dismissed: true as const }) });
    const section = (await screen.findByRole('heading', { name: 'Keputusan yang tidak diterima server' })).closest('section')!;
    expect(section.previousElementSibling?.tagName).toBe('H1');
    const items = within(section).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Siti Aminah Zahro, S.Psi., Senin, 23 November, pukul 08:00–10:00');
    expect(items[0]!.textContent).toContain('Keputusan Anda: Setujui');
    expect(items[0]!.textContent).toContain('Aktivitas ini sudah disetujui di PC lain.');
    expect(items[1]!.textContent).toContain('Keputusan Anda: Kembalikan');
    await expectNoAxeViolations(container);

    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Mengerti' }));
    expect(api.callsOf('review-notice-dismiss')).toEqual([{ id: 7 }]);
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(document.activeElement).toBe(within(section).getByRole('listitem'));
    await userEvent.click(within(section).getByRole('button', { name: 'Mengerti' }));
    expect(screen.queryByRole('heading', { name: 'Keputusan yang tidak diterima server' })).toBeNull();
    expect(document.activeElement?.textContent).toContain('6 aktivitas menunggu verifikasi Anda');
  });

  it('shows a refusal for an entry this PC no longer holds (no day or times stored) without breaking the screen', async () => {
    // recordRefusedReview stores '' for the day and times when the entry is not on this PC.
    const notices = [{ id: 9, entryId: s1.id, employeeName: '', workDate: '', startTime: '', endTime: '', decision: 'approve' as const, code: 'NOT_FOUND' as const, message: 'Data tidak ditemukan.', at: '2026-11-25T02:00:00.000Z' }];
    const { api } = show({ 'review-queue': () => okv(queueOf({ notices })), 'review-notice-dismiss': () => okv({ dismissed: true as const }) });
    const section = (await screen.findByRole('heading', { name: 'Keputusan yang tidak diterima server' })).closest('section')!;
    const [notice] = within(section).getAllByRole('listitem');
    expect(notice!.textContent).toContain('Keputusan Anda: Setujui');
    expect(notice!.textContent).toContain('Data tidak ditemukan.');
    expect(notice!.textContent).not.toContain('pukul');
    expect(screen.getByRole('heading', { level: 2, name: SITI.name })).toBeTruthy();
    await userEvent.click(within(notice!).getByRole('button', { name: 'Mengerti' }));
    expect(api.callsOf('review-notice-dismiss')).toEqual([{ id: 9 }]);
  });

  it('says when nothing waits and points to Tim', async () => {
    const { routes, container } = show({ 'review-queue': () => okv(queueOf({ employees: [], periods: [] })) });
    expect(await screen.findByText('Tidak ada aktivitas yang menunggu verifikasi.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Lihat Tim' }));
    expect(routes).toEqual([{ name: 'team' }]);
    await expectNoAxeViolations(container);
  });

  it('shows a load refusal with Coba lagi', async () => {
    let fail = true;
    const { api } = show({ 'review-queue': () => (fail ? failv('APP_UNREACHABLE') : okv(queueOf())) });
    expect((await screen.findByRole('alert')).textContent).toContain('Aplikasi tidak menjawab');
    expect(screen.getByText('Daftar verifikasi belum dapat dimuat.')).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('heading', { name: SITI.name })).toBeTruthy();
    expect(api.callsOf('review-queue')).toHaveLength(2);
  });

  it('reloads when a sync pulled changes, without closing an open dialog', async () => {
    const { api } = show();
    await userEvent.click(within(await screen.findByRole('article', { name: '08:00–10:00 Menyusun konsep surat dinas' })).getByRole('button', { name: 'Kembalikan' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Catatan untuk pegawai' }), 'Nomor surat?');
    api.script({ 'review-queue': () => okv(queueOf({ employees: [group(SITI, [day('2026-11-23', [s1, s2])])] })) });
    api.emit('sync-status', { ...SYNC_STATUS, running: true });
    api.emit('sync-status', { ...SYNC_STATUS, running: false });
    await vi.waitFor(() => expect(screen.queryByRole('heading', { name: YOHANES.name })).toBeNull());
    const dialog = screen.getByRole('dialog', { name: 'Kembalikan aktivitas ini?' });
    expect((within(dialog).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Nomor surat?');
  });

  it('speaks English when the person switched language', async () => {
    show({}, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Review' })).toBeTruthy();
    expect(await screen.findByText('Review deadline for November 2026: 10 December 2026 (15 days left)')).toBeTruthy();
    const first = entry('08:00–10:00 Menyusun konsep surat dinas');
    expect(within(first).getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve', 'Return', 'Reject']);
    expect(screen.getByRole('button', { name: 'Approve all on this date (2)' })).toBeTruthy();
  });
});

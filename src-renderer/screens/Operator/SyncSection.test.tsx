import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../src-shared/api';
import { errorOf as appErrorOf, failv, okv, type Script } from '../../test/fake-api';
import { expectNoAxeViolations } from '../../test/axe';
import { renderScreen } from '../../test/render';
import { OperatorScreen } from './OperatorScreen';
import { at, logItem, OPERATOR, operatorApi, SERVER, syncStatus, WORKSTATION } from './test-fixtures';

function setup(over: Script = {}, lang: 'id' | 'en' = 'id') {
  const api = operatorApi(over);
  const view = renderScreen(<OperatorScreen tab="sync" />, { api, session: OPERATOR, lang });
  return { api, view, user: userEvent.setup() };
}

/** The status facts as term → value. */
async function facts(): Promise<Record<string, string>> {
  const list = (await screen.findAllByRole('term'))[0]!.closest('dl')!;
  const out: Record<string, string> = {};
  for (const dt of list.querySelectorAll('dt')) out[dt.textContent!] = dt.nextElementSibling!.textContent!;
  return out;
}
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));
const attempt = (over: Partial<CommandResult<'sync-now'>> = {}): CommandResult<'sync-now'> => ({
  outcome: 'ok',
  error: null,
  pushed: 3,
  applied: 3,
  refused: 0,
  pulled: 12,
  status: syncStatus({ pending: 0, lastSuccessAt: at(25, 10, 5) }),
  ...over,
});

describe('Operator: Sinkronisasi', () => {
  it('summarises where this PC stands with the server', async () => {
    setup({ 'workstation-status': () => okv(syncStatus({ lastError: { code: 'SERVER_UNREACHABLE', message: 'x', at: at(25, 8, 10) } })) });
    expect(await facts()).toEqual({
      Pendaftaran: 'Terdaftar',
      'Alamat server': SERVER,
      'ID PC': WORKSTATION,
      Koneksi: 'Terhubung',
      'Belum terkirim': '3 perubahan',
      'Terakhir berhasil': '25 Nov 09:40',
      'Percobaan berikutnya': '25 Nov 09:45',
      'Kesalahan terakhir': 'Server pusat tidak dapat dihubungi. Data tetap tersimpan di komputer ini dan dikirim otomatis saat jaringan kembali. (25 Nov 08:10)',
    });
  });

  it('says plainly when sending has stopped until the operator acts', async () => {
    setup({ 'workstation-status': () => okv(syncStatus({ blocked: 'revoked', online: true })) });
    expect(await screen.findByText('Pengiriman berhenti: PC ini dicabut dari server. Daftarkan ulang PC ini.')).toBeTruthy();
  });

  it('lists the last attempts in words, newest first', async () => {
    setup({
      'sync-log': () =>
        okv({
          items: [
            logItem({ id: 3, startedAt: at(25, 10, 0), trigger: 'manual', outcome: 'blocked:revoked', pushed: 0, applied: 0, pulled: 0, errorCode: 'WORKSTATION_REVOKED', detail: 'HTTP 403 revoked' }),
            logItem({ id: 2, startedAt: at(25, 9, 50), trigger: 'retry', outcome: 'retry', pushed: 0, applied: 0, pulled: 0, errorCode: 'SERVER_UNREACHABLE', detail: 'fetch failed' }),
            logItem({ id: 1 }),
          ],
        }),
    });
    const table = await screen.findByRole('table', { name: 'Riwayat sinkronisasi, terbaru di atas' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Waktu', 'Pemicu', 'Hasil', 'Dikirim', 'Diterima', 'Ditolak', 'Diambil', 'Kesalahan']);
    expect(rows(table)).toEqual([
      ['25 Nov 10:00', 'Kirim sekarang', 'Berhenti', '0', '0', '0', '0', 'Komputer ini sudah dicabut dari server pusat. Operator perlu mendaftarkannya ulang; data tetap tersimpan.HTTP 403 revoked'],
      ['25 Nov 09:50', 'Coba ulang', 'Gagal, dicoba lagi', '0', '0', '0', '0', 'Server pusat tidak dapat dihubungi. Data tetap tersimpan di komputer ini dan dikirim otomatis saat jaringan kembali.fetch failed'],
      ['25 Nov 09:40', 'Terjadwal', 'Berhasil', '2', '2', '0', '5', '—'],
    ]);
  });

  it('says when there is no history yet', async () => {
    setup({ 'sync-log': () => okv({ items: [] }) });
    expect(await screen.findByText('Belum ada riwayat sinkronisasi.')).toBeTruthy();
  });

  it('"Kirim sekarang" tells the outcome, and the status and the log follow', async () => {
    const { api, user, view } = setup();
    await screen.findByRole('table');
    api.script({ 'sync-now': () => okv(attempt()), 'sync-log': () => okv({ items: [logItem({ id: 2, trigger: 'manual', startedAt: at(25, 10, 5), pushed: 3, applied: 3, pulled: 12 }), logItem()] }) });
    await user.click(screen.getByRole('button', { name: 'Kirim sekarang' }));
    expect(await screen.findByText('Berhasil: 3 dikirim, 3 diterima server, 0 ditolak, 12 diambil dari server.')).toBeTruthy();
    expect(api.callsOf('sync-now')).toEqual([{}]);
    await expect.poll(async () => (await facts())['Belum terkirim']).toBe('0 perubahan');
    await expect.poll(() => rows(screen.getByRole('table'))[0]?.[1]).toBe('Kirim sekarang');
    await expectNoAxeViolations(view.container);
  });

  it('says why an attempt did not get through', async () => {
    const { user } = setup({
      'sync-now': () => okv(attempt({ outcome: 'retry', error: appErrorOf('SERVER_UNREACHABLE'), pushed: 0, applied: 0, pulled: 0, status: syncStatus({ online: false }) })),
    });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Kirim sekarang' }));
    const box = await screen.findByText(/PC ini mencoba lagi otomatis/);
    expect(box.closest('[data-code]')!.getAttribute('data-code')).toBe('SERVER_UNREACHABLE');
    expect(box.closest('[data-code]')!.textContent).toContain('Server pusat tidak dapat dihubungi.');
    expect((await facts()).Koneksi).toBe('Tidak terhubung');
  });

  it('shows a refused "Kirim sekarang" as it comes', async () => {
    const { user } = setup({ 'sync-now': () => failv('APP_UNREACHABLE') });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Kirim sekarang' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Aplikasi tidak menjawab');
  });

  it('follows the sync-status events, and reads the log again after a run', async () => {
    const { api } = setup();
    await screen.findByRole('table');
    expect(api.callsOf('sync-log')).toHaveLength(1);
    await act(async () => api.emit('sync-status', syncStatus({ running: true })));
    expect((await facts()).Koneksi).toBe('Sedang mengirim…');
    await act(async () => api.emit('sync-status', syncStatus({ running: false, pending: 0 })));
    expect((await facts())['Belum terkirim']).toBe('0 perubahan');
    expect(api.callsOf('sync-log')).toHaveLength(2);
  });

  it('says when the status cannot be read, and tries again', async () => {
    const { api, user } = setup({ 'workstation-status': () => failv('APP_UNREACHABLE') });
    expect(await screen.findByText('Status sinkronisasi belum dapat dimuat.')).toBeTruthy();
    api.script({ 'workstation-status': () => okv(syncStatus()) });
    await user.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect((await facts())['Alamat server']).toBe(SERVER);
  });
});

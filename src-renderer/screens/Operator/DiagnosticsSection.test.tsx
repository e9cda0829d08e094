import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { OperatorScreen } from './OperatorScreen';
import { appStatus, at, OPERATOR, operatorApi } from './test-fixtures';

function setup(over: Script = {}, lang: 'id' | 'en' = 'id') {
  const api = operatorApi(over);
  const view = renderScreen(<OperatorScreen tab="diagnostics" />, { api, session: OPERATOR, lang });
  return { api, view, user: userEvent.setup() };
}

async function facts(): Promise<Record<string, string>> {
  const list = (await screen.findAllByRole('term'))[0]!.closest('dl')!;
  const out: Record<string, string> = {};
  for (const dt of list.querySelectorAll('dt')) out[dt.textContent!] = dt.nextElementSibling!.textContent!;
  return out;
}

describe('Operator: Diagnostik', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the facts a help desk asks for', async () => {
    setup();
    expect(await facts()).toEqual({
      'Unit kerja': 'Bagian Organisasi',
      'Versi skema database': '7',
      'ID salinan data (clientId)': '0190a3f0-0000-7000-8000-0000000000c1',
      'Perubahan belum terkirim': '3 perubahan',
    });
    expect(screen.queryByText(/dipulihkan|menemukan masalah/)).toBeNull();
  });

  it('warns of a restore and of a failed backup check', async () => {
    setup({
      'app-status': () =>
        okv(
          appStatus({
            restored: { at: at(24, 7, 30), corruptMovedTo: 'kinerja.db.corrupt-20261124', restoredFrom: 'backups/kinerja-2026-11-23.db', reason: 'quick_check gagal' },
            integrityWarning: 'backups/kinerja-2026-11-25.db: page 12 is never used',
          }),
        ),
    });
    expect(await screen.findByText('Database dipulihkan dari cadangan pada 24 Nov 07:30 (quick_check gagal). Berkas yang rusak disimpan sebagai kinerja.db.corrupt-20261124.')).toBeTruthy();
    expect(screen.getByText('Pemeriksaan cadangan terakhir menemukan masalah: backups/kinerja-2026-11-25.db: page 12 is never used')).toBeTruthy();
  });

  it('checks the database and says how it went', async () => {
    const { api, user, view } = setup({ 'diagnostics-db-check': () => okv({ ok: true, result: 'ok', ms: 84 }) });
    await user.click(await screen.findByRole('button', { name: 'Periksa database' }));
    expect(await screen.findByText('Database baik (hasil pemeriksaan: ok, 84 ms).')).toBeTruthy();
    expect(api.callsOf('diagnostics-db-check')).toEqual([{}]);
    await expectNoAxeViolations(view.container);

    api.script({ 'diagnostics-db-check': () => okv({ ok: false, result: 'row 4 missing from index entries_by_day', ms: 120 }) });
    await user.click(screen.getByRole('button', { name: 'Periksa database' }));
    const bad = await screen.findByText(/Database bermasalah \(hasil pemeriksaan: row 4 missing from index entries_by_day\)/);
    expect(bad.className).toContain('alert-error');
  });

  it('makes a backup now, then reads the facts again', async () => {
    const { api, user } = setup({ 'diagnostics-backup-now': () => okv({ file: 'backups/kinerja-2026-11-25T1005.db', at: at(25, 10, 5) }) });
    await facts();
    await user.click(screen.getByRole('button', { name: 'Buat cadangan sekarang' }));
    expect(await screen.findByText('Cadangan dibuat pada 25 Nov 10:05: backups/kinerja-2026-11-25T1005.db')).toBeTruthy();
    await expect.poll(() => api.callsOf('app-status').length).toBe(2);
  });

  it('downloads the diagnostics zip and names the file', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:kiosk/diag');
    URL.revokeObjectURL = vi.fn();
    const saved: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ download: this.download, href: this.href });
    });
    const { user } = setup({
      'diagnostics-export': () => okv({ fileName: 'kinerja-diagnostik-20261125-1005.zip', mimeType: 'application/zip', base64: btoa('PK\u0003\u0004'), bytes: 48_640 }),
    });
    await user.click(await screen.findByRole('button', { name: 'Unduh diagnostik (.zip)' }));
    expect(await screen.findByText('Berkas kinerja-diagnostik-20261125-1005.zip (47,5 KB) sudah diunduh.')).toBeTruthy();
    expect(saved).toEqual([{ download: 'kinerja-diagnostik-20261125-1005.zip', href: 'blob:kiosk/diag' }]);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/zip');
    expect(blob.size).toBe(4);
  });

  it('shows a refused tool as it comes, and nothing is downloaded', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = setup({ 'diagnostics-export': () => failv('FORBIDDEN'), 'diagnostics-backup-now': () => failv('INTERNAL') });
    await user.click(await screen.findByRole('button', { name: 'Unduh diagnostik (.zip)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berhak melakukan tindakan ini.');
    expect(click).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Buat cadangan sekarang' }));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent).join()).toContain('Terjadi kesalahan pada aplikasi');
  });

  it('renders in English', async () => {
    const { user } = setup({ 'diagnostics-db-check': () => okv({ ok: true, result: 'ok', ms: 84 }) }, 'en');
    expect((await facts())['Changes not sent yet']).toBe('3 changes');
    await user.click(screen.getByRole('button', { name: 'Check the database' }));
    expect(await screen.findByText('The database is fine (check result: ok, 84 ms).')).toBeTruthy();
  });
});

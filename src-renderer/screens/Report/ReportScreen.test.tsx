import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Route } from '../../app/routes';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { AHMAD, DIMAS, SITI, employeeReport, teamReport } from '../Team/test-fixtures';
import { ReportScreen } from './ReportScreen';

const session = sessionInfo({ employee: { ...AHMAD, roles: ['staff', 'supervisor'], hasSubordinates: true } });
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map(text));
const back: Route = { name: 'team', month: '2026-11' };

function script(over: Script = {}): Script {
  return {
    'report-team': ({ month }) => okv(teamReport(month)),
    'report-employee': () => okv(employeeReport()),
    ...over,
  };
}

function setup(props: { kind: 'team' | 'employee'; employeeId?: string }, over: Script = {}, lang: 'id' | 'en' = 'id') {
  const api = fakeApi(script(over));
  const view = renderScreen(<ReportScreen month="2026-11" back={back} {...props} />, { api, session, lang });
  return { api, routes: view.routes, container: view.container };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ReportScreen, one employee', () => {
  it('lays out the recap, the entries by date and the signatures', async () => {
    const { api, container } = setup({ kind: 'employee', employeeId: SITI.id });
    expect(screen.getByRole('heading', { level: 1, name: 'Rekap Kinerja Bulanan — November 2026' })).toBeTruthy();
    expect(await screen.findByText('Bagian Organisasi Sekretariat Daerah Kota Probolinggo', { selector: '.report-unit' })).toBeTruthy();
    expect(api.callsOf('report-employee')).toEqual([{ month: '2026-11', employeeId: SITI.id }]);

    const identity = container.querySelector('dl')!;
    const pairs = [...identity.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling!)]);
    expect(pairs).toEqual([
      ['Nama', SITI.name],
      ['NIP', '19920618 201903 2 007'],
      ['Jabatan', SITI.positionTitle],
      ['Unit kerja', 'Bagian Organisasi Sekretariat Daerah Kota Probolinggo'],
      ['Atasan langsung', `${AHMAD.name}NIP 19800721 200501 1 003`],
      ['Periode', 'November 2026'],
      ['Dibuat pada', expect.stringMatching(/^25 November 2026/)],
    ]);

    expect(rowsOf(screen.getByRole('table', { name: 'Rekapitulasi November 2026' }))).toEqual([
      ['Uraian', 'Jumlah'],
      ['Hari kerja', '21 hari'],
      ['Hari cuti, sakit, atau izin', '1 hari'],
      ['Waktu efektif', '100 jam'],
      ['Disetujui', '47 jam 30 menit'],
      ['Menunggu verifikasi', '10 jam'],
      ['Dikembalikan (perlu perbaikan)', '1 jam 30 menit'],
      ['Ditolak', '1 jam'],
      ['Capaian aktivitas', '45,2%'],
      ['Estimasi TPP kinerja', 'Rp 1.139.040'],
      ['Hari kerja tanpa aktivitas', '2 hari20 Nov, 23 Nov'],
    ]);

    expect(rowsOf(screen.getByRole('table', { name: 'Aktivitas November 2026 (tanpa draf)' }))).toEqual([
      ['Tanggal', 'Waktu', 'Aktivitas', 'Uraian', 'Volume', 'Menit diakui', 'Status'],
      ['2 Nov', '08:00–10:30', 'Menyusun analisis jabatan (anjab)', 'Menyusun analisis jabatan Pranata Komputer', '1 dokumen', '120', 'Disetujui'],
      ['2 Nov', '13:00–14:00', 'Mengarsipkan dokumen dinas', 'Mengarsipkan surat masuk minggu pertama', '12 berkas', '60', 'Ditolak'],
      ['10 Nov', '08:00–09:30', 'Menyusun konsep surat dinas', 'Menyusun konsep surat undangan rapat evaluasi kelembagaan', '2 surat', '90', 'Perlu Perbaikan'],
      ['24 Nov', '10:00–11:00', 'Memverifikasi SPJ', 'Memverifikasi kelengkapan SPJ kegiatan bulan Oktober', '3 berkas', '60', 'Menunggu Verifikasi'],
    ]);

    const signatures = screen.getByRole('region', { name: 'Tanda tangan' });
    expect([...signatures.children].map(text)).toEqual([
      `Mengetahui,Atasan Langsung${AHMAD.name}NIP 19800721 200501 1 003`,
      `Rabu, 25 November 2026Pegawai yang bersangkutan${SITI.name}NIP 19920618 201903 2 007`,
    ]);
    await expectNoAxeViolations(container);
  });

  it('asks for oneself without an employee id, and leaves a line to sign when there is no supervisor', async () => {
    const { api } = setup({ kind: 'employee' }, { 'report-employee': () => okv(employeeReport({ supervisor: null, entries: [] })) });
    expect(await screen.findByText('Tidak ada aktivitas yang dikirim pada bulan ini.')).toBeTruthy();
    expect(api.callsOf('report-employee')).toEqual([{ month: '2026-11' }]);
    const signatures = screen.getByRole('region', { name: 'Tanda tangan' });
    expect(text(signatures.children[0]!)).toBe('Mengetahui,Atasan Langsung(…………………………………)');
  });

  it('prints, downloads the workbook and goes back', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    URL.createObjectURL = vi.fn(() => 'blob:kiosk/1');
    URL.revokeObjectURL = vi.fn();
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { api, routes } = setup(
      { kind: 'employee', employeeId: SITI.id },
      { 'report-xlsx': () => okv({ fileName: 'rekap-siti-2026-11.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: btoa('PK') }) },
    );
    const actions = await screen.findByRole('group', { name: 'Tindakan laporan' });
    await userEvent.click(await within(actions).findByRole('button', { name: 'Cetak' }));
    expect(print).toHaveBeenCalledTimes(1);

    await userEvent.click(within(actions).getByRole('button', { name: 'Unduh Excel' }));
    expect(await screen.findByText('Berkas rekap-siti-2026-11.xlsx sudah diunduh.')).toBeTruthy();
    expect(api.callsOf('report-xlsx')).toEqual([{ kind: 'employee', month: '2026-11', employeeId: SITI.id }]);
    expect(clicks).toHaveBeenCalledTimes(1);

    await userEvent.click(within(actions).getByRole('button', { name: /Kembali/ }));
    expect(routes).toEqual([back]);
  });

  it('shows a refusal with a way back and a way to try again', async () => {
    let fail = true;
    const { container } = setup({ kind: 'employee', employeeId: DIMAS.id }, { 'report-employee': () => (fail ? failv('FORBIDDEN') : okv(employeeReport())) });
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berhak melakukan tindakan ini.');
    expect(screen.getByText('Laporan belum dapat dimuat.')).toBeTruthy();
    // Nothing to print or download without the figures.
    expect(screen.queryByRole('button', { name: 'Cetak' })).toBeNull();
    expect(screen.getByRole('button', { name: /Kembali/ })).toBeTruthy();
    await expectNoAxeViolations(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('button', { name: 'Cetak' })).toBeTruthy();
  });

  it('speaks English', async () => {
    const { container } = setup({ kind: 'employee', employeeId: SITI.id }, {}, 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Monthly performance recap — November 2026' })).toBeTruthy();
    const figures = await screen.findByRole('table', { name: 'Recap of November 2026' });
    expect(rowsOf(figures)).toContainEqual(['Activity achievement', '45.2%']);
    expect(rowsOf(screen.getByRole('table', { name: 'Activities of November 2026 (drafts left out)' }))[1]).toEqual([
      '2 Nov', '08:00–10:30', 'Menyusun analisis jabatan (anjab)', 'Menyusun analisis jabatan Pranata Komputer', '1 dokumen', '120', 'Approved',
    ]);
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(screen.getByText('Acknowledged by,')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});

describe('ReportScreen, the team', () => {
  it('prints the same table as Tim, without its controls, with the dates written out', async () => {
    const { api, container } = setup({ kind: 'team' });
    expect(screen.getByRole('heading', { level: 1, name: 'Rekap Kinerja Bulanan Tim — November 2026' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Rekap tim November 2026' });
    expect(api.callsOf('report-team')).toEqual([{ month: '2026-11' }]);
    expect(rowsOf(table)).toEqual([
      ['Nama', 'Capaian', 'Disetujui', 'Menunggu', 'Dikembalikan', 'Hari tanpa aktivitas', 'Estimasi TPP', 'Belum diverifikasi'],
      [`${SITI.name}NIP 19920618 201903 2 007`, '45,2%', '47 jam 30 menit', '10 jam', '1 jam 30 menit', '2 hari20 Nov, 23 Nov', 'Rp 1.139.040', '4'],
      [expect.stringContaining('Yohanes'), '81,4%', '85 jam 30 menit', '0 menit', '0 menit', '0 hari', 'Rp 1.953.600', '0'],
      [expect.stringContaining('Rahmawati'), '19,0%', '20 jam', '5 jam 30 menit', '45 menit', '3 hari2 Nov, 3 Nov, 4 Nov', 'Rp 319.200', '2'],
      [expect.stringContaining('Dimas'), '0,0%', '0 menit', '0 menit', '0 menit', '5 hari16 Nov, 17 Nov, 18 Nov, 19 Nov, 20 Nov', '—', '0'],
      ['Jumlah (4 pegawai)', '', '153 jam', '15 jam 30 menit', '2 jam 15 menit', '10 hari', 'Rp 3.411.840', '6'],
    ]);
    expect(within(table).queryAllByRole('button')).toEqual([]);

    const identity = container.querySelector('dl')!;
    expect([...identity.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling!)])).toEqual([
      ['Unit kerja', 'Bagian Organisasi Sekretariat Daerah Kota Probolinggo'],
      ['Atasan langsung', `${AHMAD.name}NIP 19800721 200501 1 003`],
      ['Jabatan', AHMAD.positionTitle],
      ['Periode', 'November 2026'],
      ['Batas verifikasi', 'Kamis, 10 Desember 2026 (masih terbuka)'],
      ['Dibuat pada', expect.stringMatching(/^25 November 2026/)],
    ]);
    const signatures = screen.getByRole('region', { name: 'Tanda tangan' });
    expect(text(signatures)).toBe(`Rabu, 25 November 2026Mengetahui,Atasan Langsung${AHMAD.name}NIP 19800721 200501 1 003`);
    await expectNoAxeViolations(container);
  });

  it('downloads the team workbook of that month', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:kiosk/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { api } = setup({ kind: 'team' }, { 'report-xlsx': () => okv({ fileName: 'rekap-tim-2026-11.xlsx', mimeType: 'application/octet-stream', base64: btoa('PK') }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Unduh Excel' }));
    await screen.findByText('Berkas rekap-tim-2026-11.xlsx sudah diunduh.');
    expect(api.callsOf('report-xlsx')).toEqual([{ kind: 'team', month: '2026-11' }]);
  });

  it('speaks English', async () => {
    const { container } = setup({ kind: 'team' }, {}, 'en');
    const table = await screen.findByRole('table', { name: 'Team recap, November 2026' });
    expect(rowsOf(table)[0]).toEqual(['Name', 'Achievement', 'Approved', 'Waiting', 'Returned', 'Days without activity', 'Estimated TPP', 'Not yet verified']);
    expect(screen.getByText('Thursday, 10 December 2026 (still open)')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { TeamScreen } from './TeamScreen';
import { AHMAD, RAHMAWATI, SITI, teamReport } from './test-fixtures';

const session = sessionInfo({ employee: { ...AHMAD, roles: ['staff', 'supervisor'], hasSubordinates: true } });
/** Intl writes "Rp 1.139.040" with a no-break space; the tests read it as a space. */
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');
/** A cell as it reads while closed: the days-without-activity cell shows its count, the dates on demand. */
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => text(c.querySelector('summary') ?? c));

function script(over: Script = {}): Script {
  return { 'report-team': ({ month }) => okv(teamReport(month)), ...over };
}

function setup(over: Script = {}, lang: 'id' | 'en' = 'id') {
  const api = fakeApi(script(over));
  const view = renderScreen(<TeamScreen />, { api, session, lang });
  return { api, routes: view.routes, container: view.container };
}

describe('TeamScreen', () => {
  it('shows a row per subordinate and the totals, with the figures written out', async () => {
    const { container } = setup();
    const table = await screen.findByRole('table', { name: 'Rekap tim November 2026' });
    expect(within(table).getAllByRole('columnheader').map(text)).toEqual([
      'Nama', 'Capaian', 'Disetujui', 'Menunggu', 'Dikembalikan', 'Hari tanpa aktivitas', 'Estimasi TPP', 'Menunggu verifikasi Anda', 'Laporan',
    ]);
    const siti = within(table).getByRole('rowheader', { name: /Siti Aminah Zahro/ }).closest('tr')!;
    expect(text(within(siti).getByRole('rowheader'))).toBe('Siti Aminah Zahro, S.Psi.NIP 19920618 201903 2 007');
    expect(cells(siti).slice(0, 7)).toEqual(['45,2%', '47 jam 30 menit', '10 jam', '1 jam 30 menit', '2 hari', 'Rp 1.139.040', '4']);
    // No TPP base on the server: a dash, not "Rp 0".
    const dimas = within(table).getByRole('rowheader', { name: /Dimas Arya Pratama/ }).closest('tr')!;
    expect(cells(dimas).slice(0, 7)).toEqual(['0,0%', '0 menit', '0 menit', '0 menit', '5 hari', '—', '0']);

    const totals = within(table).getByRole('rowheader', { name: 'Jumlah (4 pegawai)' }).closest('tr')!;
    expect(cells(totals)).toEqual(['', '153 jam', '15 jam 30 menit', '2 jam 15 menit', '10 hari', 'Rp 3.411.840', '6', '']);

    expect(screen.getByText('Batas verifikasi periode November 2026: Kamis, 10 Desember 2026.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('draws each capaian bar to its percentage', async () => {
    setup();
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('rowheader', { name: /Rahmawati/ }).closest('tr')!;
    const fill = row.querySelector<HTMLElement>('.team-bar-fill')!;
    expect(fill.style.getPropertyValue('--fill')).toBe('19%');
  });

  it('lists the days without activity on demand', async () => {
    setup();
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('rowheader', { name: /Rahmawati/ }).closest('tr')!;
    const summary = within(row).getByText('3 hari');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    await userEvent.click(summary);
    expect(details.open).toBe(true);
    expect(text(within(details).getByText(/2 Nov/))).toBe('Tanggal tanpa aktivitas: 2 Nov, 3 Nov, 4 Nov');
  });

  it('switches months: back as far as the PC holds, never past the current month', async () => {
    const { api } = setup();
    await screen.findByRole('table', { name: 'Rekap tim November 2026' });
    expect(api.callsOf('report-team')).toEqual([{}]);
    const next = screen.getByRole('button', { name: 'Bulan berikutnya, Desember 2026' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(next);
    expect(api.callsOf('report-team')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Bulan sebelumnya, Oktober 2026' }));
    expect(await screen.findByRole('table', { name: 'Rekap tim Oktober 2026' })).toBeTruthy();
    expect(screen.getByText(/Batas verifikasi periode Oktober 2026 sudah lewat \(Selasa, 10 November 2026\)/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Bulan sebelumnya, September 2026' }));
    await screen.findByRole('table', { name: 'Rekap tim September 2026' });
    expect(api.callsOf('report-team')).toEqual([{}, { month: '2026-10' }, { month: '2026-09' }]);

    // September is the oldest month on this PC: going further back would show an empty month.
    const prev = screen.getByRole('button', { name: 'Bulan sebelumnya, Agustus 2026' });
    expect(prev.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(prev);
    expect(api.callsOf('report-team')).toHaveLength(3);
    expect(screen.getByText('PC ini menyimpan data bulan ini dan dua bulan sebelumnya.')).toBeTruthy();
  });

  it('opens on the month of the route, and follows the route while it stays open', async () => {
    const api = fakeApi(script());
    const { rerender } = renderScreen(<TeamScreen month="2026-10" />, { api, session });
    await screen.findByRole('table', { name: 'Rekap tim Oktober 2026' });
    // "Tim" in the menu again: the current month.
    rerender(<TeamScreen />);
    expect(await screen.findByRole('table', { name: 'Rekap tim November 2026' })).toBeTruthy();
    expect(api.callsOf('report-team')).toEqual([{ month: '2026-10' }, {}]);
  });

  it('opens a report, the team report and Verifikasi', async () => {
    const { routes } = setup();
    const table = await screen.findByRole('table');
    await userEvent.click(within(table).getByRole('button', { name: `Laporan bulanan ${RAHMAWATI.name}` }));
    expect(routes.at(-1)).toEqual({ name: 'report', kind: 'employee', employeeId: RAHMAWATI.id, month: '2026-11', back: { name: 'team', month: '2026-11' } });

    await userEvent.click(screen.getByRole('button', { name: 'Cetak laporan tim' }));
    expect(routes.at(-1)).toEqual({ name: 'report', kind: 'team', month: '2026-11', back: { name: 'team', month: '2026-11' } });

    await userEvent.click(within(table).getByRole('button', { name: `4 aktivitas ${SITI.name} menunggu verifikasi Anda. Buka Verifikasi.` }));
    expect(routes.at(-1)).toEqual({ name: 'review' });
    // Nothing waiting: a plain count, not a button.
    expect(within(table).queryByRole('button', { name: /Yohanes.*menunggu verifikasi/ })).toBeNull();
  });

  describe('Unduh Excel', () => {
    let blobs: Blob[];
    let clicked: { download: string; href: string }[];
    beforeEach(() => {
      blobs = [];
      clicked = [];
      // jsdom has no object URLs and does not download: the test sees what the browser would be given.
      URL.createObjectURL = vi.fn((b: Blob) => {
        blobs.push(b);
        return `blob:kiosk/${blobs.length}`;
      });
      URL.revokeObjectURL = vi.fn();
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ download: this.download, href: this.href });
      });
    });

    it('asks the core for the workbook of the month shown and saves it', async () => {
      const bytes = 'PK\u0003\u0004 rekap';
      const { api } = setup({
        'report-xlsx': () => okv({ fileName: 'rekap-tim-2026-11.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: btoa(bytes) }),
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Unduh Excel' }));
      expect(await screen.findByText('Berkas rekap-tim-2026-11.xlsx sudah diunduh.')).toBeTruthy();
      expect(api.callsOf('report-xlsx')).toEqual([{ kind: 'team', month: '2026-11' }]);
      expect(clicked).toEqual([{ download: 'rekap-tim-2026-11.xlsx', href: 'blob:kiosk/1' }]);
      expect(blobs[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(new TextDecoder('latin1').decode(await blobs[0]!.arrayBuffer())).toBe(bytes);
      // The temporary link does not stay in the page.
      expect(document.querySelector('a[download]')).toBeNull();
    });

    it('says why when the core refuses', async () => {
      setup({ 'report-xlsx': () => failv('FORBIDDEN') });
      await userEvent.click(await screen.findByRole('button', { name: 'Unduh Excel' }));
      expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berhak melakukan tindakan ini.');
      expect(clicked).toEqual([]);
    });
  });

  it('shows a refusal and loads again on Coba lagi', async () => {
    let fail = true;
    const { container } = setup({ 'report-team': ({ month }) => (fail ? failv('FORBIDDEN') : okv(teamReport(month))) });
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berhak melakukan tindakan ini.');
    expect(screen.getByText('Rekap tim belum dapat dimuat.')).toBeTruthy();
    await expectNoAxeViolations(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('table', { name: 'Rekap tim November 2026' })).toBeTruthy();
  });

  it('says so when the person has nobody to supervise this month', async () => {
    setup({ 'report-team': ({ month }) => okv(teamReport(month, { rows: [], totals: { ...teamReport().totals, employees: 0 } })) });
    expect(await screen.findByText('Anda belum memiliki bawahan langsung pada bulan ini.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cetak laporan tim' })).toBeNull();
  });

  it('reloads the month shown quietly when a sync run ends', async () => {
    const { api } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Bulan sebelumnya, Oktober 2026' }));
    await screen.findByRole('table', { name: 'Rekap tim Oktober 2026' });
    // A decision made on another PC came in: Rahmawati's entries are no longer waiting.
    api.script({ 'report-team': ({ month }) => okv(teamReport(month, { rows: teamReport(month).rows.map((r) => ({ ...r, waitingForReview: 0 })) })) });
    const status = { enrolled: true, serverUrl: 'http://127.0.0.1:8787', workstationId: null, online: true, pending: 0, lastSuccessAt: null, lastError: null, nextAttemptAt: null, blocked: null };
    api.emit('sync-status', { ...status, running: true });
    api.emit('sync-status', { ...status, running: false });
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: /menunggu verifikasi Anda/ })).toBeNull());
    expect(api.callsOf('report-team').at(-1)).toEqual({ month: '2026-10' });
    // The table stayed on screen while the reload ran.
    expect(screen.getByRole('table', { name: 'Rekap tim Oktober 2026' })).toBeTruthy();
  });

  it('speaks English', async () => {
    const { container } = setup({}, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Team recap, November 2026' });
    const siti = within(table).getByRole('rowheader', { name: /Siti Aminah Zahro/ }).closest('tr')!;
    expect(cells(siti).slice(0, 7)).toEqual(['45.2%', '47 h 30 min', '10 h', '1 h 30 min', '2 days', 'Rp 1.139.040', '4']);
    expect(screen.getByRole('button', { name: 'Print team report' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download Excel' })).toBeTruthy();
    expect(screen.getByText('Verification deadline for November 2026: Thursday, 10 December 2026.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});

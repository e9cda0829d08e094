import type { Workbook, Worksheet } from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS as E, DEMO_UNIT } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';
import { playPlan } from './test-scenario';
import { loadExcel } from './xlsx';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
  await playPlan(t);
});
afterEach(() => t.close());

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens the file the way a user's Excel would get it: from the base64 the screen saves. */
async function readBack(base64: string): Promise<Workbook> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  await wb.xlsx.load(Uint8Array.from(Buffer.from(base64, 'base64')).buffer);
  return wb;
}

/** The sheet's rows as plain values (row 1 first), empty cells as null. */
function values(ws: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).value ?? null);
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

const rowStarting = (rows: unknown[][], first: unknown, column = 0) => rows.findIndex((r) => r[column] === first);

describe('report-xlsx, team', () => {
  it('holds the same figures per person and the same totals as the team report', async () => {
    const ahmad = await t.login(E.ahmad);
    const report = await t.call('report-team', { month: '2026-11' }, ahmad);
    const file = await t.call('report-xlsx', { kind: 'team', month: '2026-11' }, ahmad);
    expect(file.fileName).toBe('rekap-tim-2026-11-ahmad-fauzi-rahman.xlsx');
    expect(file.mimeType).toBe(XLSX_MIME);

    const ws = (await readBack(file.base64)).getWorksheet('Rekap Tim')!;
    const rows = values(ws);
    const title = rows.slice(0, 7).map((r) => r[0]);
    expect(title).toContain(DEMO_UNIT.name);
    expect(title).toContain('Periode: November 2026');
    expect(title).toContain('Atasan langsung: Ahmad Fauzi Rahman, S.H., M.H. (NIP 19800721 200501 1 003)');
    expect(title).toContain('Dibuat: 25 November 2026 pukul 09.00');
    expect(title).toContain('Batas verifikasi atasan: 10 Desember 2026');

    const h = rowStarting(rows, 'No');
    expect(rows[h]).toEqual(['No', 'Nama', 'NIP', 'Jabatan', 'Hari kerja', 'Menit efektif', 'Disetujui', 'Menunggu', 'Dikembalikan', 'Ditolak', 'Capaian (%)', 'Hari tanpa aktivitas', 'Estimasi TPP (Rp)']);
    report.rows.forEach(({ employee, recap }, i) => {
      expect(rows[h + 1 + i]).toEqual([
        i + 1,
        employee.name,
        // As text with the spaces of staff documents: a number would lose digits and show as 1.99E+17.
        `${employee.nip.slice(0, 8)} ${employee.nip.slice(8, 14)} ${employee.nip.slice(14, 15)} ${employee.nip.slice(15)}`,
        employee.positionTitle,
        recap.workingDays,
        recap.effectiveMinutes,
        recap.approvedMinutes,
        recap.waitingMinutes,
        recap.returnedMinutes,
        recap.rejectedMinutes,
        recap.capaianPercent,
        recap.daysWithoutEntries.length,
        recap.tppEstimate,
      ]);
    });
    const totalsAt = h + 1 + report.rows.length;
    const tot = report.totals;
    expect(rows[totalsAt]).toEqual([null, 'Jumlah', null, null, null, tot.effectiveMinutes, tot.approvedMinutes, tot.waitingMinutes, tot.returnedMinutes, tot.rejectedMinutes, null, tot.daysWithoutEntries, tot.tppEstimate]);
    expect(rows[totalsAt]![6]).toBe(390);
    expect(ws.getRow(totalsAt + 1).getCell(2).font?.bold).toBe(true);

    // Rupiah with thousands separators, percent with one decimal; header frozen; one page wide, landscape.
    const firstData = ws.getRow(h + 2);
    expect(firstData.getCell(13).numFmt).toBe('#,##0');
    expect(firstData.getCell(11).numFmt).toBe('0.0');
    expect(firstData.getCell(3).numFmt).toBe('@');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h + 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(2).width).toBeGreaterThan(10);
  });

  it('is refused to whoever has no team', async () => {
    const siti = await t.login(E.siti);
    const r = await t.send('report-xlsx', { kind: 'team' }, siti);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});

describe('report-xlsx, employee', () => {
  it("holds the person's recap and the month's sent entries with their status and minutes", async () => {
    const siti = await t.login(E.siti);
    const report = await t.call('report-employee', { month: '2026-11' }, siti);
    const file = await t.call('report-xlsx', { kind: 'employee', month: '2026-11' }, siti);
    expect(file).toMatchObject({ fileName: 'rekap-2026-11-199206182019032007.xlsx', mimeType: XLSX_MIME });
    const wb = await readBack(file.base64);

    const recapRows = values(wb.getWorksheet('Rekap')!);
    expect(recapRows.slice(0, 8).map((r) => r[0])).toEqual(
      expect.arrayContaining(['Periode: November 2026', 'Pegawai: Siti Aminah Zahro, S.Psi. (NIP 19920618 201903 2 007), Analis SDM Aparatur Ahli Pertama']),
    );
    const value = (label: string) => recapRows[rowStarting(recapRows, label)]?.[1];
    const r = report.recap;
    expect({
      effective: value('Waktu efektif (menit)'),
      approved: value('Disetujui (menit)'),
      waiting: value('Menunggu verifikasi (menit)'),
      returned: value('Perlu perbaikan (menit)'),
      rejected: value('Ditolak (menit)'),
      capaian: value('Capaian (%)'),
      tpp: value('Estimasi TPP kinerja (Rp)'),
      days: value('Hari kerja tanpa aktivitas'),
    }).toEqual({
      effective: r.effectiveMinutes,
      approved: 120,
      waiting: 60,
      returned: 90,
      rejected: 60,
      capaian: r.capaianPercent,
      tpp: r.tppEstimate,
      days: r.daysWithoutEntries.length,
    });

    const entries = values(wb.getWorksheet('Aktivitas')!);
    expect(entries[0]).toEqual(['Tanggal', 'Mulai', 'Selesai', 'Aktivitas', 'Uraian', 'Volume', 'Satuan', 'Menit', 'Menit diakui', 'Status', 'Catatan atasan']);
    // The draft of 25 November is not in the file.
    expect(entries.slice(1).map((e) => [e[0], e[1], e[2], e[5], e[7], e[8], e[9], e[10]])).toEqual([
      [new Date('2026-11-20T00:00:00Z'), '08:00', '10:00', 1, 120, 120, 'Disetujui', null],
      [new Date('2026-11-23T00:00:00Z'), '08:00', '09:30', 1, 90, 90, 'Perlu Perbaikan', 'Lengkapi uraian dengan nomor surat'],
      [new Date('2026-11-24T00:00:00Z'), '08:00', '10:00', 2, 120, 60, 'Menunggu Verifikasi', null],
      [new Date('2026-11-24T00:00:00Z'), '10:00', '11:00', 1, 60, 60, 'Ditolak', 'Lengkapi uraian dengan nomor surat'],
    ]);
    expect(entries[3]![3]).toBe('Menyusun konsep surat dinas');
    expect(entries[3]![6]).toBe('surat');
  });

  it("is for oneself or a direct subordinate only, as the employee report", async () => {
    const sri = await t.login(E.sri);
    expect((await t.call('report-xlsx', { kind: 'employee', employeeId: E.ahmad }, sri)).fileName).toBe('rekap-2026-11-198007212005011003.xlsx');
    const r = await t.send('report-xlsx', { kind: 'employee', employeeId: E.siti }, sri);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});

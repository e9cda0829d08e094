/**
 * Every word the report workbooks carry. Always Indonesian, whatever language the kiosk shows:
 * the monthly recap is an official document of the unit (filed, signed, compared with the
 * BKPSDM's figures), so two PCs must produce the same sheet. That is also why these strings live
 * here and not in the screens' i18n files, which follow the language setting.
 */
export const XLSX_TEXT = {
  sheets: { team: 'Rekap Tim', employee: 'Rekap', entries: 'Aktivitas' },
  title: { team: 'REKAP CAPAIAN AKTIVITAS HARIAN TIM', employee: 'REKAP CAPAIAN AKTIVITAS HARIAN PEGAWAI' },
  period: 'Periode: {month}',
  employee: 'Pegawai: {name} (NIP {nip}), {position}',
  supervisor: 'Atasan langsung: {name} (NIP {nip})',
  noSupervisor: 'Atasan langsung: -',
  generatedAt: 'Dibuat: {date} pukul {time}',
  deadline: 'Batas verifikasi atasan: {date}',
  deadlinePassed: 'Batas verifikasi atasan: {date} (sudah lewat)',
  teamHeader: [
    'No',
    'Nama',
    'NIP',
    'Jabatan',
    'Hari kerja',
    'Menit efektif',
    'Disetujui',
    'Menunggu',
    'Dikembalikan',
    'Ditolak',
    'Capaian (%)',
    'Hari tanpa aktivitas',
    'Estimasi TPP (Rp)',
  ],
  total: 'Jumlah',
  teamNote:
    'Menit efektif, Disetujui, Menunggu (verifikasi), Dikembalikan (perlu perbaikan) dan Ditolak dalam menit. ' +
    'Capaian = menit disetujui ÷ menit efektif, paling tinggi 100%. Estimasi TPP = capaian × porsi kinerja × dasar TPP.',
  recapHeader: ['Uraian', 'Nilai'],
  recapRows: {
    workingDays: 'Hari kerja dalam bulan',
    countedAbsenceDays: 'Hari tidak masuk yang mengurangi waktu efektif',
    effectiveMinutes: 'Waktu efektif (menit)',
    approvedMinutes: 'Disetujui (menit)',
    waitingMinutes: 'Menunggu verifikasi (menit)',
    returnedMinutes: 'Perlu perbaikan (menit)',
    rejectedMinutes: 'Ditolak (menit)',
    draftMinutes: 'Draf, belum dikirim (menit)',
    capaianPercent: 'Capaian (%)',
    tppEstimate: 'Estimasi TPP kinerja (Rp)',
    daysWithoutEntries: 'Hari kerja tanpa aktivitas',
    datesWithoutEntries: 'Tanggal tanpa aktivitas',
    periodClosesOn: 'Batas pengiriman oleh pegawai',
    approvalDeadline: 'Batas verifikasi atasan',
  },
  noTppBase: 'tidak tersedia (dasar TPP belum ada)',
  none: '-',
  entriesHeader: ['Tanggal', 'Mulai', 'Selesai', 'Aktivitas', 'Uraian', 'Volume', 'Satuan', 'Menit', 'Menit diakui', 'Status', 'Catatan atasan'],
  noEntries: 'Tidak ada aktivitas yang dikirim pada periode ini.',
  footer: 'Halaman &P dari &N',
  months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
} as const;

/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  return `${XLSX_TEXT.months[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** "2026-12-10" → "10 Desember 2026". */
export function dateLabel(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthLabel(date.slice(0, 7))}`;
}

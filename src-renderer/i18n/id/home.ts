/** Words of the home screens (Indonesian). Every key here has its English twin in ../en/home.ts. */
export const home = {
  greeting: 'Halo, {name}',
  intro: 'Catat pekerjaan Anda hari ini. Cukup satu menit.',
  newEntry: 'Catat Aktivitas',
  copyYesterday: 'Ulangi aktivitas kemarin',
  actions: 'Mulai mencatat',
  loadError: 'Beranda belum dapat dimuat.',
  notices: {
    title: 'Perlu perhatian',
    intro: 'Server pusat tidak menerima perubahan aktivitas berikut. Buka aktivitasnya untuk melihat apa yang perlu dilakukan.',
    when: '{date}, pukul {start}–{end}',
    open: 'Buka aktivitas',
    openLabel: 'Buka aktivitas {date} pukul {start}',
    notFound: 'Aktivitas ini sudah tidak ada di PC ini.',
  },
  today: {
    title: 'Aktivitas hari ini',
    empty: 'Belum ada aktivitas hari ini.',
    emptyHint: 'Tekan "Catat Aktivitas" untuk mulai.',
    total: 'Total hari ini: {logged}, dihitung {credited}',
  },
  returned: {
    title: 'Perlu Perbaikan',
    intro: 'Atasan mengembalikan aktivitas berikut. Baca catatannya, perbaiki, lalu kirim ulang.',
    note: 'Catatan atasan',
    noNote: 'Atasan tidak menulis catatan.',
    fix: 'Perbaiki',
    fixLabel: 'Perbaiki aktivitas {date} pukul {start}',
  },
  missing: {
    title: 'Hari kerja yang belum diisi',
    intro: 'Pilih hari untuk mencatat aktivitasnya.',
    none: 'Semua hari kerja sampai hari ini sudah diisi.',
    dayLabel: 'Catat aktivitas untuk {date}',
    closed: 'Sudah lewat batas pencatatan ({count} hari): {days}. Hari-hari itu tidak dapat diisi lagi.',
  },
  period: {
    title: 'Batas waktu',
    left: '{n} hari lagi sebelum periode {month} ditutup ({date})',
    lastDay: 'Hari ini hari terakhir sebelum periode {month} ditutup ({date})',
  },
  /** The entry card (components/EntryCard), used on Beranda and Bulan Ini. */
  card: {
    time: '{start}–{end}',
    volume: '{n} {unit}',
    credited: 'Dihitung {duration}',
    open: 'Lihat',
    edit: 'Ubah',
    openLabel: 'Lihat aktivitas pukul {start}: {activity}',
    editLabel: 'Ubah aktivitas pukul {start}: {activity}',
  },
  /** The month's capaian (components/CapaianBar). */
  capaian: {
    title: 'Capaian {month}',
    percent: 'Capaian {percent}%',
    barLabel:
      'Disetujui {approved} dari {effective} waktu efektif. Menunggu Verifikasi {waiting}. Perlu Perbaikan {returned}. Capaian {percent}%.',
    effective: 'Waktu efektif bulan ini',
    tpp: 'Perkiraan TPP kinerja',
    tppHint: 'Hanya aktivitas yang Disetujui yang dihitung.',
  },
};

import type { Activity, ActivityCategory } from '../domain/types';

interface ActivityOptions {
  category?: ActivityCategory;
  scopePosition?: string;
  active?: boolean;
}

function activity(n: string, name: string, outputUnit: string, normMinutes: number | null, options: ActivityOptions = {}): Activity {
  return {
    id: `de30c000-0000-4000-8000-000000000${n}`,
    code: `ORG-${n}`,
    name,
    outputUnit,
    normMinutes,
    category: options.category ?? 'tugas_pokok',
    scopeUnitId: null,
    scopePosition: options.scopePosition ?? null,
    active: options.active ?? true,
  };
}

const TAMBAHAN: ActivityOptions = { category: 'tugas_tambahan' };

/**
 * Bank aktivitas of the demo bagian. Norm minutes are waktu efektif per unit of output.
 * Exercises the edge cases: four activities without a norm (credited minutes = duration),
 * three limited by position text, one inactive (replaced by the SRIKANDI e-office app).
 */
export const DEMO_CATALOG: Activity[] = [
  // Administrasi umum
  activity('001', 'Menyusun konsep surat dinas', 'surat', 30),
  activity('002', 'Mengagendakan surat masuk', 'surat', 5),
  activity('003', 'Mengagendakan dan mengirim surat keluar', 'surat', 5),
  activity('004', 'Menyusun notulen rapat', 'dokumen', 45),
  activity('005', 'Menyusun laporan bulanan', 'laporan', 180),
  activity('006', 'Mengarsipkan dokumen dinas', 'berkas', 5),
  activity('007', 'Menyusun telaahan staf untuk pimpinan', 'dokumen', 90),
  activity('008', 'Memverifikasi SPJ', 'berkas', 20),
  activity('009', 'Menginput data kepegawaian', 'berkas', 10),
  activity('010', 'Menyusun bahan paparan pimpinan', 'dokumen', 120),
  // Kelembagaan dan analisis jabatan
  activity('011', 'Menyusun analisis jabatan (anjab)', 'dokumen', 240),
  activity('012', 'Menyusun analisis beban kerja (ABK)', 'dokumen', 240),
  activity('013', 'Memverifikasi usulan peta jabatan perangkat daerah', 'berkas', 60),
  activity('014', 'Menyusun rancangan Perwali tentang susunan organisasi dan tata kerja', 'dokumen', 300),
  activity('015', 'Melaksanakan evaluasi kelembagaan perangkat daerah', 'laporan', null),
  activity('016', 'Menyusun standar kompetensi jabatan', 'dokumen', 180),
  activity('017', 'Menyusun evaluasi jabatan (evjab)', 'dokumen', 120),
  // Pelayanan publik dan tata laksana
  activity('018', 'Menyusun atau mereviu standar operasional prosedur (SOP)', 'dokumen', 120),
  activity('019', 'Menyusun standar pelayanan perangkat daerah', 'dokumen', 180),
  activity('020', 'Melaksanakan survei kepuasan masyarakat di lokasi layanan', 'kegiatan', 180),
  activity('021', 'Mengolah data hasil survei kepuasan masyarakat', 'berkas', 15),
  activity('022', 'Memantau penyelenggaraan pelayanan publik di perangkat daerah', 'kegiatan', 150),
  activity('023', 'Menyusun laporan pengelolaan pengaduan pelayanan publik', 'laporan', 120),
  activity('024', 'Menyusun rancangan pedoman tata naskah dinas', 'dokumen', 240),
  // Kinerja dan reformasi birokrasi
  activity('025', 'Menyusun rencana aksi reformasi birokrasi', 'dokumen', 240),
  activity('026', 'Menyusun Laporan Kinerja Instansi Pemerintah (LKjIP)', 'laporan', null),
  activity('027', 'Mereviu perjanjian kinerja perangkat daerah', 'berkas', 30),
  activity('028', 'Melaksanakan evaluasi internal SAKIP perangkat daerah', 'berkas', 120),
  activity('029', 'Menginput capaian indikator kinerja ke aplikasi e-SAKIP', 'berkas', 15),
  activity('030', 'Menyusun bahan evaluasi pembangunan Zona Integritas', 'dokumen', 180),
  activity('031', 'Menyusun laporan pengukuran indeks reformasi birokrasi', 'laporan', 180),
  activity('032', 'Menyusun laporan triwulan capaian kinerja', 'laporan', 150),
  // Teknologi informasi
  activity('033', 'Melakukan pemeliharaan jaringan/komputer', 'kegiatan', 60),
  activity('034', 'Mengembangkan modul sistem informasi kelembagaan', 'kegiatan', 240, { scopePosition: 'Pranata Komputer' }),
  activity('035', 'Mencadangkan (backup) data dan basis data aplikasi', 'kegiatan', 30, { scopePosition: 'Pranata Komputer' }),
  activity('036', 'Memperbarui konten laman web Bagian Organisasi', 'berkas', 20, { scopePosition: 'Sistem dan Teknologi Informasi' }),
  // Tugas tambahan
  activity('037', 'Mengikuti rapat koordinasi', 'kegiatan', 120, TAMBAHAN),
  activity('038', 'Mengikuti apel atau upacara hari besar nasional', 'kegiatan', 60, TAMBAHAN),
  activity('039', 'Menjadi panitia kegiatan kedinasan', 'kegiatan', null, TAMBAHAN),
  activity('040', 'Mengikuti bimbingan teknis atau pelatihan', 'kegiatan', null, TAMBAHAN),
  activity('041', 'Memberikan konsultasi kelembagaan kepada perangkat daerah', 'kegiatan', 45, TAMBAHAN),
  activity('042', 'Mencatat surat masuk pada buku agenda manual', 'surat', 5, { active: false }),
];

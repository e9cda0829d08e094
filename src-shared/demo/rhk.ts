import type { Rhk } from '../domain/types';
import { DEMO_EMPLOYEE_IDS as E } from './employees';

const YEAR = 2026;

function rhk(n: string, employeeId: string, title: string, indicator: string, target: number, outputUnit: string): Rhk {
  return { id: `de30b000-0000-4000-8000-000000000${n}`, employeeId, year: YEAR, title, indicator, target, outputUnit, active: true };
}

/** Rencana hasil kerja (SKP) 2026 of every demo person: two or three each, matching their position. */
export const DEMO_RHK: Rhk[] = [
  rhk('001', E.sri, 'Tersedianya kelembagaan perangkat daerah yang tepat fungsi dan tepat ukuran', 'Persentase perangkat daerah yang kelembagaannya telah dievaluasi', 100, 'persen'),
  rhk('002', E.sri, 'Meningkatnya kualitas pelayanan publik perangkat daerah', 'Indeks kepuasan masyarakat Kota Probolinggo', 85, 'indeks'),
  rhk('003', E.sri, 'Meningkatnya akuntabilitas kinerja perangkat daerah', 'Jumlah perangkat daerah dengan nilai SAKIP minimal BB', 12, 'perangkat daerah'),

  rhk('004', E.ahmad, 'Terlaksananya evaluasi kelembagaan perangkat daerah', 'Jumlah laporan evaluasi kelembagaan', 4, 'laporan'),
  rhk('005', E.ahmad, 'Tersusunnya dokumen analisis jabatan dan analisis beban kerja', 'Jumlah perangkat daerah dengan anjab dan ABK mutakhir', 30, 'perangkat daerah'),
  rhk('006', E.maria, 'Tersusunnya standar pelayanan dan SOP perangkat daerah', 'Jumlah SOP yang direviu', 60, 'dokumen'),
  rhk('007', E.maria, 'Terlaksananya survei kepuasan masyarakat', 'Jumlah unit layanan yang disurvei', 25, 'unit layanan'),
  rhk('008', E.made, 'Meningkatnya kualitas implementasi SAKIP', 'Jumlah perangkat daerah yang dievaluasi SAKIP-nya', 35, 'perangkat daerah'),
  rhk('009', E.made, 'Terlaksananya reformasi birokrasi tingkat kota', 'Jumlah laporan monitoring rencana aksi RB', 4, 'laporan'),
  rhk('010', E.made, 'Tersusunnya LKjIP Sekretariat Daerah', 'Jumlah dokumen LKjIP', 1, 'dokumen'),

  rhk('011', E.siti, 'Tersusunnya analisis jabatan perangkat daerah', 'Jumlah dokumen anjab yang disusun', 40, 'dokumen'),
  rhk('012', E.siti, 'Tersusunnya analisis beban kerja perangkat daerah', 'Jumlah dokumen ABK yang disusun', 40, 'dokumen'),
  rhk('013', E.yohanes, 'Tersedianya sistem informasi kelembagaan yang andal', 'Jumlah modul aplikasi yang dikembangkan', 4, 'modul'),
  rhk('014', E.yohanes, 'Terpeliharanya perangkat komputer dan jaringan bagian', 'Jumlah kegiatan pemeliharaan', 48, 'kegiatan'),
  rhk('015', E.rahmawati, 'Tertibnya administrasi persuratan bagian', 'Jumlah surat yang diagendakan', 1200, 'surat'),
  rhk('016', E.rahmawati, 'Tertibnya kearsipan dokumen dinas', 'Jumlah berkas yang diarsipkan', 600, 'berkas'),
  rhk('017', E.dimas, 'Terlaksananya layanan operasional bagian', 'Jumlah kegiatan operasional yang didukung', 120, 'kegiatan'),
  rhk('018', E.dimas, 'Terdokumentasinya rapat dan kegiatan bagian', 'Jumlah notulen rapat', 48, 'dokumen'),

  rhk('019', E.niluh, 'Tersusunnya standar pelayanan perangkat daerah', 'Jumlah standar pelayanan yang disusun', 15, 'dokumen'),
  rhk('020', E.niluh, 'Terkelolanya pengaduan pelayanan publik', 'Jumlah laporan pengelolaan pengaduan', 12, 'laporan'),
  rhk('021', E.rizky, 'Tersusunnya rancangan pedoman tata naskah dinas', 'Jumlah rancangan pedoman', 2, 'dokumen'),
  rhk('022', E.rizky, 'Tersusunnya telaahan kebijakan tata laksana', 'Jumlah telaahan staf', 24, 'dokumen'),
  rhk('023', E.rizky, 'Tereviunya SOP perangkat daerah', 'Jumlah SOP yang direviu', 30, 'dokumen'),
  rhk('024', E.fransiska, 'Tersedianya data hasil survei kepuasan masyarakat', 'Jumlah berkas survei yang diolah', 500, 'berkas'),
  rhk('025', E.fransiska, 'Tersusunnya laporan bulanan pelayanan publik', 'Jumlah laporan bulanan', 12, 'laporan'),
  rhk('026', E.andi, 'Terlaksananya dukungan operasional survei pelayanan', 'Jumlah kegiatan survei yang didukung', 25, 'kegiatan'),
  rhk('027', E.andi, 'Tertibnya pengiriman surat keluar', 'Jumlah surat keluar yang dikirim', 600, 'surat'),

  rhk('028', E.fitri, 'Tereviunya perjanjian kinerja perangkat daerah', 'Jumlah perjanjian kinerja yang direviu', 35, 'berkas'),
  rhk('029', E.fitri, 'Tersusunnya laporan capaian kinerja triwulanan', 'Jumlah laporan triwulan', 4, 'laporan'),
  rhk('030', E.asep, 'Termutakhirnya data kinerja pada aplikasi e-SAKIP', 'Jumlah berkas capaian yang diinput', 420, 'berkas'),
  rhk('031', E.asep, 'Termutakhirnya laman web Bagian Organisasi', 'Jumlah konten yang diperbarui', 60, 'berkas'),
  rhk('032', E.lina, 'Terjaminnya cadangan data aplikasi kinerja', 'Jumlah pencadangan data', 52, 'kegiatan'),
  rhk('033', E.lina, 'Tersedianya dukungan teknis evaluasi Zona Integritas', 'Jumlah dokumen bahan evaluasi ZI', 6, 'dokumen'),
  rhk('034', E.yakobus, 'Tertibnya administrasi persuratan subbagian', 'Jumlah surat yang diagendakan', 800, 'surat'),
  rhk('035', E.yakobus, 'Terverifikasinya SPJ kegiatan bagian', 'Jumlah SPJ yang diverifikasi', 300, 'berkas'),

  rhk('036', E.nurul, 'Terkelolanya roster dan katalog aktivitas pada kiosk e-kinerja', 'Jumlah pemutakhiran data master', 24, 'kegiatan'),
  rhk('037', E.nurul, 'Terpeliharanya workstation kiosk e-kinerja', 'Jumlah kegiatan pemeliharaan workstation', 48, 'kegiatan'),
];

/**
 * `npm run demo` on a fresh data folder: a few days of work from three of Ahmad's staff, sent and
 * waiting for him, so that logging in as the supervisor opens Verifikasi on a real queue to clear.
 * Recorded through the core's own commands (kiosk-login with the demo PIN, entry-create with
 * submit), so every entry passed the same rules as one typed on the screens; the caller syncs.
 */
import type { CommandArgs, CommandName, CommandResult } from '../src-shared/api';
import { DEMO_CATALOG, DEMO_EMPLOYEE_IDS as E, DEMO_EMPLOYEES, DEMO_PIN } from '../src-shared/demo';
import type { Result } from '../src-shared/errors';
import type { Core } from '../src-main/core/core';

interface Planned {
  /** Catalog code (ORG-…). */
  code: string;
  start: string;
  end: string;
  volume: number;
  uraian: string;
}

const at = (code: string, start: string, end: string, volume: number, uraian: string): Planned => ({ code: `ORG-${code}`, start, end, volume, uraian });

/**
 * A few working days per person, used oldest seeded day first: two to four activities a day inside
 * the working window (07:30–16:00), on activities of their own work (Yohanes's modul is scoped to
 * Pranata Komputer), with volumes that make the credited minutes differ from the time spent now and then.
 */
const PLANS: Readonly<Record<string, readonly (readonly Planned[])[]>> = {
  [E.siti]: [
    [
      at('011', '07:45', '10:15', 1, 'Menyusun analisis jabatan Analis Kebijakan pada Dinas Komunikasi dan Informatika'),
      at('013', '10:30', '12:00', 1, 'Memverifikasi usulan peta jabatan Dinas Pendidikan dan mencatat koreksi formasi'),
      at('037', '13:00', '15:00', 1, 'Mengikuti rapat koordinasi penyederhanaan birokrasi bersama Bagian Hukum'),
    ],
    [
      at('012', '08:00', '11:00', 1, 'Menghitung analisis beban kerja jabatan pelaksana pada Kecamatan Kademangan'),
      at('041', '13:00', '14:30', 2, 'Memberikan konsultasi penyusunan peta jabatan kepada dua perangkat daerah'),
    ],
    [
      at('016', '07:30', '09:30', 1, 'Menyusun standar kompetensi jabatan Penata Kelola Sistem dan Teknologi Informasi'),
      at('017', '09:45', '11:45', 1, 'Menyusun evaluasi jabatan fungsional Arsiparis untuk usulan kelas jabatan'),
      at('013', '13:00', '14:00', 1, 'Memverifikasi usulan peta jabatan Dinas Lingkungan Hidup sesuai hasil anjab'),
      at('001', '14:15', '15:30', 2, 'Menyusun konsep surat undangan verifikasi anjab dan ABK kepada perangkat daerah'),
    ],
  ],
  [E.yohanes]: [
    [
      at('035', '07:30', '08:30', 1, 'Mencadangkan basis data aplikasi e-Kinerja dan memeriksa hasil pencadangan'),
      at('034', '08:45', '11:45', 1, 'Mengembangkan modul pencarian peta jabatan pada sistem informasi kelembagaan'),
      at('033', '13:00', '14:00', 1, 'Memperbaiki koneksi jaringan nirkabel di ruang rapat Sekretariat Daerah'),
    ],
    [
      at('033', '08:00', '09:00', 1, 'Memasang ulang sistem operasi komputer staf Bagian Organisasi yang rusak'),
      at('034', '09:15', '12:00', 1, 'Menguji modul unggah dokumen analisis jabatan dan memperbaiki galat validasi'),
    ],
    [
      at('035', '07:30', '08:00', 1, 'Mencadangkan data server aplikasi kelembagaan ke media penyimpanan eksternal'),
      at('029', '08:15', '10:15', 6, 'Menginput capaian indikator kinerja triwulan III Bagian Organisasi ke aplikasi e-SAKIP'),
      at('033', '10:30', '12:00', 1, 'Memeriksa dan membersihkan printer jaringan di ruang Bagian Organisasi'),
    ],
  ],
  [E.rahmawati]: [
    [
      at('002', '07:30', '09:00', 15, 'Mengagendakan surat masuk dari perangkat daerah tentang usulan perubahan struktur organisasi'),
      at('006', '09:15', '10:45', 12, 'Mengarsipkan dokumen analisis jabatan tahun 2025 ke dalam ordner per perangkat daerah'),
    ],
    [
      at('003', '07:45', '09:15', 10, 'Mengagendakan dan mengirim surat undangan rapat evaluasi kelembagaan'),
      at('004', '09:30', '11:00', 1, 'Menyusun notulen rapat koordinasi reformasi birokrasi hari sebelumnya'),
      at('009', '13:00', '14:30', 8, 'Menginput data riwayat jabatan pegawai Bagian Organisasi ke aplikasi kepegawaian'),
    ],
    [
      at('002', '07:30', '08:30', 10, 'Mengagendakan surat masuk dan meneruskan disposisi Kepala Bagian kepada subbagian'),
      at('001', '08:45', '10:00', 2, 'Menyusun konsep surat pemberitahuan jadwal verifikasi peta jabatan'),
      at('006', '10:15', '11:30', 10, 'Mengarsipkan surat keluar bulan ini sesuai klasifikasi arsip'),
      at('009', '13:00', '14:00', 6, 'Memutakhirkan data pendidikan terakhir pegawai pada aplikasi kepegawaian'),
    ],
  ],
};

/** How many past working days are seeded at most (the default backdating window is 3). */
const MAX_DAYS = 3;

export interface QueueSeed {
  /** Entries created and sent, per person's name. */
  created: { name: string; dates: string[]; entries: number }[];
  /** What could not be seeded, in words (a date the rules refused, a day already logged …). */
  skipped: string[];
}

function send<K extends CommandName>(core: Core, name: K, args: CommandArgs<K>, token?: string): Promise<Result<CommandResult<K>>> {
  return core.send(name, token ? { ...(args as object), sessionToken: token } : args) as Promise<Result<CommandResult<K>>>;
}

/**
 * Records and sends each person's planned days on the most recent working days before today that
 * the backdating window still allows (as entry-form offers them: no date issue at all, nothing
 * logged yet). Fewer days — or none, e.g. right after a long holiday at the start of a month whose
 * previous period has closed — when the calendar allows fewer; the report says which.
 */
export async function seedReviewQueue(core: Core): Promise<QueueSeed> {
  const report: QueueSeed = { created: [], skipped: [] };
  for (const [employeeId, plan] of Object.entries(PLANS)) {
    const person = DEMO_EMPLOYEES.find((e) => e.id === employeeId)!;
    const login = await send(core, 'kiosk-login', { nip: person.nip, pin: DEMO_PIN });
    if (!login.ok) {
      report.skipped.push(`${person.name}: login refused (${login.error.message})`);
      continue;
    }
    const token = login.value.token;
    try {
      const form = await send(core, 'entry-form', {}, token);
      if (!form.ok) throw new Error(`entry-form: ${form.error.code} ${form.error.message}`);
      // entry-form lists the window newest first; the plan is laid out oldest first.
      const days = form.value.dates
        .filter((d) => d.date < form.value.today && d.issues.length === 0 && d.loggedMinutes === 0)
        .slice(0, MAX_DAYS)
        .reverse();
      if (days.length === 0) report.skipped.push(`${person.name}: no open working day before ${form.value.today}`);
      let entries = 0;
      for (const [i, day] of days.entries()) {
        for (const p of plan[i % plan.length]!) {
          const activity = DEMO_CATALOG.find((a) => a.code === p.code)!;
          const created = await send(
            core,
            'entry-create',
            { workDate: day.date, startTime: p.start, endTime: p.end, activityId: activity.id, volume: p.volume, description: p.uraian, submit: true },
            token,
          );
          if (created.ok) entries++;
          else report.skipped.push(`${person.name} ${day.date} ${p.start}–${p.end}: ${created.error.message}`);
        }
      }
      report.created.push({ name: person.name, dates: days.map((d) => d.date), entries });
    } finally {
      await send(core, 'kiosk-logout', {}, token);
    }
  }
  return report;
}

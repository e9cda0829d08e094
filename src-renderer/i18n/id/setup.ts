/**
 * First-run setup and the enrolment form it shares with the operator's "Daftar ulang" (Indonesian).
 * Every key here has its English twin in ../en/setup.ts.
 */
export const setup = {
  title: 'Siapkan PC ini',
  intro: 'PC ini belum terdaftar di server pusat, jadi belum ada yang dapat masuk. Isi tiga hal di bawah ini, uji koneksinya, lalu daftarkan.',
  form: {
    label: 'Pendaftaran PC',
    serverUrl: 'Alamat server',
    serverUrlHint: 'Contoh: https://kinerja.probolinggokota.go.id',
    code: 'Kode pendaftaran',
    codeHint: 'Diberikan oleh operator server pusat. Satu kode hanya untuk satu PC.',
    name: 'Nama PC',
    nameHint: 'Nama yang mudah dikenali, misalnya “PC Bagian Organisasi 1”.',
    required: 'Wajib diisi.',
    test: 'Uji koneksi',
    testing: 'Menguji koneksi…',
    enroll: 'Daftarkan PC ini',
    enrolling: 'Mendaftarkan dan mengambil data pegawai…',
  },
  connection: {
    ok: 'Terhubung ke server (versi protokol {protocol}, {ms} ms).',
    invalidUrl: 'Alamat server tidak valid.',
    notOurServer: 'Alamat ini bukan server Kinerja Kiosk.',
    /** What to do, by the code of the failure (test or enrolment). */
    todo: {
      VALIDATION: 'Tulis alamat lengkap yang dimulai dengan https:// (atau http://), seperti contoh.',
      SERVER_UNREACHABLE: 'Periksa alamatnya dan pastikan PC ini tersambung ke jaringan kantor, lalu uji lagi.',
      PROTOCOL_UNSUPPORTED: 'Pasang versi terbaru aplikasi ini, lalu coba lagi.',
      UNAVAILABLE: 'Server sedang bermasalah. Coba lagi beberapa menit lagi atau hubungi pengelola server.',
      RATE_LIMITED: 'Terlalu banyak percobaan. Tunggu satu menit, lalu coba lagi.',
      other: 'Periksa alamatnya, lalu coba lagi. Jika tetap gagal, hubungi pengelola server.',
    },
  },
  /** A VALIDATION refusal at a field, in words the operator can act on. */
  invalid: {
    serverUrl: 'Alamat server tidak valid. Tulis alamat lengkap yang dimulai dengan https://, seperti contoh.',
    enrollmentCode: 'Kode pendaftaran tidak dapat dipakai. Periksa kembali kodenya.',
    name: 'Nama PC tidak valid: paling banyak 200 huruf.',
  },
};

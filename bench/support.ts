/**
 * What the store and review benchmarks share: a seeded PRNG, nearest-rank statistics, the printed
 * table, and the synthetic people and entries they fill a store with by raw prepared INSERTs.
 *
 * Every generator draws from the PRNG in a fixed order: a seed always builds the same store, so
 * figures of two runs (or two commits) are measured on the same data.
 */
import os from 'node:os';
import path from 'node:path';
import { creditedMinutes } from '../src-shared/domain/credit';
import type { Activity, EntryStatus } from '../src-shared/domain/types';

// ---------------------------------------------------------------------------------------------
// Options

export interface FolderOptions {
  keep: boolean;
  /** Parent folder of the temp folder (default os.tmpdir()); use it to bench another disk. */
  dir: string;
}

/**
 * `--keep`, `--dir=PATH`, and the bench's whole numbers (`--name=N`, named in `ints`) over
 * `defaults`. Anything else is refused: a mistyped option must not run another benchmark quietly.
 */
export function parseBenchOptions<O extends FolderOptions>(argv: readonly string[], defaults: Omit<O, keyof FolderOptions>, ints: Record<string, keyof O>): O {
  const o = { keep: false, dir: os.tmpdir(), ...defaults } as O;
  for (const arg of argv) {
    const [key = '', value] = arg.split('=', 2);
    if (key === '--keep') o.keep = true;
    else if (key === '--dir' && value) o.dir = path.resolve(value);
    else if (key in ints && value !== undefined && /^\d+$/.test(value)) (o as Record<string, unknown>)[ints[key] as string] = Number(value);
    else throw new Error(`unknown option ${arg} (see bench/README.md)`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles; NaN figures for no samples (the table prints them as such). */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { n: 0, p50: NaN, p99: NaN, mean: NaN, max: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, p50: rank(0.5), p99: rank(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s[s.length - 1]! };
}

/** Prints rows (the first is the header) as a table: figures right-aligned, words left-aligned. */
export function printTable(rows: readonly string[][], rightAligned: readonly number[]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (rightAligned.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows.slice(1)) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// Synthetic people

const FIRST = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lukman', 'Mega', 'Nanda', 'Oktavia', 'Putri', 'Rudi', 'Sari', 'Taufik', 'Wulan'];
const LAST = ['Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Pratama', 'Hidayat', 'Kurniawan', 'Rahayu', 'Nugroho', 'Setiawan', 'Permatasari', 'Susanto'];
export const POSITIONS = ['Analis Kebijakan Ahli Pertama', 'Pengadministrasi Perkantoran', 'Penelaah Teknis Kebijakan', 'Pengolah Data dan Informasi', 'Analis SDM Aparatur Ahli Pertama'];

export interface Person {
  id: string;
  nip: string;
  name: string;
}

/**
 * `count` people with valid 18-digit PNS NIPs not in `taken` (which grows). Ids are v4-format
 * UUIDs in a family of the bench's own (`idFamily`, 4 hex digits), apart from the demo's `de30…`.
 */
export function makePeople(count: number, rng: () => number, taken: Set<string>, opts: { idFamily: string; degrees?: readonly string[] }): Person[] {
  const degrees = opts.degrees ?? [''];
  return Array.from({ length: count }, (_, i) => {
    // PNS layout: birth date + first appointment (YYYYMM, at 22–29) + gender + serial.
    const by = 1970 + Math.floor(rng() * 28);
    const birth = `${by}${pad(1 + Math.floor(rng() * 12))}${pad(1 + Math.floor(rng() * 28))}`;
    const appointment = `${Math.min(2022, by + 22 + Math.floor(rng() * 8))}${pad(1 + Math.floor(rng() * 12))}`;
    const gender = rng() < 0.5 ? '1' : '2';
    let serial = 1 + Math.floor(rng() * 20);
    while (taken.has(`${birth}${appointment}${gender}${pad(serial, 3)}`)) serial++;
    const nip = `${birth}${appointment}${gender}${pad(serial, 3)}`;
    taken.add(nip);
    const lap = Math.floor(i / (FIRST.length * LAST.length));
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${lap ? ` ${lap + 1}` : ''}${degrees[i % degrees.length]}`;
    return { id: `${opts.idFamily}0000-0000-4000-8000-${pad(i + 1, 12)}`, nip, name };
  });
}

// ---------------------------------------------------------------------------------------------
// Synthetic entries

export const DESCRIPTION_TAILS = [
  'sesuai disposisi Kepala Bagian',
  'untuk Dinas Kesehatan dan Dinas Pendidikan',
  'bersama tim kerja subbagian',
  'tindak lanjut rapat koordinasi minggu lalu',
  'tahap penyusunan draf dan koreksi',
  'berdasarkan data dari aplikasi kepegawaian',
  'untuk bahan laporan triwulan',
];
const EVIDENCE = ['Dokumen tersimpan di folder bersama', 'Nomor agenda tercatat di SRIKANDI', 'Foto kegiatan dan daftar hadir'];

/** Entries a day: 2–6, mean about 3.9. */
export function entriesForDay(rng: () => number): number {
  const r = rng();
  return r < 0.1 ? 2 : r < 0.35 ? 3 : r < 0.7 ? 4 : r < 0.9 ? 5 : 6;
}

/** k non-overlapping [start, end) minute pairs inside 08:00–16:00, at most 450 minutes in all. */
export function daySlots(k: number, rng: () => number): Array<[number, number]> {
  const durations = Array.from({ length: k }, () => 15 * (2 + Math.floor(rng() * 7)));
  let sum = durations.reduce((a, b) => a + b, 0);
  while (sum > 450) {
    const i = durations.indexOf(Math.max(...durations));
    durations[i]! -= 15;
    sum -= 15;
  }
  let spare = 480 - sum;
  let t = 8 * 60;
  return durations.map((d) => {
    if (spare >= 15 && rng() < 0.3) {
      t += 15;
      spare -= 15;
    }
    const slot: [number, number] = [t, t + d];
    t += d;
    return slot;
  });
}

/** Weekdays from `from` to `to` (inclusive) that are not in `holidays`. */
export function workingDates(from: string, to: string, holidays: Set<string>): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    const d = new Date(ms);
    const wd = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (wd !== 0 && wd !== 6 && !holidays.has(iso)) out.push(iso);
  }
  return out;
}

/** A UUIDv7 for a given millisecond, random bits from the PRNG. */
export function uuidv7At(ms: number, rng: () => number): string {
  const hex = (bits: number, digits: number) => Math.floor(rng() * 2 ** bits).toString(16).padStart(digits, '0');
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(12, 3)}-${(8 + Math.floor(rng() * 4)).toString(16)}${hex(12, 3)}-${hex(24, 6)}${hex(24, 6)}`;
}

const ENTRY_COLUMNS = [
  'id', 'employee_id', 'work_date', 'start_time', 'end_time', 'minutes', 'credited_minutes', 'activity_id', 'activity_text',
  'rhk_id', 'volume', 'output_unit', 'description', 'evidence_note', 'status', 'rev', 'reviewer_id', 'review_note',
  'reviewed_at', 'flags', 'workstation_id', 'created_at', 'updated_at', 'received_at', 'sync_code', 'sync_message', 'version',
] as const;
/** Takes the values of `syntheticEntry(…).row`, or any row in ENTRY_COLUMNS order. */
export const INSERT_ENTRY = `INSERT INTO entries (${ENTRY_COLUMNS.join(', ')}) VALUES (${ENTRY_COLUMNS.map(() => '?').join(', ')})`;

export const WIB_OFFSET_MIN = 7 * 60;

export interface EntrySlot {
  employeeId: string;
  date: string;
  start: number;
  end: number;
  /** Who reviewed it, if the status drawn is a decision. */
  reviewerId: string;
  workstationId: string;
  version: number;
}

/**
 * One entry on a slot, as the kiosk would have stored it: an activity from `activities`, volume
 * and credited minutes from its norm, created shortly after it ended, a decision 1–3 days later.
 */
export function syntheticEntry(rng: () => number, activities: readonly Activity[], pickStatus: (rng: () => number) => EntryStatus, slot: EntrySlot): { row: unknown[]; status: EntryStatus } {
  const { start, end } = slot;
  const a = activities[Math.floor(rng() * activities.length)]!;
  const minutes = end - start;
  const volume = a.normMinutes ? Math.max(1, Math.min(999, Math.round((minutes / a.normMinutes) * (0.6 + rng() * 0.6)))) : 1;
  const credited = creditedMinutes({ startTime: hhmm(start), endTime: hhmm(end), volume, normMinutes: a.normMinutes });
  const status = pickStatus(rng);
  const createdMs = Date.parse(`${slot.date}T00:00:00Z`) + (end - WIB_OFFSET_MIN) * 60_000 + Math.floor(rng() * 600_000);
  const created = new Date(createdMs).toISOString();
  const reviewed = status === 'approved' || status === 'returned' || status === 'rejected';
  const reviewedAt = reviewed ? new Date(createdMs + (1 + Math.floor(rng() * 3)) * 86_400_000).toISOString() : null;
  const row = [
    uuidv7At(createdMs, rng), slot.employeeId, slot.date, hhmm(start), hhmm(end), minutes, credited, a.id, null,
    null, volume, a.outputUnit, `${a.name} ${DESCRIPTION_TAILS[Math.floor(rng() * DESCRIPTION_TAILS.length)]}`,
    rng() < 0.3 ? EVIDENCE[Math.floor(rng() * EVIDENCE.length)]! : null,
    status, status === 'draft' || status === 'submitted' ? 1 : 2,
    reviewed ? slot.reviewerId : null,
    status === 'returned' ? 'Mohon lengkapi uraian dan bukti dukung' : status === 'rejected' ? 'Bukan kegiatan kedinasan' : null,
    reviewedAt, '[]', slot.workstationId, created, reviewedAt ?? created, new Date(createdMs + 5_000).toISOString(), null, null, slot.version,
  ];
  return { row, status };
}

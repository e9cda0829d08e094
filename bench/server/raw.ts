import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src-server/db/client';
import { BENCH_NOW } from './plan';

/**
 * The raw library's best case for the same rows: entry rows written by multi-row INSERT … VALUES
 * (rawBatch rows a statement, autocommit) from `streams` connections at once, into the real
 * entries table (its indexes, checks and foreign keys) after it is emptied. No rules, no version
 * counter, no result rows: what the push path is measured against.
 */
const COLUMNS = [
  'id', 'employee_id', 'unit_id', 'work_date', 'start_time', 'end_time', 'minutes', 'credited_minutes', 'activity_id',
  'activity_text', 'rhk_id', 'volume', 'output_unit', 'description', 'evidence_note', 'status', 'rev', 'flags',
  'workstation_id', 'created_at', 'updated_at', 'received_at', 'version',
] as const;

function insertText(rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) tuples.push(`(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
  return `insert into entries (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`;
}

export interface RawOwner {
  employeeId: string;
  unitId: string;
  workstationId: string;
}

export interface RawInput {
  database: Database;
  /** Connection string of the bench database (PostgreSQL); null on PGlite. */
  url: string | null;
  owners: RawOwner[];
  rowsPerOwner: number;
  dates: readonly string[];
  activity: { id: string; name: string; outputUnit: string };
  streams: number;
  rawBatch: number;
}

export interface RawResult {
  rows: number;
  seconds: number;
  statements: number;
}

/** Row values, in COLUMNS order, flattened a statement at a time. */
function buildBatches(input: RawInput): unknown[][] {
  const batches: unknown[][] = [];
  let current: unknown[] = [];
  let inCurrent = 0;
  let version = 0;
  for (const o of input.owners) {
    for (let k = 0; k < input.rowsPerOwner; k++) {
      const start = 450 + (k % 20) * 20;
      const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      current.push(
        uuidv7(), o.employeeId, o.unitId, input.dates[Math.floor(k / 20) % input.dates.length], hhmm(start), hhmm(start + 20), 20, 20,
        input.activity.id, null, null, 1, input.activity.outputUnit, `${input.activity.name} untuk berkas nomor ${k + 1}`, null,
        'draft', 1, ['late_entry'], o.workstationId, BENCH_NOW, BENCH_NOW, BENCH_NOW, ++version,
      );
      if (++inCurrent === input.rawBatch) {
        batches.push(current);
        current = [];
        inCurrent = 0;
      }
    }
  }
  if (inCurrent > 0) batches.push(current);
  return batches;
}

export async function rawInsert(input: RawInput): Promise<RawResult> {
  const batches = buildBatches(input);
  const fullText = insertText(input.rawBatch);
  const textFor = (values: unknown[]) => (values.length === input.rawBatch * COLUMNS.length ? fullText : insertText(values.length / COLUMNS.length));
  const pglite = input.url ? null : (input.database.db as unknown as { $client: PGlite }).$client;
  const pool = input.url ? new pg.Pool({ connectionString: input.url, max: input.streams }) : null;
  const exec = async (text: string, values: unknown[]) => {
    if (pool) await pool.query(text, values);
    else await pglite!.query(text, values);
  };
  try {
    await exec('truncate entries', []);
    // Open every stream's connection before the clock starts, as the server's pool is warm.
    if (pool) await Promise.all(Array.from({ length: input.streams }, async () => (await pool.connect()).release()));
    let next = 0;
    const stream = async () => {
      for (let i = next++; i < batches.length; i = next++) await exec(textFor(batches[i]!), batches[i]!);
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: input.streams }, stream));
    const seconds = (performance.now() - t0) / 1000;
    const counted = pool
      ? Number((await pool.query<{ n: string }>('select count(*) as n from entries')).rows[0]!.n)
      : Number((await pglite!.query<{ n: number }>('select count(*)::int as n from entries')).rows[0]!.n);
    const want = input.owners.length * input.rowsPerOwner;
    if (counted !== want) throw new Error(`raw insert: ${counted} rows in entries, expected ${want}`);
    return { rows: want, seconds, statements: batches.length };
  } finally {
    await pool?.end();
  }
}

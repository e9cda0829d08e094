import os from 'node:os';
import type { Profile } from './profile';

/** Percentiles, the table and the profile as printed by the server benchmark. */
export interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN };
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, p50: rank(0.5), p99: rank(0.99), max: s[s.length - 1]! };
}

export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
export const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : 'n/a');

/** Columns: the first left-aligned, the figures right-aligned, the rest left-aligned. */
export function table(rows: string[][], numeric: number[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (numeric.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)];
}

export function profileLines(p: Profile, mutations: number): string[] {
  const out: string[] = [];
  const statements = [...p.statements.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = statements.reduce((a, [, s]) => a + s.count, 0);
  const totalMs = statements.reduce((a, [, s]) => a + s.ms, 0);
  out.push(`profile (push phase, ${p.cpu.wallSeconds.toFixed(1)} s wall):`);
  const s = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} s`);
  const perMutation = (x: number | null) => (x === null ? 'n/a' : `${((1000 * x) / mutations).toFixed(2)} ms`);
  out.push(
    `  CPU: this process (server + load worker) ${s(p.cpu.nodeSeconds)}; the bench database's backends ${s(p.cpu.backendSeconds)}` +
      ` (${perMutation(p.cpu.backendSeconds)} a mutation); all postgres processes, other databases included, ${s(p.cpu.postgresSeconds)};` +
      ` ${os.availableParallelism()} cores × ${p.cpu.wallSeconds.toFixed(1)} s wall = ${(os.availableParallelism() * p.cpu.wallSeconds).toFixed(0)} core-s`,
  );
  out.push(`  statements: ${int(total)} (${(total / mutations).toFixed(2)} per mutation); summed driver time ${(totalMs / 1000).toFixed(1)} s`);
  out.push(`  pooled-connection waits: ${int(p.poolWaits.count)}, mean ${(p.poolWaits.ms / Math.max(1, p.poolWaits.count)).toFixed(2)} ms`);
  const rows: string[][] = [['statement (verb table (where columns))', 'count', 'per mutation', 'mean ms', 'share of time']];
  for (const [key, s] of statements.slice(0, 18)) {
    rows.push([key, int(s.count), (s.count / mutations).toFixed(2), (s.ms / s.count).toFixed(3), `${((100 * s.ms) / totalMs).toFixed(1)} %`]);
  }
  out.push(...table(rows, [1, 2, 3, 4]).map((l) => `  ${l}`));
  out.push(`  backends of the bench database, mean count per sample (${p.samples} samples of pg_stat_activity):`);
  for (const [key, count] of [...p.activity.entries()].sort((a, b) => b[1] - a[1])) {
    out.push(`    ${(count / Math.max(1, p.samples)).toFixed(2).padStart(6)}  ${key}`);
  }
  return out;
}

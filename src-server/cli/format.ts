import { localNow } from '../../src-shared/domain/dates';
/** Plain-text output for the operator: aligned columns, short durations, local times. */

/** Rows of cells padded into columns (the last column is not padded). */
export function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** `label:  value` pairs with the values lined up. */
export function fields(pairs: [string, string][]): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length)) + 1;
  return pairs.map(([k, v]) => `${`${k}:`.padEnd(width)}  ${v}`);
}

export function duration(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.floor(h / 24)} days`;
}

/** `2026-11-26 09:00 Asia/Jakarta`: the operator reads local office time. */
export function localTime(date: Date, timeZone: string): string {
  const local = localNow(date, timeZone);
  return `${local.date} ${local.time} ${timeZone}`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

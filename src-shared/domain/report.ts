import type { Recap } from './recap';

/** What the team totals need of one row: the person's recap and what waits for the supervisor. */
export interface TeamRowFigures {
  recap: Pick<Recap, 'effectiveMinutes' | 'approvedMinutes' | 'waitingMinutes' | 'returnedMinutes' | 'rejectedMinutes' | 'daysWithoutEntries' | 'tppEstimate'>;
  waitingForReview: number;
}

export interface TeamTotals {
  employees: number;
  effectiveMinutes: number;
  approvedMinutes: number;
  waitingMinutes: number;
  returnedMinutes: number;
  rejectedMinutes: number;
  daysWithoutEntries: number;
  waitingForReview: number;
  /** Sum of the rows' estimates; null when no row has one (nobody has a TPP base). */
  tppEstimate: number | null;
}

/**
 * The team's totals line: plain sums of the rows as shown, so a reader can add the column up by
 * hand and get the same number. No team capaian: an average of percentages would mislead, and
 * a person's minutes beyond their own effective minutes earn nothing.
 */
export function teamTotals(rows: readonly TeamRowFigures[]): TeamTotals {
  const totals: TeamTotals = {
    employees: rows.length,
    effectiveMinutes: 0,
    approvedMinutes: 0,
    waitingMinutes: 0,
    returnedMinutes: 0,
    rejectedMinutes: 0,
    daysWithoutEntries: 0,
    waitingForReview: 0,
    tppEstimate: null,
  };
  for (const { recap, waitingForReview } of rows) {
    totals.effectiveMinutes += recap.effectiveMinutes;
    totals.approvedMinutes += recap.approvedMinutes;
    totals.waitingMinutes += recap.waitingMinutes;
    totals.returnedMinutes += recap.returnedMinutes;
    totals.rejectedMinutes += recap.rejectedMinutes;
    totals.daysWithoutEntries += recap.daysWithoutEntries.length;
    totals.waitingForReview += waitingForReview;
    if (recap.tppEstimate !== null) totals.tppEstimate = (totals.tppEstimate ?? 0) + recap.tppEstimate;
  }
  return totals;
}

/**
 * A piece of a download's file name: ASCII letters, digits and single dashes only, so the name
 * survives every file system, e-mail client and USB stick. Academic titles after the first comma
 * are left out ("Ahmad Fauzi Rahman, S.H., M.H." → "ahmad-fauzi-rahman").
 */
export function fileNamePart(text: string): string {
  return (text.split(',')[0] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNamePart, teamTotals, type TeamRowFigures } from './report';

const row = (approvedMinutes: number, tppEstimate: number | null, days: string[] = [], waitingForReview = 0): TeamRowFigures => ({
  recap: { effectiveMinutes: 6000, approvedMinutes, waitingMinutes: 60, returnedMinutes: 30, rejectedMinutes: 15, daysWithoutEntries: days, tppEstimate },
  waitingForReview,
});

describe('teamTotals', () => {
  it('adds each column, counts the days without entries and the people', () => {
    const t = teamTotals([row(1200, 780_000, ['2026-11-02', '2026-11-03'], 2), row(300, null, ['2026-11-02'], 1), row(0, 120_000)]);
    expect(t).toEqual({
      employees: 3,
      effectiveMinutes: 18000,
      approvedMinutes: 1500,
      waitingMinutes: 180,
      returnedMinutes: 90,
      rejectedMinutes: 45,
      daysWithoutEntries: 3,
      waitingForReview: 3,
      tppEstimate: 900_000,
    });
  });

  it('has no TPP estimate when nobody in the team has a TPP base, and zero for an empty team', () => {
    expect(teamTotals([row(100, null), row(200, null)]).tppEstimate).toBeNull();
    expect(teamTotals([row(0, 0)]).tppEstimate).toBe(0);
    expect(teamTotals([])).toMatchObject({ employees: 0, approvedMinutes: 0, tppEstimate: null });
  });

  it('totals of a team split in two are the sums of the totals of the halves', () => {
    const figures = fc.record({
      approved: fc.nat(10_000),
      tpp: fc.option(fc.nat(9_000_000), { nil: null }),
      days: fc.nat(23),
      waiting: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.array(figures, { maxLength: 12 }), fc.array(figures, { maxLength: 12 }), (a, b) => {
        const rows = (xs: typeof a) => xs.map((x) => row(x.approved, x.tpp, Array.from({ length: x.days }, (_, i) => `d${i}`), x.waiting));
        const [ta, tb, all] = [teamTotals(rows(a)), teamTotals(rows(b)), teamTotals(rows([...a, ...b]))];
        expect(all.approvedMinutes).toBe(ta.approvedMinutes + tb.approvedMinutes);
        expect(all.daysWithoutEntries).toBe(ta.daysWithoutEntries + tb.daysWithoutEntries);
        expect(all.waitingForReview).toBe(ta.waitingForReview + tb.waitingForReview);
        expect(all.tppEstimate).toBe(ta.tppEstimate === null && tb.tppEstimate === null ? null : (ta.tppEstimate ?? 0) + (tb.tppEstimate ?? 0));
      }),
    );
  });
});

describe('fileNamePart', () => {
  it.each([
    ['Ahmad Fauzi Rahman, S.H., M.H.', 'ahmad-fauzi-rahman'],
    ['I Made Surya Adnyana, S.T., M.M.', 'i-made-surya-adnyana'],
    ['Andi Muhammad Fadli', 'andi-muhammad-fadli'],
    ["Yakobus Ohoiwutun's  tim / 2026", 'yakobus-ohoiwutun-s-tim-2026'],
    ['Désirée Nàtalia', 'desiree-natalia'],
    ['  ', ''],
  ])('%s → %s', (name, part) => expect(fileNamePart(name)).toBe(part));

  it('never yields anything but lower-case ASCII letters, digits and inner single dashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(fileNamePart(s)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      }),
    );
  });
});

import { DEMO_EMPLOYEE_IDS as E } from '../../../src-shared/demo';
import type { EntryStatus } from '../../../src-shared/domain/types';
import type { TestCore } from '../test-support';

/** Demo activities: one with a norm of 30 minutes a letter, one without a norm (credited = duration). */
export const SURAT = 'de30c000-0000-4000-8000-000000000001';
export const NO_NORM = 'de30c000-0000-4000-8000-000000000015';

export interface Planned {
  employeeId: string;
  workDate: string;
  startTime: string;
  endTime: string;
  activityId: string;
  volume: number;
  /** What the entry ends as: left a draft, sent and left waiting, or decided by Ahmad. */
  outcome: EntryStatus;
}

/**
 * A realistic November for Ahmad's team, made through the commands as people would: each staff
 * member logs in and creates (and sends) their entries, then Ahmad logs in and decides. The test
 * clock is Wednesday 25 November 2026, so 20–25 November are inside the backdating window.
 */
export const PLAN: Planned[] = [
  { employeeId: E.siti, workDate: '2026-11-20', startTime: '08:00', endTime: '10:00', activityId: NO_NORM, volume: 1, outcome: 'approved' },
  { employeeId: E.siti, workDate: '2026-11-23', startTime: '08:00', endTime: '09:30', activityId: NO_NORM, volume: 1, outcome: 'returned' },
  // 120 minutes at the desk, but 2 letters × 30 norm minutes: 60 credited.
  { employeeId: E.siti, workDate: '2026-11-24', startTime: '08:00', endTime: '10:00', activityId: SURAT, volume: 2, outcome: 'submitted' },
  { employeeId: E.siti, workDate: '2026-11-24', startTime: '10:00', endTime: '11:00', activityId: NO_NORM, volume: 1, outcome: 'rejected' },
  { employeeId: E.siti, workDate: '2026-11-25', startTime: '07:30', endTime: '08:30', activityId: NO_NORM, volume: 1, outcome: 'draft' },
  { employeeId: E.yohanes, workDate: '2026-11-23', startTime: '08:00', endTime: '12:00', activityId: NO_NORM, volume: 1, outcome: 'approved' },
  { employeeId: E.yohanes, workDate: '2026-11-24', startTime: '13:00', endTime: '14:00', activityId: NO_NORM, volume: 1, outcome: 'submitted' },
  { employeeId: E.yohanes, workDate: '2026-11-24', startTime: '08:00', endTime: '09:00', activityId: SURAT, volume: 1, outcome: 'approved' },
];

/** Creates PLAN through entry-create and review-decide; returns the entry ids in PLAN order. Ahmad is logged in at the end. */
export async function playPlan(t: TestCore): Promise<string[]> {
  const made: { id: string; rev: number }[] = [];
  for (const who of [...new Set(PLAN.map((p) => p.employeeId))]) {
    const token = await t.login(who);
    for (const p of PLAN) {
      if (p.employeeId !== who) continue;
      const { entry } = await t.call(
        'entry-create',
        {
          workDate: p.workDate,
          startTime: p.startTime,
          endTime: p.endTime,
          activityId: p.activityId,
          volume: p.volume,
          description: 'Menyusun bahan evaluasi kelembagaan perangkat daerah',
          submit: p.outcome !== 'draft',
        },
        token,
      );
      made[PLAN.indexOf(p)] = { id: entry.id, rev: entry.rev };
    }
  }
  const ahmad = await t.login(E.ahmad);
  for (const [i, p] of PLAN.entries()) {
    if (p.outcome !== 'approved' && p.outcome !== 'returned' && p.outcome !== 'rejected') continue;
    const decision = p.outcome === 'approved' ? 'approve' : p.outcome === 'returned' ? 'return' : 'reject';
    const { id, rev } = made[i]!;
    await t.call('review-decide', { entryId: id, rev, decision, ...(decision === 'approve' ? {} : { note: 'Lengkapi uraian dengan nomor surat' }) }, ahmad);
  }
  return made.map((m) => m.id);
}

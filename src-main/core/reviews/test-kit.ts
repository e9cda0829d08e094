import { v7 as uuidv7 } from 'uuid';
import type { CommandArgs } from '../../../src-shared/api';
import { DEMO_CATALOG, DEMO_EMPLOYEE_IDS } from '../../../src-shared/demo';
import { creditedMinutes, durationMinutes } from '../../../src-shared/domain/credit';
import type { EntryRow } from '../../../src-shared/sync-rows';
import { putPulledEntry } from '../sync/entries-apply';
import type { TestCore } from '../test-support';

/** Helpers for the review tests: the demo people by name, and entries as a pull brings them. */

export const P = DEMO_EMPLOYEE_IDS;
/** Menyusun konsep surat dinas: 30 minutes per surat. */
export const SURAT = DEMO_CATALOG[0]!;
export const RHK_SITI = 'de30b000-0000-4000-8000-000000000011';

let version = 1_000;

/**
 * An entry as the server sends it down (made on another PC, or before this PC was enrolled):
 * written through the pull's own code path, so the supervisor's PC holds it exactly as after a sync.
 */
export function pulled(t: TestCore, employeeId: string, over: Partial<EntryRow> = {}): EntryRow {
  const startTime = over.startTime ?? '08:00';
  const endTime = over.endTime ?? '09:00';
  const volume = over.volume ?? 1;
  const minutes = durationMinutes(startTime, endTime);
  const row: EntryRow = {
    id: uuidv7(),
    employeeId,
    workDate: '2026-11-24',
    startTime,
    endTime,
    minutes,
    creditedMinutes: creditedMinutes({ startTime, endTime, volume, normMinutes: SURAT.normMinutes }),
    activityId: SURAT.id,
    activityText: null,
    rhkId: null,
    volume,
    outputUnit: SURAT.outputUnit,
    description: 'Menyusun konsep surat undangan rapat koordinasi',
    evidenceNote: null,
    status: 'submitted',
    rev: 1,
    reviewerId: null,
    reviewNote: null,
    reviewedAt: null,
    flags: [],
    workstationId: null,
    createdAt: '2026-11-24T03:00:00.000Z',
    updatedAt: '2026-11-24T03:00:00.000Z',
    receivedAt: '2026-11-24T03:00:05.000Z',
    ...over,
  };
  putPulledEntry(t.core.ctx.db, t.core.ctx.sqlite, row, ++version);
  return row;
}

/** A waiting entry made at this kiosk by its owner (entry-create with submit), then the owner leaves. */
export async function sent(t: TestCore, employeeId: string, over: Partial<CommandArgs<'entry-create'>> = {}) {
  const token = await t.login(employeeId);
  const made = await t.call(
    'entry-create',
    { workDate: '2026-11-25', startTime: '08:00', endTime: '09:00', activityId: SURAT.id, volume: 2, description: 'Menyusun konsep surat undangan rapat evaluasi', submit: true, ...over },
    token,
  );
  await t.call('kiosk-logout', {}, token);
  return made.entry;
}

export const rows = (t: TestCore, sql: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
export const count = (t: TestCore, table: string) => rows(t, `select count(*) as n from ${table}`)[0]!.n as number;

import { describe, expect, it } from 'vitest';
import { MAX_TEXT, MutationArgsSchemas, MutationSchema, parseMutationArgs, PullRequestSchema, PushRequestSchema } from './protocol';

const id = '0190a000-0000-7000-8000-000000000001';
const emp = 'de30e000-0000-4000-8000-000000000005';
const entry = {
  id,
  employeeId: emp,
  workDate: '2026-11-25',
  startTime: '08:00',
  endTime: '09:00',
  activityId: 'de30c000-0000-4000-8000-000000000001',
  volume: 1,
  description: 'Menyusun konsep surat dinas',
  status: 'draft',
};

describe('protocol v1 schemas', () => {
  it('accept the v1 mutation shapes of PROTOCOL.md', () => {
    expect(MutationArgsSchemas['entry.create@1'].safeParse({ entry }).success).toBe(true);
    expect(MutationArgsSchemas['entry.update@1'].safeParse({ entryId: id, baseRev: 1, changes: { endTime: '10:00' } }).success).toBe(true);
    expect(MutationArgsSchemas['entry.submit@1'].safeParse({ entryId: id, baseRev: 2 }).success).toBe(true);
    expect(MutationArgsSchemas['entry.delete@1'].safeParse({ entryId: id, baseRev: 1 }).success).toBe(true);
    expect(MutationArgsSchemas['entry.review@1'].safeParse({ entryId: id, rev: 3, decision: 'approve' }).success).toBe(true);
    expect(MutationArgsSchemas['employee.changePin@1'].safeParse({ employeeId: emp, pinHash: 'scrypt$16384$8$1$a$b' }).success).toBe(true);
  });

  it('refuse a NUL character in any text (PostgreSQL cannot store it; the mutation would fail forever)', () => {
    expect(MutationArgsSchemas['entry.create@1'].safeParse({ entry: { ...entry, description: 'Rapat\u0000koordinasi' } }).success).toBe(false);
    expect(MutationArgsSchemas['entry.update@1'].safeParse({ entryId: id, baseRev: 1, changes: { evidenceNote: '\u0000' } }).success).toBe(false);
    expect(parseMutationArgs('entry.review@1', { entryId: id, rev: 1, decision: 'return', note: 'ulang\u0000' }).success).toBe(false);
  });

  it('require a note to return or reject, not to approve', () => {
    const r = MutationArgsSchemas['entry.review@1'].safeParse({ entryId: id, rev: 3, decision: 'return', note: '  ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['note']);
    expect(MutationArgsSchemas['entry.review@1'].safeParse({ entryId: id, rev: 3, decision: 'reject', note: 'Bukan tugas Anda' }).success).toBe(true);
  });

  it('refuse unknown names, unknown changed fields, long texts and a created entry already approved', () => {
    expect(parseMutationArgs('entry.purge@1', {}).success).toBe(false);
    expect(MutationArgsSchemas['entry.update@1'].safeParse({ entryId: id, baseRev: 1, changes: { status: 'approved' } }).success).toBe(false);
    expect(MutationArgsSchemas['entry.create@1'].safeParse({ entry: { ...entry, description: 'x'.repeat(MAX_TEXT + 1) } }).success).toBe(false);
    expect(MutationArgsSchemas['entry.create@1'].safeParse({ entry: { ...entry, status: 'approved' } }).success).toBe(false);
    expect(MutationArgsSchemas['entry.create@1'].safeParse({ entry: { ...entry, workDate: '2026-02-29' } }).success).toBe(false);
  });

  it('bound pushes and pulls as documented', () => {
    const m = { seq: 1, id, name: 'entry.submit@1', args: { entryId: id, baseRev: 1 }, actorId: emp, clientTime: '2026-11-25T02:00:00.000Z' };
    expect(MutationSchema.safeParse(m).success).toBe(true);
    expect(MutationSchema.safeParse({ ...m, seq: 0 }).success).toBe(false);
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...m, seq: i + 1 }));
    expect(PushRequestSchema.safeParse({ protocol: 1, clientId: id, mutations: many }).success).toBe(false);
    expect(PullRequestSchema.safeParse({ protocol: 1, clientId: id, cursor: null, limit: 5001 }).success).toBe(false);
    expect(PullRequestSchema.safeParse({ protocol: 1, clientId: id, cursor: null }).success).toBe(true);
  });
});

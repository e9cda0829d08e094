import { v7 as uuidv7 } from 'uuid';
import { DEMO_CATALOG } from '../../../src-shared/demo';
import type { Mutation, PushResult } from '../../../src-shared/protocol';
import type { EnrolledWorkstation, TestServer } from '../../test-support';

/** Test helpers for the push route: a workstation's outbox and a push through app.inject. */
export const ACTIVITY = DEMO_CATALOG[0]!; // Menyusun konsep surat dinas, 30 min per surat

export class TestOutbox {
  private seq: number;
  constructor(
    readonly ws: EnrolledWorkstation,
    startSeq = 0,
  ) {
    this.seq = startSeq;
  }

  next(name: string, args: unknown, actorId: string, clientTime = '2026-11-25T02:00:00.000Z'): Mutation {
    this.seq += 1;
    return { seq: this.seq, id: uuidv7(), name, args, actorId, clientTime };
  }

  create(actorId: string, entry: Partial<EntryInput> = {}, clientTime?: string): Mutation & { entryId: string } {
    const e = entryInput(actorId, entry);
    return { ...this.next('entry.create@1', { entry: e }, actorId, clientTime), entryId: e.id };
  }
}

export interface EntryInput {
  id: string;
  employeeId: string;
  workDate: string;
  startTime: string;
  endTime: string;
  activityId: string | null;
  activityText?: string | null;
  rhkId?: string | null;
  volume: number;
  description: string;
  evidenceNote?: string | null;
  status: 'draft' | 'submitted';
}

export function entryInput(employeeId: string, overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    id: uuidv7(),
    employeeId,
    workDate: '2026-11-25',
    startTime: '08:00',
    endTime: '09:00',
    activityId: ACTIVITY.id,
    volume: 2,
    description: 'Menyusun konsep surat undangan rapat koordinasi',
    status: 'submitted',
    ...overrides,
  };
}

export async function push(
  server: TestServer,
  ws: EnrolledWorkstation,
  mutations: Mutation[],
  body: Record<string, unknown> = {},
): Promise<{ status: number; body: PushResult & { error: { code: string; message: string; field?: string } } }> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: ws.auth,
    payload: { protocol: 1, clientId: ws.clientId, mutations, ...body },
  });
  return { status: res.statusCode, body: res.json() };
}

/** Pushes and expects 200; answers the results in order. */
export async function pushOk(server: TestServer, ws: EnrolledWorkstation, mutations: Mutation[]): Promise<PushResult> {
  const res = await push(server, ws, mutations);
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

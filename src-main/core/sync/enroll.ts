import { fail, ok, type Result } from '../../../src-shared/errors';
import type { CoreContext } from '../context';
import { writeAudit } from '../audit/audit';
import { stmt } from '../prepared';
import type { SyncEngine } from './engine';
import { beginResync } from './pull-apply';
import { renumberForNewClient } from './outbox';
import { enrollRequest, type FetchLike } from './transport';

export interface EnrollArgs {
  serverUrl: string;
  enrollmentCode: string;
  name: string;
}

/**
 * Registers this PC with the central server (PROTOCOL.md "Identity"): a single-use code from the
 * server's operator gives a workstation id, its unit and a bearer token. The token goes to the
 * token store (OS keychain in Electron), never into the database. Everything the server sends is
 * then pulled from the beginning; rows of another unit are swept at its end. The outbox is kept:
 * after a re-enrollment its mutations are still sent.
 *
 * A file whose history forked (copied or restored: the server said REENROLL_REQUIRED) must not
 * continue its old sequence: it takes a new clientId and its pending mutations are renumbered
 * from 1. The server also answers 409 when this clientId is still bound to an active workstation
 * (the same file enrolled twice); then the same is done once, with the same code (which the server
 * left unspent).
 */
export async function enrollWorkstation(ctx: CoreContext, engine: SyncEngine, args: EnrollArgs, opts: { fetch?: FetchLike; actorId: string | null }): Promise<Result<{ workstationId: string; unitId: string }>> {
  const url = args.serverUrl.trim();
  if (!/^https?:\/\/[^\s/]+/i.test(url)) return fail('VALIDATION', { field: 'serverUrl', params: { field: 'serverUrl', detail: 'http(s)://…' } });
  await engine.idle();
  const state = stmt(ctx.sqlite, 'select client_id, blocked from sync_state where id = 1').get() as { client_id: string; blocked: string | null };
  let clientId = state.blocked === 'reenroll' ? newClient(ctx) : state.client_id;
  const transport = opts.fetch ? { fetch: opts.fetch, timeoutMs: 30_000 } : { timeoutMs: 30_000 };
  const body = () => ({ enrollmentCode: args.enrollmentCode.trim(), name: args.name.trim(), clientId });
  let answer = await enrollRequest(transport, url, body());
  if (!answer.ok && answer.failure.kind === 'http' && answer.failure.code === 'REENROLL_REQUIRED') {
    clientId = newClient(ctx);
    answer = await enrollRequest(transport, url, body());
  }
  if (!answer.ok) {
    const f = answer.failure;
    if (f.kind === 'network') return fail('SERVER_UNREACHABLE');
    if (f.kind === 'http' && f.status === 401) return fail('ENROLLMENT_CODE_INVALID', { field: 'enrollmentCode' });
    if (f.kind === 'http' && f.status === 400) return fail('VALIDATION', { params: { field: 'enrollmentCode', detail: f.message } });
    return fail(f.kind === 'http' ? f.code : 'UNAVAILABLE');
  }
  const { workstationId, unitId, token } = answer.value;
  engine.tokenStore.write(token);
  const at = ctx.clock().toISOString();
  ctx.sqlite.transaction(() => {
    stmt(ctx.sqlite, 'update sync_state set workstation_id = ?, unit_id = ?, server_url = ?, workstation_name = ?, blocked = null where id = 1').run(
      workstationId,
      unitId,
      url.replace(/\/+$/, ''),
      args.name.trim(),
    );
    beginResync(ctx.sqlite);
    writeAudit(ctx.db, { at, actorId: opts.actorId, action: 'workstation.enroll', entityType: 'workstation', entityId: workstationId, detail: { serverUrl: url, unitId, name: args.name.trim(), clientId } });
  }).immediate();
  engine.resetAfterEnroll();
  return ok({ workstationId, unitId });
}

/** A new identity for this file: its pending mutations start a new sequence at 1. */
function newClient(ctx: CoreContext): string {
  const clientId = crypto.randomUUID();
  ctx.sqlite.transaction(() => {
    renumberForNewClient(ctx.sqlite);
    stmt(ctx.sqlite, 'update sync_state set client_id = ?, last_processed_seq = 0 where id = 1').run(clientId);
  }).immediate();
  return clientId;
}

import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from './client';
import { serverMeta } from './schema';

/** The scope of the city-wide tables (catalog, holidays); every other synced row uses its unit id. */
export const GLOBAL_SCOPE = 'global';

/**
 * Takes the next version of a scope for the calling transaction. The UPDATE keeps the counter row
 * locked until commit, so a later version can only commit after every earlier one: a pull that
 * sees version v has also seen every version below v (PROTOCOL.md "Cursor"). Call it once per
 * transaction, after the checks and just before the writes, to hold the lock briefly.
 */
export async function nextVersion(tx: Executor, scope: string): Promise<number> {
  const rows = await queryRows<{ version: string | number }>(tx, sql`
    insert into sync_counters (scope, version) values (${scope}, 1)
    on conflict (scope) do update set version = sync_counters.version + 1
    returning version`);
  return Number(rows[0]!.version);
}

/** The latest committed version of each scope, as seen by the calling transaction's snapshot. */
export async function currentVersions(tx: Executor, scopes: string[]): Promise<Map<string, number>> {
  const rows = await queryRows<{ scope: string; version: string | number }>(
    tx,
    sql`select scope, version from sync_counters where scope in ${scopes}`,
  );
  return new Map(rows.map((r) => [r.scope, Number(r.version)]));
}

/**
 * The epoch names this database's history. Restoring a backup must start a new epoch
 * (`npm run server -- new-epoch`), so cursors handed out before the restore answer `reset`.
 */
export async function readEpoch(db: Executor): Promise<string> {
  const rows = await db.select({ value: serverMeta.value }).from(serverMeta).where(eq(serverMeta.key, 'epoch'));
  if (!rows[0]) throw new Error('server_meta.epoch missing: run migrations first');
  return rows[0].value;
}

export async function startNewEpoch(db: Executor): Promise<string> {
  const epoch = crypto.randomUUID();
  await db
    .insert(serverMeta)
    .values({ key: 'epoch', value: epoch })
    .onConflictDoUpdate({ target: serverMeta.key, set: { value: epoch } });
  return epoch;
}

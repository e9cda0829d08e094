import { sql } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { Db } from '../context';
import { perDb } from '../prepared';

const ph = sql.placeholder;
const insert = perDb((db: Db) =>
  db
    .insert(auditLog)
    .values({ at: ph('at'), actorId: ph('actorId'), action: ph('action'), entityType: ph('entityType'), entityId: ph('entityId'), detail: ph('detail') })
    .prepare(),
);

export interface AuditRow {
  at: string;
  actorId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
}

/** Appends one audit row; call inside the same transaction as the change it records. */
export function writeAudit(db: Db, row: AuditRow): void {
  insert(db).run({
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType ?? null,
    entityId: row.entityId ?? null,
    detail: JSON.stringify(row.detail ?? {}),
  });
}

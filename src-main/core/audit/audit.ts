import { auditLog } from '../db/schema';
import type { Db } from '../context';

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
  db.insert(auditLog)
    .values({
      at: row.at,
      actorId: row.actorId,
      action: row.action,
      entityType: row.entityType ?? null,
      entityId: row.entityId ?? null,
      detail: JSON.stringify(row.detail ?? {}),
    })
    .run();
}

import { DEFAULT_SETTINGS, SettingSchemas, type SettingKey, type Settings } from '../../../src-shared/settings';
import { fail, ok, type Result } from '../../../src-shared/errors';
import { settings } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { nowIso, type CoreContext, type Db } from '../context';

/**
 * Stored values are JSON. A stored value that no longer fits its key's schema (an older release
 * wrote it, someone edited the file) falls back to the default instead of breaking the kiosk.
 */
export function getSettings(db: Db): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of db.select().from(settings).all()) {
    const schema = (SettingSchemas as Record<string, (typeof SettingSchemas)[SettingKey] | undefined>)[r.key];
    if (!schema) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(r.value));
      if (parsed.success) out[r.key] = parsed.data;
    } catch {
      // keep the default
    }
  }
  return out as Settings;
}

export function setSetting(ctx: CoreContext, actorId: string, key: SettingKey, value: unknown): Result<Settings> {
  const parsed = SettingSchemas[key].safeParse(value);
  if (!parsed.success) {
    return fail('VALIDATION', { field: 'value', params: { field: `value (${key})`, detail: parsed.error.issues[0]?.message ?? 'invalid' } });
  }
  const at = nowIso(ctx);
  const before = getSettings(ctx.db)[key];
  ctx.sqlite.transaction(() => {
    ctx.db
      .insert(settings)
      .values({ key, value: JSON.stringify(parsed.data), updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(parsed.data), updatedAt: at } })
      .run();
    writeAudit(ctx.db, { at, actorId, action: 'settings.set', entityType: 'setting', entityId: key, detail: { before, after: parsed.data } });
  }).immediate();
  return ok(getSettings(ctx.db));
}

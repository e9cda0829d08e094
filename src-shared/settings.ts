import { z } from 'zod';

/**
 * Workstation-local settings (the unit's rules come from the server's policy instead).
 * Each key has its own schema and default; settings-set validates the value for its key.
 */
export const SettingSchemas = {
  language: z.enum(['id', 'en']),
  /** Minutes between automatic sync attempts. */
  syncIntervalMinutes: z.number().int().min(1).max(1440),
  /** Full-screen kiosk mode on this PC. */
  kioskMode: z.boolean(),
  /** How many database backups to keep beside the database. */
  backupKeep: z.number().int().min(1).max(60),
  /** Overrides the unit policy's idle logout on this PC; null uses the policy. */
  idleLogoutSeconds: z.number().int().min(15).max(3600).nullable(),
} as const;

export type SettingKey = keyof typeof SettingSchemas;
export type Settings = { [K in SettingKey]: z.infer<(typeof SettingSchemas)[K]> };
export const SETTING_KEYS = Object.keys(SettingSchemas) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  language: 'id',
  syncIntervalMinutes: 5,
  kioskMode: true,
  backupKeep: 7,
  idleLogoutSeconds: null,
};

export const SettingsSchema = z.object(SettingSchemas);

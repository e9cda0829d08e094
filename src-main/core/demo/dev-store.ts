import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Result } from '../../../src-shared/errors';
import { createCore, type Core } from '../core';
import { seedDemo } from './seed';

/**
 * A development store in `dir` (created if missing): `npm run demo` and the dev bridge open their
 * store this way. Refusals at open (a newer or unrecoverable database) come back as the Result.
 */
export function openDevStore(dir: string): Result<{ core: Core; file: string }> {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'kinerja.sqlite');
  const opened = createCore({ file });
  return opened.ok ? { ok: true, value: { core: opened.value, file } } : opened;
}

/** A store no central server feeds gets the demo data, as if a server had sent it. */
export async function seedDemoUnlessEnrolled(core: Core): Promise<void> {
  if (!core.ctx.sync.status().enrolled) await seedDemo(core.ctx.db, core.ctx.sqlite);
}

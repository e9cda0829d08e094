import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * The README's screenshots come from the e2e journeys themselves, so they show the screens as they
 * really are. They are written only under KK_SCREENSHOTS=1 (`npm run screenshots`): a normal test
 * run must not rewrite files that are committed.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** docs/screenshots, or KK_SCREENSHOTS_DIR (e.g. to look at them without touching the committed ones). */
export const SCREENSHOT_DIR = process.env['KK_SCREENSHOTS_DIR'] ? resolve(process.env['KK_SCREENSHOTS_DIR']) : join(ROOT, 'docs/screenshots');

export const screenshotsOn = (): boolean => process.env['KK_SCREENSHOTS'] === '1';

/**
 * Saves a PNG as docs/screenshots/<name>.png when screenshots are on; returns the file or null.
 * Full page by default; `fullPage: false` for a modal dialog, whose backdrop covers the window only.
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string | null> {
  if (!screenshotsOn()) return null;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)}: use lower-case words and dashes`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  // Animations off and the caret hidden: the same screen gives the same picture run after run.
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  return file;
}

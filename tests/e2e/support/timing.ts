import type { Browser } from 'playwright-core';
import { newTab } from './browser';

/**
 * Milliseconds from the start of navigation (the page's time origin) until the first staff card
 * on the lock screen passes Playwright's actionability checks (attached, visible, stable, enabled,
 * receiving events): the moment a person could tap their name. Measured in a fresh context (no
 * cache) on real time, not on the test clock of openKiosk, which would fake performance.now().
 * The lock test prints it; bench/kiosk.bench.ts takes the median of several loads.
 */
export async function lockInteractiveMs(browser: Browser, url: string): Promise<number> {
  const { page, context } = await newTab(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('main').getByRole('listitem').first().getByRole('button').click({ trial: true });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

import type { Browser } from 'playwright-core';
import { LOCK_READY_MARK } from '../../../src-renderer/screens/Lock/marks';
import { newTab } from './browser';

/**
 * Milliseconds from the start of navigation (the page's time origin) until the staff cards of the
 * lock screen are on screen with their handlers attached: the app's own User Timing mark
 * (LOCK_READY_MARK, set in an effect after React committed the list). The mark is read from the
 * page, not from Playwright's polling (whose retry steps of 20–500 ms would add to the figure).
 * A trial click then checks that the first card really is actionable. Measured in a fresh context
 * (no cache) on real time, not on the test clock of openKiosk, which would fake performance.now().
 * The lock test prints it; bench/kiosk.bench.ts takes the median of several loads.
 */
export async function lockInteractiveMs(browser: Browser, url: string): Promise<number> {
  const { page, context } = await newTab(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, LOCK_READY_MARK, { polling: 'raf' });
    await page.getByRole('main').getByRole('listitem').first().getByRole('button').click({ trial: true });
    return await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, LOCK_READY_MARK);
  } finally {
    await context.close();
  }
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src-shared/demo';
import { runAxe } from './support/axe';
import { launchBrowser, newTab } from './support/browser';
import { E2E_START_ISO, startKiosk, type Kiosk } from './support/kiosk';

/**
 * The harness itself: the built kiosk loads from the dev bridge under its real CSP, the core is
 * enrolled and synced, the clocks start where the tests expect, and axe can run in the page.
 * When one of these breaks, every other e2e file fails for a reason this file names.
 */
let kiosk: Kiosk;
let browser: Browser;

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

describe('the e2e harness', () => {
  it('starts an enrolled kiosk on the demo unit at the fixed instant', async () => {
    const status = await kiosk.call('app-status', {});
    expect(status).toMatchObject({ enrolled: true, unitName: DEMO.unit.name, pendingMutations: 0 });
    const drift = kiosk.now().getTime() - Date.parse(E2E_START_ISO);
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(60_000);
    await kiosk.advance(60_000);
    expect(kiosk.now().getTime() - Date.parse(E2E_START_ISO)).toBeGreaterThanOrEqual(60_000);
    expect(Math.abs(kiosk.server.now().getTime() - kiosk.now().getTime())).toBeLessThan(5_000);
  });

  it('serves the screens under the strict CSP, with no error in the page', async () => {
    const { page, context, errors } = await newTab(browser);
    try {
      const response = await page.goto(kiosk.url);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.waitForFunction(() => ((globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.length > 0));
      // The token left the address bar for sessionStorage (main.tsx).
      expect(page.url()).not.toContain('token=');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs axe in the page despite the CSP, which refuses an inline script tag', async () => {
    const { page, context } = await newTab(browser);
    try {
      await page.goto(kiosk.url);
      // Why axe.ts evaluates axe's source rather than adding a <script>: CSP blocks inline scripts.
      await expect(page.addScriptTag({ content: 'window.__inline = 1' })).rejects.toThrow();
      const violations = await runAxe(page);
      expect(Array.isArray(violations)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('cuts and restores the network between the kiosk and the central server', async () => {
    kiosk.offline();
    const cut = await kiosk.call('sync-now', {});
    expect(cut.outcome).toBe('retry');
    kiosk.online();
    const back = await kiosk.call('sync-now', {});
    expect(back.outcome).toBe('ok');
  });
});

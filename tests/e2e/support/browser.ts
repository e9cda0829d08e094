import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Workstation } from './kiosk';

/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser builds cannot be
 * downloaded on these machines). One browser per test file; a fresh context per test, so no
 * cookie, storage or cache of one test is seen by the next — as a fresh kiosk window would be.
 */
export const CHROMIUM = process.env['KK_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * The launch flags. (`<input type="time">` follows the browser's own language, not the
 * page's locale, so this Chromium shows "08:30 AM"; `--lang` has no effect on Linux and Debian's
 * Indonesian locale files are a separate package. The Electron shell sets its language itself.)
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A kiosk screen in an Indonesian office: Indonesian locale, WIB. */
export const CONTEXT_OPTIONS: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
};

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** What the page logged as errors and uncaught exceptions (a test may assert it stays empty). */
  errors: string[];
}

export interface TabOptions extends BrowserContextOptions {
  /**
   * Start the page's clock at this instant (it then runs on in real time). A kiosk PC and its
   * window share one clock; here the core runs on a test clock, so the page must too, or a
   * lockout's countdown or "today" would be judged against another day.
   */
  clockAt?: Date;
}

/** A new context and page; console errors and page crashes are collected rather than lost. */
export async function newTab(browser: Browser, options: TabOptions = {}): Promise<Tab> {
  const { clockAt, ...contextOptions } = options;
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, ...contextOptions });
  if (clockAt) await context.clock.install({ time: clockAt });
  const page = await context.newPage();
  // Screens answer in well under a second; a step that waits longer has failed, and should say so
  // before the test's own timeout hides which step it was.
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    // A failed load is reported below with its address, which the console message lacks.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    // The browser asks for /favicon.ico on its own; the kiosk has none and needs none.
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

export interface KioskTab extends Tab {
  /** Moves the kiosk's clocks and the page's wall clock forward together (timers are not fired early). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface KioskTabOptions extends TabOptions {
  /** Runs on the new context before the kiosk loads (e.g. routes that must see its first request). */
  beforeLoad?: (context: BrowserContext) => Promise<unknown>;
}

/** The kiosk (one workstation's screens) in a fresh tab, its clock on the kiosk's, the lock screen loading. */
export async function openKiosk(browser: Browser, kiosk: Workstation, options: KioskTabOptions = {}): Promise<KioskTab> {
  const { beforeLoad, ...tabOptions } = options;
  const tab = await newTab(browser, { clockAt: kiosk.now(), ...tabOptions });
  if (beforeLoad) await beforeLoad(tab.context);
  await tab.page.goto(kiosk.url);
  // The page's clock starts flowing when the page does, a moment after install: align it again.
  await tab.context.clock.setSystemTime(kiosk.now());
  return {
    ...tab,
    async advance(ms) {
      await kiosk.advance(ms);
      await tab.context.clock.setSystemTime(kiosk.now());
    },
    close: () => tab.context.close(),
  };
}

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { formatNip } from '../../src-shared/domain/nip';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { escapeRe, fmt, homeTitle, ID, logIn, mainNav, person, searchBox } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * Idle logout: after the timeout (this PC's idleLogoutSeconds setting, shortened here to its
 * minimum) a 10-second warning, then the lock screen with nothing of the person left — not in
 * the page, not in its storage, not in a form opened again. The page's timers run on Playwright's
 * clock, so the test jumps over the quiet seconds instead of waiting them out.
 */
let kiosk: Kiosk;
let browser: Browser;
const IDLE_SECONDS = 15;
const WARN_SECONDS = 10;
const siti = person(DEMO_PEOPLE.staff[0]);
const anjab = DEMO.catalog.find((a) => a.code === 'ORG-011')!;
const SAVED_URAIAN = 'Menyusun analisis jabatan Penata Kelola Pengadaan untuk Dinas PUPR';
const UNSAVED_URAIAN = 'Rahasia kecil yang belum disimpan tentang jabatan fungsional';

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk(), launchBrowser()]);
  // The operator shortened the idle logout on this PC (settings service, as settings-set does).
  expect(kiosk.setSetting('idleLogoutSeconds', IDLE_SECONDS).idleLogoutSeconds).toBe(IDLE_SECONDS);
  const token = await kiosk.login(siti.id);
  await kiosk.call('entry-create', { workDate: '2026-11-25', startTime: '07:30', endTime: '09:00', activityId: anjab.id, volume: 1, description: SAVED_URAIAN }, token);
  await kiosk.call('kiosk-logout', {}, token);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

const main = (page: Page): Locator => page.getByRole('main');
const warning = (page: Page): Locator => page.getByRole('dialog', { name: ID.lock.idle.title });

/** Everything the person left on screen: their entry's detail (uraian), and a form with typed, unsaved text. */
async function leaveTraces(page: Page): Promise<void> {
  await logIn(page, siti.id);
  await homeTitle(page).waitFor();
  await main(page).getByRole('button', { name: fmt(ID.home.card.openLabel, { start: '07:30', activity: anjab.name }) }).click();
  await main(page).getByText(SAVED_URAIAN).waitFor();
  await mainNav(page).getByRole('button', { name: ID.common.nav.entry, exact: true }).click();
  const todayButton = main(page).getByRole('button', { name: new RegExp(`^${escapeRe(ID.entry.date.today.split('{')[0]!)}`) });
  await todayButton.click();
  await main(page).getByLabel(ID.entry.activity.search, { exact: true }).fill('anjab');
  await main(page).getByRole('button', { name: new RegExp(`^${escapeRe(anjab.name)}`) }).click();
  await main(page).getByRole('button', { name: ID.entry.time.plus60, exact: true }).click();
  const next = main(page).getByRole('button', { name: ID.common.next, exact: true });
  await expect.poll(() => next.isEnabled()).toBe(true);
  await next.click();
  await main(page).getByLabel(ID.entry.output.description, { exact: true }).fill(UNSAVED_URAIAN);
}

/** Every string that would betray the person. */
const TRACES = [siti.name, siti.nip, formatNip(siti.nip), siti.positionTitle, SAVED_URAIAN, UNSAVED_URAIAN];

describe('idle logout', () => {
  it(`warns ${WARN_SECONDS} s before the timeout, then locks the screen and leaves nothing of the person`, async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await leaveTraces(page);

      // Quiet until the warning is due: the timeout minus the warning.
      await tab.context.clock.fastForward((IDLE_SECONDS - WARN_SECONDS) * 1000);
      await warning(page).waitFor();
      expect(await warning(page).getByRole('timer').textContent()).toBe(fmt(ID.lock.idle.body, { n: WARN_SECONDS }));
      await expectNoViolations(page, 'idle warning');
      await screenshot(page, 'idle-warning', { fullPage: false });

      await tab.context.clock.fastForward(WARN_SECONDS * 1000);
      await searchBox(page).waitFor();
      expect(await mainNav(page).count()).toBe(0);
      expect(kiosk.core.ctx.sessions.current()).toBeNull();

      // The lock screen lists every active person of the unit, Siti too; apart from her card, the
      // page holds nothing of her: no name, NIP, position, uraian or half-typed form.
      const staffList = main(page).getByRole('list');
      await expect.poll(() => staffList.getByRole('listitem').count()).toBe(DEMO.employees.filter((e) => e.active).length);
      const rest = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { documentElement: { cloneNode(deep: boolean): { querySelector(s: string): { remove(): void } | null; outerHTML: string } } } }).document;
        const copy = doc.documentElement.cloneNode(true);
        copy.querySelector('main ul')?.remove();
        return copy.outerHTML;
      });
      for (const trace of TRACES) expect(rest, trace).not.toContain(trace);
      const html = await page.content();
      for (const trace of [SAVED_URAIAN, UNSAVED_URAIAN]) expect(html, trace).not.toContain(trace);
      expect(await searchBox(page).inputValue()).toBe('');

      // Browser storage: only the bridge's own token (main.tsx), nothing of the person.
      const storage = await page.evaluate(() => {
        const g = globalThis as unknown as { sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null }; localStorage: { length: number } };
        const session: Record<string, string | null> = {};
        for (let i = 0; i < g.sessionStorage.length; i++) {
          const k = g.sessionStorage.key(i)!;
          session[k] = g.sessionStorage.getItem(k);
        }
        return { session, localCount: g.localStorage.length };
      });
      expect(Object.keys(storage.session)).toEqual(['kk-bridge-token']);
      expect(storage.localCount).toBe(0);
      for (const trace of TRACES) expect(JSON.stringify(storage), trace).not.toContain(trace);

      // Back in, the form starts empty: no form state survived the logout.
      await logIn(page, siti.id);
      await mainNav(page).getByRole('button', { name: ID.common.nav.entry, exact: true }).click();
      await main(page).getByRole('heading', { level: 2, name: ID.entry.headings.date, exact: true }).waitFor();
      expect(await page.content()).not.toContain(UNSAVED_URAIAN);
    } finally {
      await tab.close();
    }
  });

  it('keeps the person in when they answer the warning', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await logIn(page, siti.id);
      await homeTitle(page).waitFor();
      await tab.context.clock.fastForward((IDLE_SECONDS - WARN_SECONDS) * 1000);
      await warning(page).waitFor();
      // The dialog took the focus: Enter answers it.
      await page.keyboard.press('Enter');
      await warning(page).waitFor({ state: 'detached' });
      // Past the old deadline the person is still there, with no warning: the quiet time started again.
      await tab.context.clock.fastForward((IDLE_SECONDS - WARN_SECONDS - 1) * 1000);
      expect(await homeTitle(page).isVisible()).toBe(true);
      expect(await warning(page).count()).toBe(0);
      expect(kiosk.core.ctx.sessions.current()?.employeeId).toBe(siti.id);
    } finally {
      await tab.close();
    }
  });
});

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS } from '../../src-shared/demo';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { escapeRe, fmt, homeTitle, ID, logIn, logOut, mainNav, person, settle, syncStatus } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * The network goes (the fault proxy between the PC and the central server cuts every connection):
 * an entry still saves, and the screens say it has not gone out. The network comes back: the
 * core's own timer sends it, nobody presses anything, and the top bar says everything went out.
 */
let kiosk: Kiosk;
let browser: Browser;
/** The sync timer's interval here (the setting's 5 minutes in production). */
const INTERVAL_MS = 1_000;
const yohanes = person(DEMO_EMPLOYEE_IDS.yohanes);
const upkeep = DEMO.catalog.find((a) => a.code === 'ORG-033')!;
const URAIAN = 'Memeriksa jaringan dan mengganti kabel LAN di ruang rapat Bagian Organisasi';

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk({ syncIntervalMs: INTERVAL_MS }), launchBrowser()]);
});
afterAll(async () => {
  kiosk?.online();
  await browser?.close();
  await kiosk?.close();
});

const main = (page: Page): Locator => page.getByRole('main');
const statusText = async (page: Page): Promise<string> => (await syncStatus(page).textContent()) ?? '';

async function recordAndSend(page: Page): Promise<void> {
  await main(page).getByRole('button', { name: ID.home.newEntry, exact: true }).click();
  const dateStep = main(page).getByRole('heading', { level: 2, name: ID.entry.headings.date });
  const activityStep = main(page).getByRole('heading', { level: 2, name: ID.entry.headings.activity });
  await dateStep.or(activityStep).waitFor();
  if (await dateStep.isVisible()) await main(page).getByRole('button', { name: new RegExp(`^${escapeRe(ID.entry.date.today.split('{')[0]!)}`) }).click();
  await main(page).getByLabel(ID.entry.activity.search, { exact: true }).fill('pemeliharaan');
  await main(page).getByRole('button', { name: new RegExp(`^${escapeRe(upkeep.name)}`) }).click();
  await main(page).getByRole('button', { name: ID.entry.time.plus60, exact: true }).click();
  const next = main(page).getByRole('button', { name: ID.common.next, exact: true });
  await expect.poll(() => next.isEnabled()).toBe(true);
  await next.click();
  await main(page).getByLabel(ID.entry.output.description, { exact: true }).fill(URAIAN);
  await next.click();
  await main(page).getByRole('button', { name: ID.entry.review.submit, exact: true }).click();
  await main(page).getByRole('heading', { name: ID.entry.done.submitted }).waitFor();
}

describe('offline, then back online', () => {
  it('saves an entry while the server is unreachable and sends it by itself when the network returns', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await expect.poll(() => statusText(page)).toContain(ID.lock.sync.allSent);
      await logIn(page, yohanes.id);
      await homeTitle(page).waitFor();

      // The cable is pulled: the next timer attempt fails, and the top bar says so.
      kiosk.offline();
      await expect.poll(() => statusText(page), { timeout: 15_000 }).toContain(ID.lock.sync.offline);

      await recordAndSend(page);
      // The entry is saved on this PC, and the screen says it will go out by itself.
      await main(page).getByText(ID.entry.done.pending).waitFor();
      await expect.poll(() => statusText(page)).toMatch(new RegExp(escapeRe(fmt(ID.lock.sync.pending, { n: 'N' })).replace('N', '\\d+')));
      await expectNoViolations(page, 'offline, entry saved');
      await screenshot(page, 'offline');
      const local = kiosk.core.ctx.sqlite.prepare('select id, status from entries where description = ?').get(URAIAN) as { id: string; status: string } | undefined;
      expect(local?.status).toBe('submitted');
      // The timer keeps trying (the proxy turns the attempts away), and nothing reaches the server.
      const cut = () => kiosk.proxy.log.filter((l) => l.outcome === 'partitioned').length;
      const before = cut();
      await expect.poll(cut, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2);
      expect(await kiosk.server.query('select id from entries where id = $1', [local!.id])).toEqual([]);

      // Beranda shows it as not yet sent.
      await mainNav(page).getByRole('button', { name: ID.common.nav.home, exact: true }).click();
      const card = main(page).getByRole('article', { name: upkeep.name });
      await card.waitFor();
      expect(await card.textContent()).toContain(ID.common.status.submitted);
      expect(await card.textContent()).toContain(ID.common.pending);

      // The network is back. No one touches anything: the timer sends it.
      kiosk.online();
      // (Between attempts; during one the bar says "Sedang mengirim…" instead of "Terhubung".)
      await expect
        .poll(async () => {
          const text = await statusText(page);
          return text.includes(ID.lock.sync.allSent) && text.startsWith(ID.lock.sync.online);
        }, { timeout: 20_000 })
        .toBe(true);
      const onServer = await kiosk.server.query<{ status: string }>('select status from entries where id = $1', [local!.id]);
      expect(onServer).toEqual([{ status: 'submitted' }]);
      const cardAfter = await settle(() => card.textContent(), (t) => !t?.includes(ID.common.pending), 5_000);
      expect.soft(cardAfter, 'Beranda refreshes its cards after a sync').not.toContain(ID.common.pending);
      await logOut(page);
    } finally {
      kiosk.online();
      await tab.close();
    }
  });
});

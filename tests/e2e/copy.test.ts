import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS } from '../../src-shared/demo';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { fmt, homeTitle, ID, logIn, msg, person } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * "Ulangi aktivitas kemarin": yesterday's entries come back as drafts on today, one that would
 * clash with what is already logged today is listed as not copied with the rule's message, and
 * "Kirim semua" sends the drafts. A person with nothing yesterday is told so.
 */
let kiosk: Kiosk;
let browser: Browser;
const fitri = person(DEMO_EMPLOYEE_IDS.fitri);
const asep = person(DEMO_EMPLOYEE_IDS.asep);
const rapat = DEMO.catalog.find((a) => a.code === 'ORG-037')!;
const telaahan = DEMO.catalog.find((a) => a.code === 'ORG-007')!;
const spj = DEMO.catalog.find((a) => a.code === 'ORG-008')!;
const YESTERDAY = '2026-11-24';
const TODAY = '2026-11-25';

/** "Rabu, 25 November", as the screens write a date in a sentence. */
const mediumDay = (iso: string): string =>
  new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk(), launchBrowser()]);
  // Fitri's Tuesday, and one entry today that the copy of the second would overlap.
  const token = await kiosk.login(fitri.id);
  const day = { volume: 1, submit: true } as const;
  await kiosk.call('entry-create', { ...day, workDate: YESTERDAY, startTime: '08:00', endTime: '10:00', activityId: rapat.id, description: 'Rapat koordinasi evaluasi SOP pelayanan perizinan' }, token);
  await kiosk.call('entry-create', { ...day, workDate: YESTERDAY, startTime: '10:00', endTime: '11:30', activityId: telaahan.id, description: 'Menyusun telaahan staf tentang penataan jabatan fungsional' }, token);
  await kiosk.call('entry-create', { ...day, workDate: TODAY, startTime: '10:30', endTime: '11:00', activityId: spj.id, volume: 2, description: 'Memverifikasi SPJ perjalanan dinas bulan November' }, token);
  await kiosk.call('kiosk-logout', {}, token);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

const main = (page: Page): Locator => page.getByRole('main');
const copyButton = (page: Page): Locator => main(page).getByRole('button', { name: ID.home.copyYesterday, exact: true });

describe('Ulangi aktivitas kemarin', () => {
  it("copies yesterday's entries as drafts, lists what it could not copy and why, and sends the drafts", async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await logIn(page, fitri.id);
      await homeTitle(page).waitFor();
      await copyButton(page).click();
      await page.getByRole('heading', { level: 1, name: ID.entry.copy.title }).waitFor();
      await main(page).getByText(fmt(ID.entry.copy.intro, { from: mediumDay(YESTERDAY), to: mediumDay(TODAY) })).waitFor();

      const created = main(page).getByRole('region', { name: fmt(ID.entry.copy.created, { n: 1 }) });
      await created.waitFor();
      const item = created.getByRole('listitem');
      expect(await item.count()).toBe(1);
      expect(await item.textContent()).toContain(rapat.name);
      expect(await item.textContent()).toContain(ID.common.status.draft);
      const skipped = main(page).getByRole('region', { name: fmt(ID.entry.copy.skipped, { n: 1 }) });
      await expect.poll(() => skipped.textContent()).toContain(telaahan.name);
      expect(await skipped.textContent()).toContain(msg('OVERLAP', { startTime: '10:30', endTime: '11:00' }));
      // The draft can be opened to adjust it.
      expect(await created.getByRole('button', { name: fmt(ID.entry.copy.editLabel, { time: '08:00–10:00', name: rapat.name }) }).count()).toBe(1);
      await expectNoViolations(page, 'Ulangi aktivitas kemarin');
      await screenshot(page, 'copy-day');

      await main(page).getByRole('button', { name: ID.entry.copy.submitAll, exact: true }).click();
      await main(page).getByText(ID.entry.copy.allSent).waitFor();
      expect(await item.textContent()).toContain(ID.common.status.submitted);
      const today = kiosk.core.ctx.sqlite
        .prepare('select activity_id as activityId, start_time as startTime, status from entries where employee_id = ? and work_date = ? order by start_time')
        .all(fitri.id, TODAY);
      expect(today).toEqual([
        { activityId: rapat.id, startTime: '08:00', status: 'submitted' },
        { activityId: spj.id, startTime: '10:30', status: 'submitted' },
      ]);
      await expectNoViolations(page, 'Ulangi aktivitas kemarin, sent');
    } finally {
      await tab.close();
    }
  });

  it('tells a person with nothing logged yesterday that there is nothing to copy', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await logIn(page, asep.id);
      await homeTitle(page).waitFor();
      await copyButton(page).click();
      await main(page).getByText(fmt(ID.entry.copy.nothing, { date: mediumDay(YESTERDAY) })).waitFor();
      expect(await main(page).getByRole('button', { name: ID.entry.copy.record, exact: true }).count()).toBe(1);
      await expectNoViolations(page, 'Ulangi aktivitas kemarin, nothing to copy');
    } finally {
      await tab.close();
    }
  });
});

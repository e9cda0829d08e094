import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS, DEMO_PIN } from '../../src-shared/demo';
import { launchBrowser, openKiosk } from './support/browser';
import { ActionCounter } from './support/clicks';
import { escapeRe, homeTitle, ID, person, pinField, staffCard } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';

/**
 * The measure of effort: a typical entry, from the lock screen to "sent", in clicks and
 * key presses, not counting the PIN's digits and the uraian's text. Typical: a person who logged
 * the same kind of work before (so it is among the suggestions), today, in one of the quick
 * time picks. Goal: ≤ 8.
 */
const GOAL = 8;
let kiosk: Kiosk;
let browser: Browser;
const asep = person(DEMO_EMPLOYEE_IDS.asep);
const evaluasi = DEMO.catalog.find((a) => a.code === 'ORG-028')!;

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk(), launchBrowser()]);
  // Yesterday Asep logged an evaluation; today he logs another one.
  const token = await kiosk.login(asep.id);
  await kiosk.call(
    'entry-create',
    { workDate: '2026-11-24', startTime: '08:00', endTime: '10:00', activityId: evaluasi.id, volume: 1, description: 'Evaluasi internal SAKIP Dinas Perhubungan', submit: true },
    token,
  );
  await kiosk.call('kiosk-logout', {}, token);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

const main = (page: Page): Locator => page.getByRole('main');

describe('effort of a typical entry', () => {
  it(`takes at most ${GOAL} clicks and keys from the lock screen to sent (PIN digits and uraian not counted)`, async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    const act = new ActionCounter(page);
    try {
      await act.click(staffCard(page, asep.name), 'staff card');
      await pinField(page).waitFor();
      await act.type(DEMO_PIN, 'pin');
      await act.press('Enter');
      await homeTitle(page).waitFor();

      await act.click(main(page).getByRole('button', { name: ID.home.newEntry, exact: true }), ID.home.newEntry);
      const dateStep = main(page).getByRole('heading', { level: 2, name: ID.entry.headings.date });
      const activityStep = main(page).getByRole('heading', { level: 2, name: ID.entry.headings.activity });
      await dateStep.or(activityStep).waitFor();
      if (await dateStep.isVisible()) {
        await act.click(main(page).getByRole('button', { name: new RegExp(`^${escapeRe(ID.entry.date.today.split('{')[0]!)}`) }), 'today');
      }
      // Yesterday's activity is among the suggestions: no search needed.
      await act.click(main(page).getByRole('button', { name: new RegExp(`^${escapeRe(evaluasi.name)}`) }), 'suggested activity');

      await act.click(main(page).getByRole('button', { name: ID.entry.time.plus60, exact: true }), ID.entry.time.plus60);
      const next = main(page).getByRole('button', { name: ID.common.next, exact: true });
      await expect.poll(() => next.isEnabled()).toBe(true);
      await act.click(next, ID.common.next);

      const uraian = main(page).getByLabel(ID.entry.output.description, { exact: true });
      await uraian.waitFor();
      // The uraian has the focus when the step opens: typing needs no click first.
      await act.type('Evaluasi internal SAKIP Dinas Kesehatan', 'uraian');
      await act.click(next, ID.common.next);
      await act.click(main(page).getByRole('button', { name: ID.entry.review.submit, exact: true }), ID.entry.review.submit);
      await main(page).getByRole('heading', { name: ID.entry.done.submitted }).waitFor();

      console.log(`actions: ${act.count} (goal ≤ ${GOAL})\n${act.report()}`);
      const stored = kiosk.core.ctx.sqlite.prepare("select status, description from entries where employee_id = ? and work_date = '2026-11-25'").all(asep.id);
      expect(stored).toEqual([{ status: 'submitted', description: 'Evaluasi internal SAKIP Dinas Kesehatan' }]);
      expect(act.count).toBeLessThanOrEqual(GOAL);
    } finally {
      await tab.close();
    }
  });
});

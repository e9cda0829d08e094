import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE, DEMO_PIN } from '../../src-shared/demo';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { escapeRe, fmt, settle, templateRe, homeTitle, ID, isFocused, mainNav, person, pinField, searchBox, staffCard, syncStatus, tabAndEnter, tabTo } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * A staff member's day, by keyboard only (Tab, Shift+Tab, Enter, typing): log in from the lock
 * screen, record an activity through every step of Catat Aktivitas and send it, record a second
 * one as a draft, see both on Beranda as not yet sent until the PC syncs, open one, edit the draft
 * from Bulan Ini and send it, then Selesai. axe checks every screen on the way; with
 * KK_SCREENSHOTS=1 each screen is saved for the README.
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

const siti = person(DEMO_PEOPLE.staff[0]);
const anjab = DEMO.catalog.find((a) => a.code === 'ORG-011')!;
const abk = DEMO.catalog.find((a) => a.code === 'ORG-012')!;
const URAIAN_1 = 'Menyusun analisis jabatan Analis SDM Aparatur untuk Dinas Kesehatan';
const URAIAN_2 = 'Menghitung beban kerja jabatan pelaksana di Bagian Umum';
const URAIAN_2_FIXED = 'Menghitung beban kerja jabatan pelaksana di Bagian Umum dan Bagian Hukum';

/** The words before a template's first placeholder: "Hari ini ({date})" → "Hari ini (". */
const before = (template: string): string => template.split('{')[0]!;
const startsWith = (text: string): RegExp => new RegExp(`^${escapeRe(text)}`);
const main = (page: Page): Locator => page.getByRole('main');
const heading = (page: Page, name: string, level = 2): Locator => main(page).getByRole('heading', { level, name, exact: true });
const button = (scope: Page | Locator, name: string | RegExp): Locator =>
  scope.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });

async function check(page: Page, label: string, shot: string): Promise<void> {
  await expectNoViolations(page, label);
  await screenshot(page, shot);
}

/** Waits until a button can be pressed (the wizard enables Lanjut once the core's check answered). */
async function enabled(target: Locator): Promise<Locator> {
  await expect.poll(() => target.isEnabled()).toBe(true);
  return target;
}

/**
 * Waits for the catalog's answer to `query`: every activity listed matches it. (A person waits
 * for the list to settle before moving on; pressing Tab on the list shown while the search runs
 * would land on rows about to be replaced.)
 */
async function searchResults(page: Page, query: string): Promise<void> {
  const stars = main(page).getByRole('button', { name: startsWith(before(ID.entry.activity.favoriteOn)) });
  await expect
    .poll(async () => {
      const names = await stars.evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-label') ?? ''));
      return names.length > 0 && names.every((n) => n.toLowerCase().includes(query.toLowerCase()));
    })
    .toBe(true);
}

/** Steps 2–5 of the wizard for an activity found by `query`, from the activity step to the review. */
async function activityToReview(page: Page, query: string, activityName: string, uraian: string, checkScreens = false): Promise<void> {
  await heading(page, ID.entry.headings.activity).waitFor();
  await tabTo(page, main(page).getByLabel(ID.entry.activity.search, { exact: true }));
  await page.keyboard.type(query);
  await searchResults(page, query);
  await tabAndEnter(page, button(main(page), startsWith(activityName)));

  await heading(page, ID.entry.headings.time).waitFor();
  await tabAndEnter(page, button(main(page), ID.entry.time.plus60));
  await main(page).getByText(fmt(ID.entry.time.duration, { duration: fmt(ID.common.hours, { h: 1 }) })).waitFor();
  const next = await enabled(button(main(page), ID.common.next));
  if (checkScreens) await check(page, 'Catat Aktivitas: time', 'entry-time');
  await tabAndEnter(page, next);

  await heading(page, ID.entry.headings.output).waitFor();
  // The uraian has the focus: the person types at once.
  expect(await isFocused(main(page).getByLabel(ID.entry.output.description, { exact: true }))).toBe(true);
  await page.keyboard.type(uraian);
  if (checkScreens) await check(page, 'Catat Aktivitas: output', 'entry-output');
  await tabAndEnter(page, await enabled(button(main(page), ID.common.next)));
  await heading(page, ID.entry.headings.review).waitFor();
}

describe('the staff journey, by keyboard only', () => {
  it('logs in, records and sends an activity, saves a draft, edits it from Bulan Ini, sends it, and finishes', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      // Lock screen → PIN → Beranda.
      await tabTo(page, searchBox(page));
      await page.keyboard.type('siti');
      await tabAndEnter(page, staffCard(page, siti.name));
      await pinField(page).waitFor();
      await page.keyboard.type(DEMO_PIN);
      await page.keyboard.press('Enter');
      await homeTitle(page).waitFor();
      await main(page).getByText(ID.home.today.empty).waitFor();
      await check(page, 'Beranda (empty day)', 'home-empty');

      // Catat Aktivitas: date → activity → time → output → review → Kirim.
      await tabAndEnter(page, button(main(page), ID.home.newEntry));
      const dateStep = heading(page, ID.entry.headings.date);
      const activityStep = heading(page, ID.entry.headings.activity);
      await dateStep.or(activityStep).waitFor();
      if (await activityStep.isVisible()) {
        // Beranda opens the form on today when today is a working day; Kembali reaches the date step.
        await tabAndEnter(page, button(main(page), ID.common.back));
        await dateStep.waitFor();
      }
      await check(page, 'Catat Aktivitas: date', 'entry-date');
      await tabAndEnter(page, button(main(page), startsWith(before(ID.entry.date.today))));
      await heading(page, ID.entry.headings.activity).waitFor();
      await check(page, 'Catat Aktivitas: activity', 'entry-activity');
      await activityToReview(page, 'anjab', anjab.name, URAIAN_1, true);
      const review = main(page).getByRole('definition');
      expect(await review.allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(anjab.name), expect.stringContaining('07:30–08:30'), expect.stringContaining(URAIAN_1)]),
      );
      await check(page, 'Catat Aktivitas: review', 'entry-review');
      await tabAndEnter(page, button(main(page), ID.entry.review.submit));
      await heading(page, ID.entry.done.submitted).waitFor();
      // Not yet on the server: the screen says it will go by itself.
      await main(page).getByText(ID.entry.done.pending).waitFor();
      await check(page, 'Catat Aktivitas: sent', 'entry-done');

      // "Catat aktivitas lain" keeps the day and starts at the activity; this one is kept as a draft.
      await tabAndEnter(page, button(main(page), ID.entry.done.another));
      await activityToReview(page, 'ABK', abk.name, URAIAN_2);
      await tabAndEnter(page, button(main(page), ID.entry.review.saveDraft));
      await heading(page, ID.entry.done.draft).waitFor();
      await tabAndEnter(page, button(main(page), ID.entry.done.home));

      // Beranda: both, in words, not yet sent.
      await homeTitle(page).waitFor();
      const today = main(page).getByRole('region', { name: ID.home.today.title });
      const sent = today.getByRole('article', { name: anjab.name });
      const draft = today.getByRole('article', { name: abk.name });
      await sent.waitFor();
      expect(await sent.textContent()).toContain(ID.common.status.submitted);
      expect(await sent.textContent()).toContain(ID.common.pending);
      expect(await draft.textContent()).toContain(ID.common.status.draft);
      expect(await draft.textContent()).toContain(ID.common.pending);
      expect(await syncStatus(page).textContent()).toMatch(templateRe(ID.lock.sync.pending));
      await check(page, 'Beranda (two entries, not sent)', 'home');

      // The PC syncs (as its timer would): the indicator says so without anyone doing anything.
      const synced = await kiosk.call('sync-now', {});
      expect(synced).toMatchObject({ outcome: 'ok', status: { pending: 0 } });
      await expect.poll(() => syncStatus(page).textContent()).toContain(ID.lock.sync.allSent);
      // Beranda follows: its cards no longer say "Belum terkirim" once the top bar says all went out.
      const after = await settle(() => today.textContent(), (text) => !text?.includes(ID.common.pending), 5_000);
      expect.soft(after, 'Beranda refreshes its cards after a sync').not.toContain(ID.common.pending);
      // (Whatever Beranda did, a visit to Bulan Ini and back shows the entries as the store has them.)
      await tabAndEnter(page, button(mainNav(page), ID.common.nav.month), { backwards: true });
      await page.getByRole('heading', { level: 1, name: ID.month.title }).waitFor();
      await tabAndEnter(page, button(mainNav(page), ID.common.nav.home), { backwards: true });
      await homeTitle(page).waitFor();
      await sent.waitFor();
      expect(await today.textContent()).not.toContain(ID.common.pending);

      // The sent entry's detail, from Beranda: Menunggu Verifikasi, no longer "Belum terkirim".
      const open = button(main(page), fmt(ID.home.card.openLabel, { start: '07:30', activity: anjab.name }));
      await tabAndEnter(page, open, { backwards: true });
      await page.getByRole('heading', { level: 1, name: ID.month.detail.title }).waitFor();
      expect(await main(page).textContent()).toContain(ID.common.status.submitted);
      expect(await main(page).textContent()).not.toContain(ID.common.pending);
      await check(page, 'Rincian aktivitas', 'entry-detail');

      // Bulan Ini: the draft opens in the editor; its uraian is changed and it is sent.
      await tabAndEnter(page, button(mainNav(page), ID.common.nav.month), { backwards: true });
      await page.getByRole('heading', { level: 1, name: ID.month.title }).waitFor();
      const edit = button(main(page), fmt(ID.home.card.editLabel, { start: '08:30', activity: abk.name }));
      await edit.waitFor();
      await check(page, 'Bulan Ini (list)', 'month');
      // The calendar view, and back to the list.
      await tabAndEnter(page, button(main(page), ID.month.calendar));
      await main(page).getByRole('table', { name: fmt(ID.month.calendarCaption, { month: 'November 2026' }) }).waitFor();
      await check(page, 'Bulan Ini (calendar)', 'month-calendar');
      await tabAndEnter(page, button(main(page), ID.month.list), { backwards: true });
      await edit.waitFor();
      await tabAndEnter(page, edit);
      await page.getByRole('heading', { level: 1, name: ID.entry.titleEdit }).waitFor();
      await heading(page, ID.entry.headings.review).waitFor();
      await tabAndEnter(page, button(main(page), fmt(ID.entry.review.changeLabel, { what: ID.entry.review.description })));
      await heading(page, ID.entry.headings.output).waitFor();
      await page.keyboard.press('End');
      await page.keyboard.type(URAIAN_2_FIXED.slice(URAIAN_2.length));
      await tabAndEnter(page, await enabled(button(main(page), ID.common.next)));
      await heading(page, ID.entry.headings.review).waitFor();
      expect(await main(page).getByRole('definition').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(URAIAN_2_FIXED)]));
      await tabAndEnter(page, button(main(page), ID.entry.review.submit));
      await heading(page, ID.entry.done.submitted).waitFor();
      const stored = kiosk.core.ctx.sqlite.prepare('select activity_id as activityId, status, description from entries order by start_time').all();
      expect(stored).toEqual([
        { activityId: anjab.id, status: 'submitted', description: URAIAN_1 },
        { activityId: abk.id, status: 'submitted', description: URAIAN_2_FIXED },
      ]);
    } finally {
      await tab.close();
    }
  });

  it('ends the session with Selesai and leaves the lock screen with nothing of the person', async () => {
    // Independent of the test above: Siti's day has an entry whatever happened there.
    const token = await kiosk.login(siti.id);
    const existing = (await kiosk.call('entry-list', { month: '2026-11' }, token)).entries;
    if (!existing.some((e) => e.activityId === anjab.id)) {
      await kiosk.call('entry-create', { workDate: '2026-11-25', startTime: '07:30', endTime: '08:30', activityId: anjab.id, volume: 1, description: URAIAN_1 }, token);
    }
    await kiosk.call('kiosk-logout', {}, token);
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await tabTo(page, searchBox(page));
      await page.keyboard.type('siti');
      await tabAndEnter(page, staffCard(page, siti.name));
      await pinField(page).waitFor();
      await page.keyboard.type(DEMO_PIN);
      await page.keyboard.press('Enter');
      await homeTitle(page).waitFor();
      await main(page).getByRole('article', { name: anjab.name }).waitFor();

      await tabAndEnter(page, button(mainNav(page), ID.common.nav.logout), { backwards: true });
      await searchBox(page).waitFor();
      const html = await page.content();
      expect(html).not.toContain(URAIAN_1);
      expect(html).not.toContain(anjab.name);
      expect(await mainNav(page).count()).toBe(0);
    } finally {
      await tab.close();
    }
  });
});

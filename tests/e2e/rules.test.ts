import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_EMPLOYEE_IDS, DEMO_POLICY } from '../../src-shared/demo';
import { windowFor } from '../../src-shared/domain/policy';
import { labels } from '../../src-shared/i18n/id';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk, type KioskTab } from './support/browser';
import { escapeRe, fmt, ID, logIn, mainNav, msg, person, templateRe } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * Each entry rule's message, in Indonesian, at the step it concerns (DOMAIN.md rules 1–5 and the
 * form's own limits): the wizard asks the core, the core decides, the screen says why. The person
 * is Rahmawati, who already logged 07:30–08:30 today (set up through the core, as an earlier
 * session at this PC would have).
 */
let kiosk: Kiosk;
let browser: Browser;
const rahma = person(DEMO_EMPLOYEE_IDS.rahmawati);
const agenda = DEMO.catalog.find((a) => a.code === 'ORG-002')!;
const TODAY = '2026-11-25';
/** Wednesday's working window (rule 3). */
const WINDOW = windowFor(DEMO_POLICY, 3);

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk(), launchBrowser()]);
  const token = await kiosk.login(rahma.id);
  await kiosk.call('entry-create', { workDate: TODAY, startTime: '07:30', endTime: '08:30', activityId: agenda.id, volume: 12, description: 'Mengagendakan surat masuk dari kelurahan' }, token);
  await kiosk.call('kiosk-logout', {}, token);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

const main = (page: Page): Locator => page.getByRole('main');
const heading = (page: Page, name: string): Locator => main(page).getByRole('heading', { level: 2, name, exact: true });
const next = (page: Page): Locator => main(page).getByRole('button', { name: ID.common.next, exact: true });
const alertText = (page: Page): Promise<string> => main(page).getByRole('alert').textContent().then((t) => t ?? '');
const warningText = (page: Page): Promise<string> =>
  main(page).getByRole('status').filter({ hasText: ID.common.warning }).textContent().then((t) => t ?? '');

/** "Rabu, 25 November", as the screens write a date in a sentence. */
const mediumDay = (iso: string): string =>
  new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/** A date as the date step writes it: "Minggu, 22 Nov". */
const shortDay = (iso: string): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  const weekday = new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' }).format(d);
  return `${weekday}, ${new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d)}`;
};

async function session(): Promise<KioskTab> {
  const tab = await openKiosk(browser, kiosk);
  await logIn(tab.page, rahma.id);
  return tab;
}

/** From Beranda to the time step with the agenda activity chosen, today. */
async function toTimeStep(page: Page): Promise<void> {
  await main(page).getByRole('button', { name: ID.home.newEntry, exact: true }).click();
  const dateStep = heading(page, ID.entry.headings.date);
  const activityStep = heading(page, ID.entry.headings.activity);
  await dateStep.or(activityStep).waitFor();
  if (await dateStep.isVisible()) await main(page).getByRole('button', { name: new RegExp(`^${escapeRe(ID.entry.date.today.split('{')[0]!)}`) }).click();
  await main(page).getByLabel(ID.entry.activity.search, { exact: true }).fill('agendakan surat masuk');
  await main(page).getByRole('button', { name: new RegExp(`^${escapeRe(agenda.name)}`) }).click();
  await heading(page, ID.entry.headings.time).waitFor();
}

async function setTimes(page: Page, start: string, end: string): Promise<void> {
  await main(page).getByLabel(ID.entry.time.start, { exact: true }).fill(start);
  await main(page).getByLabel(ID.entry.time.end, { exact: true }).fill(end);
}

describe('rule messages at their step', () => {
  it('date step (rules 1–2): no day after today is offered; a weekend stays listed, refused with its reason', async () => {
    const tab = await session();
    const { page } = tab;
    try {
      await mainNav(page).getByRole('button', { name: ID.common.nav.entry, exact: true }).click();
      await heading(page, ID.entry.headings.date).waitFor();
      // Rule 1: tomorrow is not a choice at all.
      expect(await main(page).getByRole('button', { name: shortDay('2026-11-26') }).count()).toBe(0);
      // The window runs from 3 working days back (Friday 20 November: the weekend does not count) to today.
      await main(page).getByText(fmt(ID.entry.date.window, { from: mediumDay('2026-11-20'), to: mediumDay(TODAY) })).waitFor();

      // Rule 2: Sunday 22 November is in the backdating window but not a working day.
      const sundayButton = (scope: Page | Locator) => scope.getByRole('button', { name: shortDay('2026-11-22'), exact: true });
      const sunday = sundayButton(main(page));
      expect(await sunday.getAttribute('aria-disabled')).toBe('true');
      // The reason sits beside the day (its accessible description), in the same list item.
      const why = main(page).getByRole('listitem').filter({ has: sundayButton(page) });
      expect(await why.textContent()).toContain(ID.entry.date.unavailable);
      expect(await why.textContent()).toMatch(templateRe(msg('NOT_WORKING_DAY', { date: '{date}', reason: labels.dayReason.weekend })));
      // Still focusable (so a keyboard user hears why), but pressing it does not choose it.
      await sunday.focus();
      await page.keyboard.press('Enter');
      expect(await heading(page, ID.entry.headings.date).isVisible()).toBe(true);
      await expectNoViolations(page, 'date step with refused days');
      await screenshot(page, 'rule-weekend');
    } finally {
      await tab.close();
    }
  });

  it('time step (rules 3–5): end before start, overlap and the day limit block Lanjut; outside hours only warns', async () => {
    const tab = await session();
    const { page } = tab;
    try {
      await toTimeStep(page);

      await setTimes(page, '10:00', '09:00');
      await expect.poll(() => alertText(page)).toContain(msg('END_BEFORE_START'));
      expect(await next(page).isDisabled()).toBe(true);

      await setTimes(page, '08:00', '09:00');
      await expect.poll(() => alertText(page)).toContain(msg('OVERLAP', { startTime: '07:30', endTime: '08:30' }));
      expect(await next(page).isDisabled()).toBe(true);
      await expectNoViolations(page, 'time step, overlap');
      await screenshot(page, 'rule-overlap');

      // 60 minutes already logged + 08:30–16:30 (480) = 540 > 450.
      await setTimes(page, '08:30', '16:30');
      await expect.poll(() => alertText(page)).toContain(msg('DAY_LIMIT_EXCEEDED', { total: 60 + 480, max: DEMO_POLICY.maxMinutesPerDay }));
      expect(await next(page).isDisabled()).toBe(true);

      // After the window: a warning, and the person may go on.
      await setTimes(page, WINDOW.end, '17:00');
      await expect.poll(() => warningText(page)).toContain(msg('OUTSIDE_WORKING_HOURS', { start: WINDOW.start, end: WINDOW.end }));
      expect(await main(page).getByRole('alert').count()).toBe(0);
      await expect.poll(() => next(page).isEnabled()).toBe(true);
      await expectNoViolations(page, 'time step, outside hours');
    } finally {
      await tab.close();
    }
  });

  it('output step: an uraian too short and a volume out of range are refused there', async () => {
    const tab = await session();
    const { page } = tab;
    try {
      await toTimeStep(page);
      await setTimes(page, '09:00', '10:00');
      await expect.poll(() => next(page).isEnabled()).toBe(true);
      await next(page).click();
      await heading(page, ID.entry.headings.output).waitFor();

      const uraian = main(page).getByLabel(ID.entry.output.description, { exact: true });
      await uraian.fill('surat');
      await next(page).click();
      await expect.poll(() => alertText(page)).toContain(msg('DESCRIPTION_TOO_SHORT', { min: DEMO_POLICY.minDescriptionChars }));
      expect(await heading(page, ID.entry.headings.output).isVisible()).toBe(true);
      await expectNoViolations(page, 'output step, uraian too short');
      await screenshot(page, 'rule-uraian');

      await uraian.fill('Mengagendakan surat masuk dari kecamatan dan kelurahan');
      await main(page).getByLabel(ID.entry.output.volume, { exact: true }).fill(String(DEMO_POLICY.maxVolume + 1));
      await next(page).click();
      await expect.poll(() => alertText(page)).toContain(msg('VOLUME_INVALID', { max: DEMO_POLICY.maxVolume }));
      expect(await heading(page, ID.entry.headings.output).isVisible()).toBe(true);

      // Fixed, the form moves on to the review.
      await main(page).getByLabel(ID.entry.output.volume, { exact: true }).fill('15');
      await next(page).click();
      await heading(page, ID.entry.headings.review).waitFor();
    } finally {
      await tab.close();
    }
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_IDS, DEMO_INITIAL_PIN, DEMO_PEOPLE, DEMO_PIN, DEMO_POLICY } from '../../src-shared/demo';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { fmt, homeTitle, ID, logIn, logOut, mainNav, msg, person, pinField, staffCard, typePin } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * The PIN: tries left after a wrong PIN, the lockout after the policy's number of misses with its
 * countdown, a good PIN, and the first login that must replace the operator's initial PIN.
 * The numbers come from the demo unit's policy, not from this file.
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

const WRONG = '135790';
const { maxWrongPins, lockoutMinutes, pinLength } = DEMO_POLICY;

describe('the PIN step', () => {
  it('says how many tries are left after a wrong PIN, then lets the right PIN in', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      const siti = person(DEMO_PEOPLE.staff[0]);
      await staffCard(page, siti.name).click();
      await pinField(page).waitFor();
      await typePin(page, WRONG);
      const alert = page.getByRole('alert');
      await alert.getByText(msg('PIN_WRONG', { remaining: maxWrongPins - 1 })).waitFor();
      // The refused PIN is not left in the field for the next try.
      expect(await pinField(page).inputValue()).toBe('');
      await expectNoViolations(page, 'PIN step, wrong PIN');
      await screenshot(page, 'pin-wrong');

      await typePin(page, DEMO_PIN);
      await homeTitle(page).waitFor();
      expect(await mainNav(page).getByText(siti.name).count()).toBe(1);
      await logOut(page);
    } finally {
      await tab.close();
    }
  });

  it(`locks the person after ${maxWrongPins} wrong PINs with a countdown, and lets them in when it ends`, async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      const yohanes = person(DEMO_EMPLOYEE_IDS.yohanes);
      await staffCard(page, yohanes.name).click();
      await pinField(page).waitFor();
      for (let i = 1; i < maxWrongPins; i++) {
        await typePin(page, WRONG);
        await page.getByRole('alert').getByText(msg('PIN_WRONG', { remaining: maxWrongPins - i })).waitFor();
      }
      await typePin(page, WRONG);
      await page.getByRole('alert').getByText(ID.lock.pin.locked).waitFor();
      const timer = page.getByRole('timer');
      // mm:ss of the policy's lockout; a second or two either way is the time the screen took.
      const shown = (await timer.textContent()) ?? '';
      expect(shown).toMatch(/^\d\d:\d\d$/);
      const [mm, ss] = shown.split(':').map(Number);
      expect(Math.abs(mm! * 60 + ss! - lockoutMinutes * 60)).toBeLessThanOrEqual(3);
      expect(await pinField(page).isDisabled()).toBe(true);
      // The lockout is on record on this workstation (DOMAIN.md: "the lockout is audited").
      const audited = kiosk.core.ctx.sqlite.prepare("select count(*) as n from audit_log where action = 'kiosk.lockout' and entity_id = ?").get(yohanes.id) as { n: number };
      expect(audited.n).toBe(1);
      for (const d of '0123456789') expect(await page.getByRole('button', { name: d, exact: true }).isDisabled()).toBe(true);
      await expectNoViolations(page, 'PIN step, locked');
      await screenshot(page, 'pin-locked');

      // The countdown runs (the page's clock is real time from the kiosk's start).
      const first = await timer.textContent();
      await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);

      // The list marks the locked person too.
      await page.getByRole('button', { name: ID.lock.pin.back }).click();
      await expect.poll(() => staffCard(page, yohanes.name).textContent()).toContain(fmt(ID.lock.lockedUntil, { time: '' }).trim());

      // When the lock ends (both clocks jump past it), the PIN works again.
      await tab.advance(lockoutMinutes * 60_000 + 2_000);
      await staffCard(page, yohanes.name).click();
      await expect.poll(() => pinField(page).isDisabled()).toBe(false);
      await pinField(page).focus();
      await typePin(page, DEMO_PIN);
      await homeTitle(page).waitFor();
      await logOut(page);
    } finally {
      await tab.close();
    }
  });
});

describe('the first login', () => {
  it('makes the person replace the initial PIN: a weak PIN is refused in words, a good one leads to Beranda', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    const dimas = person(DEMO_PEOPLE.mustChangePin);
    const NEW_PIN = '582937';
    try {
      await logIn(page, dimas.id, DEMO_INITIAL_PIN);
      await page.getByRole('heading', { level: 1, name: ID.lock.changePin.title }).waitFor();
      // Nothing else is reachable before the change: no main menu.
      expect(await mainNav(page).count()).toBe(0);
      const newPin = page.getByLabel(fmt(ID.lock.changePin.newLabel, { length: pinLength }), { exact: true });
      await newPin.waitFor();
      await expectNoViolations(page, 'change PIN');
      await screenshot(page, 'change-pin');

      await newPin.focus();
      await typePin(page, '123456');
      await page.getByRole('alert').getByText(msg('PIN_TOO_WEAK')).waitFor();
      await expectNoViolations(page, 'change PIN, weak PIN refused');

      await newPin.focus();
      await typePin(page, NEW_PIN);
      const confirm = page.getByLabel(fmt(ID.lock.changePin.confirmLabel, { length: pinLength }), { exact: true });
      await confirm.waitFor();
      await confirm.focus();
      await typePin(page, NEW_PIN);
      await homeTitle(page).waitFor();

      // The new PIN is the one that works from now on, with no second request to change it.
      await logOut(page);
      await logIn(page, dimas.id, NEW_PIN);
      await homeTitle(page).waitFor();
      await logOut(page);
      const old = await kiosk.send('kiosk-login', { nip: dimas.nip, pin: DEMO_INITIAL_PIN });
      expect(old.ok ? 'logged in' : old.error.code).toBe('PIN_WRONG');
    } finally {
      await tab.close();
    }
  });
});

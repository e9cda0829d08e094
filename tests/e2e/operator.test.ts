import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../src-shared/demo';
import { labels } from '../../src-shared/i18n/id';
import { PROTOCOL_VERSION } from '../../src-shared/protocol';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { ID, isFocused, logIn, logOut, mainNav, msg, person, searchBox, staffCard, templateRe } from './support/flows';
import { startKiosk, type Kiosk } from './support/kiosk';
import { screenshot } from './support/screenshots';

/**
 * The operator's side of a PC, in the real browser against the real core and server: the first-run
 * setup on the lock screen of a PC that is not enrolled yet (the kiosk starts with `enroll: false`),
 * then the Operator screen of the PC that setup enrolled — its settings, sync, diagnostics and
 * Keluar — for the demo operator Nurul, and its absence for a staff member.
 */
let kiosk: Kiosk;
let browser: Browser;

const NURUL = person(DEMO_PEOPLE.operator);
const SITI = person(DEMO_PEOPLE.staff[0]);
const PC_NAME = 'PC Bagian Organisasi 1';
const active = DEMO.employees.filter((e) => e.active);

const S = ID.setup;
const O = ID.operator;

beforeAll(async () => {
  [kiosk, browser] = await Promise.all([startKiosk({ enroll: false }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

/** An address where nothing listens: a port the system just handed out, closed again. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const staffCards = (page: Page): Locator => page.getByRole('main').getByRole('listitem');
const textbox = (scope: Page | Locator, name: string): Locator => scope.getByRole('textbox', { name, exact: true });

/** The ids a field points at for its description (hint, error). */
const describedBy = async (field: Locator): Promise<string[]> => ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);

describe('first run: a PC that is not enrolled', () => {
  it("is set up on the lock screen: a wrong address and a wrong code are told where they are, then the PC is enrolled and the unit's staff appear", async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page, errors } = tab;
    try {
      await page.getByRole('heading', { level: 1, name: S.title }).waitFor();
      // Nobody can log in before the first pull: no staff list, no search.
      expect(await searchBox(page).count()).toBe(0);
      const form = page.getByRole('form', { name: S.form.label });
      const address = textbox(form, S.form.serverUrl);
      const code = textbox(form, S.form.code);
      const result = form.getByRole('status');
      const test = form.getByRole('button', { name: S.form.test, exact: true });

      // Nothing listens there: the answer says so, why (refused) and what to check.
      await address.fill(await closedPortUrl());
      await test.click();
      await expect.poll(() => result.textContent()).toMatch(templateRe(labels.connection.unreachable));
      expect(await result.textContent()).toContain(labels.connection.reason.refused);
      expect(await result.textContent()).toContain(S.connection.todo.SERVER_UNREACHABLE);

      // The central server (through this PC's cable): connected, with the protocol version.
      await address.fill(kiosk.proxy.url);
      await test.click();
      await expect.poll(() => result.textContent()).toMatch(templateRe(S.connection.ok.replace('{protocol}', String(PROTOCOL_VERSION))));
      await textbox(form, S.form.name).fill(PC_NAME);
      await expectNoViolations(page, 'setup, connected');
      await screenshot(page, 'setup');

      // A code the server never gave: refused at the code field, which gets the focus.
      await code.fill('SALAH-0000-0000');
      await form.getByRole('button', { name: S.form.enroll, exact: true }).click();
      const refused = form.getByText(msg('ENROLLMENT_CODE_INVALID'), { exact: true });
      await refused.waitFor();
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      expect(await describedBy(code)).toContain(await refused.getAttribute('id'));
      expect(await isFocused(code)).toBe(true);
      expect(await address.getAttribute('aria-invalid')).toBeNull();
      expect((await kiosk.call('app-status', {})).enrolled).toBe(false);
      await expectNoViolations(page, 'setup, code refused');

      // The code from the server's operator: enrolled, the first pull ran, the staff are listed.
      await code.fill(await kiosk.server.enrollCode());
      await form.getByRole('button', { name: S.form.enroll, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: DEMO.unit.name }).waitFor({ timeout: 30_000 });
      await expect.poll(() => staffCards(page).count()).toBe(active.length);
      expect(await staffCard(page, SITI.name).count()).toBe(1);
      expect(await kiosk.call('app-status', {})).toMatchObject({ enrolled: true, unitName: DEMO.unit.name });
      // The server knows the PC by the name typed in.
      expect(await kiosk.server.query('select name from workstations')).toContainEqual({ name: PC_NAME });
      expect(errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('the Operator screen', () => {
  beforeAll(async () => {
    // Independent of the setup test above: a PC it did not enroll is enrolled behind the screens.
    if (!(await kiosk.call('app-status', {})).enrolled) await kiosk.enroll();
  });

  /**
   * Nurul logs in on a fresh tab, opens Operator at `section`, does `steps`, and presses "Selesai".
   * Leaving by "Selesai" (and waiting for its sync) keeps each test's login from replacing a session
   * the last one left open: the core then pushes `session-ended` for the replaced session, and when
   * that message reaches the page after the login's answer, the screens (App.tsx) drop the new
   * person back to the lock screen, a race no test here should depend on.
   */
  async function asOperator(section: string, steps: (page: Page) => Promise<void>): Promise<void> {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await logIn(page, NURUL.id);
      await mainNav(page).getByRole('button', { name: O.nav, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: O.title }).waitFor();
      await openSection(page, section);
      await steps(page);
      await logOut(page);
      await kiosk.core.ctx.sync.idle();
    } finally {
      await tab.close();
    }
  }

  async function openSection(page: Page, section: string): Promise<void> {
    const tab = page.getByRole('tab', { name: section, exact: true });
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  }

  it('Pengaturan: a refused sync interval is told at its field; a valid one is saved on the PC', async () => {
    await asOperator(O.tabs.settings, async (page) => {
      const st = O.settings;
      const form = page.getByRole('form', { name: st.syncInterval.label });
      const interval = textbox(form, st.syncInterval.label);
      const save = form.getByRole('button', { name: st.save, exact: true });
      expect(await interval.inputValue()).toBe('5');

      await interval.fill('0');
      await save.click();
      const invalid = form.getByText(st.syncInterval.invalid, { exact: true });
      await invalid.waitFor();
      expect(await interval.getAttribute('aria-invalid')).toBe('true');
      expect(await describedBy(interval)).toContain(await invalid.getAttribute('id'));

      await interval.fill('15');
      await save.click();
      await expect.poll(() => form.getByRole('status').textContent()).toBe(st.saved);
      expect(await interval.getAttribute('aria-invalid')).toBeNull();
      expect((await kiosk.call('settings-get', {})).syncIntervalMinutes).toBe(15);
      await expectNoViolations(page, 'Operator, Pengaturan');
      await screenshot(page, 'operator-pengaturan');

      // Opened again, the section reads what the PC stored.
      await openSection(page, O.tabs.sync);
      await openSection(page, O.tabs.settings);
      await expect.poll(() => textbox(page.getByRole('form', { name: st.syncInterval.label }), st.syncInterval.label).inputValue()).toBe('15');
    });
  });

  it('Sinkronisasi: "Kirim sekarang" says it worked, and the attempt is the newest row of the log', async () => {
    await asOperator(O.tabs.sync, async (page) => {
      const w = O.sync;
      const log = page.getByRole('table', { name: w.logCaption });
      // The enrollment's first sync is already in the log.
      await log.waitFor();
      expect(await log.textContent()).toContain(w.triggers.enroll);
      const rows = log.getByRole('row');
      const before = await rows.count();

      await page.getByRole('button', { name: w.sendNow, exact: true }).click();
      await page.getByText(templateRe(w.outcome.ok)).waitFor();
      // Row 0 is the header; the newest attempt comes first: when, why, how it ended.
      await expect.poll(async () => (await rows.nth(1).getByRole('cell').allTextContents()).slice(0, 2)).toEqual([w.triggers.manual, w.outcomes.ok]);
      expect(await rows.count()).toBeGreaterThan(before);
      await expectNoViolations(page, 'Operator, Sinkronisasi');
    });
  });

  it('Diagnostik: the database check says ok, a backup names its file, the zip downloads; Daftar ulang; Keluar cannot quit here', async () => {
    const status = await kiosk.call('app-status', {});
    await asOperator(O.tabs.diagnostics, async (page) => {
      const d = O.diagnostics;
      await page.getByText(status.clientId, { exact: true }).waitFor();

      await page.getByRole('button', { name: d.dbCheck, exact: true }).click();
      await page.getByText(templateRe(d.dbOk.replace('{result}', 'ok'))).waitFor();

      await page.getByRole('button', { name: d.backup, exact: true }).click();
      const backedUp = page.getByText(templateRe(d.backupDone));
      await backedUp.waitFor();
      // "Cadangan dibuat pada 25 Nov 09:31: /…/backups/…": the file is there.
      const file = (await backedUp.textContent())!.replace(templateRe(d.backupDone.split('{file}')[0]!), '');
      expect(existsSync(file), file).toBe(true);

      // The bridge's transport saves the zip through a Blob and <a download>: a real download.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: d.export, exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(/^diagnostik-.+\.zip$/);
      await page.getByText(templateRe(d.exported.replace('{file}', download.suggestedFilename()))).waitFor();
      const zip = readFileSync(await download.path());
      expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      const members = unzipSync(new Uint8Array(zip));
      expect(Object.keys(members)).toContain('app-status.json');
      expect(JSON.parse(strFromU8(members['app-status.json']!))).toMatchObject({ enrolled: true, unitName: DEMO.unit.name, clientId: status.clientId });
      await expectNoViolations(page, 'Operator, Diagnostik');
      await screenshot(page, 'operator-diagnostik');

      await openSection(page, O.tabs.reenroll);
      await page.getByRole('form', { name: S.form.label }).waitFor();
      await expectNoViolations(page, 'Operator, Daftar ulang');

      const q = O.quit;
      await openSection(page, O.tabs.quit);
      await page.getByRole('button', { name: q.button, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: q.confirmTitle });
      await dialog.waitFor();
      await expectNoViolations(page, 'Operator, Keluar, confirmation');
      await dialog.getByRole('button', { name: q.confirm, exact: true }).click();
      // The dev bridge has no shell to close: the screen says so, and the PC goes on working.
      await page.getByText(q.cannot, { exact: true }).waitFor();
      expect(await dialog.count()).toBe(0);
      await expectNoViolations(page, 'Operator, Keluar');
      expect((await kiosk.call('app-status', {})).enrolled).toBe(true);
    });
  });

  it('is not in the menu of a staff member, and the core refuses its commands to her', async () => {
    const tab = await openKiosk(browser, kiosk);
    const { page } = tab;
    try {
      await logIn(page, SITI.id);
      await mainNav(page).getByRole('button', { name: ID.common.nav.home, exact: true }).waitFor();
      expect(await mainNav(page).getByRole('button', { name: O.nav, exact: true }).count()).toBe(0);
      await logOut(page);
      await kiosk.core.ctx.sync.idle();
    } finally {
      await tab.close();
    }
    const token = await kiosk.login(SITI.id);
    for (const refused of [await kiosk.send('sync-log', { limit: 5 }, token), await kiosk.send('settings-set', { key: 'syncIntervalMinutes', value: 1 }, token)]) {
      expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    }
    expect((await kiosk.call('settings-get', {})).syncIntervalMinutes).not.toBe(1);
  });
});

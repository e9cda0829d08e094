import type { Locator, Page } from 'playwright-core';
import { DEMO_EMPLOYEES, DEMO_PIN, DEMO_POLICY } from '../../../src-shared/demo';
import type { Employee } from '../../../src-shared/domain/types';
import { errorMessage, formatMessage, type ErrorCode, type MessageParams } from '../../../src-shared/errors';
import { strings as id } from '../../../src-renderer/i18n/id';

/**
 * Steps most e2e tests share, written the way a person meets the screens: by role and by the
 * Indonesian words of src-renderer/i18n/id (imported, so a reworded label cannot silently stop a
 * test from finding its button). No CSS class is used to find anything.
 */
export { id as ID };
export const fmt = (template: string, params?: MessageParams): string => formatMessage(template, params);
/** An error's Indonesian message, as the screens show it (src-shared/i18n). */
export const msg = (code: ErrorCode, params?: MessageParams): string => errorMessage(code, params, 'id');

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message template as a pattern, any text standing for each placeholder: "{n} belum terkirim" → /.+? belum terkirim/. */
export const templateRe = (template: string): RegExp => new RegExp(template.split(/\{\w+\}/).map(escapeRe).join('.+?'));

export function person(employeeId: string): Employee {
  const e = DEMO_EMPLOYEES.find((x) => x.id === employeeId);
  if (!e) throw new Error(`no demo employee ${employeeId}`);
  return e;
}

/** A staff card on the lock screen (its accessible name starts with the person's name). */
export const staffCard = (page: Page, name: string): Locator => page.getByRole('button', { name: new RegExp(`^${escapeRe(name)}`) });

export const searchBox = (page: Page): Locator => page.getByLabel(id.lock.search);

export const pinField = (page: Page, length = DEMO_POLICY.pinLength): Locator => page.getByLabel(fmt(id.lock.pin.label, { length }), { exact: true });

/** The greeting that opens Beranda ("Halo, …"). */
export const homeTitle = (page: Page): Locator =>
  page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRe(fmt(id.home.greeting, { name: '' }))}`) });

export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: id.common.navLabel });

/** Types a PIN on the keyboard into the focused PIN field and presses Enter. */
export async function typePin(page: Page, pin: string): Promise<void> {
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** From the lock screen: choose the person's card, type the PIN, and wait for the signed-in screens. */
export async function logIn(page: Page, employeeId: string, pin = DEMO_PIN): Promise<void> {
  const e = person(employeeId);
  await staffCard(page, e.name).click();
  await pinField(page).waitFor();
  await typePin(page, pin);
  await mainNav(page).or(page.getByRole('heading', { level: 1, name: id.lock.changePin.title })).first().waitFor();
}

/** "Selesai" in the main menu: back to the lock screen. */
export async function logOut(page: Page): Promise<void> {
  await mainNav(page).getByRole('button', { name: id.common.nav.logout }).click();
  await searchBox(page).waitFor();
}

/** The sync indicator in the top bar (always visible). */
export const syncStatus = (page: Page): Locator => page.getByRole('status', { name: id.lock.sync.label });

/** Whether the element has the keyboard focus. */
export const isFocused = (l: Locator): Promise<boolean> =>
  l.evaluate((el: unknown) => (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el);

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a
 * screen; returns the number of presses. Fails when it takes more than `max`: a control that
 * Tab never reaches is a keyboard trap or a missing tabindex, which the journey must catch.
 */
export async function tabTo(page: Page, target: Locator, opts: { max?: number; backwards?: boolean } = {}): Promise<number> {
  const max = opts.max ?? 40;
  await target.waitFor();
  const path: string[] = [];
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    path.push(await focusedDescription(page));
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses; the focus went:\n  ${path.join('\n  ')}`);
}

/** Tabs to `target` and presses Enter on it. */
export async function tabAndEnter(page: Page, target: Locator, opts: { max?: number; backwards?: boolean } = {}): Promise<void> {
  await tabTo(page, target, opts);
  await page.keyboard.press('Enter');
}

/** The focused element in a few words (tag, accessible label or text), for failure messages. */
export function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: { tagName: string; getAttribute(n: string): string | null; textContent: string | null } | null } }).document.activeElement;
    if (!el) return '(nothing)';
    return `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 50)}`;
  });
}

/**
 * Reads `read()` until `done` holds or `timeoutMs` passes, and returns the last value read: for a
 * soft assertion on what a screen should come to show, after which the test goes on either way.
 */
export async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CommandResult, EntryView } from '../../../src-shared/api';
import { DEMO, DEMO_PEOPLE } from '../../../src-shared/demo';
import { fmt, ID, mainNav, person } from './flows';
import type { Workstation } from './kiosk';

/**
 * Steps and locators of the supervisor's screens (Verifikasi, Tim, the reports) and the setup behind
 * them: the entries staff send, recorded through the core's commands on a chosen workstation.
 * Words come from src-renderer/i18n/id (imported, never copied).
 */

/**
 * Minutes, dates and months as the screens write them (src-renderer/i18n/index.tsx, `makeI18n`:
 * that module is TSX, which the tools' type check does not compile, so its three formatters are
 * repeated here on the same templates and Intl options): "1 jam 45 menit", "Rabu, 25 November
 * 2026", "November 2026".
 */
export const i18n = {
  locale: 'id-ID',
  duration(minutes: number): string {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return fmt(ID.common.minutes, { n: m });
    if (m === 0) return fmt(ID.common.hours, { h });
    return fmt(ID.common.hoursMinutes, { h, m });
  },
  date: (iso: string, style: 'long' | 'medium' = 'long'): string =>
    new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
      new Date(`${iso}T12:00:00Z`),
    ),
  month: (month: string): string => new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`)),
};
export const SITI = person(DEMO_PEOPLE.staff[0]);
export const AHMAD = person(DEMO_PEOPLE.supervisors[0]);
/** The e2e clock's day (E2E_START_ISO) and the working day before it. */
export const TODAY = '2026-11-25';
export const YESTERDAY = '2026-11-24';
export const MONTH = '2026-11';

export interface Planned {
  workDate: string;
  startTime: string;
  endTime: string;
  /** Catalog code, ORG-… */
  code: string;
  volume: number;
  description: string;
}

export const activityName = (code: string): string => DEMO.catalog.find((a) => a.code === code)!.name;

/**
 * Logs `employeeId` in behind the screens on `ws`, runs `fn` with the session, and logs out. The
 * session's end starts a sync by itself (as at a real kiosk); it is awaited here, so nothing runs
 * behind the test's back afterwards (offline it fails quietly, as it would at the office).
 */
export async function as<T>(ws: Workstation, employeeId: string, fn: (token: string) => Promise<T>): Promise<T> {
  const token = await ws.login(employeeId);
  try {
    return await fn(token);
  } finally {
    await ws.send('kiosk-logout', {}, token);
    await ws.core.ctx.sync.idle();
  }
}

/** The entries sent ("Kirim") by `employeeId` on `ws`, in the order given. */
export function record(ws: Workstation, employeeId: string, planned: readonly Planned[]): Promise<EntryView[]> {
  return as(ws, employeeId, async (token) => {
    const out: EntryView[] = [];
    for (const p of planned) {
      const activityId = DEMO.catalog.find((a) => a.code === p.code)!.id;
      const { workDate, startTime, endTime, volume, description } = p;
      out.push((await ws.call('entry-create', { workDate, startTime, endTime, activityId, volume, description, submit: true }, token)).entry);
    }
    return out;
  });
}

export const recap = (ws: Workstation, employeeId: string): Promise<CommandResult<'recap-month'>> =>
  as(ws, employeeId, (token) => ws.call('recap-month', { month: MONTH }, token));

/** An entry as this PC's store has it now. */
export function localEntry(ws: Workstation, id: string): { status: string; rev: number; review_note: string | null } {
  return ws.core.ctx.sqlite.prepare('select status, rev, review_note from entries where id = ?').get(id) as { status: string; rev: number; review_note: string | null };
}

/** An entry as the central server has it now. */
export async function serverEntry(ws: Workstation, id: string): Promise<{ status: string; rev: number; review_note: string | null }> {
  const [row] = await ws.server.query<{ status: string; rev: number; review_note: string | null }>('select status, rev, review_note from entries where id = $1', [id]);
  if (!row) throw new Error(`entry ${id} is not on the server`);
  return row;
}

// ——— the screens ———

export const main = (page: Page): Locator => page.getByRole('main');
export const button = (scope: Page | Locator, name: string): Locator => scope.getByRole('button', { name, exact: true });
export const dialog = (page: Page, title: string): Locator => page.getByRole('dialog', { name: title, exact: true });

/** "08:00–10:00 Menyusun …": how Verifikasi names an entry (its <article>). */
export const entryLabel = (e: Pick<EntryView, 'startTime' | 'endTime' | 'activityName'>): string =>
  fmt(ID.review.entry.label, { start: e.startTime, end: e.endTime, activity: e.activityName });

/** One entry on Verifikasi. */
export const reviewEntry = (page: Page, e: Pick<EntryView, 'startTime' | 'endTime' | 'activityName'>): Locator =>
  main(page).getByRole('article', { name: entryLabel(e), exact: true });

/** An employee's part of Verifikasi (named by the h2). */
export const employeeRegion = (page: Page, name: string): Locator => main(page).getByRole('region', { name, exact: true });

/** One day of one employee on Verifikasi (named by the employee's h2 and the day's h3). */
export const dayRegion = (page: Page, name: string, date: string): Locator =>
  main(page).getByRole('region', { name: `${name} ${i18n.date(date, 'long')}`, exact: true });

/** The polite line that says what a decision did (and why "Setujui" is blocked), once it says `text`. */
export const said = (page: Page, text: string): Locator => main(page).getByRole('status').filter({ hasText: text });

export async function openReview(page: Page): Promise<void> {
  await button(mainNav(page), ID.common.nav.review).click();
  await main(page).getByRole('heading', { level: 1, name: ID.review.title, exact: true }).waitFor();
  // The queue (or its empty state) has loaded once the summary's text is there.
  await expect.poll(() => main(page).getByText(ID.common.loading).count()).toBe(0);
}

export async function openTeam(page: Page): Promise<void> {
  await button(mainNav(page), ID.common.nav.team).click();
  await main(page).getByRole('heading', { level: 1, name: ID.report.teamTitle, exact: true }).waitFor();
  await main(page).getByRole('table').waitFor();
}

/** "Kembalikan" or "Tolak" on an entry: the note dialog, the note typed, confirmed; waits until the entry has left the list. */
export async function decideWithNote(page: Page, e: EntryView, decision: 'return' | 'reject', note: string, beforeConfirm?: () => Promise<void>): Promise<void> {
  const n = ID.review.note;
  await button(reviewEntry(page, e), decision === 'return' ? ID.review.entry.return : ID.review.entry.reject).click();
  const box = dialog(page, decision === 'return' ? n.returnTitle : n.rejectTitle);
  await box.getByLabel(n.label).fill(note);
  await beforeConfirm?.();
  await button(box, decision === 'return' ? n.confirmReturn : n.confirmReject).click();
  await box.waitFor({ state: 'detached' });
  await reviewEntry(page, e).waitFor({ state: 'detached' });
}

/** "Setujui" on one entry; waits until it has left the list. */
export async function approve(page: Page, e: Pick<EntryView, 'startTime' | 'endTime' | 'activityName'>): Promise<void> {
  await button(reviewEntry(page, e), ID.review.entry.approve).click();
  await reviewEntry(page, e).waitFor({ state: 'detached' });
}

/** The notices of decisions the server refused ("Keputusan yang tidak diterima server"). */
export const noticesRegion = (page: Page): Locator => main(page).getByRole('region', { name: ID.review.notices.title, exact: true });

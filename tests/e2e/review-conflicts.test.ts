import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryView } from '../../src-shared/api';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { gateSyncEvents, type SyncEventGate } from './support/events';
import { fmt, homeTitle, ID, logIn, logOut } from './support/flows';
import { startOffice, type Office, type Workstation } from './support/kiosk';
import {
  AHMAD,
  approve,
  as,
  button,
  decideWithNote,
  dialog,
  localEntry,
  main,
  noticesRegion,
  openReview,
  record,
  reviewEntry,
  said,
  serverEntry,
  SITI,
  TODAY,
  type Planned,
} from './support/review';
import { screenshot } from './support/screenshots';

/**
 * What only two PCs of one unit can do to a supervisor's decisions, through the real central
 * server, each case in both orders in which the two PCs' changes can reach it:
 * - the same waiting entry decided on two PCs while both were offline: the second decision to
 *   arrive is refused; that PC then shows the server's state, and Verifikasi says which decision
 *   the server did not take and why;
 * - the entry changed (returned, fixed, sent again) while Ahmad had it on screen: his decision on
 *   what he saw is not applied to what is there now; he is shown what changed and decides again;
 * - Siti recorded overlapping times on two offline PCs (a kiosk refuses an overlap on its own
 *   copy, so only two PCs can make one): both reach the server and Ahmad's queue flagged, neither
 *   can be approved until he picks the one that stands; the other goes back to Siti.
 * Each case starts a fresh office (server and both PCs) from the cached server dump.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh server with PCs A and B; closed when `fn` is done. */
async function inOffice(fn: (office: Office) => Promise<void>): Promise<void> {
  const office = await startOffice();
  try {
    await fn(office);
  } finally {
    await office.close();
  }
}

const ENTRY: Planned = { workDate: TODAY, startTime: '13:00', endTime: '14:30', code: 'ORG-012', volume: 1, description: 'Menghitung analisis beban kerja jabatan pelaksana pada Kecamatan Mayangan' };
const NOTE = 'Jam selesai terlalu lama untuk satu dokumen ABK; mohon disesuaikan dengan catatan kerja.';

describe('the same entry decided on two PCs offline', () => {
  // A approves and B returns; the PC that syncs second loses, and its decision is the one made on screen.
  for (const first of ['A', 'B'] as const) {
    it(`the decision that reaches the server second is refused and its PC says so (${first} syncs first)`, { timeout: 90_000 }, async () => {
      await inOffice(async ({ a, b }) => {
        const [entry] = (await record(a, SITI.id, [ENTRY])) as [EntryView];
        await a.sync();
        await b.sync();
        a.offline();
        b.offline();
        const [winner, loser] = first === 'A' ? [a, b] : [b, a];
        const approvesOnA = (ws: Workstation) => ws === a;

        const tab = await openKiosk(browser, loser);
        const { page } = tab;
        try {
          await logIn(page, AHMAD.id);
          await openReview(page);
          if (approvesOnA(loser)) await approve(page, entry);
          else await decideWithNote(page, entry, 'return', NOTE);
          await as(winner, AHMAD.id, (token) =>
            winner.call('review-decide', approvesOnA(winner) ? { entryId: entry.id, rev: 1, decision: 'approve' } : { entryId: entry.id, rev: 1, decision: 'return', note: NOTE }, token),
          );

          winner.online();
          expect((await winner.sync()).refused).toBe(0);
          loser.online();
          expect((await loser.sync()).refused).toBe(1);

          // The server kept the first decision; the loser now shows the server's copy.
          const onServer = await serverEntry(a, entry.id);
          expect(onServer).toMatchObject({ status: approvesOnA(winner) ? 'approved' : 'returned', rev: 2 });
          expect(localEntry(loser, entry.id)).toMatchObject({ status: onServer.status, rev: onServer.rev });

          // Verifikasi on the loser, reloaded by the sync: the refused decision with the reason.
          const notice = loser.core.ctx.sqlite.prepare('select code, message, decision from review_notices where entry_id = ? and dismissed_at is null').get(entry.id) as
            | { code: string; message: string; decision: string }
            | undefined;
          expect(notice?.decision).toBe(approvesOnA(loser) ? 'approve' : 'return');
          expect(['STALE_REVISION', 'ENTRY_LOCKED']).toContain(notice?.code);
          const notices = noticesRegion(page);
          await notices.getByText(notice!.message, { exact: true }).waitFor();
          await notices.getByText(fmt(ID.review.notices.decision, { decision: ID.review.decision[approvesOnA(loser) ? 'approve' : 'return'] })).waitFor();
          await expect.poll(() => reviewEntry(page, entry).count()).toBe(0);
          await expectNoViolations(page, 'Verifikasi with a refused decision');
          if (first === 'A') await screenshot(page, 'verifikasi-tidak-diterima');
          await button(notices, ID.review.notices.dismiss).click();
          await notices.waitFor({ state: 'detached' });
        } finally {
          await tab.close();
        }
      });
    });
  }
});

describe('the entry changed while it was on screen', () => {
  it('"Aktivitas ini sudah berubah" shows what changed, and the decision is taken again on the new revision', { timeout: 90_000 }, async () => {
    await inOffice(async ({ a, b }) => {
      const [entry] = (await record(a, SITI.id, [ENTRY])) as [EntryView];
      await a.sync();
      await b.sync();

      let gate: SyncEventGate | undefined;
      const tab = await openKiosk(browser, b, { beforeLoad: async (context) => (gate = await gateSyncEvents(context)) });
      const { page } = tab;
      try {
        await logIn(page, AHMAD.id);
        await openReview(page);
        await reviewEntry(page, entry).waitFor();
        // From here the screen does not hear of B's syncs: it keeps showing revision 1.
        gate!.hold();

        // Meanwhile on A: Ahmad had returned it there, Siti fixes the time and the uraian and sends it again.
        const FIXED = 'Menghitung analisis beban kerja jabatan pelaksana pada Kecamatan Mayangan dan Kanigaran';
        await as(a, AHMAD.id, (token) => a.call('review-decide', { entryId: entry.id, rev: 1, decision: 'return', note: NOTE }, token));
        const fixed = await as(a, SITI.id, async (token) => {
          const updated = await a.call('entry-update', { entryId: entry.id, rev: 2, changes: { endTime: '14:00', description: FIXED } }, token);
          return (await a.call('entry-submit', { entryId: entry.id, rev: updated.entry.rev }, token)).entry;
        });
        await a.sync();
        await b.sync();
        expect(localEntry(b, entry.id)).toMatchObject({ status: 'submitted', rev: 4 });
        // The end of that sync was held back from the screen.
        await expect.poll(() => gate!.droppedEnds).toBeGreaterThan(0);

        // Ahmad approves what he sees (13:00–14:30, revision 1).
        await button(reviewEntry(page, entry), ID.review.entry.approve).click();
        const stale = dialog(page, ID.review.stale.title);
        await stale.waitFor();
        const s = ID.review.stale.fields;
        await expect.poll(() => stale.getByRole('row').filter({ hasText: s.time }).textContent()).toBe(`${s.time}13:00–14:3013:00–14:00`);
        await expect.poll(() => stale.getByRole('row').filter({ hasText: s.uraian }).textContent()).toBe(`${s.uraian}${ENTRY.description}${FIXED}`);
        await stale.getByText(ID.review.stale.stillWaiting).waitFor();
        // Nothing was decided for him.
        expect(localEntry(b, entry.id)).toMatchObject({ status: 'submitted', rev: 4 });
        await expectNoViolations(page, 'Verifikasi, "Aktivitas ini sudah berubah"');
        await screenshot(page, 'verifikasi-berubah', { fullPage: false });

        await button(stale, ID.review.stale.decideAgain).click();
        await stale.waitFor({ state: 'detached' });
        gate!.release();
        // The list shows the entry as it is now; he approves it.
        await approve(page, fixed);
        expect(localEntry(b, entry.id)).toMatchObject({ status: 'approved', rev: 5 });
        await b.sync();
        expect(await serverEntry(b, entry.id)).toMatchObject({ status: 'approved', rev: 5 });
      } finally {
        await tab.close();
      }
    });
  });
});

describe('overlapping times recorded on two PCs offline', () => {
  const EARLY: Planned = { workDate: TODAY, startTime: '08:00', endTime: '10:00', code: 'ORG-016', volume: 1, description: 'Menyusun standar kompetensi jabatan Analis SDM Aparatur' };
  const LATE: Planned = { workDate: TODAY, startTime: '09:00', endTime: '11:00', code: 'ORG-017', volume: 1, description: 'Menyusun evaluasi jabatan fungsional Arsiparis' };
  const flagged = (other: Pick<EntryView, 'startTime' | 'endTime'>) => fmt(ID.review.flags.overlap, { start: other.startTime, end: other.endTime });

  for (const first of ['A', 'B'] as const) {
    it(`both reach the server flagged; Ahmad keeps one, the other goes back to Siti (${first} syncs first)`, { timeout: 90_000 }, async () => {
      await inOffice(async ({ a, b }) => {
        a.offline();
        b.offline();
        const [early] = (await record(a, SITI.id, [EARLY])) as [EntryView];
        const [late] = (await record(b, SITI.id, [LATE])) as [EntryView];
        const [one, two] = first === 'A' ? [a, b] : [b, a];
        one.online();
        await one.sync();
        two.online();
        await two.sync();
        await one.sync();
        // The server kept both, marked.
        for (const e of [early, late]) {
          const [row] = await a.server.query<{ status: string; flags: unknown }>('select status, flags from entries where id = $1', [e.id]);
          expect(row?.status, e.startTime).toBe('submitted');
          expect(JSON.stringify(row?.flags), e.startTime).toContain('overlap');
        }

        const tab = await openKiosk(browser, b);
        const { page } = tab;
        try {
          await logIn(page, AHMAD.id);
          await openReview(page);
          await expect.poll(() => reviewEntry(page, early).textContent()).toContain(flagged(late));
          await expect.poll(() => reviewEntry(page, late).textContent()).toContain(flagged(early));

          // "Setujui" does not approve either: it is marked unavailable, and a tap on it says why.
          for (const e of [early, late]) {
            const approveButton = button(reviewEntry(page, e), ID.review.entry.approve);
            expect(await approveButton.getAttribute('aria-disabled')).toBe('true');
            // (Playwright does not click what is marked disabled; a person can, and is told the reason.)
            await approveButton.click({ force: true });
            await said(page, ID.review.entry.overlapBlocked).waitFor();
            expect(localEntry(b, e.id).status).toBe('submitted');
          }

          await button(reviewEntry(page, early), ID.review.entry.pickOverlap).click();
          const picker = dialog(page, ID.review.overlap.title);
          await picker.getByRole('radio', { name: fmt(ID.review.overlap.option, { start: early.startTime, end: early.endTime, activity: early.activityName }), exact: true }).check();
          expect(await picker.getByLabel(ID.review.note.label).inputValue()).toBe(ID.review.overlap.noteDefault);
          // Taller than the window, it scrolls inside it: its title and buttons are never out of reach.
          const box = await picker.boundingBox();
          expect(box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height, `overlap picker inside the window: ${JSON.stringify(box)}`).toBe(true);
          await expectNoViolations(page, 'Verifikasi, "Pilih yang berlaku"');
          if (first === 'A') await screenshot(page, 'verifikasi-pilih-yang-berlaku', { fullPage: false });
          await button(picker, ID.review.overlap.confirm).click();
          await picker.waitFor({ state: 'detached' });
          await reviewEntry(page, late).waitFor({ state: 'detached' });
          await expect.poll(() => reviewEntry(page, early).textContent()).not.toContain(flagged(late));
          await approve(page, early);
          await logOut(page);
        } finally {
          await tab.close();
        }

        await b.sync();
        await a.sync();
        expect(await serverEntry(a, early.id)).toMatchObject({ status: 'approved' });
        expect(await serverEntry(a, late.id)).toMatchObject({ status: 'returned', review_note: ID.review.overlap.noteDefault });

        // Siti, on A: one Disetujui, one Perlu Perbaikan with the note.
        const siti = await openKiosk(browser, a);
        try {
          await logIn(siti.page, SITI.id);
          await homeTitle(siti.page).waitFor();
          const today = main(siti.page).getByRole('region', { name: ID.home.today.title, exact: true });
          await expect.poll(() => today.getByRole('article', { name: early.activityName, exact: true }).textContent()).toContain(ID.common.status.approved);
          await expect.poll(() => today.getByRole('article', { name: late.activityName, exact: true }).textContent()).toContain(ID.common.status.returned);
          await main(siti.page).getByRole('region', { name: ID.home.returned.title, exact: true }).getByText(ID.review.overlap.noteDefault).waitFor();
          await logOut(siti.page);
        } finally {
          await siti.close();
        }
      });
    });
  }
});

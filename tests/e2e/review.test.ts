import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryView } from '../../src-shared/api';
import { expectNoViolations } from './support/axe';
import { launchBrowser, openKiosk } from './support/browser';
import { fmt, homeTitle, ID, logIn, logOut } from './support/flows';
import { startOffice, type Office } from './support/kiosk';
import {
  AHMAD,
  button,
  dayRegion,
  decideWithNote,
  dialog,
  employeeRegion,
  entryLabel,
  i18n,
  localEntry,
  main,
  MONTH,
  openReview,
  openTeam,
  recap,
  record,
  reviewEntry,
  said,
  serverEntry,
  SITI,
  TODAY,
  YESTERDAY,
  approve,
  type Planned,
} from './support/review';
import { screenshot } from './support/screenshots';

/**
 * Issue 6's journey through the real central server and two PCs of the unit: Siti sends her day on
 * PC A; Ahmad, her direct supervisor, verifies on PC B — one approved, one returned with a note,
 * the rest of the day with "Setujui semua" —; B syncs, then A; on A Siti's Beranda shows each
 * outcome and the note, and her capaian moved by exactly the credited minutes approved. On the way:
 * axe on Verifikasi (with entries, with a dialog open), on Tim and on the team report, and the
 * screenshots for the README (KK_SCREENSHOTS=1).
 */
let office: Office;
let browser: Browser;

beforeAll(async () => {
  [office, browser] = await Promise.all([startOffice(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

const PLAN: Planned[] = [
  { workDate: YESTERDAY, startTime: '08:00', endTime: '10:00', code: 'ORG-011', volume: 1, description: 'Menyusun analisis jabatan Analis Kebijakan pada Dinas Kesehatan' },
  { workDate: YESTERDAY, startTime: '10:00', endTime: '11:00', code: 'ORG-013', volume: 1, description: 'Memverifikasi usulan peta jabatan Dinas Pendidikan' },
  // Credited 60 (norm 30 × 2 surat, 60 minutes spent).
  { workDate: TODAY, startTime: '07:30', endTime: '08:30', code: 'ORG-001', volume: 2, description: 'Menyusun konsep surat undangan verifikasi anjab kepada perangkat daerah' },
  // Credited 25 of 45 minutes spent (norm 5 × 5 surat).
  { workDate: TODAY, startTime: '08:30', endTime: '09:15', code: 'ORG-002', volume: 5, description: 'Mengagendakan surat masuk usulan perubahan peta jabatan' },
  { workDate: TODAY, startTime: '09:15', endTime: '10:15', code: 'ORG-037', volume: 1, description: 'Mengikuti rapat koordinasi penyederhanaan birokrasi bersama Bagian Hukum' },
  { workDate: TODAY, startTime: '10:15', endTime: '11:00', code: 'ORG-041', volume: 1, description: 'Memberikan konsultasi kelembagaan kepada Dinas Sosial' },
];
const NOTE = 'Volume 5 surat, tetapi nomor agenda yang dicatat hanya 3. Mohon dicek lagi.';

const percent = (value: number): string => new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** Verifikasi on B with everything Siti sent: grouped by her name, then by day, each entry there. */
async function expectQueue(page: Page, entries: EntryView[]): Promise<void> {
  await employeeRegion(page, SITI.name).waitFor();
  for (const date of [YESTERDAY, TODAY]) {
    const day = dayRegion(page, SITI.name, date);
    await day.getByRole('heading', { level: 3, name: i18n.date(date, 'long'), exact: true }).waitFor();
    for (const e of entries.filter((x) => x.workDate === date)) await day.getByRole('article', { name: entryLabel(e), exact: true }).waitFor();
  }
}

describe('supervisor verification on another PC of the unit', () => {
  it('Siti sends on A, Ahmad decides on B, and after both sync Siti sees the outcomes and her capaian moves', { timeout: 120_000 }, async () => {
    const { a, b } = office;
    const before = await recap(a, SITI.id);
    const entries = await record(a, SITI.id, PLAN);
    const [, , t1, t2, t3, t4] = entries as [EntryView, EntryView, EntryView, EntryView, EntryView, EntryView];
    await a.sync();
    await b.sync();

    const tab = await openKiosk(browser, b);
    const { page } = tab;
    try {
      await logIn(page, AHMAD.id);
      await openReview(page);
      await expectQueue(page, entries);
      await expectNoViolations(page, 'Verifikasi with entries');
      await screenshot(page, 'verifikasi');

      // One tap approves.
      await approve(page, t1);
      await said(page, ID.review.done.approve.split('{')[0]!).waitFor();

      // Kembalikan asks for the note first.
      await decideWithNote(page, t2, 'return', NOTE, async () => {
        await expectNoViolations(page, 'Verifikasi, return dialog');
        await screenshot(page, 'verifikasi-kembalikan', { fullPage: false });
      });

      // "Setujui semua tanggal ini": what is left of the day, counted in the confirmation.
      const today = dayRegion(page, SITI.name, TODAY);
      await button(today, fmt(ID.review.day.approve, { n: 2 })).click();
      const confirm = dialog(page, fmt(ID.review.bulk.title, { n: 2 }));
      const minutes = t3.creditedMinutes + t4.creditedMinutes;
      await confirm.getByText(fmt(ID.review.bulk.day, { name: SITI.name, date: i18n.date(TODAY, 'long'), n: 2, duration: i18n.duration(minutes) })).waitFor();
      await expectNoViolations(page, 'Verifikasi, "Setujui semua" dialog');
      await screenshot(page, 'verifikasi-setujui-semua', { fullPage: false });
      await button(confirm, ID.review.bulk.confirm).click();
      await confirm.waitFor({ state: 'detached' });
      await today.waitFor({ state: 'detached' });
      await said(page, fmt(ID.review.done.many, { n: 2, duration: i18n.duration(minutes) })).waitFor();
      // Yesterday is still waiting, untouched.
      for (const e of entries.slice(0, 2)) await reviewEntry(page, e).waitFor();

      // Decided on B; the server has not heard of it yet.
      expect([t1, t2, t3, t4].map((e) => localEntry(b, e.id).status)).toEqual(['approved', 'returned', 'approved', 'approved']);
      expect(localEntry(b, t2.id).review_note).toBe(NOTE);
      expect((await serverEntry(b, t1.id)).status).toBe('submitted');
      await b.sync();
      for (const [e, status] of [[t1, 'approved'], [t2, 'returned'], [t3, 'approved'], [t4, 'approved']] as const) {
        expect(await serverEntry(b, e.id), e.startTime).toMatchObject({ status, rev: 2 });
      }

      // Tim and the team report show the same month.
      await openTeam(page);
      await main(page).getByRole('row', { name: new RegExp(`^${SITI.name.replace(/[.,]/g, '\\$&')}`) }).waitFor();
      await expectNoViolations(page, 'Tim');
      await screenshot(page, 'tim');
      await button(main(page), ID.report.printTeam).click();
      await main(page).getByRole('heading', { level: 1, name: fmt(ID.report.view.titleTeam, { month: i18n.month(MONTH) }), exact: true }).waitFor();
      await main(page).getByRole('table').first().waitFor();
      await expectNoViolations(page, 'team report');
      await screenshot(page, 'laporan-tim');
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'laporan-tim-cetak');
      await page.emulateMedia({ media: 'screen' });
      await button(main(page), ID.report.view.back).click();
      await main(page).getByRole('heading', { level: 1, name: ID.report.teamTitle, exact: true }).waitFor();
      await logOut(page);
    } finally {
      await tab.close();
    }

    // A hears of it at its next sync: the recap moved by exactly what was approved.
    await a.sync();
    const after = await recap(a, SITI.id);
    const approvedMinutes = t1.creditedMinutes + t3.creditedMinutes + t4.creditedMinutes;
    expect(approvedMinutes).toBe(60 + 60 + 45);
    expect(after.approvedMinutes - before.approvedMinutes).toBe(approvedMinutes);
    expect(after.returnedMinutes - before.returnedMinutes).toBe(t2.creditedMinutes);

    const siti = await openKiosk(browser, a);
    try {
      await logIn(siti.page, SITI.id);
      await homeTitle(siti.page).waitFor();
      const todayList = main(siti.page).getByRole('region', { name: ID.home.today.title, exact: true });
      for (const [e, status] of [[t1, 'approved'], [t2, 'returned'], [t3, 'approved'], [t4, 'approved']] as const) {
        const card = todayList.getByRole('article', { name: e.activityName, exact: true });
        await expect.poll(() => card.textContent(), { message: e.activityName }).toContain(ID.common.status[status]);
      }
      const returned = main(siti.page).getByRole('region', { name: ID.home.returned.title, exact: true });
      await returned.getByText(NOTE).waitFor();
      await returned.getByRole('article', { name: t2.activityName, exact: true }).waitFor();
      // The capaian bar speaks every figure: the approved minutes and the percentage are the recap's.
      const bar = main(siti.page).getByRole('img', {
        name: fmt(ID.home.capaian.barLabel, {
          approved: i18n.duration(after.approvedMinutes),
          effective: i18n.duration(after.effectiveMinutes),
          waiting: i18n.duration(after.waitingMinutes),
          returned: i18n.duration(after.returnedMinutes),
          percent: percent(after.capaianPercent),
        }),
        exact: true,
      });
      await bar.waitFor();
      await main(siti.page).getByText(fmt(ID.home.capaian.percent, { percent: percent(after.capaianPercent) }), { exact: true }).waitFor();
      await expectNoViolations(siti.page, 'Beranda after the verification');
      await logOut(siti.page);
    } finally {
      await siti.close();
    }
  });
});

/**
 * Kiosk screens benchmark: `npm run bench:kiosk` (option: --loads=N, default 5).
 *
 * Starts the e2e kiosk (central server on PGlite with the demo data, an enrolled workstation core,
 * the dev bridge serving the production build of the screens) and loads the lock screen N times in
 * headless Debian Chromium, each in a fresh browser context (no cache), after one warm-up load.
 * For each load it takes the time from navigation start until the first staff card could be
 * tapped (tests/e2e/support/timing.ts). The budgets: interactive ≤ 1 s, initial JS
 * ≤ 250 KB gzip. It prints a table, then one JSON object as its last line; it asserts nothing.
 */
import { launchBrowser } from '../tests/e2e/support/browser';
import { startKiosk } from '../tests/e2e/support/kiosk';
import { ensureRendererBuilt } from '../tests/e2e/support/renderer-build';
import { lockInteractiveMs } from '../tests/e2e/support/timing';

function parseLoads(argv: string[]): number {
  let loads = 5;
  for (const arg of argv) {
    const m = /^--loads=(\d+)$/.exec(arg);
    if (m) loads = Number(m[1]);
    else throw new Error(`unknown option ${arg} (use --loads=N)`);
  }
  if (loads < 1) throw new Error('--loads must be at least 1');
  return loads;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number, digits = 0): number => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const loads = parseLoads(process.argv.slice(2));
  const { report } = await ensureRendererBuilt();
  const kiosk = await startKiosk();
  const browser = await launchBrowser();
  try {
    await lockInteractiveMs(browser, kiosk.url);
    const times: number[] = [];
    for (let i = 0; i < loads; i++) times.push(await lockInteractiveMs(browser, kiosk.url));

    const kb = (bytes: number) => round(bytes / 1024, 1);
    const rows: [string, string, string][] = [
      ['lock screen interactive, median', `${round(median(times))} ms`, '≤ 1000 ms'],
      ['lock screen interactive, min–max', `${round(Math.min(...times))}–${round(Math.max(...times))} ms`, ''],
      ['initial JS', `${kb(report.initialJsBytes)} KB (${kb(report.initialJsGzip)} KB gzip)`, '≤ 250 KB gzip'],
      ['CSS', `${kb(report.cssGzip)} KB gzip`, ''],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log(`kiosk screens, ${loads} loads in headless Chromium (fresh context each, after one warm-up)`);
    for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
    console.log(
      JSON.stringify({
        loads,
        lockInteractiveMedianMs: round(median(times)),
        lockInteractiveMinMs: round(Math.min(...times)),
        lockInteractiveMaxMs: round(Math.max(...times)),
        lockInteractiveMs: times.map((t) => round(t)),
        initialJsKB: kb(report.initialJsBytes),
        initialJsGzipKB: kb(report.initialJsGzip),
        cssGzipKB: kb(report.cssGzip),
      }),
    );
  } finally {
    await browser.close();
    await kiosk.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

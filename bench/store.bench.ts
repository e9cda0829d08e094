/**
 * Store benchmark: `npm run bench:store` (options after `--`, see bench/README.md).
 *
 * Fills a real store (createCore: real migrations, real pragmas, WAL + synchronous=FULL) with the
 * demo data, 200 synthetic employees and 1,000,000 entries (5 years of working days), then times
 * the kiosk's hot paths through the real command map and, beside entry-create, the same write done
 * with raw better-sqlite3 prepared statements. It prints a table, then one JSON object as its last
 * line. It asserts nothing about time: the figures are for people to read and track.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../src-main/core/core';
import { seedDemo } from '../src-main/core/demo/seed';
import { DEMO, DEMO_EMPLOYEE_IDS, DEMO_PIN } from '../src-shared/demo';
import type { Activity, EntryStatus } from '../src-shared/domain/types';
import { DESCRIPTION_TAILS, daySlots, entriesForDay, hhmm, INSERT_ENTRY, makePeople, pad, parseBenchOptions, POSITIONS, printTable, prng, round, stats, syntheticEntry, workingDates, type FolderOptions, type Stats } from './support';

// ---------------------------------------------------------------------------------------------
// Options

interface Options extends FolderOptions {
  employees: number;
  entriesPerEmployee: number;
  samples: number;
  warmup: number;
  pairs: number;
  opens: number;
}

function parseOptions(argv: string[]): Options {
  const o = parseBenchOptions<Options>(
    argv,
    { employees: 200, entriesPerEmployee: 5000, samples: 2000, warmup: 100, pairs: 500, opens: 5 },
    { '--employees': 'employees', '--entries-per-employee': 'entriesPerEmployee', '--samples': 'samples', '--warmup': 'warmup', '--pairs': 'pairs', '--opens': 'opens' },
  );
  if (o.employees < 3) throw new Error('--employees must be at least 3');
  return o;
}

// ---------------------------------------------------------------------------------------------
// Small helpers (the PRNG, statistics and synthetic data are in ./support.ts, shared with bench:review)

const log = (msg: string) => console.error(`[bench:store] ${msg}`);

function fileBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) total += fs.statSync(f).size;
  return total;
}

const DEGREES = ['', ', S.E.', ', S.Sos.', ', A.Md.', ', S.H.', ', S.AP.'];

/** Adjusts random days by one until the employee has exactly `target` entries. */
function countsFor(days: number, target: number, rng: () => number): Uint8Array {
  const c = new Uint8Array(days);
  let sum = 0;
  for (let d = 0; d < days; d++) sum += c[d] = entriesForDay(rng);
  while (sum !== target) {
    const d = Math.floor(rng() * days);
    if (sum > target && c[d]! > 1) {
      c[d]!--;
      sum--;
    } else if (sum < target && c[d]! < 7) {
      c[d]!++;
      sum++;
    }
  }
  return c;
}

function pickStatus(rng: () => number): EntryStatus {
  const r = rng();
  return r < 0.9 ? 'approved' : r < 0.95 ? 'submitted' : r < 0.975 ? 'returned' : r < 0.99 ? 'draft' : 'rejected';
}

// ---------------------------------------------------------------------------------------------
// The run

const TODAY = '2026-11-25'; // a Wednesday
const NOW = '2026-11-25T02:00:00.000Z'; // 09:00 WIB (UTC+7)
const FILL_FROM = '2021-11-01';
const FILL_TO = '2026-10-31';
const FILL_BATCH = 50_000;

function openCore(file: string, clock: () => Date): Core {
  // No background maintenance: a daily backup started by the timer would run inside the timings.
  // The backup is measured on its own at the end (core.maintain()).
  const opened = createCore({ file, clock, maintenance: false });
  if (!opened.ok) throw new Error(`createCore failed: ${opened.error.code} ${opened.error.message}`);
  return opened.value;
}

async function login(core: Core, nip: string): Promise<string> {
  const r = await core.send('kiosk-login', { nip, pin: DEMO_PIN });
  if (!r.ok) throw new Error(`login ${nip} failed: ${r.error.code}`);
  return (r.value as { token: string }).token;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const totalEntries = opts.employees * opts.entriesPerEmployee;
  const startedAll = performance.now();
  fs.mkdirSync(opts.dir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(opts.dir, 'kk-bench-store-'));
  const file = path.join(dir, 'kinerja.sqlite');
  const clockState = { now: new Date(NOW) };
  const clock = () => clockState.now;
  let core: Core | null = null;
  try {
    // 1. Store, demo data, synthetic people, 1M entries.
    core = openCore(file, clock);
    await seedDemo(core.ctx.db, core.ctx.sqlite);
    const sqlite = core.ctx.sqlite;
    const rng = prng(20261125);

    const donor = DEMO_EMPLOYEE_IDS.siti;
    if (DEMO.pins[donor]?.pin !== DEMO_PIN || DEMO.pins[donor]?.mustChangePin) throw new Error('PIN donor must use DEMO_PIN');
    const pinHash = (sqlite.prepare('SELECT pin_hash FROM employees WHERE id = ?').pluck().get(donor) as string | null) ?? '';
    const people = makePeople(opts.employees, rng, new Set(DEMO.employees.map((e) => e.nip)), { idFamily: 'be7c', degrees: DEGREES });
    const supervisor = people[0]!;
    const insertEmployee = sqlite.prepare(
      `INSERT INTO employees (id, nip, name, unit_id, position_title, supervisor_id, roles, pin_hash, must_change_pin, tpp_base, active, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, ?)`,
    );
    sqlite.transaction(() => {
      people.forEach((p, i) => {
        const head = i === 0;
        insertEmployee.run(
          p.id, p.nip, p.name, DEMO.unit.id,
          head ? 'Kepala Subbagian Tata Usaha' : POSITIONS[i % POSITIONS.length]!,
          head ? DEMO_EMPLOYEE_IDS.sri : supervisor.id,
          JSON.stringify(head ? ['staff', 'supervisor'] : ['staff']),
          pinHash, 2_500_000 + Math.floor(rng() * 35) * 100_000, 1,
        );
      });
    }).immediate();

    // Activities anyone in the unit may log (no position scope, active).
    const activities: Activity[] = DEMO.catalog.filter((a) => a.active && a.scopePosition === null && a.scopeUnitId === null);
    const dates = workingDates(FILL_FROM, FILL_TO, new Set(DEMO.holidays.map((h) => h.date)));
    const counts = people.map(() => countsFor(dates.length, opts.entriesPerEmployee, rng));
    const workstationId = '0193a1c2-7b5e-7c3d-9f00-000000000001';
    const insertEntry = sqlite.prepare(INSERT_ENTRY);

    // Date-major, as entries arrive in real life: one employee's month is spread over many pages.
    const cursor = { day: 0, person: 0 };
    let version = 0;
    const fillBatch = sqlite.transaction((limit: number): number => {
      let n = 0;
      while (n < limit && cursor.day < dates.length) {
        const date = dates[cursor.day]!;
        const p = people[cursor.person]!;
        const slots = daySlots(counts[cursor.person]![cursor.day]!, rng);
        const reviewerId = p.id === supervisor.id ? DEMO_EMPLOYEE_IDS.sri : supervisor.id;
        for (const [start, end] of slots) {
          insertEntry.run(...syntheticEntry(rng, activities, pickStatus, { employeeId: p.id, date, start, end, reviewerId, workstationId, version: ++version }).row);
          n++;
        }
        if (++cursor.person === people.length) {
          cursor.person = 0;
          cursor.day++;
        }
      }
      return n;
    });
    log(`filling ${totalEntries.toLocaleString('en')} entries (${people.length} employees × ${dates.length} working days ${FILL_FROM}..${FILL_TO}) into ${file}`);
    const fillStart = performance.now();
    let filled = 0;
    for (;;) {
      const n = fillBatch.immediate(FILL_BATCH);
      if (n === 0) break;
      filled += n;
      if (filled % 200_000 < FILL_BATCH) log(`  ${filled.toLocaleString('en')} rows, ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
    }
    const insertSeconds = (performance.now() - fillStart) / 1000;
    const analyzeStart = performance.now();
    sqlite.exec('ANALYZE');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
    const fillSeconds = (performance.now() - fillStart) / 1000;
    const stored = sqlite.prepare('SELECT count(*) FROM entries').pluck().get() as number;
    if (stored !== totalEntries) throw new Error(`expected ${totalEntries} entries, found ${stored}`);
    const fileMB = fileBytes(file) / 1024 / 1024;
    log(`filled in ${insertSeconds.toFixed(1)} s + ANALYZE/checkpoint ${analyzeSeconds.toFixed(1)} s; file ${fileMB.toFixed(1)} MB`);

    // 2 + 3. entry-create through the command map, interleaved call by call with the same write
    // done in raw SQL. Every non-supervisor employee logs in once (scrypt, not timed) and creates
    // about a dozen five-minute entries on one day, so the rule checks see an ordinary, filling
    // day (0–10 earlier entries), not one that grows to hundreds of rows.
    const insertOutbox = sqlite.prepare('INSERT INTO outbox (id, name, args, actor_id, client_time, entity_id) VALUES (?, ?, ?, ?, ?, ?)');
    const insertAudit = sqlite.prepare('INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    const rawWrite = sqlite.transaction((row: unknown[], mutation: unknown[], audit: unknown[]) => {
      insertEntry.run(...row);
      insertOutbox.run(...mutation);
      insertAudit.run(...audit);
    });
    const writers = people.slice(1);
    const calls = opts.warmup + opts.samples;
    const perWriter = Math.ceil(calls / writers.length);
    if (perWriter * 5 > 450) throw new Error(`${perWriter} five-minute entries a day exceed the 450-minute day; raise --employees`);

    /** One pass: `calls` core creates on `coreDate`, each followed by one raw write on `rawDate`. */
    const live = core;
    const createPass = async (coreDate: string, rawDate: string): Promise<{ core: Stats; raw: Stats; loginMs: number }> => {
      const coreMs: number[] = [];
      const rawMs: number[] = [];
      let loginMs = 0;
      let call = 0;
      for (const w of writers) {
        if (call >= calls) break;
        const loginStart = performance.now();
        const token = await login(live, w.nip);
        loginMs += performance.now() - loginStart;
        for (let k = 0; k < perWriter && call < calls; k++, call++) {
          const a = activities[call % activities.length]!;
          const description = `${a.name} ${DESCRIPTION_TAILS[call % DESCRIPTION_TAILS.length]}`;
          const start = hhmm(7 * 60 + 30 + 5 * k);
          const end = hhmm(7 * 60 + 35 + 5 * k);
          // Through the command map: zod args, session, rules, insert + outbox + audit in one transaction.
          const t0 = performance.now();
          const r = await live.send('entry-create', {
            workDate: coreDate, startTime: start, endTime: end, activityId: a.id, activityText: null,
            rhkId: null, volume: 1, description, evidenceNote: null, submit: false, sessionToken: token,
          });
          const t1 = performance.now();
          if (!r.ok) throw new Error(`entry-create failed: ${r.error.code} ${r.error.message} ${r.error.field ?? ''}`);
          // Raw: the same three rows a hand-written implementation writes, ids and JSON included.
          const t2 = performance.now();
          const id = uuidv7();
          const at = clock().toISOString();
          const credited = a.normMinutes === null ? 5 : Math.min(5, a.normMinutes);
          const wire = { id, employeeId: w.id, workDate: rawDate, startTime: start, endTime: end, activityId: a.id, rhkId: null, volume: 1, description, evidenceNote: null, status: 'draft' };
          rawWrite.immediate(
            [id, w.id, rawDate, start, end, 5, credited, a.id, null, null, 1, a.outputUnit, description, null, 'draft', 1, null, null, null, '[]', null, at, at, null, null, null, 0],
            [uuidv7(), 'entry.create@1', JSON.stringify({ entry: wire }), w.id, at, id],
            [at, w.id, 'entry.create', 'entry', id, JSON.stringify({ workDate: rawDate, status: 'draft' })],
          );
          const t3 = performance.now();
          if (call >= opts.warmup) {
            coreMs.push(t1 - t0);
            rawMs.push(t3 - t2);
          }
        }
      }
      return { core: stats(coreMs), raw: stats(rawMs), loginMs };
    };

    log(`entry-create: ${calls} calls (${opts.warmup} warm-up) through core.send and raw better-sqlite3, ${perWriter} per employee, synchronous=FULL`);
    const full = await createPass(TODAY, '2026-11-23');
    const create = full.core;
    const raw = full.raw;
    log(`  done (logins took ${(full.loginMs / 1000).toFixed(1)} s, not counted)`);
    // The same pass without the commit's fsync: what is left is CPU, the core's own overhead.
    // Dates inside the backdating window, so the core's days start empty again.
    sqlite.pragma('synchronous = OFF');
    log('entry-create again with synchronous=OFF (CPU only, fsync removed)');
    const cpu = await createPass('2026-11-24', '2026-11-20');
    sqlite.pragma('synchronous = FULL');
    if (sqlite.pragma('synchronous', { simple: true }) !== 2) throw new Error('could not restore synchronous=FULL');

    // 4. recap-month and entry-list for one employee-month, as the supervisor of everyone synthetic.
    const months: string[] = [];
    for (let i = 0, first = 2021 * 12 + 10; ; i++) {
      const month = `${Math.floor((first + i) / 12)}-${pad(((first + i) % 12) + 1)}`;
      if (month > FILL_TO.slice(0, 7)) break;
      months.push(month);
    }
    const supToken = await login(core, supervisor.nip);
    const recapMs: number[] = [];
    const listMs: number[] = [];
    let listed = 0;
    const pairRng = prng(7);
    const pairWarmup = Math.min(50, opts.pairs);
    log(`recap-month / entry-list: ${opts.pairs} employee-months (+${pairWarmup} warm-up)`);
    for (let i = 0; i < opts.pairs + pairWarmup; i++) {
      const employeeId = people[Math.floor(pairRng() * people.length)]!.id;
      const month = months[Math.floor(pairRng() * months.length)]!;
      const t0 = performance.now();
      const recap = await core.send('recap-month', { employeeId, month, sessionToken: supToken });
      const t1 = performance.now();
      const list = await core.send('entry-list', { employeeId, month, sessionToken: supToken });
      const t2 = performance.now();
      if (!recap.ok || !list.ok) throw new Error(`recap/list failed: ${JSON.stringify(recap.ok ? list : recap)}`);
      if (i >= pairWarmup) {
        recapMs.push(t1 - t0);
        listMs.push(t2 - t1);
        listed += (list.value as { entries: unknown[] }).entries.length;
      }
    }
    const recap = stats(recapMs);
    const list = stats(listMs);

    // 5. Open: createCore on the filled file (migration check, identity row, and the integrity
    // check when open-check.ts asks for it). No backup exists yet, so these opens run the full
    // quick_check, as after an unclean shutdown or a weekend: the slow path.
    core.close();
    core = null;
    const timeOpens = (expected: string): { open: Stats; check: Stats } => {
      const openMs: number[] = [];
      const checkMs: number[] = [];
      for (let i = 0; i < opts.opens; i++) {
        const t0 = performance.now();
        const c = openCore(file, clock);
        openMs.push(performance.now() - t0);
        checkMs.push(c.db.integrity.ms);
        const reason = c.db.integrity.reason;
        c.close();
        if (reason !== expected) throw new Error(`open: expected integrity reason ${expected}, got ${reason}`);
      }
      return { open: stats(openMs), check: stats(checkMs) };
    };
    log(`open with the full check (no recent backup): ${opts.opens} × createCore on the ${fileMB.toFixed(0)} MB file`);
    const { open: openChecked, check } = timeOpens('no-recent-backup');
    // quick_check on its own, on a read-only connection as openDatabase judges the file, and the
    // raw library's open with the same pragmas and no check: what open costs without the check.
    const bareMs: number[] = [];
    const quickMs: number[] = [];
    for (let i = 0; i < Math.max(3, Math.min(opts.opens, 5)); i++) {
      const t0 = performance.now();
      const db = new Database(file, { timeout: 5000 });
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = FULL');
      db.pragma('journal_mode = WAL');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      bareMs.push(performance.now() - t0);
      db.close();
      const ro = new Database(file, { readonly: true, fileMustExist: true });
      const t1 = performance.now();
      const result = ro.prepare('PRAGMA quick_check').pluck().all();
      quickMs.push(performance.now() - t1);
      ro.close();
      if (result.length !== 1 || result[0] !== 'ok') throw new Error(`quick_check: ${JSON.stringify(result)}`);
    }
    const bare = stats(bareMs);
    const quick = stats(quickMs);

    // The daily backup the core takes at start-up and then hourly when due: its wall time and the
    // longest stretch the event loop (every IPC call of the kiosk) was blocked meanwhile. A 1 ms
    // interval timer beside it records the longest gap between its turns, a second view of the stall.
    log('daily backup: core.maintain() on the same file');
    core = openCore(file, clock);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    let lastTick = performance.now();
    let longestGapMs = 0;
    const ticker = setInterval(() => {
      const t = performance.now();
      longestGapMs = Math.max(longestGapMs, t - lastTick);
      lastTick = t;
    }, 1);
    loop.enable();
    const backupStart = performance.now();
    const backupFile = await core.maintain();
    const backupMs = performance.now() - backupStart;
    // The last synchronous stretch ends with maintain(); one timer turn lets the monitor record it.
    await new Promise((resolve) => setTimeout(resolve, 25));
    loop.disable();
    clearInterval(ticker);
    const backupStallMs = Math.max(loop.max / 1e6, longestGapMs);
    if (!backupFile) throw new Error('core.maintain() took no backup');
    core.close();
    core = null;

    // 5 again. Open as on an ordinary morning: closed cleanly, the daily backup (just taken) younger
    // than 24 h, so open does only the cheap checks. This is the figure the target is judged on.
    log(`open after a clean close with a recent backup: ${opts.opens} × createCore`);
    const { open } = timeOpens('skipped-recent-backup');

    // 6. Report.
    const ratioP50 = create.p50 / raw.p50;
    const ratioP99 = create.p99 / raw.p99;
    const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
    const ms = (x: number) => x.toFixed(3);
    const rows: string[][] = [
      ['figure', 'p50 ms', 'p99 ms', 'target', 'met?'],
      [`entry-create (core.send, n=${create.n})`, ms(create.p50), ms(create.p99), 'p99 ≤ 2 ms', yes(create.p99 <= 2)],
      [`raw insert entry+outbox+audit (n=${raw.n})`, ms(raw.p50), ms(raw.p99), '—', ''],
      ['ratio entry-create / raw', `${ratioP50.toFixed(2)}×`, `${ratioP99.toFixed(2)}×`, 'p99 ≤ 5×', yes(ratioP99 <= 5)],
      [`recap-month (n=${recap.n})`, ms(recap.p50), ms(recap.p99), 'p99 ≤ 5 ms', yes(recap.p99 <= 5)],
      [`entry-list (n=${list.n}, ~${Math.round(listed / list.n)} rows)`, ms(list.p50), ms(list.p99), 'p99 ≤ 5 ms', yes(list.p99 <= 5)],
      [`open: createCore, recent backup (n=${open.n}; p99 col = max)`, ms(open.p50), ms(open.max), 'max ≤ 150 ms', yes(open.max <= 150)],
      [`open: createCore, full check (n=${openChecked.n}; p99 col = max)`, ms(openChecked.p50), ms(openChecked.max), '', ''],
      ['  of which quick_check (integrity.ms)', ms(check.p50), ms(check.max), '', ''],
      [`PRAGMA quick_check alone, read-only (n=${quick.n})`, ms(quick.p50), ms(quick.max), '', ''],
      [`raw open + pragmas, no check (n=${bare.n})`, ms(bare.p50), ms(bare.max), '', ''],
      ['— informational —', '', '', '', ''],
      [`entry-create, synchronous=OFF (n=${cpu.core.n})`, ms(cpu.core.p50), ms(cpu.core.p99), '', ''],
      [`raw insert, synchronous=OFF (n=${cpu.raw.n})`, ms(cpu.raw.p50), ms(cpu.raw.p99), '', ''],
      ['ratio, synchronous=OFF (CPU only)', `${(cpu.core.p50 / cpu.raw.p50).toFixed(2)}×`, `${(cpu.core.p99 / cpu.raw.p99).toFixed(2)}×`, '', ''],
      ['daily backup core.maintain(): total / main-thread stall', ms(backupMs), ms(backupStallMs), '', ''],
    ];
    console.log(`store benchmark: ${stored.toLocaleString('en')} entries, ${people.length} synthetic + ${DEMO.employees.length} demo employees, file ${fileMB.toFixed(1)} MB`);
    console.log(`fill: ${insertSeconds.toFixed(1)} s inserting (${Math.round(stored / insertSeconds).toLocaleString('en')} rows/s) + ${analyzeSeconds.toFixed(1)} s ANALYZE and checkpoint; journal WAL, synchronous=FULL`);
    console.log(`entry-create: ${perWriter} per employee on one day; mean ${ms(create.mean)} ms, max ${ms(create.max)} ms; raw mean ${ms(raw.mean)} ms, max ${ms(raw.max)} ms`);
    console.log('');
    printTable(rows, [1, 2]);
    console.log('');
    console.log(`total run ${((performance.now() - startedAll) / 1000).toFixed(1)} s${opts.keep ? `; kept ${dir}` : ''}`);
    console.log(
      JSON.stringify({
        entries: stored,
        fillSeconds: round(fillSeconds, 1),
        fileMB: round(fileMB, 1),
        entryCreateP50Ms: round(create.p50),
        entryCreateP99Ms: round(create.p99),
        entryCreateMeanMs: round(create.mean),
        rawInsertP50Ms: round(raw.p50),
        rawInsertP99Ms: round(raw.p99),
        rawInsertMeanMs: round(raw.mean),
        ratioP50: round(ratioP50, 2),
        ratioP99: round(ratioP99, 2),
        recapP50Ms: round(recap.p50),
        recapP99Ms: round(recap.p99),
        listP50Ms: round(list.p50),
        listP99Ms: round(list.p99),
        openP50Ms: round(open.p50, 1),
        openMaxMs: round(open.max, 1),
        openCheckedP50Ms: round(openChecked.p50, 1),
        openCheckedMaxMs: round(openChecked.max, 1),
        openCheckMs: round(check.p50, 1),
        quickCheckMs: round(quick.p50, 1),
        bareOpenMs: round(bare.p50, 2),
        entryCreateNoSyncP50Ms: round(cpu.core.p50),
        entryCreateNoSyncP99Ms: round(cpu.core.p99),
        rawInsertNoSyncP50Ms: round(cpu.raw.p50),
        rawInsertNoSyncP99Ms: round(cpu.raw.p99),
        backupMs: round(backupMs, 0),
        backupStallMs: round(backupStallMs, 1),
      }),
    );
  } finally {
    core?.close();
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

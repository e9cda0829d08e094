/**
 * Supervisor-mode benchmark: `npm run bench:review` (options after `--`, see bench/README.md).
 *
 * Fills a real store (createCore on a temp SQLite file, demo seed) with one big team: a supervisor
 * with 40 direct subordinates and the three months a workstation holds (the sync scope), the last
 * working days of the current month still waiting, plus a few overlapping pairs. Then it times the
 * supervisor's commands through the real command map (core.send with a session token), beside the
 * same SQL done with raw better-sqlite3 where there is one. It prints a table, then one JSON object
 * as its last line. It asserts nothing about time; it does fail when an approval does not write
 * exactly one outbox mutation per entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import type { ReviewQueue, TeamReport } from '../src-shared/api';
import { createCore, type Core } from '../src-main/core/core';
import { seedDemo } from '../src-main/core/demo/seed';
import { DEMO, DEMO_EMPLOYEE_IDS, DEMO_PIN } from '../src-shared/demo';
import { creditedMinutes } from '../src-shared/domain/credit';
import type { Activity, EntryStatus } from '../src-shared/domain/types';
import { daySlots, entriesForDay, hhmm, INSERT_ENTRY, makePeople, parseBenchOptions, POSITIONS, printTable, prng, round, stats, syntheticEntry, uuidv7At, WIB_OFFSET_MIN, workingDates, type FolderOptions } from './support';

// ---------------------------------------------------------------------------------------------
// Options

interface Options extends FolderOptions {
  employees: number;
  samples: number;
  warmup: number;
  monthRuns: number;
  xlsxSamples: number;
  overlaps: number;
}

function parseOptions(argv: string[]): Options {
  const o = parseBenchOptions<Options>(
    argv,
    { employees: 40, samples: 100, warmup: 5, monthRuns: 8, xlsxSamples: 10, overlaps: 6 },
    { '--employees': 'employees', '--samples': 'samples', '--warmup': 'warmup', '--month-runs': 'monthRuns', '--xlsx-samples': 'xlsxSamples', '--overlaps': 'overlaps' },
  );
  if (o.samples < 1 || o.xlsxSamples < 1) throw new Error('--samples and --xlsx-samples must be at least 1');
  if (o.employees < o.monthRuns + 2) throw new Error('--employees must exceed --month-runs by at least 2 (the rest serve the per-day samples)');
  return o;
}

// ---------------------------------------------------------------------------------------------
// Small helpers (the PRNG, statistics and synthetic data are in ./support.ts, shared with bench:store)

const log = (msg: string) => console.error(`[bench:review] ${msg}`);

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Days before the waiting window: mostly approved, as a supervisor who keeps up leaves them. */
function pastStatus(rng: () => number): EntryStatus {
  const r = rng();
  return r < 0.94 ? 'approved' : r < 0.97 ? 'returned' : r < 0.99 ? 'rejected' : 'draft';
}

// ---------------------------------------------------------------------------------------------
// The run

const NOW = '2026-11-25T02:00:00.000Z'; // Wednesday 09:00 WIB (UTC+7)
const MONTH = '2026-11';
const FILL_FROM = '2026-09-01'; // the sync scope: the current month and the previous two
const FILL_TO = '2026-11-24'; // yesterday: at 09:00 today's work is mostly not logged yet
const WAITING_DAYS = 5;
const WORKSTATION = '0193a1c2-7b5e-7c3d-9f00-000000000001';

type Ref = { entryId: string; rev: number };
interface DayWork {
  employeeId: string;
  date: string;
  refs: Ref[];
  updatedAt: string[];
}

function openCore(file: string, clock: () => Date): Core {
  // No background maintenance and no sync timer: neither may land inside the timings.
  const opened = createCore({ file, clock, maintenance: false, sync: { autoStart: false } });
  if (!opened.ok) throw new Error(`createCore failed: ${opened.error.code} ${opened.error.message}`);
  return opened.value;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const startedAll = performance.now();
  fs.mkdirSync(opts.dir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(opts.dir, 'kk-bench-review-'));
  const file = path.join(dir, 'kinerja.sqlite');
  const clock = () => new Date(NOW);
  let core: Core | null = null;
  try {
    // 1. Fill: demo seed, the team, three months of entries by raw prepared INSERTs.
    core = openCore(file, clock);
    const live = core;
    await seedDemo(core.ctx.db, core.ctx.sqlite);
    const sqlite = core.ctx.sqlite;
    const rng = prng(20261125);
    const pinHash = sqlite.prepare('SELECT pin_hash FROM employees WHERE id = ?').pluck().get(DEMO_EMPLOYEE_IDS.siti) as string;
    const [supervisor, ...staff] = makePeople(opts.employees + 1, rng, new Set(DEMO.employees.map((e) => e.nip)), { idFamily: 'be7e' });
    const insertEmployee = sqlite.prepare(
      `INSERT INTO employees (id, nip, name, unit_id, position_title, supervisor_id, roles, pin_hash, must_change_pin, tpp_base, active, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, 1)`,
    );
    const activities: Activity[] = DEMO.catalog.filter((a) => a.active && a.scopePosition === null && a.scopeUnitId === null);
    const dates = workingDates(FILL_FROM, FILL_TO, new Set(DEMO.holidays.map((h) => h.date)));
    const waitingFrom = dates[dates.length - WAITING_DAYS]!;
    const insertEntry = sqlite.prepare(INSERT_ENTRY);
    const fillStart = performance.now();
    let version = 0;
    let waitingRows = 0;
    const waitingSlots: Array<{ employeeId: string; date: string; start: number }> = [];
    sqlite.transaction(() => {
      insertEmployee.run(supervisor!.id, supervisor!.nip, supervisor!.name, DEMO.unit.id, 'Kepala Subbagian Umum', DEMO_EMPLOYEE_IDS.sri, '["staff","supervisor"]', pinHash, 4_500_000);
      staff.forEach((p, i) => insertEmployee.run(p.id, p.nip, p.name, DEMO.unit.id, POSITIONS[i % POSITIONS.length], supervisor!.id, '["staff"]', pinHash, 2_500_000 + Math.floor(rng() * 35) * 100_000));
      for (const date of dates) {
        for (const p of staff) {
          const pick = (r: () => number): EntryStatus => (date >= waitingFrom ? 'submitted' : pastStatus(r));
          for (const [start, end] of daySlots(entriesForDay(rng), rng)) {
            const { row, status } = syntheticEntry(rng, activities, pick, { employeeId: p.id, date, start, end, reviewerId: supervisor!.id, workstationId: WORKSTATION, version: ++version });
            insertEntry.run(...row);
            if (status === 'submitted') {
              waitingRows++;
              waitingSlots.push({ employeeId: p.id, date, start });
            }
          }
        }
      }
      // Overlapping pairs, as two offline workstations make them (the kiosk itself refuses an
      // overlap): a second waiting entry starting 15 minutes into a waiting one, both flagged.
      const flag = sqlite.prepare(`UPDATE entries SET flags = '["overlap"]' WHERE employee_id = ? AND work_date = ? AND start_time = ?`);
      for (let i = 0; i < opts.overlaps; i++) {
        const slot = waitingSlots[Math.floor(((i + 0.5) * waitingSlots.length) / opts.overlaps)]!;
        const a = activities[i % activities.length]!;
        const [start, end] = [slot.start + 15, slot.start + 60];
        const createdMs = Date.parse(`${slot.date}T00:00:00Z`) + (end - WIB_OFFSET_MIN) * 60_000;
        const created = new Date(createdMs).toISOString();
        flag.run(slot.employeeId, slot.date, hhmm(slot.start));
        insertEntry.run(
          uuidv7At(createdMs, rng), slot.employeeId, slot.date, hhmm(start), hhmm(end), end - start,
          creditedMinutes({ startTime: hhmm(start), endTime: hhmm(end), volume: 1, normMinutes: a.normMinutes }), a.id, null, null, 1, a.outputUnit,
          `${a.name} dicatat di komputer lain saat jaringan putus`, null, 'submitted', 1, null, null, null, '["overlap"]',
          '0193a1c2-7b5e-7c3d-9f00-000000000002', created, created, new Date(createdMs + 5_000).toISOString(), null, null, ++version,
        );
        waitingRows++;
      }
    }).immediate();
    sqlite.exec('ANALYZE');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const stored = sqlite.prepare('SELECT count(*) FROM entries WHERE employee_id IN (SELECT id FROM employees WHERE supervisor_id = ?)').pluck().get(supervisor!.id) as number;
    const fillSeconds = (performance.now() - fillStart) / 1000;
    log(`filled ${stored.toLocaleString('en')} entries of ${staff.length} subordinates (${dates.length} working days ${FILL_FROM}..${FILL_TO}), ${waitingRows} waiting from ${waitingFrom}, ${opts.overlaps} overlapping pairs, in ${fillSeconds.toFixed(1)} s`);

    const login = await live.send('kiosk-login', { nip: supervisor!.nip, pin: DEMO_PIN });
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    const sessionToken = (login.value as { token: string }).token;
    const send = async <T>(name: string, args: Record<string, unknown>): Promise<{ value: T; ms: number }> => {
      const t0 = performance.now();
      const r = await live.send(name, { ...args, sessionToken });
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${r.error.field ?? ''}`);
      return { value: r.value as T, ms };
    };
    const outboxRows = sqlite.prepare('SELECT count(*) FROM outbox').pluck();
    const outboxCheck = { calls: 0, entries: 0, rows: 0, mismatches: 0 };
    /** Times one approving command and counts the outbox rows it wrote (outside the timing). */
    const approving = async (name: string, args: Record<string, unknown>, expected: number): Promise<number> => {
      const before = outboxRows.get() as number;
      const { value, ms } = await send<{ approved?: unknown[]; entry?: unknown }>(name, args);
      const written = (outboxRows.get() as number) - before;
      const approved = value.approved?.length ?? 1;
      outboxCheck.calls++;
      outboxCheck.entries += approved;
      outboxCheck.rows += written;
      if (written !== approved || approved !== expected) outboxCheck.mismatches++;
      return ms;
    };

    // 2. review-queue: the whole queue, before any approval. Beside it, the queue's one SELECT in raw SQL.
    const rawQueue = sqlite.prepare(
      `SELECT e.*, p.id AS p_id, p.nip, p.name, p.position_title FROM employees p CROSS JOIN entries e
       WHERE p.supervisor_id = ? AND e.employee_id = p.id AND e.status = 'submitted'
       ORDER BY p.name, p.id, e.work_date, e.start_time`,
    );
    log(`review-queue: ${opts.warmup} + ${opts.samples} calls over ${waitingRows} waiting entries`);
    const queueMs: number[] = [];
    const rawQueueMs: number[] = [];
    let queue: ReviewQueue | null = null;
    for (let i = 0; i < opts.warmup + opts.samples; i++) {
      const r = await send<ReviewQueue>('review-queue', {});
      const t0 = performance.now();
      const rows = rawQueue.all(supervisor!.id);
      const rawMs = performance.now() - t0;
      if (r.value.total !== waitingRows || rows.length !== waitingRows) throw new Error(`queue holds ${r.value.total} (raw ${rows.length}), expected ${waitingRows}`);
      if (i >= opts.warmup) {
        queueMs.push(r.ms);
        rawQueueMs.push(rawMs);
      }
      queue = r.value;
    }
    const queueDays = queue!.employees.reduce((n, e) => n + e.days.length, 0);
    const blocked = queue!.employees.flatMap((e) => e.days.flatMap((d) => d.entries)).filter((x) => x.overlapsWith.length > 0).length;

    // Material for the decisions, from the queue as the screen has it: nothing is approved twice.
    // Some people approve their whole month; the others' days are shared out between the per-day
    // approve-all samples and the single review-decide samples.
    const people = shuffle([...queue!.employees], rng);
    const monthPeople = people.slice(0, opts.monthRuns);
    const dayWork: DayWork[] = shuffle(
      people.slice(opts.monthRuns).flatMap((g) =>
        g.days.map((d) => {
          const ok = d.entries.filter((x) => x.overlapsWith.length === 0);
          return { employeeId: g.employee.id, date: d.date, refs: ok.map((x) => ({ entryId: x.id, rev: x.rev })), updatedAt: ok.map((x) => x.updatedAt) };
        }),
      ).filter((d) => d.refs.length > 0),
      rng,
    );
    const dayCalls = Math.min(opts.warmup + opts.samples, Math.max(0, dayWork.length - Math.ceil((opts.warmup + opts.samples) / 4)));
    const daySamples = dayWork.slice(0, dayCalls);
    const decideRefs = dayWork.slice(dayCalls).flatMap((d) => d.refs).slice(0, opts.warmup + opts.samples);
    if (dayCalls <= opts.warmup || decideRefs.length <= opts.warmup) throw new Error('too few waiting days for the samples: raise --employees or lower --samples');
    if (dayCalls < opts.warmup + opts.samples || decideRefs.length < opts.warmup + opts.samples) {
      log(`  only ${dayCalls} employee-days and ${decideRefs.length} entries left for the day and single samples (warm-up included)`);
    }

    // 3. review-decide: one approval each, on entries no other sample touches.
    log(`review-decide: ${decideRefs.length} single approvals`);
    const decideMs: number[] = [];
    for (const [i, ref] of decideRefs.entries()) {
      const ms = await approving('review-decide', { ...ref, decision: 'approve' }, 1);
      if (i >= opts.warmup) decideMs.push(ms);
    }

    // 4. review-approve-all of one employee-day, each on a day of its own. Before it, the same
    // writes in raw SQL (entry update + outbox + audit per entry, one immediate transaction), then
    // undone outside the timing so the core approves exactly what the raw pass did.
    const rawApprove = sqlite.prepare(
      `UPDATE entries SET status = 'approved', rev = rev + 1, reviewer_id = ?, review_note = NULL, reviewed_at = ?, updated_at = ?
       WHERE id = ? AND rev = ? AND status = 'submitted'`,
    );
    const rawOutbox = sqlite.prepare('INSERT INTO outbox (id, name, args, actor_id, client_time, entity_id) VALUES (?, ?, ?, ?, ?, ?)');
    const rawAudit = sqlite.prepare('INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    const rawDay = sqlite.transaction((refs: Ref[]) => {
      const at = clock().toISOString();
      const written: Array<{ outboxId: string; auditId: number | bigint }> = [];
      for (const ref of refs) {
        if (rawApprove.run(supervisor!.id, at, at, ref.entryId, ref.rev).changes !== 1) throw new Error(`raw approve missed ${ref.entryId}`);
        const outboxId = uuidv7();
        rawOutbox.run(outboxId, 'entry.review@1', JSON.stringify({ entryId: ref.entryId, rev: ref.rev, decision: 'approve' }), supervisor!.id, at, ref.entryId);
        const audit = rawAudit.run(at, supervisor!.id, 'entry.review', 'entry', ref.entryId, JSON.stringify({ decision: 'approve', rev: ref.rev, note: null }));
        written.push({ outboxId, auditId: audit.lastInsertRowid });
      }
      return written;
    });
    const undoEntry = sqlite.prepare(`UPDATE entries SET status = 'submitted', rev = rev - 1, reviewer_id = NULL, reviewed_at = NULL, updated_at = ? WHERE id = ?`);
    const undoOutbox = sqlite.prepare('DELETE FROM outbox WHERE id = ?');
    const undoAudit = sqlite.prepare('DELETE FROM audit_log WHERE id = ?');
    const undoDay = sqlite.transaction((day: DayWork, written: Array<{ outboxId: string; auditId: number | bigint }>) => {
      day.refs.forEach((ref, i) => undoEntry.run(day.updatedAt[i], ref.entryId));
      for (const w of written) {
        undoOutbox.run(w.outboxId);
        undoAudit.run(w.auditId);
      }
    });
    log(`review-approve-all of one employee-day: ${daySamples.length} days, raw SQL beside each`);
    const dayMs: number[] = [];
    const rawDayMs: number[] = [];
    let dayEntries = 0;
    for (const [i, day] of daySamples.entries()) {
      const t0 = performance.now();
      const written = rawDay.immediate(day.refs);
      const rawMs = performance.now() - t0;
      undoDay.immediate(day, written);
      const ms = await approving('review-approve-all', { items: day.refs }, day.refs.length);
      if (i >= opts.warmup) {
        dayMs.push(ms);
        rawDayMs.push(rawMs);
        dayEntries += day.refs.length;
      }
    }

    // 5. review-approve-all of one employee's whole waiting month: one run per person.
    log(`review-approve-all of one employee's waiting month: ${monthPeople.length} runs`);
    const monthMs: number[] = [];
    let monthEntries = 0;
    for (const g of monthPeople) {
      const refs = g.days.flatMap((d) => d.entries).filter((x) => x.overlapsWith.length === 0).map((x) => ({ entryId: x.id, rev: x.rev }));
      monthMs.push(await approving('review-approve-all', { items: refs }, refs.length));
      monthEntries += refs.length;
    }

    // 6. report-team: every subordinate's month.
    log(`report-team: ${opts.warmup} + ${opts.samples} calls`);
    const teamMs: number[] = [];
    for (let i = 0; i < opts.warmup + opts.samples; i++) {
      const r = await send<TeamReport>('report-team', { month: MONTH });
      if (r.value.rows.length !== staff.length) throw new Error(`report-team has ${r.value.rows.length} rows, expected ${staff.length}`);
      if (i >= opts.warmup) teamMs.push(r.ms);
    }

    // 7. report-xlsx. The first call loads exceljs (lazily, on first use): its own row.
    log(`report-xlsx: first call, then ${opts.xlsxSamples} team and ${opts.xlsxSamples} employee workbooks`);
    const xlsx = (args: Record<string, unknown>) => send<{ base64: string }>('report-xlsx', { month: MONTH, ...args });
    const cold = await xlsx({ kind: 'team' });
    const xlsxPass = async (args: Record<string, unknown>) => {
      const out: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 1 + opts.xlsxSamples; i++) {
        const r = await xlsx(args);
        bytes = Buffer.byteLength(r.value.base64, 'base64');
        if (i >= 1) out.push(r.ms);
      }
      return { stats: stats(out), kb: bytes / 1024 };
    };
    const xlsxTeam = await xlsxPass({ kind: 'team' });
    const xlsxEmployee = await xlsxPass({ kind: 'employee', employeeId: monthPeople[0]?.employee.id ?? staff[0]!.id });

    // 8. Report.
    const queueS = stats(queueMs);
    const rawQueueS = stats(rawQueueMs);
    const decideS = stats(decideMs);
    const dayS = stats(dayMs);
    const rawDayS = stats(rawDayMs);
    const monthS = stats(monthMs);
    const teamS = stats(teamMs);
    const ms = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    const perDay = dayS.n ? dayEntries / dayS.n : 0;
    const perMonth = monthS.n ? monthEntries / monthS.n : 0;
    const rows: string[][] = [
      ['figure', 'p50 ms', 'p99 ms', 'max ms'],
      [`review-queue, whole queue (n=${queueS.n}; ${waitingRows} entries, ${queueDays} days)`, ms(queueS.p50), ms(queueS.p99), ms(queueS.max)],
      [`  raw: the queue's SELECT alone (n=${rawQueueS.n})`, ms(rawQueueS.p50), ms(rawQueueS.p99), ms(rawQueueS.max)],
      ['  ratio core / raw', ratio(queueS.p50, rawQueueS.p50), ratio(queueS.p99, rawQueueS.p99), ''],
      [`review-decide, one approval (n=${decideS.n})`, ms(decideS.p50), ms(decideS.p99), ms(decideS.max)],
      [`review-approve-all, one employee-day (n=${dayS.n}, ~${perDay.toFixed(1)} entries)`, ms(dayS.p50), ms(dayS.p99), ms(dayS.max)],
      [`  raw: update + outbox + audit per entry, one tx (n=${rawDayS.n})`, ms(rawDayS.p50), ms(rawDayS.p99), ms(rawDayS.max)],
      ['  ratio core / raw', ratio(dayS.p50, rawDayS.p50), ratio(dayS.p99, rawDayS.p99), ''],
      [`review-approve-all, one employee's month (n=${monthS.n}, ~${perMonth.toFixed(1)} entries)`, ms(monthS.p50), ms(monthS.p99), ms(monthS.max)],
      [`report-team (n=${teamS.n}, ${staff.length} rows)`, ms(teamS.p50), ms(teamS.p99), ms(teamS.max)],
      ['report-xlsx team, first call (loads exceljs; n=1)', ms(cold.ms), '', ''],
      [`report-xlsx team (n=${xlsxTeam.stats.n}, ${xlsxTeam.kb.toFixed(0)} KB)`, ms(xlsxTeam.stats.p50), ms(xlsxTeam.stats.p99), ms(xlsxTeam.stats.max)],
      [`report-xlsx employee (n=${xlsxEmployee.stats.n}, ${xlsxEmployee.kb.toFixed(0)} KB)`, ms(xlsxEmployee.stats.p50), ms(xlsxEmployee.stats.p99), ms(xlsxEmployee.stats.max)],
    ];
    const outboxOk = outboxCheck.mismatches === 0;
    console.log(`review benchmark: one supervisor, ${staff.length} direct subordinates, ${stored.toLocaleString('en')} entries ${FILL_FROM}..${FILL_TO}; ${waitingRows} waiting (${blocked} blocked by ${opts.overlaps} overlapping pairs); clock ${NOW} (Wed 09:00 WIB)`);
    console.log(`fill ${fillSeconds.toFixed(1)} s; journal WAL, synchronous=FULL; percentiles nearest-rank after ${opts.warmup} warm-up calls`);
    console.log('');
    printTable(rows, [1, 2, 3]);
    console.log('');
    console.log(
      `outbox rows per approval: ${outboxCheck.rows} written for ${outboxCheck.entries} entries approved in ${outboxCheck.calls} calls — ${outboxOk ? 'one entry.review@1 per entry in every call' : `${outboxCheck.mismatches} calls DIFFER`}`,
    );
    console.log(`total run ${((performance.now() - startedAll) / 1000).toFixed(1)} s${opts.keep ? `; kept ${dir}` : ''}`);
    console.log(
      JSON.stringify({
        employees: staff.length,
        entries: stored,
        waiting: waitingRows,
        fillSeconds: round(fillSeconds, 2),
        queueP50Ms: round(queueS.p50),
        queueP99Ms: round(queueS.p99),
        rawQueueP50Ms: round(rawQueueS.p50),
        decideP50Ms: round(decideS.p50),
        decideP99Ms: round(decideS.p99),
        approveDayP50Ms: round(dayS.p50),
        approveDayP99Ms: round(dayS.p99),
        approveDayEntries: round(perDay, 2),
        rawApproveDayP50Ms: round(rawDayS.p50),
        rawApproveDayP99Ms: round(rawDayS.p99),
        approveMonthP50Ms: round(monthS.p50),
        approveMonthMaxMs: round(monthS.max),
        approveMonthEntries: round(perMonth, 2),
        reportTeamP50Ms: round(teamS.p50),
        reportTeamP99Ms: round(teamS.p99),
        xlsxColdMs: round(cold.ms, 1),
        xlsxTeamP50Ms: round(xlsxTeam.stats.p50),
        xlsxTeamP99Ms: round(xlsxTeam.stats.p99),
        xlsxEmployeeP50Ms: round(xlsxEmployee.stats.p50),
        xlsxEmployeeP99Ms: round(xlsxEmployee.stats.p99),
        outboxRows: outboxCheck.rows,
        approvedEntries: outboxCheck.entries,
        outboxMatches: outboxOk,
      }),
    );
    if (!outboxOk) process.exitCode = 1;
  } finally {
    core?.close();
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

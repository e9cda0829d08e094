import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DEMO_CATALOG, HOLIDAYS_2026 } from '../../src-shared/demo';
import type { Activity, Employee, Unit } from '../../src-shared/domain/types';
import { EnrollResponseSchema } from '../../src-shared/protocol';
import { migrateDatabase, openDatabase, redactUrl, type Database } from '../../src-server/db/client';
import { withTransaction } from '../../src-server/db/transaction';
import { writeReference } from '../../src-server/reference/write';
import { createEnrollmentCode } from '../../src-server/workstations/service';
import type { Options } from './options';
import type { Policy } from '../../src-shared/domain/policy';
import { BENCH_POLICY } from './plan';

/**
 * The bench's own database and the people in it: a fresh PostgreSQL database on the server of
 * DATABASE_URL (dropped at the end), or PGlite in a folder under bench/.tmp/ (removed at the end);
 * units, people, catalog and holidays written the way the import writes them (writeReference);
 * workstations enrolled through the real HTTP endpoint.
 */
export interface BenchDatabase {
  database: Database;
  /** Where it lives, without credentials. */
  where: string;
  /** Connection string of the bench database (PostgreSQL only), for the raw baseline and the profiler. */
  url: string | null;
  name: string;
  /** Drops the database or removes the folder; the server's stop() has already closed it. */
  discard(): Promise<void>;
}

const stamp = () => new Date().toISOString().replace(/\D/g, '').slice(0, 14);

export async function createBenchDatabase(opts: Options): Promise<BenchDatabase> {
  if (opts.databaseUrl) {
    const name = `kk_bench_${stamp()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: opts.databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(opts.databaseUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const database = await openDatabase({ kind: 'postgres', url, poolMax: opts.pool });
    await migrateDatabase(database);
    return {
      database,
      where: redactUrl(url),
      url,
      name,
      async discard() {
        if (opts.keep) return;
        const c = new pg.Client({ connectionString: opts.databaseUrl! });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = path.resolve('bench/.tmp', `kk-bench-server-${stamp()}`);
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateDatabase(database);
  return {
    database,
    where: `PGlite ${path.relative(process.cwd(), dir)}`,
    url: null,
    name: path.basename(dir),
    async discard() {
      if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reference data

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const benchUnitId = (u: number) => `be7ca000-0000-4000-8000-${pad(u + 1, 12)}`;
/** Staff number 0 is the unit's supervisor; 1… are the staff, one per workstation. */
export const benchEmployeeId = (u: number, e: number) => `be7ce000-0000-4000-8000-${pad(u * 10000 + e + 1, 12)}`;

const FIRST = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lukman'];
const LAST = ['Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Pratama', 'Hidayat', 'Kurniawan', 'Rahayu', 'Nugroho'];
const POSITIONS = ['Pengadministrasi Perkantoran', 'Penelaah Teknis Kebijakan', 'Pengolah Data dan Informasi', 'Analis SDM Aparatur Ahli Pertama'];

/** PNS layout: birth date, first appointment at 25, gender, serial; bumped until unique. */
function nipFor(u: number, e: number, taken: Set<string>): string {
  const year = 1970 + ((u * 7 + e) % 28);
  const birth = `${year}${pad(1 + ((u + e) % 12))}${pad(1 + ((u * 3 + e) % 28))}`;
  const appointment = `${year + 25}${pad(1 + (e % 12))}`;
  let serial = 1 + ((u * 37 + e) % 900);
  let nip = `${birth}${appointment}${1 + (e % 2)}${pad(serial, 3)}`;
  while (taken.has(nip)) nip = `${birth}${appointment}${1 + (e % 2)}${pad(++serial % 1000, 3)}`;
  taken.add(nip);
  return nip;
}

export interface BenchUnit {
  unit: Unit;
  supervisor: Employee;
  staff: Employee[];
}

export function benchUnits(units: number, workstations: number): BenchUnit[] {
  const taken = new Set<string>();
  const out: BenchUnit[] = [];
  for (let u = 0; u < units; u++) {
    // Workstations spread as evenly as they go: the first units take one more when it does not divide.
    const staffCount = Math.floor(workstations / units) + (u < workstations % units ? 1 : 0);
    const unit: Unit = { id: benchUnitId(u), code: `BENCH-${pad(u + 1)}`, name: `Bagian Uji Beban ${u + 1} Sekretariat Daerah`, parentId: null, timeZone: 'Asia/Jakarta' };
    const person = (e: number, positionTitle: string, supervisorId: string | null, supervisor: boolean): Employee => ({
      id: benchEmployeeId(u, e),
      nip: nipFor(u, e, taken),
      name: `${FIRST[(u + e) % FIRST.length]} ${LAST[(u * 5 + e) % LAST.length]} ${u + 1}.${e}`,
      unitId: unit.id,
      positionTitle,
      supervisorId,
      roles: supervisor ? ['staff', 'supervisor'] : ['staff'],
      tppBase: 5_000_000,
      active: true,
    });
    const supervisor = person(0, 'Kepala Subbagian Tata Usaha', null, true);
    const staff = Array.from({ length: staffCount }, (_, i) => person(i + 1, POSITIONS[i % POSITIONS.length]!, supervisor.id, false));
    out.push({ unit, supervisor, staff });
  }
  return out;
}

/** Activities any staff position may log (active, not limited to a position or a unit). */
export const BENCH_ACTIVITIES: Activity[] = DEMO_CATALOG.filter((a) => a.active && a.scopePosition === null && a.scopeUnitId === null);

export async function writeBenchReference(database: Database, units: BenchUnit[], extra: Employee[], now: Date, policy: Policy = BENCH_POLICY): Promise<void> {
  await withTransaction(database.db, (tx) =>
    writeReference(
      tx,
      {
        units: units.map((u) => u.unit),
        policies: units.map((u) => ({ unitId: u.unit.id, policy })),
        employees: [...units.flatMap((u) => [u.supervisor, ...u.staff]), ...extra],
        catalog: DEMO_CATALOG,
        holidays: HOLIDAYS_2026,
      },
      now,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Enrollment

export interface BenchWorkstation {
  workstationId: string;
  unitId: string;
  token: string;
  clientId: string;
  employeeId: string;
  name: string;
}

export interface Seat {
  unit: Unit;
  employeeId: string;
  name: string;
}

/** The seats of the load: one workstation per staff employee. */
export const seatsOf = (units: BenchUnit[]): Seat[] =>
  units.flatMap((u) => u.staff.map((s, i) => ({ unit: u.unit, employeeId: s.id, name: `PC ${u.unit.code} ${i + 1}` })));

/**
 * One more employee in the first unit, outside the load and the checks: after them it pushes a
 * few batches alone, the latency of a batch when nothing else is queued.
 */
export function probeEmployee(first: BenchUnit): Employee {
  const e = first.staff[0]!;
  return { ...e, id: benchEmployeeId(0, 9999), nip: `${e.nip.slice(0, 15)}999`, name: 'Probe Uji Beban' };
}

/** A code from the service, then POST /workstations/enroll, ten at a time. */
export async function enrollAll(database: Database, baseUrl: string, seats: Seat[], now: Date): Promise<BenchWorkstation[]> {
  const out: BenchWorkstation[] = new Array(seats.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < seats.length; i = next++) {
      const w = seats[i]!;
      const { code } = await createEnrollmentCode(database.db, w.unit.code, now);
      const clientId = crypto.randomUUID();
      const res = await fetch(`${baseUrl}/api/v1/workstations/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ enrollmentCode: code, name: w.name, clientId }),
      });
      if (res.status !== 200) throw new Error(`enroll ${w.name}: HTTP ${res.status} ${await res.text()}`);
      const enrolled = EnrollResponseSchema.parse(await res.json());
      out[i] = { ...enrolled, clientId, employeeId: w.employeeId, name: w.name };
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return out;
}

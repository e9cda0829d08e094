/**
 * `npm run demo:terminal` (`npm run demo` is the kiosk in a browser, scripts/kiosk-demo.ts): a walk
 * through the real core on a real SQLite file with the demo data — the lock screen list, a login,
 * one activity recorded and sent, the month's recap, and the mutations waiting for the central
 * server. Run it again and the store keeps what it had (`--fresh` starts over). Its store lives in
 * data/demo-terminal (KK_DATA_DIR), apart from the kiosk demo's data/demo, so neither `--fresh`
 * deletes the other's data.
 *
 * With a central server (`npm run server -- demo`, then `npm run server -- serve`), pass
 * `--server http://127.0.0.1:8787 --code <enrollment code>` once: the store enrolls, takes its
 * unit from the server, and every later run ends with a sync.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandArgs, CommandName, CommandResult } from '../src-shared/api';
import { DEMO_PEOPLE, DEMO_PIN, DEMO_EMPLOYEES } from '../src-shared/demo';
import { DEMO_POLICY } from '../src-shared/demo';
import { localNow, monthOf } from '../src-shared/domain/dates';
import { workingDaysBack, isUnitWorkingDay } from '../src-shared/domain/calendar';
import { HOLIDAYS_2026 } from '../src-shared/demo';
import { openDevStore, seedDemoUnlessEnrolled } from '../src-main/core/demo/dev-store';

const dir = resolve(process.env.KK_DATA_DIR ?? 'data/demo-terminal');
if (process.argv.includes('--fresh')) rmSync(dir, { recursive: true, force: true });
const opened = openDevStore(dir);
if (!opened.ok) {
  console.error(`${opened.error.code}: ${opened.error.message}`);
  process.exit(1);
}
const { core, file } = opened.value;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function send<K extends CommandName>(name: K, args: CommandArgs<K>, token?: string): Promise<CommandResult<K>> {
  const r = await core.send(name, token ? { ...(args as object), sessionToken: token } : args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} — ${r.error.message}`);
  return r.value as CommandResult<K>;
}

const serverUrl = arg('--server');
const code = arg('--code');
if (serverUrl && code) {
  const enrolled = await send('workstation-enroll', { serverUrl, enrollmentCode: code, name: 'Demo PC' });
  console.log(`
workstation-enroll: ${enrolled.workstationId} on ${serverUrl}; first pull ${enrolled.status.lastError ? `failed: ${enrolled.status.lastError.message}` : 'done'}`);
}
const enrolled = (await send('workstation-status', {})).enrolled;
// Without a server the demo data is loaded as if a server had sent it.
await seedDemoUnlessEnrolled(core);

const status = await send('app-status', {});
console.log(`\nKinerja Kiosk core — ${file}`);
console.log(`schema v${status.schemaVersion}, client ${status.clientId}, unit: ${status.unitName}`);

const list = await send('kiosk-staff-list', {});
console.log(`\nkiosk-staff-list: ${list.staff.length} people`);
for (const s of list.staff.slice(0, 5)) console.log(`  [${s.initials}] ${s.name.padEnd(36)} ${s.nipFormatted}  ${s.positionTitle}`);
console.log('  …');

const who = DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.staff[0])!;
const session = await send('kiosk-login', { nip: who.nip, pin: DEMO_PIN });
console.log(`\nkiosk-login: ${session.employee.name} (PIN ${DEMO_PIN}), idle logout after ${session.idleLogoutSeconds} s`);
const token = session.token;

// Today if it is a working day, else the last working day (still inside the backdating window).
const today = localNow(new Date(), DEMO_POLICY.timeZone).date;
const workDate = isUnitWorkingDay(today, DEMO_POLICY, HOLIDAYS_2026) ? today : workingDaysBack(today, 1, DEMO_POLICY, HOLIDAYS_2026);
const { items } = await send('catalog-search', { query: 'surat' }, token);
const activity = items[0]!;
const day = await send('entry-list', { month: monthOf(workDate) }, token);
const taken = day.entries.filter((e) => e.workDate === workDate).map((e) => e.startTime);
const slot = ['08:00', '09:00', '10:00', '11:00', '13:00', '14:00'].find((s) => !taken.includes(s));
if (slot) {
  const end = `${String(Number(slot.slice(0, 2)) + 1).padStart(2, '0')}:00`;
  const created = await send(
    'entry-create',
    { workDate, startTime: slot, endTime: end, activityId: activity.id, volume: 2, description: 'Menyusun konsep surat undangan rapat koordinasi', submit: true },
    token,
  );
  const e = created.entry;
  console.log(`\nentry-create: ${e.workDate} ${e.startTime}–${e.endTime} "${e.activityName}" ×${e.volume} ${e.outputUnit}`);
  console.log(`  status ${e.status}, ${e.minutes} min, credited ${e.creditedMinutes} min, waiting to be sent: ${e.pending}`);
} else {
  console.log(`\n${workDate} is already full for ${who.name}; run with --fresh to start over.`);
}

const recap = await send('recap-month', { month: monthOf(workDate) }, token);
console.log(`\nrecap-month ${recap.month}: capaian ${recap.capaianPercent}% of ${recap.effectiveMinutes} effective minutes`);
console.log(`  approved ${recap.approvedMinutes}, waiting ${recap.waitingMinutes}, returned ${recap.returnedMinutes} min; ${recap.daysWithoutEntries.length} working days without entries; period closes ${recap.periodClosesOn}`);

await send('kiosk-logout', {}, token);
console.log(`\nkiosk-logout. Mutations waiting for the central server: ${(await send('app-status', {})).pendingMutations}`);
if (enrolled) {
  // The end of the session already started a sync; "Kirim sekarang" waits for it and runs once more.
  const r = await send('sync-now', {});
  const line = r.error ? `${r.outcome}: ${r.error.message}` : `${r.outcome}: pushed ${r.pushed} (applied ${r.applied}, refused ${r.refused}), pulled ${r.pulled}`;
  const log = (await send('sync-log', { limit: 3 }, (await send('kiosk-login', { nip: DEMO_EMPLOYEES.find((e) => e.id === DEMO_PEOPLE.operator)!.nip, pin: DEMO_PIN })).token)).items;
  console.log(`sync-now — ${line}; waiting now: ${r.status.pending}`);
  for (const l of log.reverse()) console.log(`  sync-log: ${l.startedAt} ${l.trigger.padEnd(11)} ${l.outcome} — pushed ${l.pushed}, applied ${l.applied}, pulled ${l.pulled}`);
  console.log('');
} else {
  console.log('Not enrolled: pass --server <url> --code <code> to send them to a central server (see README).\n');
}
await core.ctx.sync.idle();
core.close();

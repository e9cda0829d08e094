import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PEOPLE } from '../../../src-shared/demo';
import { writeAudit } from '../audit/audit';
import { MemoryTokenStore } from '../sync/token-store';
import { makeTestCore, type TestCore } from '../test-support';
import { collectLogFiles } from './logs';
import { redactAuditDetail, scrubSecrets } from './redact';

/** The help desk's zip, unpacked and read back: what is in it, and what must never be. */
const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kk-diag-logs-'));
  dirs.push(d);
  return d;
};

const TOKEN = 'wsTok_9f8e7d6c5b4a39281706f5e4d3c2b1a0ZZxx';
const WORK = 'Menyusun telaahan staf tentang mutasi pegawai bagian umum';
const NOTE = 'Uraian kurang rinci, lengkapi nomor surat';

/** An enrolled kiosk with a token, a day's work (written, changed, deleted) and a log folder. */
async function kiosk(opts: { logs?: boolean } = {}) {
  const tokens = new MemoryTokenStore();
  tokens.write(TOKEN);
  const t = await makeTestCore({ sync: { tokenStore: tokens } });
  cores.push(t);
  t.core.ctx.sqlite
    .prepare("update sync_state set workstation_id = '0195e3a0-0000-7000-8000-0000000000aa', workstation_name = 'PC Bagian Organisasi 1', server_url = 'https://kinerja.pemda.go.id' where id = 1")
    .run();
  const siti = await t.login(DEMO_PEOPLE.staff[0]);
  const made = await t.call('entry-create', { workDate: '2026-11-25', startTime: '08:00', endTime: '09:00', activityId: DEMO.catalog[0]!.id, volume: 1, description: WORK }, siti);
  const changed = await t.call('entry-update', { entryId: made.entry.id, rev: made.entry.rev, changes: { description: `${WORK} (revisi)` } }, siti);
  await t.call('entry-delete', { entryId: made.entry.id, rev: changed.entry.rev }, siti);
  // A careless future audit field: the export must not depend on every writer being careful.
  const pinHash = t.core.ctx.sqlite.prepare('select pin_hash from employees where pin_hash is not null limit 1').pluck().get() as string;
  writeAudit(t.core.ctx.db, { at: t.now.toISOString(), actorId: null, action: 'test.careless', detail: { pinHash, token: TOKEN, note: NOTE, seen: `Bearer ${TOKEN}` } });
  t.core.ctx.host.appVersion = '1.4.2';
  if (opts.logs) {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.old.log'), '[2026-11-24 08:00] sync ok\n');
    utimesSync(join(dir, 'main.old.log'), new Date('2026-11-24T01:00:00Z'), new Date('2026-11-24T01:00:00Z'));
    writeFileSync(join(dir, 'main.log'), `[2026-11-25 08:59] push: authorization Bearer ${TOKEN}\n[2026-11-25 09:00] pin ${pinHash}\n[2026-11-25 09:00] sync failed: ECONNREFUSED\n`);
    mkdirSync(join(dir, 'crashes'));
    t.core.ctx.host.logDir = dir;
  }
  const operator = await t.login(DEMO_PEOPLE.operator);
  return { t, operator, pinHash };
}

async function exported(t: TestCore, operator: string) {
  const r = await t.call('diagnostics-export', {}, operator);
  const zip = Buffer.from(r.base64, 'base64');
  expect(r.bytes).toBe(zip.length);
  const members = unzipSync(new Uint8Array(zip));
  const text = Object.fromEntries(Object.entries(members).map(([name, data]) => [name, strFromU8(data)]));
  return { r, text, json: (name: string): unknown => JSON.parse(text[name]!) };
}

describe('diagnostics-export', () => {
  it('packs the status, the sync log, the settings, the audit and the versions, named after the PC and the local time', async () => {
    const { t, operator } = await kiosk();
    const { r, text, json } = await exported(t, operator);
    // 09:00 in the unit's time zone (Asia/Jakarta) on 25 November 2026.
    expect(r).toMatchObject({ fileName: 'diagnostik-pc-bagian-organisasi-1-20261125-0900.zip', mimeType: 'application/zip' });
    expect(Object.keys(text).sort()).toEqual(['app-status.json', 'audit.json', 'settings.json', 'sync-log.json', 'sync-status.json', 'versions.json']);
    expect(json('app-status.json')).toEqual(await t.call('app-status', {}));
    expect(json('settings.json')).toEqual(await t.call('settings-get', {}));
    expect(json('sync-status.json')).toMatchObject({ enrolled: true, workstationId: '0195e3a0-0000-7000-8000-0000000000aa' });
    expect(json('sync-log.json')).toEqual([]);
    expect(json('versions.json')).toMatchObject({ appVersion: '1.4.2', schemaVersion: t.core.ctx.openReport.schemaVersion, node: process.versions.node, electron: null });
    const audit = json('audit.json') as { action: string; detail: Record<string, unknown> }[];
    expect(audit.map((a) => a.action).slice(0, 4)).toEqual(['kiosk.login', 'test.careless', 'entry.delete', 'entry.update']);
    // The help desk sees what happened to which entry, not what the person wrote.
    const deleted = audit.find((a) => a.action === 'entry.delete')!.detail as { entry: Record<string, unknown> };
    expect(deleted.entry).toMatchObject({ workDate: '2026-11-25', startTime: '08:00', status: 'draft', rev: 2, description: `[teks ${WORK.length + 9} karakter]` });
    expect(audit.find((a) => a.action === 'entry.update')!.detail).toEqual({ baseRev: 1, changes: { description: `[teks ${WORK.length + 9} karakter]` } });
    expect(audit.find((a) => a.action === 'test.careless')!.detail).toEqual({ pinHash: '[dihapus]', token: '[dihapus]', note: `[teks ${NOTE.length} karakter]`, seen: 'Bearer [dihapus]' });
  });

  it('holds no PIN hash, no workstation token and no words of anyone’s work, in any member', async () => {
    const { t, operator } = await kiosk({ logs: true });
    const { text } = await exported(t, operator);
    const hashes = t.core.ctx.sqlite.prepare('select pin_hash from employees where pin_hash is not null').pluck().all() as string[];
    expect(hashes.length).toBeGreaterThan(0);
    const all = Object.values(text).join('\n');
    for (const h of hashes) expect(all).not.toContain(h);
    expect(all).not.toMatch(/scrypt\$/);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(WORK);
    expect(all).not.toContain(NOTE);
  });

  it('adds the log files, newest first, with their secrets removed and the rest unchanged', async () => {
    const { t, operator } = await kiosk({ logs: true });
    const { text, json } = await exported(t, operator);
    expect(Object.keys(text).filter((n) => n.startsWith('logs/')).sort()).toEqual(['logs/index.json', 'logs/main.log', 'logs/main.old.log']);
    expect(text['logs/main.old.log']).toBe('[2026-11-24 08:00] sync ok\n');
    expect(text['logs/main.log']).toBe('[2026-11-25 08:59] push: authorization Bearer [dihapus]\n[2026-11-25 09:00] pin [dihapus]\n[2026-11-25 09:00] sync failed: ECONNREFUSED\n');
    expect((json('logs/index.json') as { name: string; truncated: boolean }[]).map((f) => [f.name, f.truncated])).toEqual([
      ['main.log', false],
      ['main.old.log', false],
    ]);
  });

  it('is refused to staff: only an operator may take the data away', async () => {
    const { t } = await kiosk();
    const staff = await t.login(DEMO_PEOPLE.staff[1]);
    expect(await t.send('diagnostics-export', {}, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps the newest 500 audit rows and audits the export itself', async () => {
    const { t, operator } = await kiosk();
    const insert = t.core.ctx.sqlite.prepare("insert into audit_log (at, actor_id, action, detail) values (?, null, 'test.filler', '{}')");
    t.core.ctx.sqlite.transaction(() => {
      for (let i = 0; i < 600; i++) insert.run(t.now.toISOString());
    })();
    const { r, json } = await exported(t, operator);
    const audit = json('audit.json') as { id: number }[];
    expect(audit).toHaveLength(500);
    const maxId = t.core.ctx.sqlite.prepare("select max(id) from audit_log where action != 'diagnostics.export'").pluck().get() as number;
    expect(audit[0]!.id).toBe(maxId);
    const row = t.core.ctx.sqlite.prepare("select actor_id as actorId, detail from audit_log where action = 'diagnostics.export'").get() as { actorId: string; detail: string };
    expect(row.actorId).toBe(DEMO_PEOPLE.operator);
    expect(JSON.parse(row.detail)).toMatchObject({ fileName: r.fileName, bytes: r.bytes });
  });
});

describe('the log files taken', () => {
  it('caps each file and the total, keeping the end of each file, newest file first', async () => {
    const dir = tempDir();
    const files = [
      ['a.log', 'A'.repeat(5) + '0123456789', '2026-11-20T00:00:00Z'],
      ['b.log', 'B'.repeat(10) + 'abcdefghijklmnopqrst', '2026-11-21T00:00:00Z'],
      ['c.log', 'C'.repeat(30) + 'ABCDEFGHIJKLMNOPQRST', '2026-11-22T00:00:00Z'],
    ] as const;
    for (const [name, body, at] of files) {
      writeFileSync(join(dir, name), body);
      utimesSync(join(dir, name), new Date(at), new Date(at));
    }
    const logs = await collectLogFiles(dir, { file: 20, total: 45 });
    expect(logs.map((l) => [l.name, l.data.toString(), l.bytes, l.truncated])).toEqual([
      ['c.log', 'ABCDEFGHIJKLMNOPQRST', 50, true],
      ['b.log', 'abcdefghijklmnopqrst', 30, true],
      ['a.log', '56789', 15, true],
    ]);
  });

  it('is empty when the log folder does not exist yet', async () => {
    expect(await collectLogFiles(join(tempDir(), 'logs'))).toEqual([]);
  });
});

describe('what is removed', () => {
  it('replaces work text by its length and secrets by a marker, at any depth', () => {
    expect(
      redactAuditDetail({ workDate: '2026-11-25', changes: { description: 'abc', volume: 2 }, items: [{ evidenceNote: 'xy' }], sessionToken: 't', mustChangePin: true, note: null }),
    ).toEqual({ workDate: '2026-11-25', changes: { description: '[teks 3 karakter]', volume: 2 }, items: [{ evidenceNote: '[teks 2 karakter]' }], sessionToken: '[dihapus]', mustChangePin: true, note: null });
  });

  it('removes PIN hashes, bearer tokens, URL passwords and the given secrets from any text', () => {
    const secret = 'S'.repeat(43);
    const text = `x scrypt$16384$8$1$c2FsdA$aGFzaA y; Authorization: Bearer abc.def-ghi_123; https://admin:rahasia@kinerja.go.id/api; t=${secret}; short=abc`;
    expect(scrubSecrets(text, [secret, 'abc'])).toBe('x [dihapus] y; Authorization: Bearer [dihapus]; https://[dihapus]@kinerja.go.id/api; t=[dihapus]; short=abc');
  });
});

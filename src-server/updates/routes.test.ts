import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app';
import { makeTestServer, testConfig, type TestServer } from '../test-support';
import { updateRoutes } from './routes';

/**
 * The feed as electron-updater's generic provider uses it: latest.yml, the installer with single
 * and multiple ranges (differential download), HEAD, revalidation; and the folder never leaks
 * anything but its own plain files.
 */
const LATEST = 'version: 1.2.0\nfiles:\n  - url: Kinerja-Kiosk-Setup-1.2.0.exe\n    size: 300000\npath: Kinerja-Kiosk-Setup-1.2.0.exe\n';
const EXE = 'Kinerja-Kiosk-Setup-1.2.0.exe';
const installer = randomBytes(300_000);

let dir: string;
let server: TestServer;
const url = (path: string) => `/api/v1/updates/${path}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kk-updates-'));
  const updates = join(dir, 'updates');
  const stable = join(updates, 'stable');
  mkdirSync(join(stable, 'old'), { recursive: true });
  writeFileSync(join(stable, 'latest.yml'), LATEST);
  writeFileSync(join(stable, 'latest-linux.yml'), 'version: 1.2.0\n');
  writeFileSync(join(stable, EXE), installer);
  writeFileSync(join(stable, `${EXE}.blockmap`), randomBytes(500));
  writeFileSync(join(stable, 'Kinerja-Kiosk-1.2.0.AppImage'), randomBytes(1000));
  writeFileSync(join(stable, 'old', 'Kinerja-Kiosk-Setup-1.1.0.exe'), randomBytes(10));
  writeFileSync(join(stable, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'outside the feed');
  symlinkSync(join(dir, 'secret.txt'), join(stable, 'escape.yml'));
  symlinkSync(join(stable, '.env'), join(stable, 'hidden.yml'));
  symlinkSync(join(stable, 'latest.yml'), join(stable, 'alias.yml'));
  // An operator may point a channel at a release folder.
  symlinkSync(stable, join(updates, 'beta'));
  server = await makeTestServer({ demo: false, config: { updatesDir: updates } });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Splits a multipart/byteranges body into its parts (what electron-updater's DataSplitter reads). */
function parseMultipart(body: Buffer, contentType: string): { range: string; data: Buffer }[] {
  const boundary = /boundary=(\S+)$/.exec(contentType)![1]!;
  const parts: { range: string; data: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    const head = body.subarray(afterDelimiter, headEnd).toString();
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headEnd);
    parts.push({ range: /Content-Range: (.+)/.exec(head)![1]!.trim(), data: body.subarray(headEnd + 4, next) });
    at = next + 2;
  }
  return parts;
}

describe('update feed: what electron-updater reads', () => {
  it('serves latest.yml as YAML that is always revalidated', async () => {
    const res = await server.app.inject({ method: 'GET', url: url('stable/latest.yml') });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(LATEST);
    expect(res.headers['content-type']).toMatch(/^text\/yaml/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['etag']).toBeTruthy();
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers['x-request-id']).toBeTruthy();

    const again = await server.app.inject({ method: 'GET', url: url('stable/latest.yml'), headers: { 'if-none-match': String(res.headers['etag']) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves installers, blockmaps and AppImages as cacheable binary downloads', async () => {
    for (const name of [EXE, `${EXE}.blockmap`, 'Kinerja-Kiosk-1.2.0.AppImage', 'old/Kinerja-Kiosk-Setup-1.1.0.exe']) {
      const res = await server.app.inject({ method: 'GET', url: url(`stable/${name}`) });
      expect(res.statusCode, name).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['accept-ranges']).toBe('bytes');
    }
    const res = await server.app.inject({ method: 'GET', url: url(`stable/${EXE}`) });
    expect(res.rawPayload.equals(installer)).toBe(true);
    expect(Number(res.headers['content-length'])).toBe(installer.length);
  });

  it('answers HEAD with the size and no body', async () => {
    const res = await server.app.inject({ method: 'HEAD', url: url(`stable/${EXE}`) });
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(installer.length);
    expect(res.rawPayload.length).toBe(0);
  });

  it('answers a single range with 206 and Content-Range', async () => {
    const res = await server.app.inject({ method: 'GET', url: url(`stable/${EXE}`), headers: { range: 'bytes=1000-1999' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${installer.length}`);
    expect(res.rawPayload.equals(installer.subarray(1000, 2000))).toBe(true);

    const suffix = await server.app.inject({ method: 'GET', url: url(`stable/${EXE}`), headers: { range: 'bytes=-100' } });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.rawPayload.equals(installer.subarray(installer.length - 100))).toBe(true);

    const head = await server.app.inject({ method: 'HEAD', url: url(`stable/${EXE}`), headers: { range: 'bytes=0-9' } });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-length']).toBe('10');
  });

  it('answers an unsatisfiable range with 416 and the real size', async () => {
    const res = await server.app.inject({ method: 'GET', url: url(`stable/${EXE}`), headers: { range: `bytes=${installer.length}-` } });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${installer.length}`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('answers several ranges (differential download) with every part, in the order asked', async () => {
    const asked = [
      [0, 99],
      [5000, 70_000],
      [299_990, 299_999],
    ] as const;
    const range = `bytes=${asked.map(([a, b]) => `${a}-${b}`).join(', ')}`;
    const res = await server.app.inject({ method: 'GET', url: url(`stable/${EXE}`), headers: { range } });
    expect(res.statusCode).toBe(206);
    const type = String(res.headers['content-type']);
    // The pattern electron-updater's multipleRangeDownloader matches on.
    expect(type).toMatch(/^multipart\/.+?(?:; boundary=(?:(?:"(.+)")|(?:([^\s]+))))$/i);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const parts = parseMultipart(res.rawPayload, type);
    expect(parts.map((p) => p.range)).toEqual(asked.map(([a, b]) => `bytes ${a}-${b}/${installer.length}`));
    parts.forEach((part, i) => expect(part.data.equals(installer.subarray(asked[i]![0], asked[i]![1] + 1))).toBe(true));

    const head = await server.app.inject({ method: 'HEAD', url: url(`stable/${EXE}`), headers: { range } });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-length']).toBe(res.headers['content-length']);
    expect(head.rawPayload.length).toBe(0);
  });

  it('merges overlapping ranges instead of sending bytes twice', async () => {
    const res = await server.app.inject({ method: 'GET', url: url(`stable/${EXE}`), headers: { range: 'bytes=0-99, 50-149' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-149/${installer.length}`);
  });

  it('follows symlinks that stay inside the channel folder, and a symlinked channel', async () => {
    expect((await server.app.inject({ method: 'GET', url: url('stable/alias.yml') })).body).toBe(LATEST);
    expect((await server.app.inject({ method: 'GET', url: url('beta/latest.yml') })).body).toBe(LATEST);
  });
});

describe('update feed: nothing else leaks', () => {
  const notFound = [
    'stable/missing.yml',
    'nightly/latest.yml', // no such channel folder
    'Stable/latest.yml', // channel names are lower case
    '..%2Fsecret.txt/x',
    'stable/..%2F..%2Fsecret.txt',
    'stable/%2e%2e/%2e%2e/secret.txt',
    'stable/../../secret.txt',
    'stable/.env',
    'stable/%2eenv',
    'stable/escape.yml', // symlink out of the folder
    'stable/hidden.yml', // symlink to a dotfile
    'stable/old', // a directory
    'stable/old/',
    'stable//latest.yml',
    'stable/latest.yml%00.exe',
    'stable/',
  ];
  it.each(notFound)('GET %s → 404 NOT_FOUND in the error format', async (path) => {
    const res = await server.app.inject({ method: 'GET', url: url(path) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('outside the feed');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 when the updates folder does not exist at all', async () => {
    const app = await buildApp(
      { db: server.db, config: testConfig({ updatesDir: join(dir, 'does-not-exist') }), now: () => server.clock.now },
      [updateRoutes],
    );
    try {
      const res = await app.inject({ method: 'GET', url: url('stable/latest.yml') });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});

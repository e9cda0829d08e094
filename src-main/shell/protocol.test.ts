import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from './csp';
import { contentTypeOf, createAppHandler, resolveAppUrl } from './protocol';

const ROOT = '/app/dist/renderer';

describe('resolveAppUrl', () => {
  it.each([
    ['app://kiosk/', join(ROOT, 'index.html')],
    ['app://kiosk', join(ROOT, 'index.html')],
    ['app://kiosk/index.html', join(ROOT, 'index.html')],
    ['app://kiosk/assets/main.js', join(ROOT, 'assets', 'main.js')],
    ['app://kiosk/assets/chunk-IOXOJYDP.js?v=1#x', join(ROOT, 'assets', 'chunk-IOXOJYDP.js')],
    ['app://kiosk/assets/SessionView-7BWDXRL5.js', join(ROOT, 'assets', 'SessionView-7BWDXRL5.js')],
  ])('%s is a file of the build', (url, file) => {
    expect(resolveAppUrl(ROOT, url)).toEqual({ kind: 'file', file, type: contentTypeOf(file) });
  });

  it.each([
    'app://kiosk/../secret.txt',
    'app://kiosk/assets/../../secret.txt',
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/%2E%2E/%2e%2e/etc/passwd',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kiosk/assets%2fmain.js',
    'app://kiosk/..%5c..%5csecret.txt',
    'app://kiosk/assets\\..\\..\\secret.txt',
    'app://kiosk//etc/passwd',
    'app://kiosk/C:/Windows/win.ini',
    'app://kiosk/%2Fetc%2Fpasswd',
    'app://kiosk/index.html%00.png',
    'app://kiosk/.env',
    'app://kiosk/assets/',
    'app://kiosk/%E0%A4%A',
    'app://other/index.html',
    'app://kiosk:1/index.html',
    'https://kiosk/index.html',
    'not a url',
  ])('%s is refused', (url) => {
    expect(resolveAppUrl(ROOT, url)).toEqual({ kind: 'not-found' });
  });

  it('gives each kind of file its own type', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('main.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('main.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('logo.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('README')).toBe('application/octet-stream');
  });
});

describe('the app:// handler on a real folder', () => {
  let dir: string;
  let root: string;
  let handle: (r: Request) => Promise<Response>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kk-protocol-'));
    root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>k</title>');
    writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'the token');
    handle = createAppHandler(root);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at / with the CSP and nosniff', async () => {
    const r = await handle(new Request('app://kiosk/'));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<title>k</title>');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a module script as JavaScript', async () => {
    const r = await handle(new Request('app://kiosk/assets/main.js'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('content-length')).toBe('14');
    expect(await r.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file, a folder, and anything outside the build', async () => {
    for (const url of ['app://kiosk/assets/nope.js', 'app://kiosk/assets', 'app://kiosk/../secret.txt', 'app://kiosk/%2e%2e/secret.txt']) {
      const r = await handle(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('the token');
      expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://kiosk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('does not follow a name that is not a plain file name, even if it exists', async () => {
    symlinkSync(join(dir, 'secret.txt'), join(root, '.secret'));
    expect((await handle(new Request('app://kiosk/.secret'))).status).toBe(404);
  });
});

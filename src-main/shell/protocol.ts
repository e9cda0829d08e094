import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appResponseHeaders } from './csp';
import { APP_HOST, APP_SCHEME } from './navigation';

/**
 * The `app://kiosk` protocol: the renderer's build folder (dist/renderer, inside the asar), read
 * only, with the kiosk's CSP on every answer. A standard, secure scheme (registered as privileged
 * in main.ts before `ready`) gives the screens a real origin, so ES modules, relative URLs and
 * `'self'` in the CSP work as they do over http, without file:// and its loose rules.
 *
 * The screens are one page (no client-side paths): `/` is index.html and anything not in the
 * folder is a 404, never a fallback to index.html that would hide a wrong asset URL.
 */
export const APP_PRIVILEGES = {
  standard: true,
  secure: true,
  // The module scripts are fetched in CORS mode; our own origin only (no CORS headers are sent).
  corsEnabled: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
};

export function contentTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && TYPES[file.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

/**
 * A path segment as a build tool names files: letters, digits, `.`, `_`, `-`, not starting with
 * a dot. Checked after percent-decoding, this one rule refuses `..` and `.` (however encoded),
 * hidden files, backslashes, drive letters (`C:`), NULs and encoded slashes, on every OS.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export type AppTarget = { kind: 'file'; file: string; type: string } | { kind: 'not-found' };

/** The file inside `root` that a request URL names, or not-found. Pure: no file is touched. */
export function resolveAppUrl(root: string, rawUrl: string): AppTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '') return { kind: 'not-found' };
  // The raw path, not just `url.pathname`: the URL parser already folds `..` away, and a path
  // that needed folding is not one our own pages ever ask for.
  const raw = rawPath(rawUrl) ?? url.pathname;
  const path = raw === '/' ? '/index.html' : raw;
  if (!path.startsWith('/')) return { kind: 'not-found' };
  const segments: string[] = [];
  for (const encoded of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { kind: 'not-found' };
    }
    if (!SEGMENT.test(segment)) return { kind: 'not-found' };
    segments.push(segment);
  }
  const file = join(root, ...segments);
  return { kind: 'file', file, type: contentTypeOf(file) };
}

/** The path of `scheme://host/path?query#hash` as written (null when it has no such shape). */
function rawPath(rawUrl: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(rawUrl);
  if (!m) return null;
  return m[1] ?? '/';
}

type Read = (file: string) => Promise<Uint8Array>;

/**
 * The protocol handler: GET and HEAD of a file in `root`, with the kiosk's headers. Takes a
 * Request and answers a Response (the fetch API types Electron's `protocol.handle` uses), so it
 * is tested under plain Node against a real folder.
 */
export function createAppHandler(root: string, read: Read = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    const plain = (status: number, text: string, extra: Record<string, string> = {}): Response =>
      new Response(request.method === 'HEAD' ? null : text, { status, headers: { ...appResponseHeaders('text/plain; charset=utf-8'), ...extra } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    const target = resolveAppUrl(root, request.url);
    if (target.kind !== 'file') return plain(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await read(target.file);
    } catch {
      // Missing, a folder, unreadable: the build folder has no such file for the screens.
      return plain(404, 'Not Found');
    }
    const headers = { ...appResponseHeaders(target.type), 'content-length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

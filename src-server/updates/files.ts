import { realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

/**
 * Which file of the update folder a request may read. The folder is written by the operator, but
 * the URL comes from anyone on the network, so only plain files inside `<updatesDir>/<channel>/`
 * are reachable: no `..`, no dotfiles, no directories, and no symlink that leads out of the channel
 * folder (a symlinked channel folder itself is the operator's choice and is followed).
 */
export const CHANNEL_RE = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/** A segment is a file or folder name: not empty, not hidden, no separators or control characters. */
const SEGMENT_RE = /^[^./\\\p{Cc}][^/\\\p{Cc}]{0,199}$/u;
const MAX_PATH = 1024;

export interface UpdateFile {
  /** Real path of the channel folder (symlinks resolved). */
  root: string;
  /** Path of the file inside `root`, with `/` separators. */
  name: string;
  size: number;
}

const isMissing = (err: unknown): boolean =>
  ['ENOENT', 'ENOTDIR', 'ELOOP', 'EACCES', 'ENAMETOOLONG'].includes(String((err as { code?: unknown }).code));

function safeSegments(path: string): string[] | null {
  if (path.length === 0 || path.length > MAX_PATH) return null;
  const segments = path.split('/');
  return segments.every((s) => SEGMENT_RE.test(s)) ? segments : null;
}

/** `null` means "answer 404": whatever the reason, the caller learns nothing about the disk. */
export async function resolveUpdateFile(updatesDir: string, channel: string, path: string): Promise<UpdateFile | null> {
  if (!CHANNEL_RE.test(channel)) return null;
  const segments = safeSegments(path);
  if (!segments) return null;
  try {
    const root = await realpath(join(updatesDir, channel));
    const real = await realpath(join(root, ...segments));
    if (!real.startsWith(root + sep)) return null;
    const name = relative(root, real).split(sep);
    // A symlink inside the folder may point at a hidden file of the same folder: refuse that too.
    if (!name.every((s) => SEGMENT_RE.test(s))) return null;
    const info = await stat(real);
    if (!info.isFile()) return null;
    return { root, name: name.join('/'), size: info.size };
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

/**
 * YAML is text the updater parses; everything else is an opaque download. Never guessed from the
 * content (`nosniff` is sent too), so nothing in the folder can turn into a web page.
 */
export function contentTypeOf(name: string): string {
  const ext = extname(name).toLowerCase();
  return ext === '.yml' || ext === '.yaml' ? 'text/yaml; charset=utf-8' : 'application/octet-stream';
}

/**
 * `latest*.yml` names the newest release and is rewritten in place, so it is always revalidated:
 * a kiosk sees a new release at once. Installers and blockmaps carry the version in their names
 * (electron-builder's default) and never change, so proxies may keep them for a day.
 */
export function cacheControlOf(name: string): string {
  return contentTypeOf(name).startsWith('text/yaml') ? 'no-cache' : 'public, max-age=86400';
}

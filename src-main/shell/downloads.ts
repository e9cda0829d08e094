import { basename, extname, join } from 'node:path';

/**
 * Where a file the screens hand over ("Unduh Excel", "Unduh diagnostik") is saved: straight into
 * the PC's Downloads folder, never through the system's "Save as" dialog — on a kiosk that dialog
 * is a file browser any staff member could open. The name comes from the page, so only its last
 * path part is kept, characters Windows refuses become "_", and an existing file is never
 * overwritten: "rekap (1).xlsx", "rekap (2).xlsx" …
 */
export function downloadTarget(dir: string, suggested: string, exists: (path: string) => boolean): string {
  const last = basename(suggested.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const name = cleaned === '' ? 'unduhan' : cleaned.slice(0, 150);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(dir, name);
  for (let n = 1; exists(candidate) && n < 1000; n++) candidate = join(dir, `${stem} (${n})${ext}`);
  return candidate;
}

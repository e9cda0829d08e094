/**
 * Builds the Electron shell (src-main/shell) into dist/shell:
 *
 *   main.cjs           the main process and the core it opens, one CommonJS file (Electron loads the
 *                      `main` of package.json with require). Native and Electron-bound packages stay
 *                      outside the bundle and are required at run time: electron itself, better-sqlite3
 *                      (its .node binary), electron-updater and electron-log.
 *   preload.cjs        the kiosk window's preload. A sandboxed preload may require only 'electron',
 *                      so everything else it uses is bundled in.
 *   backup-worker.mjs  the core's backup worker (src-main/core/db/backup-worker.mjs), copied as is:
 *                      the core starts it with `new URL('./backup-worker.mjs', import.meta.url)`, and
 *                      in main.cjs `import.meta.url` is the URL of main.cjs itself (see IMPORT_META_URL),
 *                      so the worker is found beside it.
 *
 *   npx tsx scripts/build-shell.ts [--out dist/shell]
 */
import { build, type Message } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 runs Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** Required at run time from node_modules (asar), never bundled. */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3', 'electron-updater', 'electron-log'];

/**
 * ES modules of the core read `import.meta.url` (the migrations folder's default, the backup
 * worker's location). A CommonJS bundle has no import.meta: esbuild would leave `{}` and the URL
 * undefined. It is defined as main.cjs's own file URL instead, which is right for the worker
 * (copied beside main.cjs); the migrations folder is always passed explicitly by main.ts.
 */
const IMPORT_META_URL = '__kk_import_meta_url';

export interface ShellBuild {
  outDir: string;
  files: string[];
}

export async function buildShell(opts: { outDir?: string } = {}): Promise<ShellBuild> {
  const outDir = resolve(ROOT, opts.outDir ?? 'dist/shell');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = { absWorkingDir: ROOT, bundle: true, format: 'cjs', logLevel: 'silent', legalComments: 'none', sourcemap: false } as const;

  const main = await build({
    ...common,
    entryPoints: ['src-main/shell/main.ts'],
    outfile: join(outDir, 'main.cjs'),
    platform: 'node',
    target: NODE_TARGET,
    external: MAIN_EXTERNALS.flatMap((p) => [p, `${p}/*`]),
    define: { 'import.meta.url': IMPORT_META_URL },
    banner: { js: `const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;` },
  });
  const preload = await build({
    ...common,
    entryPoints: ['src-main/shell/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
    platform: 'browser',
    target: CHROME_TARGET,
    external: ['electron'],
  });
  // Any warning here is a real problem (an `import.meta` left empty, a require that cannot work).
  const warnings: Message[] = [...main.warnings, ...preload.warnings];
  if (warnings.length > 0) {
    throw new Error(`build-shell: ${warnings.map((w) => `${w.location?.file ?? ''}:${w.location?.line ?? ''} ${w.text}`).join('\n')}`);
  }
  await copyFile(join(ROOT, 'src-main/core/db/backup-worker.mjs'), join(outDir, 'backup-worker.mjs'));
  return { outDir, files: ['main.cjs', 'preload.cjs', 'backup-worker.mjs'] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const report = await buildShell(i > 0 ? { outDir: process.argv[i + 1]! } : {});
  console.log(`shell built in ${relative(process.cwd(), report.outDir) || '.'}: ${report.files.join(', ')}`);
}

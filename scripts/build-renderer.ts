/**
 * Builds the kiosk screens (src-renderer) into a folder the dev bridge or the Electron shell
 * serves: index.html + assets/ (ES modules, split per lazy screen, one CSS file).
 *
 *   npx tsx scripts/build-renderer.ts [--out dist/renderer] [--dev]
 *
 * Prints the initial JavaScript's gzip size (the budget: ≤ 250 KB).
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildReport {
  outDir: string;
  /** Bytes of JavaScript the browser loads before the lock screen (entry + its static imports). */
  initialJsBytes: number;
  initialJsGzip: number;
  cssGzip: number;
  files: string[];
}

export async function buildRenderer(opts: { outDir?: string; dev?: boolean } = {}): Promise<BuildReport> {
  const outDir = resolve(ROOT, opts.outDir ?? 'dist/renderer');
  const assets = join(outDir, 'assets');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src-renderer/main.tsx' },
    outdir: assets,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120'],
    jsx: 'automatic',
    minify: !opts.dev,
    sourcemap: opts.dev ? 'linked' : false,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify(opts.dev ? 'development' : 'production') },
    logLevel: 'warning',
  });
  await copyFile(join(ROOT, 'src-renderer/index.html'), join(outDir, 'index.html'));
  await mergeCss(result.metafile.outputs, join(assets, 'main.css'));

  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((f) => outputs[f]?.entryPoint === 'src-renderer/main.tsx');
  if (!entry) throw new Error('build-renderer: no entry output');
  // The initial load: the entry and every chunk it imports statically (not the lazy ones).
  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  const gz = (file: string): number => gzipSync(readFileSync(resolve(ROOT, file)), { level: 9 }).length;
  let initialJsBytes = 0;
  let initialJsGzip = 0;
  for (const f of initial) {
    initialJsBytes += outputs[f]?.bytes ?? 0;
    initialJsGzip += gz(f);
  }
  const cssFile = join(assets, 'main.css');
  return {
    outDir,
    initialJsBytes,
    initialJsGzip,
    cssGzip: gz(cssFile),
    files: Object.keys(outputs)
      .map((f) => resolve(ROOT, f))
      .filter((f) => !f.endsWith('.css') || f === cssFile)
      .map((f) => relative(outDir, f)),
  };
}

/**
 * esbuild gives the lazily loaded screens their own CSS file, which nothing would load (only a
 * JavaScript chunk is imported on demand). All styles go into main.css instead: a few KB more in
 * the first load, and no screen ever shows unstyled. esbuild already bundles the CSS of dynamically
 * imported modules into the entry's CSS as well, so a chunk's file is appended only for the inputs
 * main.css does not hold yet (appending all of it used to ship every session screen's styles twice).
 */
type Outputs = Record<string, { inputs: Record<string, unknown> }>;
async function mergeCss(outputs: Outputs, main: string): Promise<void> {
  const mainKey = Object.keys(outputs).find((f) => resolve(ROOT, f) === main);
  const held = new Set(Object.keys(mainKey ? outputs[mainKey]!.inputs : {}));
  const others = Object.keys(outputs)
    .filter((f) => f.endsWith('.css') && f !== mainKey)
    .sort();
  if (others.length === 0) return;
  const parts = [await readFile(main, 'utf8')];
  for (const f of others) {
    const file = resolve(ROOT, f);
    const inputs = Object.keys(outputs[f]!.inputs);
    if (inputs.some((i) => !held.has(i))) {
      parts.push(await readFile(file, 'utf8'));
      for (const i of inputs) held.add(i);
    }
    await rm(file);
  }
  await writeFile(main, parts.join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const report = await buildRenderer({ ...(i > 0 ? { outDir: process.argv[i + 1]! } : {}), dev: process.argv.includes('--dev') });
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  console.log(`renderer built in ${relative(process.cwd(), report.outDir) || '.'}: initial JS ${kb(report.initialJsBytes)} (${kb(report.initialJsGzip)} gzip), CSS ${kb(report.cssGzip)} gzip, ${report.files.length} files`);
}

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildRenderer } from '../../scripts/build-renderer';
import { MAIN_EXTERNALS, buildShell } from '../../scripts/build-shell';
import { appPaths } from '../../src-main/shell/paths';

/**
 * electron-builder cannot run here (it downloads Electron), so its configuration is checked the
 * way electron-builder reads it: the YAML parsed, the `files` patterns applied with the same
 * minimatch rules (app-builder-lib fileMatcher.ts / util/filter.ts: patterns in order, the last
 * one that applies wins, `dot: true`; node_modules get an include-everything pattern plus every
 * exclusion, global then per platform) to the real builds and the real node_modules.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// js-yaml (a devDependency; electron-updater uses it too) ships no types: the one call is typed here.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const Files = z.array(z.string());
const Target = z.object({ target: z.string(), arch: z.array(z.string()) });
const Config = z.object({
  appId: z.string(),
  productName: z.string(),
  directories: z.object({ output: z.string(), buildResources: z.string() }),
  npmRebuild: z.literal(false),
  asar: z.literal(true),
  extraMetadata: z.object({ main: z.string() }),
  files: Files,
  asarUnpack: Files,
  win: z.object({ target: z.array(Target), icon: z.string(), files: Files }),
  nsis: z.object({ oneClick: z.boolean(), perMachine: z.boolean(), allowElevation: z.boolean(), deleteAppDataOnUninstall: z.boolean() }),
  linux: z.object({ target: z.array(Target), icon: z.string(), maintainer: z.string(), files: Files }),
  publish: z.object({ provider: z.string(), url: z.string(), channel: z.string() }),
});
const config = Config.parse(yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')));

type Platform = 'win' | 'linux';
const patterns = (list: string[]) => list.map((p) => new Minimatch(p, { dot: true }));

/** util/filter.ts minimatchAll: walk the patterns; a match only re-tests exclusions, a miss only inclusions. */
function passes(path: string, list: Minimatch[]): boolean {
  let match = false;
  for (const p of list) {
    if (match !== p.negate) continue;
    match = p.match(path);
  }
  return match;
}

const appFilter = (platform: Platform) => patterns([...config.files, ...config[platform].files]);
/** getNodeModuleFileMatcher: everything, then only the exclusions of the global and the platform list. */
const moduleFilter = (platform: Platform) =>
  patterns(['**/*', ...[...config.files, ...config[platform].files].filter((p) => p.startsWith('!'))]);

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, base, out);
    else out.push(relative(base, full).split('\\').join('/'));
  }
  return out;
}

/** The app folder as it would be packed: the builds in a temp copy of dist/, the rest from the repo. */
let stage: string;

beforeAll(async () => {
  stage = mkdtempSync(join(tmpdir(), 'kk-package-'));
  await buildRenderer({ outDir: join(stage, 'dist/renderer') });
  await buildShell({ outDir: join(stage, 'dist/shell') });
}, 120_000);

afterAll(() => {
  if (stage) rmSync(stage, { recursive: true, force: true });
});

const stagedFiles = (): string[] => [
  ...walk(join(stage, 'dist')).map((f) => `dist/${f}`),
  ...walk(join(ROOT, 'migrations/client')).map((f) => `migrations/client/${f}`),
  'package.json',
];

describe('electron-builder.yml', () => {
  it('asks for NSIS per machine on Windows x64, AppImage and deb on Linux x64, and the generic feed', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true, deleteAppDataOnUninstall: false });
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.publish.url).toMatch(/\/api\/v1\/updates\/stable$/);
    expect(config.directories.buildResources).toBe('build');
  });

  it('packs every file the app loads, from the real builds', () => {
    const files = stagedFiles();
    const paths = appPaths('', '/userData');
    const needed = [
      config.extraMetadata.main,
      paths.preload,
      join(paths.renderer, 'index.html'),
      'dist/shell/backup-worker.mjs',
      ...files.filter((f) => f.startsWith('migrations/client/')),
      ...files.filter((f) => f.startsWith('dist/renderer/assets/')),
    ].map((f) => f.split('\\').join('/'));
    expect(needed.filter((f) => !files.includes(f))).toEqual([]);
    for (const platform of ['win', 'linux'] as const) {
      const filter = appFilter(platform);
      expect(needed.filter((f) => !passes(f, filter))).toEqual([]);
    }
    expect(files.some((f) => f.endsWith('.sql'))).toBe(true);
    expect(files).toContain('migrations/client/meta/_journal.json');
  });

  it('packs no sources, tests, scripts or data', () => {
    const filter = appFilter('win');
    for (const f of ['src-main/shell/main.ts', 'src-main/core/core.ts', 'src-renderer/main.tsx', 'tests/packaging/electron-builder.test.ts', 'scripts/build-shell.ts', 'data/demo/kiosk/kinerja.sqlite', 'dist/e2e-renderer/index.html', 'migrations/server/0000_initial.sql', 'electron-builder.yml']) {
      expect(passes(f, filter), f).toBe(false);
    }
  });

  it.each([
    ['win', 'win32-x64.node'],
    ['linux', 'linux-x64.node'],
  ] as const)('%s: packs better-sqlite3 with only its own binary (%s), unpacked from the asar', (platform, binary) => {
    const pkg = join(ROOT, 'node_modules/better-sqlite3');
    const kept = walk(pkg)
      .map((f) => `node_modules/better-sqlite3/${f}`)
      .filter((f) => passes(f, moduleFilter(platform)));
    expect(kept.filter((f) => f.endsWith('.node'))).toEqual([`node_modules/better-sqlite3/prebuilds/${binary}`]);
    expect(kept).toContain('node_modules/better-sqlite3/lib/index.js');
    expect(kept).toContain('node_modules/better-sqlite3/lib/binding.js');
    expect(kept.filter((f) => /\/(deps|src|build)\//.test(f) || f.endsWith('binding.gyp'))).toEqual([]);
    const unpack = patterns(config.asarUnpack);
    expect(kept.filter((f) => !unpack.some((p) => p.match(f)))).toEqual([]);
  });

  it('leaves out no package the main process requires at run time', () => {
    const main = readFileSync(join(stage, 'dist/shell/main.cjs'), 'utf8');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = new Set(
      [...main.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)]
        .map((m) => m[1]!)
        .filter((s) => !s.startsWith('.') && !builtins.has(s))
        .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)),
    );
    // Exactly the externals build-shell.ts declares: anything else would be a missing module.
    expect([...required].sort()).toEqual([...MAIN_EXTERNALS].sort());

    const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const runtime = MAIN_EXTERNALS.filter((p) => p !== 'electron');
    // electron-builder packs production dependencies only.
    expect(runtime.filter((p) => !(p in pkgJson.dependencies))).toEqual([]);

    // Everything those packages load, transitively, must survive the exclusions.
    const closure = new Map<string, string>();
    const visit = (name: string, from: string): void => {
      let dir = from;
      let found: string | null = null;
      for (;;) {
        const candidate = join(dir, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) {
          found = candidate;
          break;
        }
        if (dir === ROOT || dirname(dir) === dir) break;
        dir = dirname(dir);
      }
      if (!found) throw new Error(`${name} (needed by ${relative(ROOT, from)}) is not installed`);
      if (closure.has(found)) return;
      closure.set(found, name);
      const meta = JSON.parse(readFileSync(join(found, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const dep of Object.keys(meta.dependencies ?? {})) visit(dep, found);
    };
    for (const p of runtime) visit(p, ROOT);
    expect(closure.size).toBeGreaterThan(runtime.length);
    for (const platform of ['win', 'linux'] as const) {
      const filter = moduleFilter(platform);
      const dropped = [...closure.keys()].map((dir) => `${relative(ROOT, dir).split('\\').join('/')}/package.json`).filter((f) => !passes(f, filter));
      expect(dropped).toEqual([]);
    }
  });

  it('leaves out the server-only and bundled dependencies', () => {
    const filter = moduleFilter('win');
    for (const pkg of ['@electric-sql/pglite', 'fastify', 'pg', 'react-dom', 'exceljs', 'drizzle-orm', 'zod']) {
      expect(passes(`node_modules/${pkg}/package.json`, filter), pkg).toBe(false);
    }
    for (const pkg of ['electron-updater', 'electron-log', 'builder-util-runtime', 'js-yaml']) {
      expect(passes(`node_modules/${pkg}/package.json`, filter), pkg).toBe(true);
    }
  });
});

describe('build/ icons', () => {
  it('icon.png is a 512×512 RGBA PNG', () => {
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });

  it('icon.ico holds 16 to 256 px images, each inside the file', () => {
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      sizes.push(ico[e] === 0 ? 256 : ico[e]!);
      expect(ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)).toBeLessThanOrEqual(ico.length);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});

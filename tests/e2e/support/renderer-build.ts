import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, type BuildReport } from '../../../scripts/build-renderer';

/**
 * The kiosk screens, built once for the e2e files rather than once per file. Each e2e file runs in
 * its own process (vitest forks), so "once" is kept on disk: the build folder carries a
 * fingerprint of its sources, and a file whose fingerprint matches reuses it. A lock folder keeps
 * two processes (a test file and the bench, say) from building into the same folder at once.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_RENDERER_DIR = 'dist/e2e-renderer';
/** What the renderer bundle is made of: its own sources, the shared contracts, the build script. */
const SOURCES = ['src-renderer', 'src-shared', 'scripts/build-renderer.ts', 'package-lock.json'];
const STAMP = '.e2e-build.json';
const LOCK_STALE_MS = 120_000;

export interface BuiltRenderer {
  /** Absolute folder to hand to startDevBridge as staticDir. */
  dir: string;
  /** The build's report (initial JS gzip …), from this build or the one that made the folder. */
  report: BuildReport;
  /** Whether this call built it (false: reused). */
  built: boolean;
}

function listFiles(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isFile()) {
    out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    // Tests do not go into the bundle; editing one need not rebuild.
    if (/\.test\.tsx?$/.test(name)) continue;
    listFiles(join(path, name), out);
  }
}

/** Paths, sizes and modification times: cheap, and any edit changes it. */
export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const s of SOURCES) if (existsSync(join(ROOT, s))) listFiles(join(ROOT, s), files);
  const h = createHash('sha256');
  for (const f of files) {
    const st = statSync(f);
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A process that died while building leaves its lock behind; after a while it is not a build.
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // gone already
      }
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds the renderer into `outDir` unless the folder already holds a build of the current sources. */
export async function ensureRendererBuilt(outDir = E2E_RENDERER_DIR): Promise<BuiltRenderer> {
  const dir = resolve(ROOT, outDir);
  return withLock(`${dir}.lock`, async () => {
    const fingerprint = sourceFingerprint();
    const stampFile = join(dir, STAMP);
    if (existsSync(stampFile)) {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { fingerprint: string; report: BuildReport };
      if (stamp.fingerprint === fingerprint && existsSync(join(dir, 'index.html'))) return { dir, report: stamp.report, built: false };
    }
    const report = await buildRenderer({ outDir });
    writeFileSync(stampFile, JSON.stringify({ fingerprint, report }));
    return { dir, report, built: true };
  });
}

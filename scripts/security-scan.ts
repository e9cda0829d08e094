/**
 * The static security scan of the Electron shell, offline:
 *
 *   npm run security      (npx tsx scripts/security-scan.ts [--verbose])
 *
 * 1. @doyensec/electronegativity over src-main/shell, through its programmatic API. Its CLI is not
 *    usable here: it fetches translations and Electron's release list over the network, and
 *    without one it crashes (an unhandled got retry) sometimes before, sometimes after writing its
 *    report. So its HTTP client (`got`) is replaced by one that answers at once without the
 *    network (disableNetwork), and the one check that needs the release list (AvailableSecurityFixes:
 *    is this Electron the latest patch?) is left out; `npm outdated electron` answers that online.
 * 2. The renderer's real CSP (src-main/shell/csp.ts), evaluated with the same CSP evaluator that
 *    electronegativity uses. Electronegativity itself can only find a CSP in an HTML meta tag or a
 *    webRequest header literal, not in our protocol handler's headers.
 *
 * Every finding must be explained in ALLOWED below; an unexplained finding, a file the scanner
 * could not parse, or an explanation that no longer matches any finding fails the scan (exit 1),
 * so the list stays exactly as long as the truth.
 */
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CSP } from '../src-main/shell/csp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = join(ROOT, 'src-main/shell');
/** The Electron the shell is built against: the installed package (its types; the binary is absent here). */
const ELECTRON_VERSION = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

interface Finding {
  id: string;
  /** Relative to src-main/shell ('N/A' for a global finding). */
  file: string;
  where: string;
  severity: string;
  description: string;
}

/**
 * The findings we accept, each with the reason. `file` is relative to src-main/shell, or 'N/A'
 * for electronegativity's global checks. Matching is by check and file, not line, so an edit
 * above a finding does not invalidate its explanation.
 */
const ALLOWED: Array<{ id: string; file: string; why: string }> = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'window.ts',
    why:
      'The check looks for `contextIsolation` in an object literal inside `new BrowserWindow({...})`. ' +
      'Ours come from secureWebPreferences() (web-preferences.ts: contextIsolation true), which the ' +
      'scanner cannot follow; web-preferences.test.ts asserts the value.',
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'window.ts',
    why:
      'Same as above for `sandbox: true` (web-preferences.ts, tested). main.ts also calls ' +
      'app.enableSandbox() before ready, which sandboxes every renderer whatever its options.',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'window.ts',
    why:
      "The check asks for disableBlinkFeatures: 'Auxclick' so a middle click cannot open a link in a " +
      'new window. In this shell every new window is refused (setWindowOpenHandler → deny, and ' +
      'guardAllContents for any other webContents) and navigation away from app://kiosk is refused ' +
      '(navigation.ts, tested), so a middle click has nowhere to go.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    why:
      '"No CSP": electronegativity finds a CSP only in HTML meta tags or webRequest header literals. ' +
      "Ours is sent on every app:// answer by the protocol handler (protocol.ts → csp.ts) and is " +
      'evaluated below by the CSP evaluator instead.',
  },
  {
    id: "CSP:script-src 'self'",
    file: 'csp.ts',
    why:
      "The evaluator's generic caution (\"'self' can be problematic if you host JSONP, Angular or user " +
      "uploaded files\"). 'self' is app://kiosk, which serves only the files of our own renderer " +
      'build (dist/renderer, read-only inside the asar): no JSONP endpoint, no uploads, no Angular.',
  },
];

/** Tests are not shipped, and hold hostile inputs on purpose (foreign origins, bad URLs). */
const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file);

interface ElectronegativityIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  description: string;
}
type Run = (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ errors: Array<{ file: string; message: string; tolerable: boolean }>; issues: ElectronegativityIssue[] }>;

/**
 * Answers every HTTP request of electronegativity at once, without the network: the translation
 * download gets a 503 (it then uses its bundled English, quietly) and anything else fails.
 */
function disableNetwork(requireFrom: NodeJS.Require): void {
  const path = requireFrom.resolve('got');
  const unavailable = () => Promise.resolve({ statusCode: 503, body: '', headers: {} });
  const offline = (): Promise<never> => Promise.reject(new Error('network disabled by scripts/security-scan.ts'));
  const got = Object.assign(unavailable, { head: offline, __esModule: true, default: unavailable });
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = got;
  requireFrom.cache[path] = stub;
}

async function electronegativity(): Promise<{ findings: Finding[]; failures: string[] }> {
  const runnerPath = createRequire(import.meta.url).resolve('@doyensec/electronegativity');
  const req = createRequire(runnerPath);
  disableNetwork(req);
  const run = req(runnerPath) as Run;
  const result = await run(
    {
      input: SCANNED,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      electronVersionOverride: ELECTRON_VERSION,
      isRelative: true,
      parserPlugins: [],
    },
    false,
  );
  return {
    findings: result.issues.map((i) => ({
      id: i.id,
      file: i.file,
      where: `${i.file}:${i.location.line}:${i.location.column}`,
      severity: i.severity.name,
      description: i.description,
    })),
    // A file the scanner could not parse is code nobody checked.
    failures: result.errors.filter((e) => !e.tolerable).map((e) => `cannot parse ${e.file}: ${e.message}`),
  };
}

interface CspFinding {
  severity: number;
  directive: string;
  value?: string;
  description: string;
}
interface CspEvaluatorModule {
  CspParser: new (csp: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
}

/** Everything the evaluator rates above INFO (HIGH … MEDIUM_MAYBE, syntax errors, strict-CSP advice). */
function cspFindings(): Finding[] {
  const req = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));
  const csp = req('@doyensec/csp-evaluator') as CspEvaluatorModule;
  const names = Object.fromEntries(Object.entries(csp.severities).map(([k, v]) => [v, k]));
  const info = csp.severities['INFO'] ?? 60;
  return new csp.CspEvaluator(new csp.CspParser(APP_CSP).csp, csp.Version.CSP3)
    .evaluate()
    .filter((f) => f.severity < info)
    .map((f) => ({
      id: `CSP:${f.directive}${f.value ? ` ${f.value}` : ''}`,
      file: 'csp.ts',
      where: 'csp.ts (APP_CSP)',
      severity: names[f.severity] ?? String(f.severity),
      description: f.description,
    }));
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  const scan = await electronegativity();
  const findings = [...scan.findings, ...cspFindings()].filter((f) => !isTest(f.file));
  const allowed = (f: Finding) => ALLOWED.find((a) => a.id === f.id && a.file === f.file);
  const unexplained = findings.filter((f) => !allowed(f));
  const stale = ALLOWED.filter((a) => !findings.some((f) => f.id === a.id && f.file === a.file));

  console.log(`security scan of src-main/shell (Electron ${ELECTRON_VERSION}): ${findings.length} finding(s)`);
  for (const f of findings) {
    const reason = allowed(f);
    console.log(`  ${reason ? 'explained  ' : 'UNEXPLAINED'} ${f.severity.padEnd(12)} ${f.id}  ${f.where}`);
    if (!reason || verbose) console.log(`      ${f.description}`);
    if (reason && verbose) console.log(`      why accepted: ${reason.why}`);
  }
  for (const failure of scan.failures) console.log(`  FAILED      ${failure}`);
  for (const a of stale) console.log(`  STALE       ${a.id} in ${a.file}: no such finding any more; remove it from ALLOWED`);

  const bad = unexplained.length + scan.failures.length + stale.length;
  if (bad > 0) {
    console.log(`\n${bad} problem(s): explain each new finding in ALLOWED (scripts/security-scan.ts) or fix the code.`);
    return 1;
  }
  console.log('every finding is explained');
  return 0;
}

process.exitCode = await main();

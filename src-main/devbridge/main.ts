/**
 * Development only: opens a kiosk core and serves it over the dev bridge, so the renderer can run
 * in a browser against the real store.
 *
 *   npx tsx src-main/devbridge/main.ts [--data DIR] [--port N] [--static DIR]
 *
 * KK_BRIDGE_TOKEN (optional) fixes the token, e.g. with a fixed --port under `tsx watch`.
 *
 * A store that is not enrolled gets the demo data, as if a central server had sent it (the same
 * rule as scripts/demo.ts). Stop with Ctrl+C.
 */
import { resolve } from 'node:path';
import { openDevStore, seedDemoUnlessEnrolled } from '../core/demo/dev-store';
import { startDevBridge } from './server';
import { TOKEN_HEADER } from './guard';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const opened = openDevStore(arg('--data') ?? process.env['KK_DATA_DIR'] ?? 'data/devbridge');
if (!opened.ok) {
  console.error(`${opened.error.code}: ${opened.error.message}`);
  process.exit(1);
}
const { core, file } = opened.value;
await seedDemoUnlessEnrolled(core);

const port = Number(arg('--port') ?? 0);
const staticDir = arg('--static') ?? null;
// KK_BRIDGE_TOKEN keeps the token across restarts (tsx watch) so an open tab keeps working.
const token = process.env['KK_BRIDGE_TOKEN'];
const bridge = await startDevBridge({ core, port, staticDir: staticDir && resolve(staticDir), ...(token ? { token } : {}) });

console.log(`Kinerja Kiosk dev bridge — store ${file}`);
console.log(`  url:   ${bridge.url}`);
console.log(`  token: ${bridge.token}`);
console.log(`  commands: POST ${bridge.url}/api/cmd  (header ${TOKEN_HEADER}, body {"name","args"})`);
console.log(`  events:   ${bridge.url.replace(/^http/, 'ws')}/api/events  (subprotocol or ?token=)`);
if (staticDir) console.log(`  kiosk:    ${bridge.url}/#token=${bridge.token}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void bridge.close().finally(async () => {
    await core.ctx.sync.idle();
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

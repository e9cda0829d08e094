import { openWorkstationCore, type WorkstationCoreOptions } from './workstation-core';

/**
 * A workstation in its own process, so a test can kill -9 it mid-push or mid-pull. Commands come
 * over Node IPC: { id, op, ... } → { id, ok, value } | { id, ok: false, error }.
 */
type Request =
  | { id: number; op: 'send'; name: string; args: Record<string, unknown>; token?: string }
  | { id: number; op: 'query'; sql: string; params?: unknown[] }
  | { id: number; op: 'setNow'; iso: string }
  | { id: number; op: 'memory' }
  | { id: number; op: 'close' };

const opts = JSON.parse(process.argv[2] ?? '{}') as WorkstationCoreOptions;
const ws = openWorkstationCore(opts);

process.on('message', (raw) => {
  const m = raw as Request;
  void (async () => {
    try {
      let value: unknown;
      switch (m.op) {
        case 'send':
          value = await ws.core.send(m.name, m.token ? { ...m.args, sessionToken: m.token } : m.args);
          break;
        case 'query':
          value = ws.core.ctx.sqlite.prepare(m.sql).all(...(m.params ?? []));
          break;
        case 'setNow':
          ws.setNow(m.iso);
          value = null;
          break;
        case 'memory':
          value = process.memoryUsage();
          break;
        case 'close':
          await ws.core.ctx.sync.idle();
          ws.close();
          process.send?.({ id: m.id, ok: true, value: null }, () => process.exit(0));
          return;
      }
      process.send?.({ id: m.id, ok: true, value });
    } catch (error) {
      process.send?.({ id: m.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });

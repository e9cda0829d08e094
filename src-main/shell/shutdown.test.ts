import { describe, expect, it } from 'vitest';
import { createShutdown, type ShutdownSteps } from './shutdown';

function recorder(overrides: Partial<ShutdownSteps> = {}) {
  const calls: string[] = [];
  const logs: string[] = [];
  const steps: ShutdownSteps = {
    stopUpdater: () => calls.push('stopUpdater'),
    stopWatches: () => calls.push('stopWatches'),
    stopSync: () => calls.push('stopSync'),
    syncIdle: async () => {
      calls.push('syncIdle:start');
      await new Promise((r) => setTimeout(r, 5));
      calls.push('syncIdle:end');
    },
    closeCore: () => calls.push('closeCore'),
    exit: (code) => calls.push(`exit(${code})`),
    log: (m) => logs.push(m),
    ...overrides,
  };
  return { calls, logs, steps };
}

describe('createShutdown', () => {
  it('stops the updater and watches, waits for the sync attempt, then closes the store, then exits', async () => {
    const { calls, steps } = recorder();
    await createShutdown(steps)();
    expect(calls).toEqual(['stopUpdater', 'stopWatches', 'stopSync', 'syncIdle:start', 'syncIdle:end', 'closeCore', 'exit(0)']);
  });

  it('runs once, however many quit signals arrive', async () => {
    const { calls, steps } = recorder();
    const shutdown = createShutdown(steps);
    const a = shutdown();
    const b = shutdown();
    expect(a).toBe(b);
    await Promise.all([a, b, shutdown()]);
    expect(calls.filter((c) => c === 'closeCore')).toHaveLength(1);
    expect(calls.filter((c) => c === 'exit(0)')).toHaveLength(1);
  });

  it('closes the store anyway when the sync attempt does not finish in time', async () => {
    const { calls, logs, steps } = recorder({ syncIdle: () => new Promise<void>(() => undefined) });
    await createShutdown(steps, { syncWaitMs: 20 })();
    expect(calls).toEqual(['stopUpdater', 'stopWatches', 'stopSync', 'closeCore', 'exit(0)']);
    expect(logs.join('\n')).toMatch(/did not finish in time/);
  });

  it('goes on past a step that throws, so the store is still closed', async () => {
    const { calls, logs, steps } = recorder({
      stopUpdater: () => {
        throw new Error('updater stuck');
      },
      syncIdle: () => Promise.reject(new Error('boom')),
    });
    await createShutdown(steps)();
    expect(calls).toEqual(['stopWatches', 'stopSync', 'closeCore', 'exit(0)']);
    expect(logs).toHaveLength(2);
  });
});

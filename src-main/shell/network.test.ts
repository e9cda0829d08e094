import { afterEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_POLL_MS, networkReport, startNetworkWatch } from './network';

describe('networkReport', () => {
  it.each([
    [null, true, null],
    [null, false, false],
    [true, true, null],
    [false, false, null],
    [true, false, false],
    [false, true, true],
  ] as const)('%s → %s reports %s', (previous, now, report) => {
    expect(networkReport(previous, now)).toBe(report);
  });
});

describe('startNetworkWatch', () => {
  afterEach(() => vi.useRealTimers());

  it('polls every 10 s and reports each change once', () => {
    vi.useFakeTimers();
    const states = [true, true, false, false, false, true, true];
    let i = 0;
    const reports: boolean[] = [];
    const stop = startNetworkWatch({ isOnline: () => states[Math.min(i++, states.length - 1)]!, onChange: (o) => reports.push(o) });
    vi.advanceTimersByTime(NETWORK_POLL_MS * 6);
    expect(reports).toEqual([false, true]);
    stop();
    vi.advanceTimersByTime(NETWORK_POLL_MS * 5);
    expect(i).toBe(7);
  });

  it('reports offline at once when the PC starts without a network', () => {
    vi.useFakeTimers();
    const reports: boolean[] = [];
    const stop = startNetworkWatch({ isOnline: () => false, onChange: (o) => reports.push(o) });
    expect(reports).toEqual([false]);
    stop();
  });
});

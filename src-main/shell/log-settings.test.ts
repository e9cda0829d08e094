import { describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, logSettings } from './log-settings';

describe('logSettings', () => {
  it('packaged: info and up to a rotated file of about 5 MB, no console, nothing sent to the renderer', () => {
    expect(logSettings(true)).toEqual({ fileLevel: 'info', maxSize: LOG_MAX_BYTES, consoleLevel: false, ipcLevel: false });
    expect(LOG_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it('development: the same file, plus debug lines on the console', () => {
    expect(logSettings(false)).toMatchObject({ fileLevel: 'info', consoleLevel: 'debug', ipcLevel: false });
  });
});

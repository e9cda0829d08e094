import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src-shared/demo';
import { makeTestCore, type TestCore } from '../core/test-support';
import { endIdleSession, hasSession, idleLimitSeconds } from './idle';

describe('the OS idle watch ending a session', () => {
  let t: TestCore;
  beforeEach(async () => (t = await makeTestCore()));
  afterEach(() => t.close());

  it('ends the current session as an idle logout: event, audit, token no longer valid', async () => {
    const token = await t.login(DEMO_PEOPLE.staff[0]);
    const events: unknown[] = [];
    t.core.on('session-ended', (p) => events.push(p));
    expect(hasSession(t.core.ctx)).toBe(true);
    expect(idleLimitSeconds(t.core.ctx)).toBeGreaterThan(0);

    expect(endIdleSession(t.core.ctx)).toBe(true);
    expect(events).toEqual([{ reason: 'idle' }]);
    expect(hasSession(t.core.ctx)).toBe(false);
    const r = await t.send('kiosk-session', {}, token);
    expect(r.ok ? null : r.error.code).toBe('SESSION_REQUIRED');
    const audit = t.core.ctx.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'kiosk.logout' ORDER BY rowid DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toEqual({ reason: 'idle' });
  });

  it('does nothing when no one is logged in', () => {
    const events: unknown[] = [];
    t.core.on('session-ended', (p) => events.push(p));
    expect(endIdleSession(t.core.ctx)).toBe(false);
    expect(events).toEqual([]);
    expect(idleLimitSeconds(t.core.ctx)).toBe(60);
  });
});

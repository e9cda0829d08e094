import { describe, expect, it } from 'vitest';
// The renderer transport's session rules, beside the bridge tests that drive them end to end.
import { SessionKeeper } from '../../src-renderer/transport/session';

describe('the transport’s session keeper, events out of order', () => {
  // Over two connections the previous person's session-ended may arrive after the next login's
  // answer; the sequence number says which session it was about. Driven directly, because the
  // real socket nearly always delivers it first.
  const login = (keeper: SessionKeeper, token: string, seq: number) => {
    const { ticket } = keeper.prepare('kiosk-login', { nip: '1', pin: '1' });
    return keeper.settle(ticket, { ok: true, value: { token } }, seq);
  };
  const wireToken = (keeper: SessionKeeper) =>
    (keeper.prepare('entry-list', { month: '2026-11' }).wire as { sessionToken?: string }).sessionToken;

  it('a late session-ended about the previous person leaves the new one logged in; a later one ends it', () => {
    const keeper = new SessionKeeper();
    expect(login(keeper, 'siti', 3)).toEqual({ ok: true, value: { token: '' } });
    expect(login(keeper, 'yohanes', 7)).toEqual({ ok: true, value: { token: '' } });
    // Siti's, pushed before Yohanes's login was answered: not for the screens either.
    expect(keeper.ended(6)).toBe(false);
    expect(wireToken(keeper)).toBe('yohanes');
    expect(keeper.ended(8)).toBe(true);
    expect(wireToken(keeper)).toBeUndefined();
  });

  it('a login answered after a logout does not bring a session back', () => {
    const keeper = new SessionKeeper();
    const { ticket } = keeper.prepare('kiosk-login', { nip: '1', pin: '1' });
    keeper.prepare('kiosk-logout', {});
    keeper.settle(ticket, { ok: true, value: { token: 'siti' } }, 2);
    expect(wireToken(keeper)).toBeUndefined();
  });

  it('status polls do not carry the token (the core’s idle backstop must still expire a forgotten session)', () => {
    const keeper = new SessionKeeper();
    login(keeper, 'siti', 1);
    expect(keeper.prepare('workstation-status', {}).wire).toEqual({});
    expect(keeper.prepare('workstation-enroll', { serverUrl: 'x', enrollmentCode: 'y', name: 'z' }).wire).toMatchObject({ sessionToken: 'siti' });
  });
});

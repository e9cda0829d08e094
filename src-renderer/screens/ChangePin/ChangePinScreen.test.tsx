import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectNoAxeViolations } from '../../test/axe';
import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../src-shared/api';
import { SessionContext } from '../../app/context';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { ChangePinScreen } from './ChangePinScreen';

// Dimas (demo set) has never logged in: his initial PIN must be replaced first.
const DIMAS = { ...sessionInfo().employee, id: 'de30e000-0000-4000-8000-000000000008', nip: '199604102022211004', name: 'Dimas Arya Pratama, A.Md.', positionTitle: 'Pengelola Layanan Operasional' };
const FORCED = sessionInfo({ employee: DIMAS, mustChangePin: true });
const CHANGED = sessionInfo({ employee: DIMAS, mustChangePin: false });

function setup(script: Script = {}) {
  const api = fakeApi({
    'kiosk-staff-list': () => okv({ showList: true, pinLength: 6, idleSeconds: 60, staff: [] }),
    'kiosk-change-pin': () => okv({ changed: true as const }),
    'kiosk-session': () => okv(CHANGED),
    ...script,
  });
  const changed: SessionInfo[] = [];
  const logout = vi.fn();
  // Our own session value: the logout is what "Batal / Keluar" must call.
  const view = renderScreen(
    <SessionContext.Provider value={{ info: FORCED, logout }}>
      <ChangePinScreen onChanged={(i) => changed.push(i)} />
    </SessionContext.Provider>,
    { api, session: FORCED },
  );
  return { api, changed, view, logout };
}

const field = (name: RegExp) => screen.findByLabelText(name);

describe('ChangePinScreen', () => {
  it('explains why, then takes the new PIN twice and saves it', async () => {
    const user = userEvent.setup();
    const { api, changed, view } = setup();
    expect(await screen.findByText('Ini pertama kali Anda masuk. Ganti PIN awal dari operator dengan PIN pilihan Anda.')).toBeTruthy();
    const first = await field(/^PIN baru/);
    expect(document.activeElement).toBe(first);
    await expectNoAxeViolations(view.container);

    await user.keyboard('285714{Enter}');
    expect(await field(/^Ulangi PIN baru/)).toBe(document.activeElement);
    for (const d of '285714') await user.click(screen.getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: 'Simpan PIN' }));

    expect(api.callsOf('kiosk-change-pin')).toEqual([{ newPin: '285714' }]);
    await vi.waitFor(() => expect(changed).toEqual([CHANGED]));
    expect(api.callsOf('kiosk-session')).toHaveLength(1);
  });

  it('refuses an easy PIN at the first step, before it is typed twice', async () => {
    const user = userEvent.setup();
    const { api } = setup();
    await field(/^PIN baru/);
    await user.keyboard('123456{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('PIN terlalu mudah ditebak');
    expect(((await field(/^PIN baru/)) as HTMLInputElement).value).toBe('');
    expect(api.callsOf('kiosk-change-pin')).toHaveLength(0);
  });

  it('says so when the two PINs differ, and starts again', async () => {
    const user = userEvent.setup();
    const { api } = setup();
    await field(/^PIN baru/);
    await user.keyboard('285714{Enter}');
    await field(/^Ulangi PIN baru/);
    await user.keyboard('285741{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('PIN kedua tidak sama dengan yang pertama. Silakan ulangi dari awal.');
    expect(((await field(/^PIN baru/)) as HTMLInputElement).value).toBe('');
    expect(api.callsOf('kiosk-change-pin')).toHaveLength(0);
  });

  it("shows the core's refusal (the initial PIN again) and goes back to the first step", async () => {
    const user = userEvent.setup();
    const { changed } = setup({ 'kiosk-change-pin': () => failv('PIN_SAME_AS_OLD', undefined, 'newPin') });
    await field(/^PIN baru/);
    await user.keyboard('111112{Enter}');
    await field(/^Ulangi PIN baru/);
    await user.keyboard('111112{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('PIN baru harus berbeda dari PIN lama.');
    expect(await field(/^PIN baru/)).toBe(document.activeElement);
    expect(changed).toEqual([]);
  });

  it('shows a weak-PIN refusal from the core too', async () => {
    const user = userEvent.setup();
    setup({ 'kiosk-change-pin': () => failv('PIN_TOO_WEAK', { length: 6 }, 'newPin') });
    await field(/^PIN baru/);
    await user.keyboard('142857{Enter}');
    await field(/^Ulangi PIN baru/);
    await user.keyboard('142857{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('PIN terlalu mudah ditebak');
  });

  it('when the app did not answer, asks the session whether the PIN was changed after all', async () => {
    const user = userEvent.setup();
    const { changed } = setup({ 'kiosk-change-pin': () => failv('APP_UNREACHABLE') });
    await field(/^PIN baru/);
    await user.keyboard('285714{Enter}');
    await field(/^Ulangi PIN baru/);
    await user.keyboard('285714{Enter}');
    await vi.waitFor(() => expect(changed).toEqual([CHANGED]));
  });

  it('shows APP_UNREACHABLE when the session says the PIN is still the initial one', async () => {
    const user = userEvent.setup();
    const { changed } = setup({ 'kiosk-change-pin': () => failv('APP_UNREACHABLE'), 'kiosk-session': () => okv(FORCED) });
    await field(/^PIN baru/);
    await user.keyboard('285714{Enter}');
    await field(/^Ulangi PIN baru/);
    await user.keyboard('285714{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Aplikasi tidak menjawab');
    expect(changed).toEqual([]);
  });

  it('Kembali from the second step returns to the first; Batal / Keluar logs out', async () => {
    const user = userEvent.setup();
    const { logout } = setup();
    await field(/^PIN baru/);
    await user.keyboard('285714{Enter}');
    await field(/^Ulangi PIN baru/);
    await user.click(screen.getByRole('button', { name: 'Kembali' }));
    expect(await field(/^PIN baru/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Batal / Keluar' }));
    expect(logout).toHaveBeenCalledTimes(1);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { OperatorScreen } from './OperatorScreen';
import { OPERATOR, operatorApi, settings } from './test-fixtures';

function setup(over: Script = {}) {
  const api = operatorApi(over);
  const view = renderScreen(<OperatorScreen tab="settings" />, { api, session: OPERATOR });
  return { api, view, user: userEvent.setup() };
}

const form = (name: string) => screen.findByRole('form', { name });
/** The error text an input points at (aria-describedby), or null. */
const errorOf = (input: HTMLElement) => {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((i) => i.endsWith('-error'));
  return ids.length ? (document.getElementById(ids[0]!)?.textContent ?? null) : null;
};

describe('Operator: Pengaturan', () => {
  it('shows the PC settings as stored', async () => {
    setup({ 'settings-get': () => okv(settings({ syncIntervalMinutes: 10, idleLogoutSeconds: 90, language: 'en', kioskMode: false, backupKeep: 14 })) });
    expect(((await screen.findByRole('textbox', { name: 'Jarak pengiriman otomatis (menit)' })) as HTMLInputElement).value).toBe('10');
    expect((screen.getByRole('radio', { name: 'Atur untuk PC ini' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Lama tidak dipakai (detik)') as HTMLInputElement).value).toBe('90');
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Mati' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Jumlah cadangan harian yang disimpan' }) as HTMLInputElement).value).toBe('14');
    expect(screen.getByText(/Berlaku seketika di aplikasi/)).toBeTruthy();
  });

  it('saves the sync interval on its own and says so', async () => {
    const { api, user, view } = setup();
    const box = await form('Jarak pengiriman otomatis (menit)');
    const input = within(box).getByLabelText('Jarak pengiriman otomatis (menit)');
    await user.clear(input);
    await user.type(input, '15');
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect(api.callsOf('settings-set')).toEqual([{ key: 'syncIntervalMinutes', value: 15 }]);
    expect(await within(box).findByText('Tersimpan.')).toBeTruthy();
    await expectNoAxeViolations(view.container);
    // Typing again: the "saved" line no longer describes what is in the box.
    await user.type(input, '0');
    expect(within(box).queryByText('Tersimpan.')).toBeNull();
  });

  it('shows a refused value at its field, in words with the allowed range', async () => {
    const { api, user, view } = setup({ 'settings-set': () => failv('VALIDATION', { field: 'value', detail: 'too big' }, 'value') });
    const box = await form('Jarak pengiriman otomatis (menit)');
    const input = within(box).getByLabelText('Jarak pengiriman otomatis (menit)');
    await user.clear(input);
    await user.type(input, '5000');
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    await expect.poll(() => errorOf(input)).toBe('Isi angka bulat dari 1 sampai 1440.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(within(box).queryByText('Tersimpan.')).toBeNull();
    await expectNoAxeViolations(view.container);

    // Not a number at all: sent as typed, for the core to refuse (it owns the rule).
    await user.clear(input);
    await user.type(input, 'lima');
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect(api.callsOf('settings-set').at(-1)).toEqual({ key: 'syncIntervalMinutes', value: 'lima' });
  });

  it('shows any other refusal as it comes (an operator whose session ended)', async () => {
    const { user } = setup({ 'settings-set': () => failv('SESSION_REQUIRED') });
    const box = await form('Jumlah cadangan harian yang disimpan');
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect((await within(box).findByRole('alert')).textContent).toContain('Sesi Anda sudah berakhir');
  });

  it('sets the idle logout for this PC, or back to the unit policy', async () => {
    const { api, user } = setup();
    const box = await form('Keluar otomatis jika tidak dipakai');
    expect(within(box).queryByLabelText('Lama tidak dipakai (detik)')).toBeNull();
    await user.click(within(box).getByRole('radio', { name: 'Atur untuk PC ini' }));
    await user.type(within(box).getByLabelText('Lama tidak dipakai (detik)'), '120');
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect(await within(box).findByText('Tersimpan.')).toBeTruthy();
    await user.click(within(box).getByRole('radio', { name: 'Ikuti kebijakan unit' }));
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect(api.callsOf('settings-set')).toEqual([
      { key: 'idleLogoutSeconds', value: 120 },
      { key: 'idleLogoutSeconds', value: null },
    ]);
  });

  it('refuses too short an idle time at the seconds field', async () => {
    const { user } = setup({ 'settings-set': () => failv('VALIDATION', { field: 'value', detail: 'min 15' }, 'value') });
    const box = await form('Keluar otomatis jika tidak dipakai');
    await user.click(within(box).getByRole('radio', { name: 'Atur untuk PC ini' }));
    const seconds = within(box).getByLabelText('Lama tidak dipakai (detik)');
    await user.type(seconds, '5');
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    await expect.poll(() => errorOf(seconds)).toBe('Isi angka bulat dari 15 sampai 3600.');
  });

  it('switches the language: saved for the PC, and this screen follows at once', async () => {
    const { api, user } = setup();
    const box = await form('Bahasa PC ini');
    await user.click(within(box).getByRole('radio', { name: 'English' }));
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect(api.callsOf('settings-set')).toEqual([{ key: 'language', value: 'en' }]);
    expect(await screen.findByRole('form', { name: 'Language of this PC' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Settings' })).toBeTruthy();
  });

  it('turns kiosk mode off', async () => {
    const { api, user } = setup();
    const box = await form('Mode kios (layar penuh)');
    await user.click(within(box).getByRole('radio', { name: 'Mati' }));
    await user.click(within(box).getByRole('button', { name: 'Simpan' }));
    expect(api.callsOf('settings-set')).toEqual([{ key: 'kioskMode', value: false }]);
    expect(await within(box).findByText('Tersimpan.')).toBeTruthy();
  });

  it('says when the settings cannot be read, and tries again', async () => {
    const { api, user } = setup({ 'settings-get': () => failv('APP_UNREACHABLE') });
    expect(await screen.findByText('Pengaturan belum dapat dimuat.')).toBeTruthy();
    api.script({ 'settings-get': () => okv(settings()) });
    await user.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('textbox', { name: 'Jarak pengiriman otomatis (menit)' })).toBeTruthy();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { OperatorScreen, type OperatorTab } from './OperatorScreen';
import { OPERATOR, operatorApi, SERVER, syncStatus, WORKSTATION } from './test-fixtures';

const NEW_ID = '0190a3f0-0000-7000-8000-0000000000w2';

function setup(tab: OperatorTab, over: Script = {}, lang: 'id' | 'en' = 'id') {
  const api = operatorApi({
    'workstation-enroll': () => okv({ workstationId: NEW_ID, unitId: 'unit-1', status: syncStatus({ workstationId: NEW_ID }) }),
    'app-quit': () => okv({ quitting: true }),
    ...over,
  });
  // In <main> as in the app: axe checks the whole page (the dialog is outside the container).
  const view = renderScreen(
    <main>
      <OperatorScreen tab={tab} />
    </main>,
    { api, session: OPERATOR, lang },
  );
  return { api, view, user: userEvent.setup() };
}

const errorOf = (input: HTMLElement) => {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((i) => i.endsWith('-error'));
  return ids.length ? (document.getElementById(ids[0]!)?.textContent ?? null) : null;
};

describe('Operator: Daftar ulang', () => {
  it('starts from the current address and says where the PC is registered now', async () => {
    setup('reenroll');
    expect(((await screen.findByLabelText('Alamat server')) as HTMLInputElement).value).toBe(SERVER);
    expect(screen.getByText(`Sekarang terdaftar di ${SERVER} sebagai PC ${WORKSTATION}.`)).toBeTruthy();
  });

  it('asks before replacing the token; Batal sends nothing', async () => {
    const { api, user, view } = setup('reenroll');
    await user.type(await screen.findByLabelText('Kode pendaftaran'), 'K7P2-9QX4');
    await user.type(screen.getByLabelText('Nama PC'), 'PC Bagian Organisasi 1');
    const send = screen.getByRole('button', { name: 'Daftarkan PC ini' });
    await user.click(send);
    const dialog = screen.getByRole('dialog', { name: 'Ganti pendaftaran PC ini?' });
    expect(dialog.textContent).toContain('Kunci (token) PC ini akan diganti');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Batal' }));
    await expectNoAxeViolations(document.body);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(send);
    expect(api.callsOf('workstation-enroll')).toEqual([]);
    await expectNoAxeViolations(view.container);
  });

  it('re-enrols once confirmed and says so', async () => {
    const { api, user } = setup('reenroll');
    await user.type(await screen.findByLabelText('Kode pendaftaran'), 'K7P2-9QX4');
    await user.type(screen.getByLabelText('Nama PC'), 'PC Bagian Organisasi 1');
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    await user.click(screen.getByRole('button', { name: 'Ya, daftarkan ulang' }));
    expect(api.callsOf('workstation-enroll')).toEqual([{ serverUrl: SERVER, enrollmentCode: 'K7P2-9QX4', name: 'PC Bagian Organisasi 1' }]);
    expect(await screen.findByText(`PC ini sudah didaftarkan ulang (ID PC ${NEW_ID}).`)).toBeTruthy();
    expect(screen.getByText(`Sekarang terdaftar di ${SERVER} sebagai PC ${NEW_ID}.`)).toBeTruthy();
  });

  it('shows a refused code at the code field', async () => {
    const { user } = setup('reenroll', { 'workstation-enroll': () => failv('ENROLLMENT_CODE_INVALID', undefined, 'enrollmentCode') });
    const code = await screen.findByLabelText('Kode pendaftaran');
    await user.type(code, 'LAMA');
    await user.type(screen.getByLabelText('Nama PC'), 'PC 1');
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    await user.click(screen.getByRole('button', { name: 'Ya, daftarkan ulang' }));
    await expect.poll(() => errorOf(code)).toMatch(/^Kode pendaftaran salah/);
    expect(screen.queryByText(/sudah didaftarkan ulang/)).toBeNull();
  });
});

describe('Operator: Keluar', () => {
  it('asks first; Batal keeps the app open', async () => {
    const { api, user } = setup('quit');
    await user.click(screen.getByRole('button', { name: 'Keluar dari aplikasi' }));
    const dialog = screen.getByRole('dialog', { name: 'Keluar dari aplikasi?' });
    await expectNoAxeViolations(document.body);
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsOf('app-quit')).toEqual([]);
  });

  it('quits once confirmed', async () => {
    const { api, user } = setup('quit');
    await user.click(screen.getByRole('button', { name: 'Keluar dari aplikasi' }));
    await user.click(screen.getByRole('button', { name: 'Ya, keluar' }));
    expect(api.callsOf('app-quit')).toEqual([{}]);
    expect(await screen.findByText('Aplikasi sedang ditutup…')).toBeTruthy();
    // A second press while closing does nothing.
    await user.click(screen.getByRole('button', { name: 'Keluar dari aplikasi' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so where the app cannot quit (development mode)', async () => {
    const { user, view } = setup('quit', { 'app-quit': () => okv({ quitting: false }) });
    await user.click(screen.getByRole('button', { name: 'Keluar dari aplikasi' }));
    await user.click(screen.getByRole('button', { name: 'Ya, keluar' }));
    expect(await screen.findByText('Aplikasi tidak dapat ditutup dari sini (mode pengembangan).')).toBeTruthy();
    await expectNoAxeViolations(view.container);
  });

  it('shows a refusal as it comes', async () => {
    const { user } = setup('quit', { 'app-quit': () => failv('FORBIDDEN') });
    await user.click(screen.getByRole('button', { name: 'Keluar dari aplikasi' }));
    await user.click(screen.getByRole('button', { name: 'Ya, keluar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berhak');
  });

  it('renders in English', async () => {
    const { user } = setup('quit', { 'app-quit': () => okv({ quitting: false }) }, 'en');
    await user.click(screen.getByRole('button', { name: 'Quit the app' }));
    await user.click(screen.getByRole('button', { name: 'Yes, quit' }));
    expect(await screen.findByText('The app cannot be closed from here (development mode).')).toBeTruthy();
  });
});

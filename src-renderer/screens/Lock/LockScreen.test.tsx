import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectNoAxeViolations as noAxeViolations } from '../../test/axe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandResult, SessionInfo } from '../../../src-shared/api';
import { DEMO_UNIT } from '../../../src-shared/demo/unit';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { LockScreen } from './LockScreen';

type Staff = CommandResult<'kiosk-staff-list'>['staff'][number];

const card = (id: string, nip: string, name: string, positionTitle: string, initials: string, lockedUntil: string | null = null): Staff => ({
  id,
  nip,
  nipFormatted: `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`,
  name,
  positionTitle,
  initials,
  lockedUntil,
});

// Fictional people of the demo set (src-shared/demo/employees.ts).
const SITI = card('de30e000-0000-4000-8000-000000000005', '199206182019032007', 'Siti Aminah Zahro, S.Psi.', 'Analis SDM Aparatur Ahli Pertama', 'SZ');
const YOHANES = card('de30e000-0000-4000-8000-000000000006', '199409022020011005', 'Yohanes Kristianto Wibowo, S.Kom.', 'Pranata Komputer Ahli Pertama', 'YW');
const RAHMAWATI = card('de30e000-0000-4000-8000-000000000007', '198901272011012003', 'Rahmawati Lubis, A.Md.', 'Pengadministrasi Perkantoran', 'RL');

const appStatus = (over: Partial<CommandResult<'app-status'>> = {}): CommandResult<'app-status'> => ({
  schemaVersion: 7,
  clientId: '0190a3f0-0000-7000-8000-0000000000c1',
  enrolled: true,
  unitName: DEMO_UNIT.name,
  restored: null,
  integrityWarning: null,
  pendingMutations: 0,
  ...over,
});

function setup(script: Script = {}, staff: Staff[] = [SITI, YOHANES, RAHMAWATI], showList = true) {
  const api = fakeApi({
    'app-status': () => okv(appStatus()),
    'kiosk-staff-list': () => okv({ showList, pinLength: 6, idleSeconds: 60, staff: showList ? staff : [] }),
    ...script,
  });
  const loggedIn: SessionInfo[] = [];
  const view = renderScreen(<LockScreen onLoggedIn={(i) => loggedIn.push(i)} />, { api, session: false });
  return { api, loggedIn, view };
}

const pinField = () => screen.getByLabelText('PIN (6 angka)') as HTMLInputElement;

describe('LockScreen: the staff list', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the unit as the heading and each person as a card with initials, position and grouped NIP', async () => {
    const { view } = setup();
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_UNIT.name })).toBeTruthy();
    const siti = await screen.findByRole('button', { name: /Siti Aminah Zahro/ });
    expect(siti.textContent).toContain('SZ');
    expect(siti.textContent).toContain('Analis SDM Aparatur Ahli Pertama');
    expect(siti.textContent).toContain('NIP 19920618 201903 2 007');
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('3 pegawai');
    await noAxeViolations(view.container);
  });

  it('filters by name or by NIP typed with spaces, and says when nobody matches', async () => {
    const user = userEvent.setup();
    setup();
    const search = await screen.findByLabelText('Cari nama atau NIP');
    await user.type(search, 'rahma');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /Rahmawati Lubis/ })).toBeTruthy();

    await user.clear(search);
    await user.type(search, '19940902 2020');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('Yohanes')]);

    await user.clear(search);
    await user.type(search, 'Budi');
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('Tidak ada pegawai yang cocok dengan “Budi”.')).toBeTruthy();
  });

  it('marks a locked person with the time the lock ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 9, 40));
    const locked = { ...YOHANES, lockedUntil: new Date(2026, 10, 25, 9, 45).toISOString() };
    setup({}, [SITI, locked]);
    const yohanes = await screen.findByRole('button', { name: /Yohanes/ });
    expect(yohanes.textContent).toContain('Terkunci sampai 09:45');
    expect(screen.getByRole('button', { name: /Siti/ }).textContent).not.toContain('Terkunci');
  });

  it('sets up a PC that is not registered yet, then shows the staff the first pull brought', async () => {
    const user = userEvent.setup();
    const { api } = setup({ 'app-status': () => okv(appStatus({ enrolled: false, unitName: null })) }, []);
    expect(await screen.findByRole('heading', { level: 1, name: 'Siapkan PC ini' })).toBeTruthy();
    expect(screen.queryByLabelText('Cari nama atau NIP')).toBeNull();

    // The core runs the first pull before it answers: the reload finds the PC enrolled, with staff.
    api.script({
      'workstation-enroll': () => {
        api.script({
          'app-status': () => okv(appStatus()),
          'kiosk-staff-list': () => okv({ showList: true, pinLength: 6, idleSeconds: 60, staff: [SITI] }),
        });
        return okv({
          workstationId: 'ws-1',
          unitId: 'unit-1',
          status: {
            enrolled: true, serverUrl: 'https://kinerja.probolinggokota.go.id', workstationId: 'ws-1', online: true, running: false,
            pending: 0, lastSuccessAt: '2026-11-25T02:40:00.000Z', lastError: null, nextAttemptAt: null, blocked: null,
          },
        });
      },
    });
    await user.type(screen.getByLabelText('Alamat server'), 'https://kinerja.probolinggokota.go.id');
    await user.type(screen.getByLabelText('Kode pendaftaran'), 'K7P2-9QX4');
    await user.type(screen.getByLabelText('Nama PC'), 'PC Bagian Organisasi 1');
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    expect(await screen.findByRole('button', { name: /Siti Aminah Zahro/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: DEMO_UNIT.name })).toBeTruthy();
  });

  it('says there are no staff yet, and shows them once a sync brought them', async () => {
    const { api } = setup({}, []);
    expect(await screen.findByText(/Belum ada data pegawai/)).toBeTruthy();
    api.script({ 'kiosk-staff-list': () => okv({ showList: true, pinLength: 6, idleSeconds: 60, staff: [SITI] }) });
    await act(async () => {
      api.emit('sync-status', {
        enrolled: true, serverUrl: 'https://ekinerja.probolinggokota.go.id', workstationId: 'ws-1', online: true, running: false,
        pending: 0, lastSuccessAt: '2026-11-25T02:40:00.000Z', lastError: null, nextAttemptAt: null, blocked: null,
      });
    });
    expect(await screen.findByRole('button', { name: /Siti Aminah Zahro/ })).toBeTruthy();
  });

  it('shows a refusal to load and a way to try again', async () => {
    const user = userEvent.setup();
    const { api } = setup({ 'kiosk-staff-list': () => failv('APP_UNREACHABLE') });
    expect((await screen.findByRole('alert')).textContent).toContain('Aplikasi tidak menjawab');
    api.script({ 'kiosk-staff-list': () => okv({ showList: true, pinLength: 6, idleSeconds: 60, staff: [SITI] }) });
    await user.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('button', { name: /Siti Aminah Zahro/ })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('LockScreen: the PIN', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the PIN step for the chosen person; keyboard digits and Enter log in', async () => {
    const user = userEvent.setup();
    const info = sessionInfo({ employee: { ...sessionInfo().employee, id: SITI.id, nip: SITI.nip, name: SITI.name } });
    const { api, loggedIn, view } = setup({ 'kiosk-login': () => okv(info) });
    await user.click(await screen.findByRole('button', { name: /Siti Aminah Zahro/ }));
    expect(screen.getByRole('heading', { level: 1, name: SITI.name })).toBeTruthy();
    expect(document.activeElement).toBe(pinField());
    await noAxeViolations(view.container);

    await user.keyboard('246810{Enter}');
    expect(api.callsOf('kiosk-login')).toEqual([{ nip: SITI.nip, pin: '246810' }]);
    expect(loggedIn).toEqual([info]);
  });

  it('reaches a person and logs in with the keyboard alone', async () => {
    const user = userEvent.setup();
    const { loggedIn } = setup({ 'kiosk-login': () => okv(sessionInfo()) });
    await screen.findByRole('button', { name: /Siti/ });
    await user.tab(); // the search box
    await user.tab(); // the first card
    expect(document.activeElement?.textContent).toContain('Siti');
    await user.keyboard('{Enter}');
    await user.keyboard('246810');
    await user.keyboard('{Enter}');
    expect(loggedIn).toHaveLength(1);
  });

  it('on a wrong PIN shows the tries left and clears the PIN', async () => {
    const user = userEvent.setup();
    const { loggedIn } = setup({ 'kiosk-login': () => failv('PIN_WRONG', { remaining: 3 }, 'pin') });
    await user.click(await screen.findByRole('button', { name: /Yohanes/ }));
    for (const d of '135790') await user.click(screen.getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findByRole('alert')).textContent).toContain('PIN salah. Sisa 3 kali percobaan.');
    expect(pinField().value).toBe('');
    expect(document.activeElement).toBe(pinField());
    expect(screen.getByRole('button', { name: 'Masuk' })).toHaveProperty('disabled', true);
    expect(loggedIn).toEqual([]);
  });

  it('on a lockout counts down and keeps the keypad off until it ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date(2026, 10, 25, 9, 40, 0));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const until = new Date(2026, 10, 25, 9, 45, 0).toISOString();
    const { api } = setup({
      'kiosk-login': () => failv('PIN_LOCKED', { minutes: 5, until }, 'pin'),
      // Longer than the lockout, so the idle return to the list does not end the countdown here.
      'kiosk-staff-list': () => okv({ showList: true, pinLength: 6, idleSeconds: 3600, staff: [SITI, YOHANES, RAHMAWATI] }),
    });
    await user.click(await screen.findByRole('button', { name: /Yohanes/ }));
    await user.keyboard('135790{Enter}');

    expect((await screen.findByRole('alert')).textContent).toContain('Terlalu banyak PIN salah');
    const timer = screen.getByRole('timer');
    await vi.waitFor(() => expect(timer.textContent).toMatch(/^0[45]:[0-5]\d$/));
    const before = timer.textContent;
    expect(pinField().disabled).toBe(true);
    for (const d of '0123456789') expect(screen.getByRole('button', { name: d })).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Kembali ke daftar/ }));

    await act(async () => vi.advanceTimersByTimeAsync(61_000));
    expect(timer.textContent).not.toBe(before);
    expect(timer.textContent).toMatch(/^0[34]:[0-5]\d$/);

    await act(async () => vi.advanceTimersByTimeAsync(4 * 60_000 + 1_000));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText('Kunci sudah berakhir. Silakan coba lagi.')).toBeTruthy();
    expect(pinField().disabled).toBe(false);
    expect(api.callsOf('kiosk-login')).toHaveLength(1);
  });

  it('opens a locked card already counting down', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 9, 40, 0));
    const user = userEvent.setup();
    setup({}, [{ ...YOHANES, lockedUntil: new Date(2026, 10, 25, 9, 42, 30).toISOString() }]);
    await user.click(await screen.findByRole('button', { name: /Yohanes/ }));
    expect(screen.getByRole('timer').textContent).toBe('02:30');
    expect(pinField().disabled).toBe(true);
  });

  it('shows other refusals in words', async () => {
    const user = userEvent.setup();
    setup({ 'kiosk-login': () => failv('PIN_NOT_SET') });
    await user.click(await screen.findByRole('button', { name: /Rahmawati/ }));
    await user.keyboard('246810{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('PIN Anda belum diatur. Hubungi operator');
  });

  it('goes back to the list with the search text kept and the person\'s card focused', async () => {
    const user = userEvent.setup();
    setup();
    await user.type(await screen.findByLabelText('Cari nama atau NIP'), 'wibowo');
    await user.click(screen.getByRole('button', { name: /Yohanes/ }));
    await user.keyboard('24');
    await user.click(screen.getByRole('button', { name: /Kembali ke daftar/ }));
    expect(screen.getByLabelText('Cari nama atau NIP')).toHaveProperty('value', 'wibowo');
    const yohanes = await screen.findByRole('button', { name: /Yohanes/ });
    expect(document.activeElement).toBe(yohanes);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('goes back to a clean list when a chosen name is left alone for the idle time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    setup();
    await user.type(await screen.findByLabelText('Cari nama atau NIP'), 'wibowo');
    await user.click(screen.getByRole('button', { name: /Yohanes/ }));
    await user.keyboard('24');
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(pinField().value).toBe('24');

    await act(async () => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.queryByLabelText('PIN (6 angka)')).toBeNull();
    expect(screen.getByLabelText('Cari nama atau NIP')).toHaveProperty('value', '');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('Escape also goes back', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(await screen.findByRole('button', { name: /Siti/ }));
    await user.keyboard('{Escape}');
    expect(await screen.findByLabelText('Cari nama atau NIP')).toBeTruthy();
  });
});

describe('LockScreen: typed NIP (the unit hides the list)', () => {
  it('takes 18 digits shown grouped, then asks for the PIN', async () => {
    const user = userEvent.setup();
    const { api, loggedIn, view } = setup({ 'kiosk-login': () => okv(sessionInfo()) }, [], false);
    const nip = await screen.findByLabelText('NIP');
    expect(screen.queryByRole('list')).toBeNull();
    await noAxeViolations(view.container);
    await user.type(nip, '1992061820190320');
    expect(nip).toHaveProperty('value', '19920618 201903 2 0');
    await user.type(nip, '07');
    expect(nip).toHaveProperty('value', '19920618 201903 2 007');
    await user.click(screen.getByRole('button', { name: 'Lanjut' }));

    expect(screen.getByRole('heading', { level: 1, name: 'NIP 19920618 201903 2 007' })).toBeTruthy();
    await user.keyboard('246810{Enter}');
    expect(api.callsOf('kiosk-login')).toEqual([{ nip: '199206182019032007', pin: '246810' }]);
    expect(loggedIn).toHaveLength(1);
  });

  it('refuses a NIP that is not 18 digits before asking for a PIN', async () => {
    const user = userEvent.setup();
    const { api } = setup({}, [], false);
    await user.type(await screen.findByLabelText('NIP'), '19920618{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('NIP harus 18 angka.');
    expect(screen.getByLabelText('NIP').getAttribute('aria-invalid')).toBe('true');
    expect(api.callsOf('kiosk-login')).toHaveLength(0);
  });

  it('brings an unknown NIP back to the NIP field, with the NIP kept', async () => {
    const user = userEvent.setup();
    setup({ 'kiosk-login': () => failv('NIP_UNKNOWN', undefined, 'nip') }, [], false);
    await user.type(await screen.findByLabelText('NIP'), '199206182019032099{Enter}');
    await user.keyboard('246810{Enter}');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('NIP tidak terdaftar di unit kerja ini.')).toBeTruthy();
    expect(screen.getByLabelText('NIP')).toHaveProperty('value', '19920618 201903 2 099');
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommandResult, SyncStatus } from '../../../src-shared/api';
import { expectNoAxeViolations } from '../../test/axe';
import { failv, fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import type { Enrolled } from './EnrollForm';
import { SetupScreen } from './SetupScreen';

const SERVER = 'https://kinerja.probolinggokota.go.id';

const enrolledStatus = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  enrolled: true,
  serverUrl: SERVER,
  workstationId: '0190a3f0-0000-7000-8000-0000000000ws',
  online: true,
  running: false,
  pending: 0,
  lastSuccessAt: '2026-11-25T02:40:00.000Z',
  lastError: null,
  nextAttemptAt: null,
  blocked: null,
  ...over,
});

const reached: CommandResult<'workstation-test-connection'> = { reachable: true, code: null, message: 'Terhubung', serverTime: '2026-11-25T02:40:00.000Z', protocol: 1, ms: 120 };
const ENROLLED: Enrolled = { workstationId: '0190a3f0-0000-7000-8000-0000000000ws', unitId: 'de30a000-0000-4000-8000-000000000001', status: enrolledStatus() };

function setup(script: Script = {}, lang: 'id' | 'en' = 'id') {
  const api = fakeApi({
    'workstation-test-connection': () => okv(reached),
    'workstation-enroll': () => okv(ENROLLED),
    ...script,
  });
  const done: Enrolled[] = [];
  const view = renderScreen(<SetupScreen onEnrolled={(r) => done.push(r)} />, { api, session: false, lang });
  return { api, done, view, user: userEvent.setup() };
}

const address = () => screen.getByLabelText('Alamat server') as HTMLInputElement;
const code = () => screen.getByLabelText('Kode pendaftaran') as HTMLInputElement;
const pcName = () => screen.getByLabelText('Nama PC') as HTMLInputElement;
/** The error text the field points at (aria-describedby), or null when it has none. */
const errorOf = (input: HTMLElement) => {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((i) => i.endsWith('-error'));
  return ids.length ? (document.getElementById(ids[0]!)?.textContent ?? null) : null;
};

async function fill(user: ReturnType<typeof userEvent.setup>, values: { url?: string; code?: string; name?: string }) {
  if (values.url !== undefined) await user.type(address(), values.url);
  if (values.code !== undefined) await user.type(code(), values.code);
  if (values.name !== undefined) await user.type(pcName(), values.name);
}

describe('SetupScreen', () => {
  it('asks for the address (with an example), the code and the name of the PC', async () => {
    const { view } = setup();
    const title = screen.getByRole('heading', { level: 1, name: 'Siapkan PC ini' });
    expect(document.activeElement).toBe(title);
    expect(address().getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(`Contoh: ${SERVER}`).id).toBe(address().getAttribute('aria-describedby'));
    expect(screen.getByText(/PC Bagian Organisasi 1/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uji koneksi' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Daftarkan PC ini' })).toBeTruthy();
    await expectNoAxeViolations(view.container);
  });

  it('tests the connection and says it in plain words', async () => {
    const { api, user, view } = setup();
    await fill(user, { url: `  ${SERVER} ` });
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    expect(await screen.findByText('Terhubung ke server (versi protokol 1, 120 ms).')).toBeTruthy();
    expect(api.callsOf('workstation-test-connection')).toEqual([{ serverUrl: SERVER }]);
    await expectNoAxeViolations(view.container);
    // A changed address is not the one tested: the answer goes away.
    await user.type(address(), 'x');
    expect(screen.queryByText(/Terhubung ke server/)).toBeNull();
  });

  it('says why a connection failed and what to do, by its code', async () => {
    const { api, user } = setup({
      'workstation-test-connection': () => okv({ reachable: false, code: 'SERVER_UNREACHABLE', message: 'Server pusat tidak dapat dihubungi.', serverTime: null, protocol: null, ms: null }),
    });
    await fill(user, { url: 'https://kinerja.example.invalid' });
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    const status = screen.getByRole('status');
    expect(await within(status).findByText(/Server pusat tidak dapat dihubungi/)).toBeTruthy();
    expect(status.textContent).toContain('pastikan PC ini tersambung ke jaringan kantor');

    // In Indonesian the core's own message is shown: it names the cause more exactly than the code.
    api.script({ 'workstation-test-connection': () => okv({ reachable: false, code: 'VALIDATION', message: 'Alamat server tidak valid. Tulis lengkap, misalnya https://kinerja.pemda.go.id', serverTime: null, protocol: null, ms: null }) });
    await user.clear(address());
    await user.type(address(), 'kinerja.probolinggokota');
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    expect(await within(status).findByText(/Tulis lengkap, misalnya https:\/\/kinerja.pemda.go.id/)).toBeTruthy();
    expect(status.textContent).toContain('dimulai dengan https://');

    api.script({ 'workstation-test-connection': () => okv({ reachable: false, code: 'NOT_FOUND', message: 'Alamat ini bukan server Kinerja Kiosk (HTTP 404).', serverTime: null, protocol: null, ms: 40 }) });
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    expect(await within(status).findByText('Alamat ini bukan server Kinerja Kiosk (HTTP 404).')).toBeTruthy();

    api.script({ 'workstation-test-connection': () => okv({ reachable: false, code: 'PROTOCOL_UNSUPPORTED', message: 'Aplikasi perlu diperbarui: server memakai protokol versi 2.', serverTime: null, protocol: 2, ms: 80 }) });
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    expect(await within(status).findByText(/Aplikasi perlu diperbarui/)).toBeTruthy();
    expect(status.textContent).toContain('Pasang versi terbaru aplikasi ini');
  });

  it('does not show a slow answer under an address edited meanwhile', async () => {
    let answer: (r: ReturnType<typeof okv<typeof reached>>) => void = () => undefined;
    const { user } = setup({ 'workstation-test-connection': () => new Promise((resolve) => (answer = resolve)) });
    await fill(user, { url: 'https://salah.example' });
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    await user.clear(address());
    await user.type(address(), SERVER);
    answer(okv(reached));
    // Let the answer settle; it was about the old address and must not appear under the new one.
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('does not test an empty address: it says so at the field', async () => {
    const { api, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Uji koneksi' }));
    expect(errorOf(address())).toBe('Wajib diisi.');
    expect(address().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(address());
    expect(api.callsOf('workstation-test-connection')).toEqual([]);
  });

  it('enrols the PC with what was typed (trimmed) and hands over the answer', async () => {
    const { api, user, done } = setup();
    await fill(user, { url: SERVER, code: ' K7P2-9QX4 ', name: 'PC Bagian Organisasi 1' });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    expect(api.callsOf('workstation-enroll')).toEqual([{ serverUrl: SERVER, enrollmentCode: 'K7P2-9QX4', name: 'PC Bagian Organisasi 1' }]);
    await expect.poll(() => done).toEqual([ENROLLED]);
  });

  it('can be filled and sent with the keyboard alone (Enter sends)', async () => {
    const { api, user, done } = setup();
    await user.tab();
    expect(document.activeElement).toBe(address());
    await user.keyboard(SERVER);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Uji koneksi' }));
    await user.tab();
    await user.keyboard('K7P2-9QX4');
    await user.tab();
    await user.keyboard('PC Bagian Organisasi 1{Enter}');
    expect(api.callsOf('workstation-enroll')).toHaveLength(1);
    await expect.poll(() => done.length).toBe(1);
  });

  it('marks each empty field and sends nothing', async () => {
    const { api, user } = setup();
    await fill(user, { code: 'K7P2-9QX4' });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    expect(errorOf(address())).toBe('Wajib diisi.');
    expect(errorOf(pcName())).toBe('Wajib diisi.');
    expect(errorOf(code())).toBeNull();
    // The focus goes to the first field to fix.
    expect(document.activeElement).toBe(address());
    expect(api.callsOf('workstation-enroll')).toEqual([]);
  });

  it('shows a refused code at the code field, and clears it once the code is edited', async () => {
    const { user, done, view } = setup({ 'workstation-enroll': () => failv('ENROLLMENT_CODE_INVALID', undefined, 'enrollmentCode') });
    await fill(user, { url: SERVER, code: 'LAMA-0000', name: 'PC Bagian Organisasi 1' });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    await expect.poll(() => errorOf(code())).toBe('Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada pengelola server.');
    expect(code().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(code());
    expect(errorOf(address())).toBeNull();
    await expectNoAxeViolations(view.container);
    await user.type(code(), '1');
    expect(errorOf(code())).toBeNull();
    expect(done).toEqual([]);
  });

  it('shows an unreachable server at the address, with what to do', async () => {
    const { user } = setup({ 'workstation-enroll': () => failv('SERVER_UNREACHABLE') });
    await fill(user, { url: SERVER, code: 'K7P2-9QX4', name: 'PC Bagian Organisasi 1' });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    await expect.poll(() => errorOf(address())).toMatch(/^Server pusat tidak dapat dihubungi\..* Periksa alamatnya/);
    expect(document.activeElement).toBe(address());
  });

  it('puts a VALIDATION refusal at the field the core names', async () => {
    const { api, user } = setup({ 'workstation-enroll': () => failv('VALIDATION', { field: 'serverUrl', detail: 'http(s)://…' }, 'serverUrl') });
    await fill(user, { url: 'kinerja.probolinggokota.go.id', code: 'K7P2-9QX4', name: 'PC 1' });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    await expect.poll(() => errorOf(address())).toMatch(/^Alamat server tidak valid/);

    // A server's 400 names the field in params only.
    api.script({ 'workstation-enroll': () => failv('VALIDATION', { field: 'enrollmentCode', detail: 'too short' }) });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    await expect.poll(() => errorOf(code())).toBe('Kode pendaftaran tidak dapat dipakai. Periksa kembali kodenya.');
  });

  it('shows a refusal of the whole form above the button', async () => {
    const { user } = setup({ 'workstation-enroll': () => failv('FORBIDDEN') });
    await fill(user, { url: SERVER, code: 'K7P2-9QX4', name: 'PC 1' });
    await user.click(screen.getByRole('button', { name: 'Daftarkan PC ini' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berhak melakukan tindakan ini.');
    for (const f of [address(), code(), pcName()]) expect(errorOf(f)).toBeNull();
  });

  it('renders in English', async () => {
    const { api, user, view } = setup({ 'workstation-enroll': () => failv('ENROLLMENT_CODE_INVALID', undefined, 'enrollmentCode') }, 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Set up this PC' })).toBeTruthy();
    await user.type(screen.getByLabelText('Server address'), SERVER);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected to the server (protocol version 1, 120 ms).')).toBeTruthy();
    // The core's message is Indonesian: in English the code says it.
    api.script({ 'workstation-test-connection': () => okv({ reachable: false, code: 'NOT_FOUND', message: 'Alamat ini bukan server Kinerja Kiosk (HTTP 404).', serverTime: null, protocol: null, ms: 40 }) });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('This address is not a Kinerja Kiosk server.')).toBeTruthy();
    await user.type(screen.getByLabelText('Registration code'), 'OLD');
    await user.type(screen.getByLabelText('PC name'), 'PC 1');
    await user.click(screen.getByRole('button', { name: 'Register this PC' }));
    await expect.poll(() => errorOf(screen.getByLabelText('Registration code'))).toBe('The registration code is wrong, already used or expired. Ask the server administrator for a new one.');
    await expectNoAxeViolations(view.container);
  });
});

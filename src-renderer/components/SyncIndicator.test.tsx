import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../src-shared/api';
import { failv, fakeApi, okv } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { SYNC_POLL_MS, SyncIndicator } from './SyncIndicator';

/** Wednesday 25 November 2026, 10:15 on this PC's clock. */
const NOW = new Date(2026, 10, 25, 10, 15);

function status(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    enrolled: true,
    serverUrl: 'https://ekinerja.probolinggokota.go.id',
    workstationId: '0190a3f0-0000-7000-8000-00000000ws01',
    online: true,
    running: false,
    pending: 0,
    lastSuccessAt: new Date(2026, 10, 25, 9, 42).toISOString(),
    lastError: null,
    nextAttemptAt: null,
    blocked: null,
    ...over,
  };
}

async function show(first: SyncStatus) {
  const api = fakeApi({ 'workstation-status': () => okv(first) });
  renderScreen(<SyncIndicator />, { api, session: false });
  const bar = await screen.findByRole('status', { name: 'Status pengiriman data' });
  await vi.waitFor(() => expect(bar.textContent).not.toContain('Memeriksa'));
  return { api, bar };
}

describe('SyncIndicator', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says connected, all sent, and when the server last took the data', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { bar } = await show(status());
    expect(bar.textContent).toContain('Terhubung');
    expect(bar.textContent).toContain('Semua terkirim');
    expect(bar.textContent).toContain('Terakhir terkirim 09:42');
  });

  it('says offline with the count still waiting, and the day of the last send when it was not today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { bar } = await show(status({ online: false, pending: 3, lastSuccessAt: new Date(2026, 10, 24, 15, 5).toISOString() }));
    expect(bar.textContent).toContain('Tidak terhubung');
    expect(bar.textContent).toContain('3 belum terkirim');
    expect(bar.textContent).toContain('Terakhir terkirim 24 Nov 15:05');
  });

  it('says so when this PC never reached the server', async () => {
    const { bar } = await show(status({ online: null, pending: 2, lastSuccessAt: null }));
    expect(bar.textContent).toContain('Belum pernah terhubung');
    expect(bar.textContent).toContain('2 belum terkirim');
    expect(bar.textContent).not.toContain('Terakhir');
  });

  it('tells people to call the operator when sync is blocked or the PC is not enrolled', async () => {
    const { bar } = await show(status({ blocked: 'reenroll', online: false, pending: 4 }));
    expect(bar.textContent).toContain('Perlu didaftarkan ulang. Hubungi operator');
    expect(bar.textContent).toContain('4 belum terkirim');
  });

  it('shows the PC is not registered yet', async () => {
    const { bar } = await show(status({ enrolled: false, online: null, lastSuccessAt: null, serverUrl: null, workstationId: null }));
    expect(bar.textContent).toContain('Belum terdaftar. Hubungi operator');
  });

  it('follows sync-status events', async () => {
    const { api, bar } = await show(status({ online: false, pending: 2 }));
    act(() => api.emit('sync-status', status({ online: true, pending: 0 })));
    expect(bar.textContent).toContain('Terhubung');
    expect(bar.textContent).toContain('Semua terkirim');
    act(() => api.emit('sync-status', status({ running: true, pending: 1 })));
    expect(bar.textContent).toContain('Sedang mengirim…');
  });

  it('asks again every 30 seconds, so a missed event does not leave it wrong, and keeps the last status when a poll fails', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    const api = fakeApi({ 'workstation-status': () => okv(status({ online: false, pending: 5 })) });
    renderScreen(<SyncIndicator />, { api, session: false });
    await act(async () => {});
    const bar = screen.getByRole('status', { name: 'Status pengiriman data' });
    expect(bar.textContent).toContain('5 belum terkirim');

    api.script({ 'workstation-status': () => failv('APP_UNREACHABLE') });
    await act(async () => vi.advanceTimersByTimeAsync(SYNC_POLL_MS));
    expect(bar.textContent).toContain('5 belum terkirim');

    api.script({ 'workstation-status': () => okv(status({ pending: 0 })) });
    await act(async () => vi.advanceTimersByTimeAsync(SYNC_POLL_MS));
    expect(bar.textContent).toContain('Semua terkirim');
    expect(api.callsOf('workstation-status')).toHaveLength(3);
  });

  it('speaks English when the person switched language', async () => {
    const api = fakeApi({ 'workstation-status': () => okv(status({ online: false, pending: 1, lastSuccessAt: null })) });
    renderScreen(<SyncIndicator />, { api, session: false, lang: 'en' });
    const bar = await screen.findByRole('status', { name: 'Data sending status' });
    await vi.waitFor(() => expect(bar.textContent).toContain('Not connected'));
    expect(bar.textContent).toContain('1 not sent yet');
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, okv } from '../../test/fake-api';
import { renderScreen, sessionInfo } from '../../test/render';
import { AHMAD, queueOf, SYNC_STATUS } from '../Review/test-fixtures';
import { ReviewWaiting } from './ReviewWaiting';

describe('ReviewWaiting (Beranda)', () => {
  it('tells a supervisor how much waits and opens Verifikasi, and follows syncs', async () => {
    let queue = queueOf();
    const api = fakeApi({ 'review-queue': () => okv(queue) });
    const { routes } = renderScreen(<ReviewWaiting />, { api, session: AHMAD });
    await userEvent.click(await screen.findByRole('button', { name: '6 aktivitas menunggu verifikasi Anda' }));
    expect(routes).toEqual([{ name: 'review' }]);

    // Everything was decided on another PC: the card goes away after the sync.
    queue = queueOf({ employees: [] });
    api.emit('sync-status', { ...SYNC_STATUS, running: true });
    api.emit('sync-status', { ...SYNC_STATUS, running: false });
    await vi.waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });

  it('asks nothing for a person without subordinates', async () => {
    const api = fakeApi({});
    renderScreen(<ReviewWaiting />, { api, session: sessionInfo() });
    api.emit('sync-status', { ...SYNC_STATUS, running: true });
    api.emit('sync-status', { ...SYNC_STATUS, running: false });
    await Promise.resolve();
    expect(api.calls).toEqual([]);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

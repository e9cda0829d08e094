import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/domain/types';
import { failv, fakeApi, okv } from '../test/fake-api';
import { renderScreen, sessionInfo } from '../test/render';
import { SessionView } from './SessionView';

function setup(roles: Role[]) {
  const api = fakeApi({
    // Beranda is not under test here: its refusal keeps it small.
    'calendar-month': () => failv('APP_UNREACHABLE'),
    'settings-get': () => okv({ language: 'id', syncIntervalMinutes: 5, kioskMode: true, backupKeep: 7, idleLogoutSeconds: null }),
  });
  const info = sessionInfo({ employee: { ...sessionInfo().employee, roles } });
  renderScreen(<SessionView info={info} logout={() => {}} onInfo={() => {}} />, { api, session: false });
  return { api, nav: screen.getByRole('navigation', { name: 'Menu utama' }) };
}

describe('SessionView: the Operator menu item', () => {
  it.each([[['staff']], [['staff', 'supervisor']]] as Role[][][])('is not shown to %j', (roles) => {
    const { nav } = setup(roles);
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).not.toContain('Operator');
  });

  it.each([[['staff', 'operator']], [['admin']]] as Role[][][])('is shown to %j and opens the operator screen', async (roles) => {
    const { nav, api } = setup(roles);
    const item = within(nav).getByRole('button', { name: 'Operator' });
    await userEvent.click(item);
    expect(item.getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Operator' })).toBeTruthy();
    expect(await screen.findByRole('form', { name: 'Bahasa PC ini' })).toBeTruthy();
    expect(api.callsOf('settings-get')).toHaveLength(1);
  });
});

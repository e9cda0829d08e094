import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { okv } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { OPERATOR_TABS, OperatorScreen, type OperatorTab } from './OperatorScreen';
import { OPERATOR, operatorApi } from './test-fixtures';

function setup(tab?: OperatorTab, lang: 'id' | 'en' = 'id') {
  const api = operatorApi({ 'diagnostics-db-check': () => okv({ ok: true, result: 'ok', ms: 84 }) });
  const view = renderScreen(<OperatorScreen {...(tab ? { tab } : {})} />, { api, session: OPERATOR, lang });
  return { api, view, user: userEvent.setup() };
}

/** What each section shows once its data is in: a sign that the right one is mounted. */
const READY: Record<OperatorTab, string> = {
  settings: 'Jarak pengiriman otomatis (menit)',
  sync: 'Riwayat sinkronisasi, terbaru di atas',
  diagnostics: 'Versi skema database',
  reenroll: 'Daftar ulang PC ini',
  quit: 'Keluar dari aplikasi',
};

describe('OperatorScreen', () => {
  it('opens on Pengaturan, with a tab for each part', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Operator' })).toBeTruthy();
    const tabs = within(screen.getByRole('tablist', { name: 'Bagian layar operator' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Pengaturan', 'Sinkronisasi', 'Diagnostik', 'Daftar ulang', 'Keluar']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false', 'false']);
    expect(screen.getByRole('tabpanel', { name: 'Pengaturan' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: READY.settings })).toBeTruthy();
  });

  it('moves between tabs by click and with the arrow keys, Home and End', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('tab', { name: 'Sinkronisasi' }));
    expect(await screen.findByRole('table', { name: READY.sync })).toBeTruthy();
    expect(api.callsOf('sync-log')).toEqual([{ limit: 50 }]);

    const sync = screen.getByRole('tab', { name: 'Sinkronisasi' });
    sync.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Diagnostik' }));
    expect(screen.getByRole('tabpanel', { name: 'Diagnostik' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Keluar' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Pengaturan' }));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Keluar' }));
    await user.keyboard('{Home}');
    expect(screen.getByRole('tabpanel', { name: 'Pengaturan' })).toBeTruthy();
    // Only the selected tab is in the Tab order.
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it.each(OPERATOR_TABS)('has no axe violations on %s', async (tab) => {
    const { view } = setup(tab);
    await screen.findAllByText(READY[tab]);
    await expectNoAxeViolations(view.container);
  });

  it('renders in English', async () => {
    const { user, view } = setup(undefined, 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Operator' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Settings', 'Sync', 'Diagnostics', 'Register again', 'Quit']);
    expect(await screen.findByRole('textbox', { name: 'Automatic sending interval (minutes)' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Sync' }));
    expect(await screen.findByRole('table', { name: 'Sync history, newest first' })).toBeTruthy();
    expect(screen.getByRole('rowheader').closest('tr')!.textContent).toContain('Scheduled');
    await user.click(screen.getByRole('tab', { name: 'Diagnostics' }));
    expect(await screen.findByText('Database schema version')).toBeTruthy();
    await expectNoAxeViolations(view.container);
  });
});

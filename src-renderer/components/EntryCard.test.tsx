import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { entryView } from '../screens/Home/test-fixtures';
import { fakeApi } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { dayTotals, EntryCard, EntryOpenButton, entryRoute } from './EntryCard';

describe('EntryCard', () => {
  it('shows time, activity, volume, credited minutes and status; "Belum terkirim" only while pending', () => {
    const e = entryView({ status: 'submitted', pending: true, volume: 3, outputUnit: 'berkas', creditedMinutes: 75 });
    const { rerender } = renderScreen(<EntryCard entry={e} />, { api: fakeApi() });
    const card = screen.getByRole('article', { name: 'Menyusun konsep surat dinas' });
    expect(within(card).getByText('08:00–09:30')).toBeTruthy();
    expect(within(card).getByText('3 berkas')).toBeTruthy();
    expect(within(card).getByText('Dihitung 1 jam 15 menit')).toBeTruthy();
    expect(within(card).getByText('Menunggu Verifikasi')).toBeTruthy();
    expect(within(card).getByText('Belum terkirim')).toBeTruthy();
    rerender(<EntryCard entry={{ ...e, pending: false }} showDate />);
    expect(screen.queryByText('Belum terkirim')).toBeNull();
    expect(screen.getByText('Rabu, 25 November, 08:00–09:30')).toBeTruthy();
  });

  it('carries the buttons a screen gives it, named with the entry', async () => {
    const e = entryView({ status: 'draft' });
    let opened = 0;
    renderScreen(<EntryCard entry={e} actions={<EntryOpenButton entry={e} edit onClick={() => (opened += 1)} />} />, { api: fakeApi() });
    await userEvent.click(screen.getByRole('button', { name: 'Ubah aktivitas pukul 08:00: Menyusun konsep surat dinas' }));
    expect(opened).toBe(1);
  });
});

describe('entryRoute', () => {
  it.each([
    ['draft', 'entry'],
    ['returned', 'entry'],
    ['submitted', 'entry-detail'],
    ['approved', 'entry-detail'],
    ['rejected', 'entry-detail'],
  ] as const)('%s opens in %s', (status, route) => {
    expect(entryRoute(entryView({ status }), { name: 'home' }).name).toBe(route);
  });
});

describe('dayTotals', () => {
  it('adds minutes and credited minutes, leaving rejected entries out', () => {
    const entries = [
      entryView({ minutes: 90, creditedMinutes: 60, status: 'approved' }),
      entryView({ minutes: 30, creditedMinutes: 30, status: 'draft' }),
      entryView({ minutes: 120, creditedMinutes: 120, status: 'rejected' }),
    ];
    expect(dayTotals(entries)).toEqual({ minutes: 120, credited: 90 });
  });
});

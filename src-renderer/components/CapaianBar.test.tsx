import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { CapaianBar, type CapaianNumbers } from './CapaianBar';

const numbers = (over: Partial<CapaianNumbers> = {}): CapaianNumbers => ({
  approvedMinutes: 3000,
  waitingMinutes: 1200,
  returnedMinutes: 300,
  effectiveMinutes: 6000,
  capaianPercent: 50,
  tppEstimate: 1_260_000,
  ...over,
});

const widths = (bar: HTMLElement) => ['approved', 'waiting', 'returned'].map((s) => bar.style.getPropertyValue(`--capaian-${s}`));

describe('CapaianBar', () => {
  it('gives the numbers in words, the legend and the bar widths', () => {
    renderScreen(<CapaianBar recap={numbers()} />, { api: fakeApi() });
    expect(screen.getByText('Capaian 50,0%')).toBeTruthy();
    const bar = screen.getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe(
      'Disetujui 50 jam dari 100 jam waktu efektif. Menunggu Verifikasi 20 jam. Perlu Perbaikan 5 jam. Capaian 50,0%.',
    );
    expect(widths(bar)).toEqual(['50%', '20%', '5%']);
    expect(bar.getAttribute('style')).not.toContain('width');
    const legend = Object.fromEntries([...document.querySelectorAll('.capaian-legend-item')].map((i) => [i.querySelector('dt')!.textContent, i.querySelector('dd')!.textContent]));
    expect(legend).toMatchObject({ Disetujui: '50 jam', 'Menunggu Verifikasi': '20 jam', 'Perlu Perbaikan': '5 jam', 'Waktu efektif bulan ini': '100 jam' });
    expect(legend['Perkiraan TPP kinerja']).toMatch(/^Rp\s?1\.260\.000$/);
  });

  it('never draws past the end of the bar, and copes with no effective minutes', () => {
    const { unmount } = renderScreen(<CapaianBar recap={numbers({ approvedMinutes: 5000, waitingMinutes: 2000, returnedMinutes: 500 })} />, { api: fakeApi() });
    const [a, w, r] = widths(screen.getByRole('img')).map(parseFloat);
    expect(a! + w! + r!).toBeCloseTo(100);
    expect(r).toBe(0);
    unmount();
    renderScreen(<CapaianBar recap={numbers({ effectiveMinutes: 0, capaianPercent: 0, tppEstimate: null })} />, { api: fakeApi() });
    expect(widths(screen.getByRole('img'))).toEqual(['0%', '0%', '0%']);
    expect(screen.queryByText('Perkiraan TPP kinerja')).toBeNull();
  });

  it('writes the percentage the English way in English, and Rupiah the Indonesian way', () => {
    renderScreen(<CapaianBar recap={numbers({ capaianPercent: 45.2 })} />, { api: fakeApi(), lang: 'en' });
    expect(screen.getByText('Achievement 45.2%')).toBeTruthy();
    expect(screen.getByText(/^Rp\s?1\.260\.000$/)).toBeTruthy();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadTarget } from './downloads';

const DIR = '/home/kiosk/Downloads';
const none = () => false;

describe('downloadTarget (no Save-as dialog on a kiosk)', () => {
  it('saves the file the screen named into the Downloads folder', () => {
    expect(downloadTarget(DIR, 'rekap-tim-2026-11-ahmad.xlsx', none)).toBe(join(DIR, 'rekap-tim-2026-11-ahmad.xlsx'));
  });

  it('never overwrites: numbers the next copies', () => {
    const taken = new Set([join(DIR, 'rekap.xlsx'), join(DIR, 'rekap (1).xlsx')]);
    expect(downloadTarget(DIR, 'rekap.xlsx', (p) => taken.has(p))).toBe(join(DIR, 'rekap (2).xlsx'));
  });

  it.each([
    ['../../.bashrc', 'bashrc'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['/etc/passwd', 'passwd'],
    ['a<b>c:d"e|f?g*h.xlsx', 'a_b_c_d_e_f_g_h.xlsx'],
    ['', 'unduhan'],
    ['...', 'unduhan'],
  ])('keeps a page-given name %j inside the folder as %j', (given, saved) => {
    expect(downloadTarget(DIR, given, none)).toBe(join(DIR, saved));
  });
});

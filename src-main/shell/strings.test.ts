import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../src-shared/errors';
import { openFailureDialog } from './strings';

describe('openFailureDialog', () => {
  it.each(['DB_SCHEMA_NEWER', 'DB_CORRUPT'] as const)('%s: Indonesian first, English beside it, with the code', (code) => {
    const d = openFailureDialog(code);
    expect(d.title).toBe('Kinerja Kiosk tidak dapat dibuka');
    expect(d.message).toContain(errorMessage(code, undefined, 'id'));
    expect(d.message).toMatch(/tidak diubah/);
    expect(d.detail).toContain(errorMessage(code, undefined, 'en'));
    expect(d.detail).toContain(code);
    expect(d.buttons).toEqual(['Tutup']);
  });
});

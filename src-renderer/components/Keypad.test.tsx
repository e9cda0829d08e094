import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { PinPad } from './Keypad';

function Harness({ onSubmit, disabled = false }: { onSubmit: (pin: string) => void; disabled?: boolean }) {
  const [pin, setPin] = useState('');
  return <PinPad label="PIN (6 angka)" length={6} value={pin} onChange={setPin} onSubmit={() => onSubmit(pin)} submitLabel="Masuk" disabled={disabled} />;
}

const setup = (props: { disabled?: boolean } = {}) => {
  const submitted: string[] = [];
  const view = renderScreen(<Harness onSubmit={(p) => submitted.push(p)} {...props} />, { api: fakeApi(), session: false });
  return { submitted, view, input: screen.getByLabelText('PIN (6 angka)') };
};

describe('PinPad', () => {
  it('fills the PIN from the keypad, deletes with Hapus, and offers Masuk only once the PIN is complete', async () => {
    const user = userEvent.setup();
    const { submitted, input } = setup();
    const masuk = screen.getByRole('button', { name: 'Masuk' });
    for (const d of ['2', '4', '6', '8', '1']) await user.click(screen.getByRole('button', { name: d }));
    expect(input).toHaveProperty('value', '24681');
    expect(screen.getByText('5 dari 6 angka')).toBeTruthy();
    expect(masuk).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Hapus satu angka' }));
    expect(input).toHaveProperty('value', '2468');
    await user.click(screen.getByRole('button', { name: '1' }));
    await user.click(screen.getByRole('button', { name: '0' }));
    await user.click(screen.getByRole('button', { name: '9' }));
    // A seventh digit is ignored: the PIN has the policy's length.
    expect(input).toHaveProperty('value', '246810');
    expect(masuk).toHaveProperty('disabled', false);
    await user.click(masuk);
    expect(submitted).toEqual(['246810']);
  });

  it('keeps the focus in the field while the keypad is tapped, so the keyboard goes on working', async () => {
    const user = userEvent.setup();
    const { input } = setup();
    await user.click(input);
    await user.click(screen.getByRole('button', { name: '7' }));
    expect(document.activeElement).toBe(input);
    await user.keyboard('1a2');
    expect(input).toHaveProperty('value', '712');
  });

  it('works with the keyboard alone: digits, Backspace and Enter', async () => {
    const user = userEvent.setup();
    const { submitted, input } = setup();
    await user.click(input);
    await user.keyboard('24680{Backspace}{Enter}');
    expect(submitted).toEqual([]);
    await user.keyboard('10{Enter}');
    expect(submitted).toEqual(['246810']);
  });

  it('is fully disabled when told so', () => {
    const { input } = setup({ disabled: true });
    expect(input).toHaveProperty('disabled', true);
    for (const b of screen.getAllByRole('button')) expect(b).toHaveProperty('disabled', true);
  });
});

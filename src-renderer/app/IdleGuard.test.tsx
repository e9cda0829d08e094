import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { IdleGuard, warnSeconds } from './IdleGuard';

const advance = (seconds: number) => act(() => vi.advanceTimersByTime(seconds * 1000));
const dialog = () => screen.queryByRole('dialog', { name: 'Masih di sini?' });

function setup(seconds = 60) {
  const onIdle = vi.fn();
  renderScreen(
    <>
      <button type="button">Catat Aktivitas</button>
      <IdleGuard seconds={seconds} onIdle={onIdle} />
    </>,
    { api: fakeApi() },
  );
  return onIdle;
}

describe('IdleGuard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns 10 seconds before the end, counts down, and logs out at zero', () => {
    const onIdle = setup(60);
    advance(49);
    expect(dialog()).toBeNull();
    advance(1);
    expect(dialog()).not.toBeNull();
    expect(screen.getByRole('timer').textContent).toBe('Anda akan keluar otomatis dalam 10 detik.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Saya masih di sini' }));
    advance(3);
    expect(screen.getByRole('timer').textContent).toBe('Anda akan keluar otomatis dalam 7 detik.');
    advance(6);
    expect(onIdle).not.toHaveBeenCalled();
    advance(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    advance(120);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('"Saya masih di sini" keeps the session and starts the wait again', () => {
    const onIdle = setup(60);
    advance(55);
    const stay = screen.getByRole('button', { name: 'Saya masih di sini' });
    fireEvent.pointerDown(stay);
    fireEvent.click(stay);
    expect(dialog()).toBeNull();
    advance(49);
    expect(dialog()).toBeNull();
    advance(1);
    expect(dialog()).not.toBeNull();
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('any activity dismisses the warning and restarts the wait', () => {
    const onIdle = setup(60);
    advance(30);
    fireEvent.keyDown(window, { key: 'a' });
    advance(49);
    expect(dialog()).toBeNull();
    advance(1);
    expect(dialog()).not.toBeNull();
    fireEvent.wheel(window);
    expect(dialog()).toBeNull();
    advance(60);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('activity before the warning postpones it', () => {
    const onIdle = setup(60);
    for (let i = 0; i < 5; i++) {
      advance(45);
      fireEvent.touchStart(window);
    }
    expect(dialog()).toBeNull();
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('gives focus back to where the person was when the warning goes away', () => {
    setup(60);
    const before = screen.getByRole('button', { name: 'Catat Aktivitas' });
    before.focus();
    advance(50);
    expect(document.activeElement).not.toBe(before);
    fireEvent.keyDown(window, { key: 'Shift' });
    expect(document.activeElement).toBe(before);
  });

  it('warns for half of a short timeout', () => {
    expect(warnSeconds(60)).toBe(10);
    expect(warnSeconds(11)).toBe(10);
    expect(warnSeconds(10)).toBe(5);
    expect(warnSeconds(1)).toBe(1);
    const onIdle = setup(8);
    advance(3);
    expect(dialog()).toBeNull();
    advance(1);
    expect(screen.getByRole('timer').textContent).toBe('Anda akan keluar otomatis dalam 4 detik.');
    advance(4);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops its timers when it unmounts (the session ended another way)', () => {
    const onIdle = vi.fn();
    const view = renderScreen(<IdleGuard seconds={60} onIdle={onIdle} />, { api: fakeApi() });
    view.unmount();
    advance(120);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

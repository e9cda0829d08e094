import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Each test starts from an empty document, as a kiosk does after a logout.
afterEach(() => {
  cleanup();
});

// jsdom has no canvas; axe-core asks for one (icon ligature checks) and copes with none. Without
// this, jsdom prints "Not implemented: HTMLCanvasElement's getContext()" for every axe run.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

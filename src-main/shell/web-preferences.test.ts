import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences';

describe('secureWebPreferences', () => {
  it('gives the renderer no Node and an isolated, sandboxed world', () => {
    const p = secureWebPreferences('/app/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('turns off everything else that would widen the renderer: workers, sub-frames, drag-drop, devtools', () => {
    const p = secureWebPreferences('/app/preload.cjs');
    expect(p).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, navigateOnDragDrop: false, devTools: false });
    // Nothing that re-enables Chromium features or passes flags into the renderer.
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'partition', 'session']) {
      expect(p, key).not.toHaveProperty(key);
    }
  });
});

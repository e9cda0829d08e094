import type { WebPreferences } from 'electron';

/**
 * The renderer's webPreferences, from Electron's security checklist: the kiosk UI gets no Node,
 * runs sandboxed in an isolated world, and reaches the main process only through the preload's
 * `window.kinerja`. One pure function so the choice is tested and reviewed in one place.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
  };
}

import { contextBridge, ipcRenderer } from 'electron';
import { CMD_CHANNEL, EVENT_CHANNEL } from './ipc-wire';
import { createIpcApi } from './ipc-api';

/**
 * The preload of the kiosk window, bundled to one CommonJS file (scripts/build-shell.ts) because a
 * sandboxed preload may require nothing but 'electron'. It exposes exactly `window.kinerja`
 * (src-renderer/api.ts's Api: send and on) and nothing of ipcRenderer itself.
 */
const api = createIpcApi({
  invoke: (name, args) => ipcRenderer.invoke(CMD_CHANNEL, name, args),
  listen(deliver) {
    ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => deliver(message));
  },
});

contextBridge.exposeInMainWorld('kinerja', {
  send: (name: Parameters<typeof api.send>[0], args: Parameters<typeof api.send>[1]) => api.send(name, args),
  on: (event: Parameters<typeof api.on>[0], listener: Parameters<typeof api.on>[1]) => api.on(event, listener),
});

'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded with `node --require` before main.cjs */
/**
 * Just enough of Electron's main-process API to boot the built dist/shell/main.cjs under plain
 * Node (Electron itself cannot be downloaded here), loaded with `node --require` so that
 * require('electron') — from main.cjs and from electron-log — gets this object. It records what
 * main does on stdout (lines starting with @@, JSON), then plays a short scenario: two commands over
 * the IPC handler (the kiosk's main frame, then an iframe), one page from the app:// handler, a
 * navigation off the origin, a window.open, a close in kiosk mode, the first daily backup, and
 * SIGTERM.
 *
 * Not a model of Electron: a script of the calls main.cjs makes, so that smoke.test.ts can see the
 * real bundle open the real store, wire itself and shut down in order.
 */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

// electron-log (and others) look here to know they run in Electron.
Object.defineProperty(process.versions, 'electron', { value: '45.5.0', enumerable: true });

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};

const report = (what, data = null) => process.stdout.write(`@@${JSON.stringify({ what, data })}\n`);
const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`fake-electron: ${name} is not set`);
  return v;
};

let ipcHandler = null;
let appHandler = null;
const windows = [];

class WebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.openHandler = null;
    this.mainFrame = { url: '', parent: null };
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
  isDestroyed() {
    return false;
  }
  send(channel, message) {
    report('event', { channel, event: message.event });
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = new WebContents(windows.length + 1);
    this.kiosk = false;
    windows.push(this);
    report('window', { webPreferences: options.webPreferences, show: options.show });
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.mainFrame.url = url;
    report('loadURL', url);
    setTimeout(() => void scenario(this).catch((e) => report('scenario-failed', String(e && e.stack))), 20);
    return Promise.resolve();
  }
  removeMenu() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  isKiosk() {
    return this.kiosk;
  }
  setKiosk(on) {
    this.kiosk = on;
    report('kiosk', on);
  }
  setAlwaysOnTop() {}
  setMenuBarVisibility() {}
  setAutoHideMenuBar() {}
  isMaximized() {
    return false;
  }
  maximize() {}
}

const app = Object.assign(new EventEmitter(), {
  name: 'Kinerja Kiosk',
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  enableSandbox: () => report('enableSandbox'),
  commandLine: { appendSwitch: (name, value) => report('switch', `${name}=${value}`) },
  whenReady: () => Promise.resolve(),
  getAppPath: () => env('FAKE_APP_PATH'),
  getPath: (name) => (name === 'logs' ? join(env('FAKE_USER_DATA'), 'logs') : env('FAKE_USER_DATA')),
  getVersion: () => '0.1.0-smoke',
  getName: () => 'Kinerja Kiosk',
  quit() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    app.emit('before-quit', event);
    if (!event.defaultPrevented) app.exit(0);
  },
  exit(code) {
    report('exit', code);
    app.emit('quit', {}, code);
    process.exit(code);
  },
  setLoginItemSettings: (s) => report('loginItem', s),
});

const event = (url, parent = null) => ({ senderFrame: { url, parent }, sender: { id: 1 } });

async function scenario(win) {
  report('status', await ipcHandler(event('app://kiosk/index.html'), 'app-status', {}));
  report('iframe', await ipcHandler(event('app://kiosk/index.html', {}), 'app-status', {}));
  const page = await appHandler(new Request('app://kiosk/'));
  report('page', { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() });
  const nav = { url: 'https://evil.example/', defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  win.webContents.emit('will-navigate', nav);
  report('navigate', { prevented: nav.defaultPrevented, open: win.webContents.openHandler({ url: 'https://evil.example/' }) });
  const close = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  win.emit('close', close);
  report('close', { prevented: close.defaultPrevented });
  // The first start takes the daily backup in the worker beside main.cjs; let it finish.
  const backups = join(env('FAKE_USER_DATA'), 'backups');
  for (let i = 0; i < 100 && !readdirSync(backups).some((f) => f.endsWith('.sqlite')); i++) await new Promise((r) => setTimeout(r, 50));
  report('backups', readdirSync(backups));
  process.kill(process.pid, 'SIGTERM');
}

module.exports = {
  app,
  BrowserWindow,
  dialog: {
    showMessageBoxSync: (options) => {
      report('dialog', options);
      return 0;
    },
  },
  ipcMain: {
    handle: (channel, fn) => {
      report('ipc.handle', channel);
      if (channel === 'kk:cmd') ipcHandler = fn;
    },
    removeHandler: (channel) => report('ipc.removeHandler', channel),
    on: () => undefined,
  },
  net: { isOnline: () => true },
  powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0, getSystemIdleState: () => 'active' }),
  powerSaveBlocker: { start: () => (report('displayAwake', true), 1), stop: () => report('displayAwake', false), isStarted: () => true },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => report('schemes', schemes),
    handle: (scheme, fn) => {
      report('protocol.handle', scheme);
      appHandler = fn;
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => report('permissions', 'request'),
      setPermissionCheckHandler: () => report('permissions', 'check'),
      setDevicePermissionHandler: () => report('permissions', 'device'),
      on: (event) => report('session.on', event),
    },
  },
};

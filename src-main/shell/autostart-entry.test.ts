import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAutostartFile, autostartPlan, desktopEntry, execArg, type AutostartInput } from './autostart-entry';

/** Undoes the Desktop Entry escaping the way a desktop session reads Exec (string rules, then quoting). */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, (_m, c: string) => (c === '\\' ? '\\' : `\\${c}`)).replaceAll('%%', '%');
  const args: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of unescaped.matchAll(re)) args.push(m[1] !== undefined ? m[1].replace(/\\(["`$\\])/g, '$1') : m[2]!);
  return args;
}

const base: AutostartInput = {
  platform: 'linux',
  enabled: true,
  packaged: true,
  execPath: '/opt/Kinerja Kiosk/kinerja-kiosk',
  env: {},
  home: '/home/kiosk',
  name: 'Kinerja Kiosk',
};

describe('execArg', () => {
  it.each([
    '/opt/kinerja-kiosk/kinerja-kiosk',
    '/opt/Kinerja Kiosk/kinerja-kiosk',
    '/home/kiosk/Apps/Kinerja-Kiosk-1.2.0.AppImage',
    '/home/o\'brien/$HOME/`x`/"q"/back\\slash/100%/a;b',
  ])('round-trips %s through the desktop session’s unescaping', (path) => {
    expect(parseExec(execArg(path))).toEqual([path]);
  });

  it('leaves a plain path unquoted and quotes one with a space', () => {
    expect(execArg('/opt/kinerja-kiosk/kinerja-kiosk')).toBe('/opt/kinerja-kiosk/kinerja-kiosk');
    expect(execArg('/opt/Kinerja Kiosk/kinerja-kiosk')).toBe('"/opt/Kinerja Kiosk/kinerja-kiosk"');
  });
});

describe('desktopEntry', () => {
  it('is an autostart-enabled application entry on one line per key', () => {
    const text = desktopEntry('/opt/Kinerja Kiosk/kinerja-kiosk', 'Kinerja\nKiosk');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Name=Kinerja Kiosk');
    expect(lines).toContain('Exec="/opt/Kinerja Kiosk/kinerja-kiosk"');
    expect(lines).toContain('Terminal=false');
    expect(lines.every((l) => l === '[Desktop Entry]' || /^[A-Za-z0-9-]+=/.test(l))).toBe(true);
  });
});

describe('autostartPlan', () => {
  it('Windows: a login item for the installed exe', () => {
    expect(autostartPlan({ ...base, platform: 'win32', execPath: 'C:\\Program Files\\Kinerja Kiosk\\Kinerja Kiosk.exe' })).toEqual({
      kind: 'login-item',
      openAtLogin: true,
      path: 'C:\\Program Files\\Kinerja Kiosk\\Kinerja Kiosk.exe',
    });
    expect(autostartPlan({ ...base, platform: 'win32', enabled: false })).toMatchObject({ kind: 'login-item', openAtLogin: false });
  });

  it('Linux deb: ~/.config/autostart/kinerja-kiosk.desktop starting the installed binary', () => {
    const plan = autostartPlan(base);
    expect(plan).toMatchObject({ kind: 'write', file: '/home/kiosk/.config/autostart/kinerja-kiosk.desktop' });
    expect(plan.kind === 'write' && plan.content).toContain('Exec="/opt/Kinerja Kiosk/kinerja-kiosk"');
  });

  it('Linux AppImage: starts the .AppImage file, not the temporary mount', () => {
    const plan = autostartPlan({
      ...base,
      execPath: '/tmp/.mount_KinerjXYZ/kinerja-kiosk',
      env: { APPIMAGE: '/home/kiosk/Kinerja-Kiosk-1.2.0.AppImage' },
    });
    expect(plan.kind === 'write' && plan.content).toContain('Exec=/home/kiosk/Kinerja-Kiosk-1.2.0.AppImage\n');
  });

  it('Linux: honours an absolute XDG_CONFIG_HOME and ignores a relative one', () => {
    expect(autostartPlan({ ...base, env: { XDG_CONFIG_HOME: '/srv/cfg' } })).toMatchObject({ file: '/srv/cfg/autostart/kinerja-kiosk.desktop' });
    expect(autostartPlan({ ...base, env: { XDG_CONFIG_HOME: 'cfg' } })).toMatchObject({ file: '/home/kiosk/.config/autostart/kinerja-kiosk.desktop' });
  });

  it('Linux, turned off: removes the file', () => {
    expect(autostartPlan({ ...base, enabled: false })).toEqual({ kind: 'remove', file: '/home/kiosk/.config/autostart/kinerja-kiosk.desktop' });
  });

  it('a development run and macOS change nothing', () => {
    expect(autostartPlan({ ...base, packaged: false }).kind).toBe('skip');
    expect(autostartPlan({ ...base, platform: 'darwin' }).kind).toBe('skip');
  });
});

describe('applyAutostartFile', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the file (creating ~/.config/autostart), and removing it twice is fine', () => {
    dir = mkdtempSync(join(tmpdir(), 'kk-autostart-'));
    const on = autostartPlan({ ...base, home: dir });
    applyAutostartFile(on);
    const file = join(dir, '.config', 'autostart', 'kinerja-kiosk.desktop');
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(base.execPath, base.name));

    const off = autostartPlan({ ...base, home: dir, enabled: false });
    applyAutostartFile(off);
    expect(existsSync(file)).toBe(false);
    expect(() => applyAutostartFile(off)).not.toThrow();
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTokenStore } from '../core/sync/token-store';
import { ENCRYPTED_TOKEN_FILE, PLAIN_TOKEN_FILE, SafeStorageTokenStore, createShellTokenStore, type Encryption } from './token-store';

/** A stand-in for safeStorage: a reversible scramble under a key, failing under another key. */
function fakeSafeStorage(key = 7, available = true): Encryption {
  return {
    available: () => available,
    encrypt: (plain) => Buffer.concat([Buffer.from([key]), Buffer.from(plain, 'utf8').map((b) => b ^ key)]),
    decrypt: (data) => {
      if (data[0] !== key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(1).map((b) => b ^ key)).toString('utf8');
    },
  };
}

const TOKEN = 'kk_ws_3b7c0d0e9f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';

describe('SafeStorageTokenStore', () => {
  let dir: string;
  const warnings: string[] = [];
  const warn = (m: string): void => void warnings.push(m);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kk-token-'));
    warnings.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips the token through an encrypted 0600 file that never holds it in clear', () => {
    const store = new SafeStorageTokenStore(dir, fakeSafeStorage(), warn);
    expect(store.read()).toBeNull();
    store.write(TOKEN);
    expect(store.read()).toBe(TOKEN);
    const file = join(dir, ENCRYPTED_TOKEN_FILE);
    expect(readFileSync(file).toString('latin1')).not.toContain(TOKEN);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // A new store on the same folder (the next start) reads it back.
    expect(new SafeStorageTokenStore(dir, fakeSafeStorage(), warn).read()).toBe(TOKEN);
    store.clear();
    expect(store.read()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('moves a plain-text token (dev bridge, a start without keyring) into the encrypted file', () => {
    new FileTokenStore(join(dir, PLAIN_TOKEN_FILE)).write(TOKEN);
    const store = new SafeStorageTokenStore(dir, fakeSafeStorage(), warn);
    expect(store.read()).toBe(TOKEN);
    expect(existsSync(join(dir, PLAIN_TOKEN_FILE))).toBe(false);
    expect(existsSync(join(dir, ENCRYPTED_TOKEN_FILE))).toBe(true);
    expect(store.read()).toBe(TOKEN);
  });

  it('takes a token enrolled on a start without a keyring over the older encrypted one', () => {
    // Start 1 (keyring): enrolled. Start 2 (no keyring): enrolled again, in the plain file.
    new SafeStorageTokenStore(dir, fakeSafeStorage(), warn).write(TOKEN);
    createShellTokenStore(dir, fakeSafeStorage(7, false), warn).write(`${TOKEN}-new`);
    // Start 3 (keyring again): the new token, not the replaced one, and it is now encrypted.
    const store = new SafeStorageTokenStore(dir, fakeSafeStorage(), warn);
    expect(store.read()).toBe(`${TOKEN}-new`);
    expect(existsSync(join(dir, PLAIN_TOKEN_FILE))).toBe(false);
    expect(new SafeStorageTokenStore(dir, fakeSafeStorage(), warn).read()).toBe(`${TOKEN}-new`);
  });

  it('reads nothing (and says why) when the key changed, rather than failing the sync loop', () => {
    new SafeStorageTokenStore(dir, fakeSafeStorage(7), warn).write(TOKEN);
    expect(new SafeStorageTokenStore(dir, fakeSafeStorage(9), warn).read()).toBeNull();
    expect(warnings.join()).toMatch(/cannot be decrypted/);
  });

  it('replaces the old token on re-enrollment', () => {
    const store = new SafeStorageTokenStore(dir, fakeSafeStorage(), warn);
    store.write(TOKEN);
    store.write(`${TOKEN}-new`);
    expect(store.read()).toBe(`${TOKEN}-new`);
    expect(existsSync(join(dir, `${ENCRYPTED_TOKEN_FILE}.tmp`))).toBe(false);
  });
});

describe('createShellTokenStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kk-token-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses safeStorage when it is available', () => {
    createShellTokenStore(dir, fakeSafeStorage(), () => undefined).write(TOKEN);
    expect(existsSync(join(dir, ENCRYPTED_TOKEN_FILE))).toBe(true);
    expect(existsSync(join(dir, PLAIN_TOKEN_FILE))).toBe(false);
  });

  it('falls back to the core 0600 plain file without a keyring', () => {
    const warnings: string[] = [];
    writeFileSync(join(dir, ENCRYPTED_TOKEN_FILE), 'x');
    const store = createShellTokenStore(dir, fakeSafeStorage(7, false), (m) => void warnings.push(m));
    expect(warnings.join()).toMatch(/safeStorage is unavailable/);
    store.write(TOKEN);
    expect(readFileSync(join(dir, PLAIN_TOKEN_FILE), 'utf8')).toBe(TOKEN);
    expect(store.read()).toBe(TOKEN);
  });
});

import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileTokenStore, type TokenStore } from '../core/sync/token-store';

/**
 * The workstation's bearer token at rest, encrypted with Electron's `safeStorage` (DPAPI on
 * Windows, the desktop keyring on Linux), in a file beside the database. The encryption is passed
 * in, so this module runs under plain Node in the tests; main.ts hands it safeStorage.
 *
 * The core's TokenStore is synchronous (the sync loop reads the token at each attempt), so the
 * synchronous safeStorage calls are used; Electron 45 marks them deprecated but keeps them.
 */
export interface Encryption {
  /** False before `ready`, and on Linux without a usable keyring. */
  available(): boolean;
  encrypt(plain: string): Buffer;
  /** Throws when the data was encrypted under another key (another OS user, a reset keyring). */
  decrypt(data: Buffer): string;
}

export const ENCRYPTED_TOKEN_FILE = 'workstation.token.enc';
/** The core's own default (FileTokenStore): a 0600 plain-text file. */
export const PLAIN_TOKEN_FILE = 'workstation.token';

export class SafeStorageTokenStore implements TokenStore {
  private readonly file: string;
  private readonly plainFile: string;

  constructor(
    dir: string,
    private readonly crypto: Encryption,
    private readonly warn: (message: string, error?: unknown) => void = console.warn,
  ) {
    this.file = join(dir, ENCRYPTED_TOKEN_FILE);
    this.plainFile = join(dir, PLAIN_TOKEN_FILE);
  }

  read(): string | null {
    // A token kept in plain text (the dev bridge on this folder, or a start without a keyring)
    // moves into the encrypted file the first time it is read here. It is checked first: write()
    // removes it, so one that exists was written after the encrypted file (an enrollment on a
    // start without a keyring) and the encrypted token beside it is the older, replaced one.
    const plain = new FileTokenStore(this.plainFile).read();
    if (plain !== null) {
      this.write(plain);
      return plain;
    }
    if (!existsSync(this.file)) return null;
    try {
      const token = this.crypto.decrypt(readFileSync(this.file)).trim();
      return token.length > 0 ? token : null;
    } catch (error) {
      // Not ours to read any more (keyring reset, profile copied to another user): the sync
      // loop then reports the PC as not authenticated and the operator enrolls it again.
      this.warn('[token] the stored workstation token cannot be decrypted', error);
      return null;
    }
  }

  write(token: string): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.crypto.encrypt(token), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    // Temp file + rename: a power cut leaves the old token or the new one, never half of one.
    renameSync(tmp, this.file);
    rmSync(this.plainFile, { force: true });
  }

  clear(): void {
    rmSync(this.file, { force: true });
    rmSync(this.plainFile, { force: true });
  }
}

/**
 * safeStorage when it works; otherwise the core's 0600 plain file (Linux without a keyring),
 * which is what the README promises. Call after `ready` (safeStorage says no before it).
 */
export function createShellTokenStore(
  dir: string,
  crypto: Encryption,
  warn: (message: string, error?: unknown) => void = console.warn,
): TokenStore {
  if (crypto.available()) return new SafeStorageTokenStore(dir, crypto, warn);
  if (existsSync(join(dir, ENCRYPTED_TOKEN_FILE))) {
    warn('[token] safeStorage is unavailable: the encrypted workstation token cannot be read on this start');
  }
  return new FileTokenStore(join(dir, PLAIN_TOKEN_FILE));
}

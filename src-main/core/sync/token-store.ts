import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Where the workstation's bearer token is kept. The Electron shell gives the core a store backed
 * by `safeStorage` (the OS keychain); plain Node (dev, tests, the demo) keeps a file only its user
 * can read. The token never goes into the SQLite file: a copied database must not carry it along.
 */
export interface TokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

/** A 0600 file, written atomically (temp file + rename) so a power cut never leaves half a token. */
export class FileTokenStore implements TokenStore {
  constructor(private readonly file: string) {}

  read(): string | null {
    if (!existsSync(this.file)) return null;
    const token = readFileSync(this.file, 'utf8').trim();
    return token.length > 0 ? token : null;
  }

  write(token: string): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, token, { mode: 0o600 });
    // The mode of an existing temp file is not changed by writeFileSync's option.
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}

/** Keeps the token in memory only (tests that do not restart the core). */
export class MemoryTokenStore implements TokenStore {
  private token: string | null = null;
  read = (): string | null => this.token;
  write = (token: string): void => {
    this.token = token;
  };
  clear = (): void => {
    this.token = null;
  };
}

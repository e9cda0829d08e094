import type { Db, Tx } from './client';

/**
 * PostgreSQL may abort a transaction that did nothing wrong: a deadlock between a push and an
 * import locking rows in another order (40P01), or a serialization failure (40001). Those are
 * retried a few times with a short random wait; anything else propagates.
 */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export type TxOptions = Parameters<Db['transaction']>[1];

/** `alsoRetry`: more SQLSTATEs the caller knows to be races, e.g. 23505 after a check-then-insert. */
export async function withTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  options?: TxOptions,
  alsoRetry: readonly string[] = [],
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn, options);
    } catch (err) {
      const state = sqlState(err);
      if (!state || !(RETRYABLE.has(state) || alsoRetry.includes(state)) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

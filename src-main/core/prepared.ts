import type { Db } from './context';

/**
 * Statements prepared once per open database. Building a drizzle query and having SQLite compile
 * it costs 40–150 µs; running a prepared one costs a few. The hot paths (every entry-create runs a
 * dozen statements) use this; a closed database drops its statements with it.
 */
export function perDb<T>(factory: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) cache.set(db, (value = factory(db)));
    return value;
  };
}

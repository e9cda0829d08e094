import type Database from 'better-sqlite3';
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

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A raw statement prepared once per open database (for SQL drizzle does not express well). */
export function stmt(sqlite: Database.Database, source: string): Database.Statement {
  let bySource = statements.get(sqlite);
  if (!bySource) statements.set(sqlite, (bySource = new Map()));
  let s = bySource.get(source);
  if (!s) bySource.set(source, (s = sqlite.prepare(source)));
  return s;
}

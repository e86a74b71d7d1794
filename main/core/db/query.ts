import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

// Kysely builds and types the SQL; better-sqlite3 runs it synchronously. Synchronous execution
// keeps a service's transaction in one call stack: nothing else can interleave between its reads
// and writes, which async drivers cannot promise.

export function queryBuilder<Schema>(): Kysely<Schema> {
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();

function prepare(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

type Row<Q> = Q extends Compilable<infer R> ? R : never;

export function all<Q extends Compilable<unknown>>(db: Db, query: Q): Row<Q>[] {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).all(...(parameters as unknown[])) as Row<Q>[];
}

export function first<Q extends Compilable<unknown>>(db: Db, query: Q): Row<Q> | undefined {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).get(...(parameters as unknown[])) as Row<Q> | undefined;
}

export function run(db: Db, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const { sql, parameters } = query.compile();
  const info = prepare(db, sql).run(...(parameters as unknown[]));
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}

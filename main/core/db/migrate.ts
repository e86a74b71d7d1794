import type { Db } from './connection';

export interface Migration {
  /** Global, contiguous: 1, 2, 3 … across all modules, tracked in PRAGMA user_version. */
  version: number;
  name: string;
  up(db: Db): void;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`数据库版本为 ${found}，本程序只支持到 ${supported}。该数据库由更新版本的程序写入，请升级程序后再打开。`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list broken at ${m.name}: expected version ${i + 1}, got ${m.version}`);
    }
  });
}

/**
 * Applies every pending migration in one transaction: either the database moves to the newest
 * version or it stays exactly as it was. A database from a newer app is refused, never touched.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  assertMigrationList(migrations);
  const latest = migrations.length;
  const seen = schemaVersion(db);
  if (seen > latest) throw new DatabaseTooNewError(seen, latest);
  if (seen === latest) return { from: seen, to: seen };
  let from = seen;
  db.transaction(() => {
    // Read again under the write lock: another process may have migrated while we waited for it.
    from = schemaVersion(db);
    if (from > latest) throw new DatabaseTooNewError(from, latest);
    for (const m of migrations.slice(from)) m.up(db);
    // user_version is written inside the transaction, so it rolls back with the schema.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}

import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron keeps its own build apart). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens the store with the settings every connection must share. WAL lets readers (worker
 * threads, backups) run beside the writer; synchronous=FULL because these are legal records and
 * a committed registration must survive a power cut, not only a killed process.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  // Several counters may write at once from separate processes; wait instead of failing.
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  // Keeps the query planner's statistics fresh (SQLite's advice for long-lived connections): without
  // them a filtered audit page picked the wrong index and ran four times slower at 200,000 entries.
  if (!options.readonly) db.pragma('optimize = 0x10002');
  return db;
}

/**
 * Runs `fn` in a write transaction taken at the start (BEGIN IMMEDIATE), so that reads inside it
 * (the last audit hash, the next certificate serial) cannot be overtaken by another writer.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

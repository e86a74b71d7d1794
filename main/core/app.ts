import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock';
import { openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrate';
import { allMigrations } from './db/migrations';
import { SessionStore } from './auth/sessions';
import { JobRunner } from './jobs/runner';

export interface AppConfig {
  /** Where the database, backups and logs live (Electron userData, or --data-dir / REGISTRY_DATA_DIR). */
  dataDir: string;
  /** resources/ (fonts, sample policy data). */
  resourcesDir: string;
  appVersion: string;
  transport: 'ipc' | 'http';
  /** better_sqlite3.node for this runtime's ABI when it is not the one in node_modules (Electron). */
  nativeBinding?: string | undefined;
  /** The worker-thread script for long jobs, and how to start it (tests run the .ts through tsx). */
  worker: { script: string; execArgv: string[] };
  clock?: Clock;
}

export interface AppContext {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  readonly jobs: JobRunner;
  readonly paths: { database: string; backups: string };
  /** Replaced by a restore; always read it through `app.db`, never keep a copy. */
  db: Db;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'registry.db');
}

export function openApp(config: AppConfig): AppContext {
  mkdirSync(config.dataDir, { recursive: true });
  const paths = { database: databasePath(config.dataDir), backups: join(config.dataDir, 'backups') };
  mkdirSync(paths.backups, { recursive: true });
  const db = openDatabase(paths.database, { nativeBinding: config.nativeBinding });
  try {
    migrate(db, allMigrations);
  } catch (e) {
    db.close();
    throw e;
  }
  const clock = config.clock ?? systemClock;
  return {
    config,
    clock,
    sessions: new SessionStore(clock),
    jobs: new JobRunner(config.worker, paths.database, config.nativeBinding),
    paths,
    db,
  };
}

export function closeApp(app: AppContext): void {
  app.jobs.stopAll();
  app.sessions.clear();
  if (app.db.open) app.db.close();
}

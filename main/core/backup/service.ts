import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app';
import { recordAudit, systemActor, type Actor } from '../audit/service';
import { openDatabase, writeTransaction } from '../db/connection';
import { migrate } from '../db/migrate';
import { allMigrations } from '../db/migrations';
import { ServiceError } from '../errors';
import { getSettings } from '../settings/service';
import type { BackupKind, BackupView } from './contract';
import { backupFileName, headerSchemaVersion, parseBackupFileName } from './files';

function view(dir: string, fileName: string): BackupView | null {
  const parsed = parseBackupFileName(fileName);
  if (!parsed) return null;
  const file = join(dir, fileName);
  const schemaVersion = headerSchemaVersion(file);
  if (schemaVersion === null) return null;
  return {
    fileName,
    kind: parsed.kind,
    createdAt: parsed.createdAt.toISOString(),
    sizeBytes: statSync(file).size,
    schemaVersion,
  };
}

export function listBackups(app: AppContext): BackupView[] {
  const dir = app.paths.backups;
  return readdirSync(dir)
    .map((f) => view(dir, f))
    .filter((v): v is BackupView => v !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** Opens a copy read-only and runs quick_check: a backup that cannot be read back is no backup. */
function checkCopy(app: AppContext, file: string): void {
  const db = openDatabase(file, { readonly: true, nativeBinding: app.config.nativeBinding });
  try {
    const r = db.pragma('quick_check', { simple: true });
    if (r !== 'ok') throw new ServiceError('INTERNAL', `备份文件校验未通过：${String(r)}`);
  } finally {
    db.close();
  }
}

/**
 * Online backup through SQLite's backup API: pages are copied while the counters keep working,
 * and the copy is a consistent snapshot. It is checked before it is listed.
 */
export async function createBackup(app: AppContext, kind: BackupKind, actor: Actor): Promise<BackupView> {
  const now = app.clock.now();
  let attempt = 0;
  let fileName = backupFileName(now, kind, attempt);
  while (existsSync(join(app.paths.backups, fileName))) fileName = backupFileName(now, kind, ++attempt);
  const dest = join(app.paths.backups, fileName);
  const partial = `${dest}.partial`;
  try {
    await app.db.backup(partial);
    checkCopy(app, partial);
    renameSync(partial, dest);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e instanceof ServiceError ? e : new ServiceError('INTERNAL', `备份失败：${(e as Error).message}`);
  }
  const v = view(app.paths.backups, fileName)!;
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, { action: 'backup', entity: 'database', entityId: fileName, after: v }),
  );
  return v;
}

/**
 * Replaces the live database with a backup. The current database is backed up first, so a
 * restore can itself be undone. Everyone is logged out: accounts may differ in the restored copy.
 */
export async function restoreBackup(
  app: AppContext,
  fileName: string,
  actor: Actor,
): Promise<{ restored: BackupView; safetyBackup: BackupView }> {
  const restored = listBackups(app).find((b) => b.fileName === fileName);
  if (!restored) throw new ServiceError('NOT_FOUND', `未找到备份文件 ${fileName}`);
  if (restored.schemaVersion > allMigrations.length) {
    throw new ServiceError('RULE_VIOLATION', '该备份由更新版本的程序创建，当前程序无法恢复；请先升级程序');
  }
  const source = join(app.paths.backups, fileName);
  checkCopy(app, source);
  const safetyBackup = await createBackup(app, 'pre-restore', actor);

  app.jobs.stopAll();
  app.db.close();
  const target = app.paths.database;
  const staging = `${target}.restoring`;
  try {
    copyFileSync(source, staging);
    // The old WAL belongs to the old file; left behind it would be replayed into the restored one.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { force: true });
    app.db = openDatabase(target, { nativeBinding: app.config.nativeBinding });
  }
  migrate(app.db, allMigrations);
  app.sessions.clear();
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, {
      action: 'restore',
      entity: 'database',
      entityId: fileName,
      detail: `从备份 ${fileName} 恢复；恢复前的数据库已备份为 ${safetyBackup.fileName}`,
    }),
  );
  return { restored, safetyBackup };
}

/** Daily backups older than the retention are removed; the newest three are always kept. */
export function applyRetention(app: AppContext): string[] {
  const days = getSettings(app.db).backupRetentionDays;
  const cutoff = app.clock.now().getTime() - days * 86_400_000;
  const daily = listBackups(app).filter((b) => b.kind === 'daily');
  const removed: string[] = [];
  for (const b of daily.slice(3)) {
    if (new Date(b.createdAt).getTime() < cutoff) {
      rmSync(join(app.paths.backups, b.fileName), { force: true });
      removed.push(b.fileName);
    }
  }
  return removed;
}

/** Called on a timer: takes today's daily backup once the configured hour has come. */
export async function runDailyBackupIfDue(app: AppContext): Promise<BackupView | null> {
  const s = getSettings(app.db);
  if (!s.dailyBackup) return null;
  const now = app.clock.now();
  if (now.getHours() < s.dailyBackupHour) return null;
  const today = backupFileName(now, 'daily', 0).slice(0, 'registry-YYYYMMDD'.length);
  if (listBackups(app).some((b) => b.kind === 'daily' && b.fileName.startsWith(today))) return null;
  const made = await createBackup(app, 'daily', systemActor);
  applyRetention(app);
  return made;
}

export function lastBackupAt(app: AppContext): string | null {
  return listBackups(app)[0]?.createdAt ?? null;
}

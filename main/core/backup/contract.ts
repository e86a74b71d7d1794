import { z } from 'zod';
import { channel, needs, returns } from '../contract/define';
import { empty } from '../contract/fields';

export type BackupKind = 'manual' | 'daily' | 'pre-restore';

export interface BackupView {
  fileName: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  /** Schema version inside the file; a newer one than the app's cannot be restored. */
  schemaVersion: number;
}

/** Result of the integrity-check job (`jobs.get` → result). */
export interface IntegrityResult {
  ok: boolean;
  messages: string[];
}

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  databaseBytes: number;
  lastBackupAt: string | null;
  transport: 'ipc' | 'http';
}

export const backupFileName = z
  .string()
  .regex(/^registry-\d{8}-\d{6}(-\d+)?-(manual|daily|pre-restore)\.db$/, { message: '备份文件名无效' })
  .describe('备份文件');

export const backupContract = {
  'system.info': channel({
    input: empty,
    output: returns<SystemInfo>(),
    access: needs('system.backup'),
    summary: '数据库位置、版本、大小、最近备份时间',
    mutates: false,
  }),
  'backup.list': channel({
    input: empty,
    output: returns<BackupView[]>(),
    access: needs('system.backup'),
    summary: '备份文件列表（新的在前）',
    mutates: false,
  }),
  'backup.create': channel({
    input: empty,
    output: returns<BackupView>(),
    access: needs('system.backup'),
    summary: '立即在线备份数据库（不中断业务），备份文件经完整性校验',
    mutates: true,
  }),
  'backup.restore': channel({
    input: z
      .object({
        fileName: backupFileName,
        // The client must show a confirmation and send this literal: a stray call cannot restore.
        confirm: z.literal('确认恢复', { message: '恢复前须确认' }).describe('确认'),
      })
      .strict(),
    output: returns<{ restored: BackupView; safetyBackup: BackupView }>(),
    access: needs('system.backup'),
    summary: '从备份恢复（先自动备份当前库；恢复后所有用户须重新登录）',
    mutates: true,
  }),
  'backup.integrityCheck': channel({
    input: empty,
    output: returns<{ jobId: string }>(),
    access: needs('system.backup'),
    summary: '在后台线程运行 PRAGMA integrity_check，结果通过 jobs.get 查询',
    mutates: false,
  }),
};

import { statSync } from 'node:fs';
import { writeTransaction } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { defineHandlers } from '../handler';
import { recordAudit } from '../audit/service';
import type { IntegrityResult } from './contract';
import { createBackup, lastBackupAt, listBackups, restoreBackup } from './service';

export const backupHandlers = defineHandlers({
  'system.info': (_i, { app }) => ({
    appVersion: app.config.appVersion,
    schemaVersion: schemaVersion(app.db),
    dataDir: app.config.dataDir,
    databaseFile: app.paths.database,
    databaseBytes: statSync(app.paths.database).size,
    lastBackupAt: lastBackupAt(app),
    transport: app.config.transport,
  }),
  'backup.list': (_i, { app }) => listBackups(app),
  'backup.create': (_i, { app, actor }) => createBackup(app, 'manual', actor),
  'backup.restore': (i, { app, actor }) => restoreBackup(app, i.fileName, actor),
  'backup.integrityCheck': (_i, { app, actor }) => {
    const jobId = app.jobs.start('db.integrityCheck', null, actor.userId ?? 0, (job) => {
      const r = job.result as IntegrityResult | null;
      const detail = r
        ? r.ok
          ? '数据库完整性检查通过'
          : `数据库完整性检查发现问题：${r.messages.slice(0, 5).join('；')}`
        : '检查未完成';
      writeTransaction(app.db, () => recordAudit(app.db, app.clock, actor, { action: 'verify', entity: 'database', detail }));
    });
    return { jobId };
  },
});

import { writeTransaction } from '../db/connection';
import { defineHandlers } from '../handler';
import { auditFilterValues, listAudit, recordAudit } from './service';
import type { AuditVerifyResult } from './contract';

export const auditHandlers = defineHandlers({
  'audit.list': (i, { app }) => listAudit(app.db, i),
  'audit.actions': (_i, { app }) => auditFilterValues(app.db),
  'audit.verify': (_i, { app, actor }) => {
    const jobId = app.jobs.start('audit.verify', null, actor.userId ?? 0, (job) => {
      const r = job.result as AuditVerifyResult | null;
      const detail =
        job.state === 'done' && r
          ? r.intact
            ? `审计日志完整，共校验 ${r.checked} 条`
            : `审计日志在第 ${r.firstBroken?.id} 条处断裂：${r.firstBroken?.reason}`
          : '校验未完成';
      writeTransaction(app.db, () => recordAudit(app.db, app.clock, actor, { action: 'verify', entity: 'audit_log', detail }));
    });
    return { jobId };
  },
});

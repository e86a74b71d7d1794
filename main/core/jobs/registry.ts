import type { Db } from '../db/connection';
import { verifyAuditChain } from '../audit/service';
import type { IntegrityResult } from '../backup/contract';
import { archiveJobs } from '../../marriage/archive/jobs';

export type Progress = (done: number, total: number, message?: string) => void;

export interface JobImplementation {
  /**
   * Read-only jobs open the database read-only, so a bug in one cannot write. A writing job
   * (readonly: false) gets its own read-write connection and must write the way services do: one
   * writeTransaction (BEGIN IMMEDIATE) holding every change and its audit entries (recordAudit),
   * all or nothing. The actor and the app clock's offset come in its params.
   */
  readonly: boolean;
  /** May return a promise (reading an XLSX file is asynchronous); the worker waits for it. */
  run(db: Db, params: unknown, progress: Progress): unknown;
}

// Every job a worker thread can run. They take the database path, never the main connection:
// SQLite in WAL mode lets them read while the counters keep writing.
export type JobKind = 'db.integrityCheck' | 'audit.verify' | keyof typeof archiveJobs;

export const jobImplementations: Record<JobKind, JobImplementation> = {
  ...archiveJobs,
  'db.integrityCheck': {
    readonly: true,
    run(db: Db, _params: unknown, progress: Progress): IntegrityResult {
      progress(0, 1, '正在检查数据库完整性…');
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      const messages = rows.map((r) => r.integrity_check);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) messages.push(`外键不一致 ${fk.length} 处`);
      progress(1, 1, '检查完成');
      return { ok: messages.length === 1 && messages[0] === 'ok', messages };
    },
  },
  'audit.verify': {
    readonly: true,
    run(db: Db, _params: unknown, progress: Progress) {
      return verifyAuditChain(db, (done, total) => progress(done, total, `已校验 ${done} / ${total} 条`));
    },
  },
};

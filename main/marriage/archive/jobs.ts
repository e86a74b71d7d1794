import type { Actor } from '../../core/audit/service';
import type { Clock } from '../../core/clock';
import type { Db } from '../../core/db/connection';
import type { JobImplementation } from '../../core/jobs/registry';
import type { ArchiveFile } from './contract';
import { checkArchiveFile, importArchiveFile } from './service';

/** What the handler hands the worker: the file, who asked, and the app clock's offset from real time. */
export interface ArchiveJobParams {
  file: ArchiveFile;
  actor: Actor;
  /** The worker has no app clock; it runs the app's (a training or test clock may be shifted). */
  clockOffsetMs: number;
}

const clockOf = (offsetMs: number): Clock => ({ now: () => new Date(Date.now() + offsetMs) });

export const archiveJobs = {
  'marriage.archive.check': {
    readonly: true,
    run: (db: Db, params, progress) => {
      const p = params as ArchiveJobParams;
      return checkArchiveFile(db, clockOf(p.clockOffsetMs), p.file, progress);
    },
  },
  // A writing job: its own read-write connection, one BEGIN IMMEDIATE transaction holding every
  // record and its audit entry (recordAudit chains onto the log under that lock).
  'marriage.archive.import': {
    readonly: false,
    run: (db: Db, params, progress) => {
      const p = params as ArchiveJobParams;
      return importArchiveFile(db, clockOf(p.clockOffsetMs), p.actor, p.file, progress);
    },
  },
} satisfies Record<string, JobImplementation>;

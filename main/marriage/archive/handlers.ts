import { defineHandlers, type HandlerContext } from '../../core/handler';
import type { ArchiveJobParams } from './jobs';
import type { ArchiveFile } from './contract';
import { archiveBatches, archiveRecord } from './service';
import { archiveTemplate } from './template';

/** Hands the file to a worker thread; the caller polls jobs.get. */
function startJob(ctx: HandlerContext, kind: 'marriage.archive.check' | 'marriage.archive.import', file: ArchiveFile) {
  const params: ArchiveJobParams = {
    file,
    actor: ctx.actor,
    clockOffsetMs: ctx.app.clock.now().getTime() - Date.now(),
  };
  return { jobId: ctx.app.jobs.start(kind, params, ctx.actor.userId ?? 0) };
}

export const marriageArchiveHandlers = defineHandlers({
  'marriage.archive.template': (i) => archiveTemplate(i.format),
  'marriage.archive.check': (i, ctx) => startJob(ctx, 'marriage.archive.check', i),
  'marriage.archive.import': (i, ctx) => startJob(ctx, 'marriage.archive.import', i),
  'marriage.archive.batches': (_i, { app }) => archiveBatches(app.db),
  'marriage.archive.record': (i, { app }) => archiveRecord(app.db, i.id),
});

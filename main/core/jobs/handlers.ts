import { ServiceError } from '../errors';
import { defineHandlers } from '../handler';

export const jobsHandlers = defineHandlers({
  'jobs.get': (i, { app, user }) => {
    const job = app.jobs.get(i.id);
    // Another user's job is reported as missing: its result may hold what they may not see.
    if (!job || job.ownerId !== user?.id) throw new ServiceError('NOT_FOUND', '未找到该后台任务（可能已过期）');
    const { ownerId: _owner, ...view } = job;
    return view;
  },
});

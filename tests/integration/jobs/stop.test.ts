import { describe, expect, it } from 'vitest';
import { closeApp } from '../../../main/core/app';
import { openTestApp, setupAdmin } from '../../helpers/app';

// Closing the app (or restoring a backup) while a worker job runs must not leave the job's
// follow-up to write into a closed database once the worker ends.
describe('stopping the background jobs', () => {
  it('ends running jobs as failed and never runs their follow-up after the app closes', async () => {
    const t = openTestApp();
    const admin = await setupAdmin(t);
    let followedUp = 0;
    const id = t.app.jobs.start('db.integrityCheck', null, 1, () => followedUp++);
    const { jobId } = await t.must('backup.integrityCheck', {}, admin);
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      closeApp(t.app);
      expect(t.app.jobs.get(id)).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('已中止') } });
      expect(t.app.jobs.get(jobId)?.state).toBe('failed');
      await new Promise((r) => setTimeout(r, 1500)); // the terminated workers report their exit
      expect(followedUp).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      process.off('uncaughtException', onError);
      t.close();
    }
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDailyBackupIfDue, applyRetention, listBackups } from '../../../main/core/backup/service';
import { manualClock } from '../../../main/core/clock';
import type { IntegrityResult } from '../../../main/core/backup/contract';
import { openDatabase } from '../../../main/core/db/connection';
import { openTestApp, setupAdmin, type TestApp } from '../../helpers/app';

let t: TestApp;
afterEach(() => t?.close());

describe('backup and restore', () => {
  it('backs up online, restores after a confirmation, keeps a safety copy and logs everyone out', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const first = await t.must('backup.create', {}, admin);
    expect(first.kind).toBe('manual');
    expect(existsSync(join(t.dataDir, 'backups', first.fileName))).toBe(true);

    await t.must(
      'users.create',
      { username: 'later', displayName: '后来的人', roles: ['auditor'], password: 'Initial123' },
      admin,
    );
    expect((await t.must('users.list', {}, admin)).map((u) => u.username)).toContain('later');

    const unconfirmed = await t.call('backup.restore', { fileName: first.fileName } as never, admin);
    expect(unconfirmed.ok ? 'ok' : unconfirmed.error.code).toBe('INVALID_INPUT');

    const { safetyBackup } = await t.must('backup.restore', { fileName: first.fileName, confirm: '确认恢复' }, admin);
    expect(safetyBackup.kind).toBe('pre-restore');
    // The session ended with the restore.
    expect((await t.call('users.list', {}, admin)).ok).toBe(false);
    const again = await t.must('auth.login', { username: 'admin', password: 'Admin1234' });
    expect((await t.must('users.list', {}, again.token)).map((u) => u.username)).not.toContain('later');
    // And the restore is on record in the restored database.
    const restoreRow = t.app.db.prepare("SELECT detail FROM audit_log WHERE action = 'restore'").get() as { detail: string };
    expect(restoreRow.detail).toContain(first.fileName);
    // Undo is possible: the safety copy still has the later user.
    const safety = openDatabase(join(t.dataDir, 'backups', safetyBackup.fileName), { readonly: true });
    expect(safety.prepare("SELECT count(*) n FROM users WHERE username = 'later'").get()).toEqual({ n: 1 });
    safety.close();
  });

  it('refuses file names outside the backup folder and unknown files', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const traversal = await t.call('backup.restore', { fileName: '../registry.db', confirm: '确认恢复' }, admin);
    expect(traversal.ok ? 'ok' : traversal.error.code).toBe('INVALID_INPUT');
    const missing = await t.call(
      'backup.restore',
      { fileName: 'registry-20200101-000000-manual.db', confirm: '确认恢复' },
      admin,
    );
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('refuses to restore a backup written by a newer version', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const b = await t.must('backup.create', {}, admin);
    const file = openDatabase(join(t.dataDir, 'backups', b.fileName));
    file.pragma('user_version = 999');
    file.close();
    const r = await t.call('backup.restore', { fileName: b.fileName, confirm: '确认恢复' }, admin);
    expect(r.ok ? 'ok' : r.error.message).toContain('更新版本');
  });

  it('takes the daily backup once after the configured hour and prunes old ones', async () => {
    const clock = manualClock(new Date(2026, 10, 20, 11, 0, 0));
    t = openTestApp({ clock });
    await setupAdmin(t);
    expect(await runDailyBackupIfDue(t.app)).toBeNull(); // before 12:00
    clock.set(new Date(2026, 10, 20, 12, 30, 0));
    expect((await runDailyBackupIfDue(t.app))?.kind).toBe('daily');
    expect(await runDailyBackupIfDue(t.app)).toBeNull(); // once a day
    for (let day = 21; day <= 26; day++) {
      clock.set(new Date(2026, 10, day, 13, 0, 0));
      await runDailyBackupIfDue(t.app);
    }
    expect(listBackups(t.app).filter((b) => b.kind === 'daily')).toHaveLength(7);
    clock.set(new Date(2027, 0, 20, 13, 0, 0)); // 30-day retention has passed for all of them
    expect(applyRetention(t.app)).toHaveLength(4); // the newest three always stay
    expect(listBackups(t.app).filter((b) => b.kind === 'daily')).toHaveLength(3);
  });

  it('runs the integrity check on a worker thread', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const { jobId } = await t.must('backup.integrityCheck', {}, admin);
    const job = await t.app.jobs.wait(jobId);
    expect(job.state).toBe('done');
    expect(job.result as IntegrityResult).toEqual({ ok: true, messages: ['ok'] });
  });
});

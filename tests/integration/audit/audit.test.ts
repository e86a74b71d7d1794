import { afterEach, describe, expect, it } from 'vitest';
import type { AuditVerifyResult } from '../../../main/core/audit/contract';
import { verifyAuditChain } from '../../../main/core/audit/service';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';

let t: TestApp;
afterEach(() => t?.close());

async function populated(): Promise<{ admin: string; auditor: string }> {
  t = openTestApp();
  const admin = await setupAdmin(t);
  const auditor = await userWithRoles(t, admin, 'auditor1', ['auditor']);
  await t.call('auth.login', { username: 'admin', password: 'wrong-one' });
  const settings = await t.must('settings.get', {}, admin);
  await t.must('settings.update', { ...settings, officeName: '重庆市永川区婚姻登记处', divisionCode: '500118' }, admin);
  return { admin, auditor };
}

describe('audit log', () => {
  it('records who, what, which record, before and after for every change, login and failed login', async () => {
    const { auditor } = await populated();
    const { rows, total } = await t.must('audit.list', { page: 1, pageSize: 100 }, auditor);
    expect(total).toBe(rows.length);
    const actions = rows.map((r) => `${r.action}:${r.entity}`);
    expect(actions).toEqual(
      expect.arrayContaining(['create:user', 'login:session', 'login_failed:session', 'password:user', 'update:settings']),
    );
    const change = rows.find((r) => r.entity === 'settings')!;
    expect(change.username).toBe('admin');
    expect((change.before as { officeName: string }).officeName).toBe('未命名民政服务窗口');
    expect((change.after as { officeName: string }).officeName).toBe('重庆市永川区婚姻登记处');
    // Newest first.
    expect(rows[0]!.id).toBeGreaterThan(rows[rows.length - 1]!.id);
  });

  it('filters by user, action, entity, keyword and date', async () => {
    const { auditor } = await populated();
    const byUser = await t.must('audit.list', { page: 1, pageSize: 100, username: 'auditor1' }, auditor);
    expect(byUser.rows.every((r) => r.username === 'auditor1')).toBe(true);
    const failed = await t.must('audit.list', { page: 1, pageSize: 100, action: 'login_failed' }, auditor);
    expect(failed.total).toBe(1);
    const kw = await t.must('audit.list', { page: 1, pageSize: 100, text: '永川' }, auditor);
    expect(kw.rows.map((r) => r.entity)).toEqual(['settings']);
    const future = await t.must('audit.list', { page: 1, pageSize: 100, from: '2999-01-01' }, auditor);
    expect(future.total).toBe(0);
    const paged = await t.must('audit.list', { page: 2, pageSize: 2 }, auditor);
    expect(paged.rows).toHaveLength(2);
    const { actions, entities } = await t.must('audit.actions', {}, auditor);
    expect(actions).toContain('login_failed');
    expect(entities).toContain('settings');
  });

  it('cannot be changed or deleted through SQL', async () => {
    await populated();
    expect(() => t.app.db.prepare("UPDATE audit_log SET username = 'someone' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('verification finds the first entry edited around the triggers', async () => {
    await populated();
    expect(verifyAuditChain(t.app.db).intact).toBe(true);
    // Someone with the file drops the trigger and edits entry 3.
    t.app.db.exec('DROP TRIGGER audit_log_no_update');
    t.app.db.prepare("UPDATE audit_log SET detail = '篡改' WHERE id = 3").run();
    const r = verifyAuditChain(t.app.db);
    expect(r.intact).toBe(false);
    expect(r.firstBroken?.id).toBe(3);
  });

  it('verification finds a deleted entry by the broken link after it', async () => {
    await populated();
    t.app.db.exec('DROP TRIGGER audit_log_no_delete');
    t.app.db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(t.app.db).firstBroken).toEqual({ id: 3, reason: expect.stringContaining('链接') });
  });

  it('verifies on a worker thread with progress, reachable only by its owner', async () => {
    const { auditor, admin } = await populated();
    const { jobId } = await t.must('audit.verify', {}, auditor);
    const done = await t.app.jobs.wait(jobId);
    expect(done.state).toBe('done');
    expect((done.result as AuditVerifyResult).intact).toBe(true);
    const seen = await t.must('jobs.get', { id: jobId }, auditor);
    expect(seen.progress.done).toBe((done.result as AuditVerifyResult).checked);
    const other = await t.call('jobs.get', { id: jobId }, admin);
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
    // The verification itself is audited.
    const verified = await t.must('audit.list', { page: 1, pageSize: 10, action: 'verify' }, auditor);
    expect(verified.rows[0]?.detail).toContain('审计日志完整');
  });
});

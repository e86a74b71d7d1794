import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { ADMIN_PASSWORD, openTestApp, setupAdmin, userWithRoles, USER_PASSWORD, type TestApp } from '../../helpers/app';

let t: TestApp;
afterEach(() => t?.close());

describe('first run', () => {
  it('asks for an administrator, creates one, then refuses a second setup', async () => {
    t = openTestApp();
    expect((await t.must('setup.status', {})).needsAdmin).toBe(true);
    const s = await t.must('setup.createAdmin', { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD });
    expect(s.user.roles).toEqual(['administrator']);
    expect(s.permissions).toContain('system.users');
    expect((await t.must('setup.status', {})).needsAdmin).toBe(false);
    const again = await t.call('setup.createAdmin', { username: 'eve', displayName: 'E', password: 'Another123' });
    expect(again.ok || again.error.code).toBe('ALREADY_SET_UP');
  });

  it('refuses a weak password with a Chinese reason naming the field', async () => {
    t = openTestApp();
    const r = await t.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'short' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toContain('密码');
      expect(r.error.field).toBe('password');
    }
  });
});

describe('login and lockout', () => {
  it('locks the account after 5 wrong passwords and unlocks when the time has passed', async () => {
    const clock = manualClock(new Date('2026-11-20T09:00:00+08:00'));
    t = openTestApp({ clock });
    await setupAdmin(t);
    for (let i = 1; i <= 4; i++) {
      const r = await t.call('auth.login', { username: 'admin', password: 'wrong' });
      expect(r.ok ? 'ok' : r.error.code).toBe('BAD_CREDENTIALS');
      if (!r.ok) expect(r.error.message).toContain(`再错 ${5 - i} 次`);
    }
    const fifth = await t.call('auth.login', { username: 'admin', password: 'wrong' });
    expect(fifth.ok ? 'ok' : fifth.error.code).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    const right = await t.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(right.ok ? 'ok' : right.error.code).toBe('ACCOUNT_LOCKED');
    clock.advanceMinutes(16);
    expect((await t.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(true);
  });

  it('an administrator can unlock a locked user, and the failed logins are audited', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: 'clerk', password: 'nope' });
    const users = await t.must('users.list', {}, admin);
    const clerk = users.find((u) => u.username === 'clerk')!;
    expect(clerk.lockedUntil).not.toBeNull();
    await t.must('users.unlock', { id: clerk.id }, admin);
    expect((await t.call('auth.login', { username: 'clerk', password: USER_PASSWORD })).ok).toBe(true);
    const failed = t.app.db
      .prepare("SELECT count(*) n FROM audit_log WHERE action = 'login_failed' AND username = 'clerk'")
      .get() as { n: number };
    expect(failed.n).toBe(5);
  });

  it('unknown users get the same answer as wrong passwords, and are audited by the name typed', async () => {
    t = openTestApp();
    await setupAdmin(t);
    const r = await t.call('auth.login', { username: 'ghost', password: 'whatever1' });
    expect(r.ok ? 'ok' : r.error.message).toBe('用户名或密码不正确');
    const row = t.app.db.prepare("SELECT username, user_id FROM audit_log WHERE action = 'login_failed'").get();
    expect(row).toEqual({ username: 'ghost', user_id: null });
  });

  it('disabled users cannot log in and their sessions end', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const clerkToken = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
    const clerk = (await t.must('users.list', {}, admin)).find((u) => u.username === 'clerk')!;
    await t.must('users.setDisabled', { id: clerk.id, disabled: true }, admin);
    expect((await t.call('auth.me', {}, clerkToken)).ok).toBe(false);
    const r = await t.call('auth.login', { username: 'clerk', password: USER_PASSWORD });
    expect(r.ok ? 'ok' : r.error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('passwords', () => {
  it('a new user must change the initial password before doing anything else', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    await t.must(
      'users.create',
      { username: 'clerk', displayName: '王芳', roles: ['marriageClerk'], password: 'Initial123' },
      admin,
    );
    const s = await t.must('auth.login', { username: 'clerk', password: 'Initial123' });
    expect(s.user.mustChangePassword).toBe(true);
    const blocked = await t.call('settings.update', { ...(await t.must('settings.get', {}, s.token)) }, s.token);
    expect(blocked.ok ? 'ok' : blocked.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await t.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Initial123' }, s.token);
    expect(same.ok ? 'ok' : same.error.code).toBe('RULE_VIOLATION');
    const wrong = await t.call('auth.changePassword', { currentPassword: 'bad', newPassword: 'Newpass123' }, s.token);
    expect(wrong.ok ? 'ok' : wrong.error.field).toBe('currentPassword');
    const me = await t.must('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Newpass123' }, s.token);
    expect(me.user.mustChangePassword).toBe(false);
    expect((await t.call('auth.login', { username: 'clerk', password: 'Newpass123' })).ok).toBe(true);
  });

  it('an administrator reset forces a change again and ends the user sessions', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const token = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
    const clerk = (await t.must('users.list', {}, admin)).find((u) => u.username === 'clerk')!;
    const after = await t.must('users.resetPassword', { id: clerk.id, newPassword: 'Reset1234' }, admin);
    expect(after.mustChangePassword).toBe(true);
    expect((await t.call('auth.me', {}, token)).ok).toBe(false);
    const hash = t.app.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(clerk.id) as { password_hash: string };
    expect(hash.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(t.app.db.prepare('SELECT before, after FROM audit_log').all())).not.toContain('scrypt$');
  });

  it('the last enabled administrator cannot be disabled or lose the role', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const me = (await t.must('users.list', {}, admin))[0]!;
    const self = await t.call('users.setDisabled', { id: me.id, disabled: true }, admin);
    expect(self.ok ? 'ok' : self.error.code).toBe('RULE_VIOLATION');
    const demote = await t.call('users.update', { id: me.id, displayName: '管理员', roles: ['auditor'] }, admin);
    expect(demote.ok ? 'ok' : demote.error.message).toContain('至少要保留一名');
  });

  it('usernames are unique without regard to case', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    const r = await t.call(
      'users.create',
      { username: 'ADMIN', displayName: 'X', roles: ['auditor'], password: 'Initial123' },
      admin,
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('CONFLICT');
  });
});

describe('idle lock', () => {
  it('locks a session idle past the office limit; only the right password unlocks it', async () => {
    const clock = manualClock(new Date('2026-11-20T09:00:00+08:00'));
    t = openTestApp({ clock });
    const admin = await setupAdmin(t);
    expect((await t.call('users.list', {}, admin)).ok).toBe(true);
    clock.advanceMinutes(11); // default idle lock: 10 minutes
    const locked = await t.call('users.list', {}, admin);
    expect(locked.ok ? 'ok' : locked.error.code).toBe('SESSION_LOCKED');
    expect((await t.must('auth.me', {}, admin)).locked).toBe(true);
    const bad = await t.call('auth.unlock', { password: 'nope' }, admin);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('BAD_CREDENTIALS');
    await t.must('auth.unlock', { password: ADMIN_PASSWORD }, admin);
    expect((await t.call('users.list', {}, admin)).ok).toBe(true);
  });

  it('a clerk can lock the screen by hand', async () => {
    t = openTestApp();
    const admin = await setupAdmin(t);
    await t.must('auth.lock', {}, admin);
    const r = await t.call('settings.get', {}, admin);
    expect(r.ok ? 'ok' : r.error.code).toBe('SESSION_LOCKED');
  });
});

describe('idle lock and polling', () => {
  it('a screen polling job progress does not keep an unattended session alive', async () => {
    const clock = manualClock(new Date('2026-11-20T09:00:00+08:00'));
    t = openTestApp({ clock });
    const admin = await setupAdmin(t);
    for (let i = 0; i < 12; i++) {
      clock.advanceMinutes(1);
      await t.call('auth.me', {}, admin);
      await t.call('jobs.get', { id: 'none' }, admin);
    }
    const r = await t.call('users.list', {}, admin);
    expect(r.ok ? 'ok' : r.error.code).toBe('SESSION_LOCKED');
  });
});

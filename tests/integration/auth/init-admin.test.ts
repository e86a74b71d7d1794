import { afterEach, describe, expect, it } from 'vitest';
import { applyInitAdmin } from '../../../main/core/bootstrap';
import { openTestApp, type TestApp } from '../../helpers/app';

let t: TestApp;
afterEach(() => t?.close());

describe('REGISTRY_INIT_ADMIN', () => {
  it('creates the administrator on a headless first run, and only then', async () => {
    t = openTestApp();
    expect(await applyInitAdmin(t.app, 'chief:Chief12345')).toBe(true);
    const s = await t.must('auth.login', { username: 'chief', password: 'Chief12345' });
    expect(s.user.roles).toEqual(['administrator']);
    expect(s.user.mustChangePassword).toBe(false);
    expect(await applyInitAdmin(t.app, 'other:Other12345')).toBe(false);
    expect((await t.call('auth.login', { username: 'other', password: 'Other12345' })).ok).toBe(false);
  });

  it('refuses a malformed or weak value with a Chinese reason', async () => {
    t = openTestApp();
    await expect(applyInitAdmin(t.app, 'no-colon')).rejects.toThrow(/用户名:密码/);
    await expect(applyInitAdmin(t.app, 'chief:weak')).rejects.toThrow(/密码/);
    expect(await applyInitAdmin(t.app, undefined)).toBe(false);
    expect((await t.must('setup.status', {})).needsAdmin).toBe(true);
  });
});

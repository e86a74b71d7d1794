import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, permissionsOf, roles, type ChannelName, type Role } from '../../../main/core/contract';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';

// For every role, every channel that needs a permission the role lacks must refuse with FORBIDDEN —
// whatever the input. This is the service layer's guard, not the hidden menu's.
let t: TestApp;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = openTestApp();
  const admin = await setupAdmin(t);
  for (const role of roles) tokens.set(role, await userWithRoles(t, admin, `u_${role}`, [role]));
});
afterAll(() => t.close());

/** The permissions a channel accepts (any one of them), or null when it needs none. */
const acceptedBy = (c: ChannelName) => {
  const a = contract[c].access;
  return a.kind === 'permission' ? a.permissions : null;
};

describe.each(roles)('role %s', (role) => {
  const allowed = permissionsOf([role]);
  const forbidden = channelNames.filter((c) => {
    const p = acceptedBy(c);
    return p !== null && !p.some((x) => allowed.has(x));
  });

  it('is refused every channel outside its permissions', async () => {
    expect(forbidden.length).toBeGreaterThan(0);
    for (const c of forbidden) {
      const r = await t.call(c, {} as never, tokens.get(role));
      expect(r.ok ? `${c}: allowed` : `${c}: ${r.error.code}`).toBe(`${c}: FORBIDDEN`);
    }
  });

  it('reaches the channels its permissions allow (past the guard)', async () => {
    for (const c of channelNames.filter((c) => acceptedBy(c)?.some((x) => allowed.has(x)))) {
      const r = await t.call(c, {} as never, tokens.get(role));
      // Empty input may be invalid for the channel, but it must not be refused for permission.
      if (!r.ok) expect(`${c}: ${r.error.code}`).not.toBe(`${c}: FORBIDDEN`);
    }
  });
});

it('without a session only public channels answer', async () => {
  for (const c of channelNames) {
    if (contract[c].access.kind === 'public') continue;
    const r = await t.call(c, {} as never, undefined);
    expect(r.ok ? `${c}: ok` : `${c}: ${r.error.code}`).toBe(`${c}: UNAUTHENTICATED`);
  }
});

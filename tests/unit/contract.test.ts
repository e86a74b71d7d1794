import { describe, expect, it } from 'vitest';
import { channelNames, contract, contractParts, permissions, rolePermissions, roles } from '../../main/core/contract';
import { handlers } from '../../main/core/handlers';

describe('contract', () => {
  it('no two modules declare the same channel', () => {
    const declared = contractParts.flatMap((p) => Object.keys(p));
    expect(declared.length).toBe(new Set(declared).size);
    expect(channelNames.length).toBe(declared.length);
  });

  it('every channel has exactly one handler and every handler a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('every permission is held by some role and every role has a label-able permission', () => {
    const held = new Set(roles.flatMap((r) => rolePermissions[r]));
    for (const p of permissions) expect(held.has(p), p).toBe(true);
  });

  it('every channel is documented with a summary', () => {
    for (const c of channelNames) expect(contract[c].summary.length, c).toBeGreaterThan(3);
  });
});

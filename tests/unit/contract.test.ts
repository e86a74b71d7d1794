import { describe, expect, it } from 'vitest';
import { channelNames, contract, contractParts, permissions, rolePermissions, roles } from '../../main/core/contract';
import { handlers } from '../../main/core/handlers';
import { formatIssues } from '../../main/core/contract/messages';
import { defaultSettings } from '../../main/core/settings/contract';

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

describe('validation messages', () => {
  const parse = <C extends keyof typeof contract>(c: C, input: unknown) => {
    const r = contract[c].input.safeParse(input);
    if (r.success) throw new Error('expected a refusal');
    return formatIssues(contract[c].input, r.error.issues);
  };

  it('name the field in Chinese and keep a schema’s own wording', () => {
    expect(parse('users.create', { username: 'a b', displayName: '王', roles: ['auditor'], password: 'Passw0rd1' })).toEqual({
      message: '「用户名」只能包含字母、数字、下划线、点和连字符',
      field: 'username',
    });
    const s = { ...defaultSettings, divisionCode: '5001' };
    expect(parse('settings.update', s).message).toBe('「行政区划代码」应为 6 位数字（GB/T 2260）');
    const dup = {
      ...defaultSettings,
      printers: [
        { name: 'A', dxMm: 0, dyMm: 0 },
        { name: 'A', dxMm: 1, dyMm: 1 },
      ],
    };
    expect(parse('settings.update', dup)).toEqual({ message: '打印机名称不能重复', field: 'printers' });
    expect(parse('auth.login', {}).message).toBe('「用户名」必须填写（另有 1 处需要修改）');
  });
});

import { z } from 'zod';
import { channel, needs, publicAccess, returns, sessionAccess } from '../contract/define';
import { anyPassword, displayName, empty, newPassword, recordId, role, username } from '../contract/fields';
import type { Permission, Role } from '../contract/roles';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO timestamp while the account is locked after failed logins. */
  lockedUntil: string | null;
  failedLogins: number;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface SessionView {
  /** Opaque bearer token; the preload keeps it out of the renderer in the desktop app. */
  token: string;
  user: UserView;
  permissions: Permission[];
  idleLockMinutes: number;
}

export interface MeView {
  user: UserView;
  permissions: Permission[];
  idleLockMinutes: number;
  locked: boolean;
}

export const authContract = {
  'setup.status': channel({
    input: empty,
    output: returns<{ needsAdmin: boolean; officeName: string }>(),
    access: publicAccess,
    summary: '首次运行状态：是否需要创建管理员',
    mutates: false,
  }),
  'setup.createAdmin': channel({
    input: z.object({ username, displayName, password: newPassword }).strict(),
    output: returns<SessionView>(),
    access: publicAccess,
    summary: '首次运行时创建系统管理员并登录（已有用户时拒绝）',
    mutates: true,
  }),
  'auth.login': channel({
    input: z.object({ username: z.string().trim().min(1).max(64).describe('用户名'), password: anyPassword }).strict(),
    output: returns<SessionView>(),
    access: publicAccess,
    summary: '登录；连续 5 次密码错误锁定账户',
    mutates: true,
  }),
  'auth.logout': channel({
    input: empty,
    output: returns<null>(),
    access: sessionAccess,
    summary: '退出登录',
    mutates: true,
  }),
  'auth.me': channel({
    input: empty,
    output: returns<MeView>(),
    access: sessionAccess,
    summary: '当前用户、权限与会话状态',
    mutates: false,
  }),
  'auth.lock': channel({
    input: empty,
    output: returns<null>(),
    access: sessionAccess,
    summary: '锁定当前会话（离开窗口时）',
    mutates: true,
  }),
  'auth.unlock': channel({
    input: z.object({ password: anyPassword }).strict(),
    output: returns<MeView>(),
    access: sessionAccess,
    summary: '输入本人密码解锁会话',
    mutates: true,
  }),
  'auth.changePassword': channel({
    input: z.object({ currentPassword: anyPassword.describe('原密码'), newPassword: newPassword.describe('新密码') }).strict(),
    output: returns<MeView>(),
    access: sessionAccess,
    summary: '修改本人密码',
    mutates: true,
  }),
  'users.list': channel({
    input: empty,
    output: returns<UserView[]>(),
    access: needs('system.users'),
    summary: '用户列表',
    mutates: false,
  }),
  'users.create': channel({
    input: z
      .object({ username, displayName, roles: z.array(role).min(1).describe('角色'), password: newPassword.describe('初始密码') })
      .strict(),
    output: returns<UserView>(),
    access: needs('system.users'),
    summary: '新建用户（首次登录须修改密码）',
    mutates: true,
  }),
  'users.update': channel({
    input: z.object({ id: recordId, displayName, roles: z.array(role).min(1).describe('角色') }).strict(),
    output: returns<UserView>(),
    access: needs('system.users'),
    summary: '修改用户姓名与角色',
    mutates: true,
  }),
  'users.setDisabled': channel({
    input: z.object({ id: recordId, disabled: z.boolean().describe('停用') }).strict(),
    output: returns<UserView>(),
    access: needs('system.users'),
    summary: '停用或启用用户',
    mutates: true,
  }),
  'users.resetPassword': channel({
    input: z.object({ id: recordId, newPassword: newPassword.describe('新密码') }).strict(),
    output: returns<UserView>(),
    access: needs('system.users'),
    summary: '重置用户密码并解除锁定（用户下次登录须修改）',
    mutates: true,
  }),
  'users.unlock': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<UserView>(),
    access: needs('system.users'),
    summary: '解除因密码错误造成的账户锁定',
    mutates: true,
  }),
};

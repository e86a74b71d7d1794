import type { AppContext } from '../app';
import { recordAudit, type Actor, type AuditAction } from '../audit/service';
import { permissionsOf, type Permission, type Role } from '../contract/roles';
import { writeTransaction } from '../db/connection';
import { ServiceError, notFound } from '../errors';
import type { HandlerContext } from '../handler';
import { getSettings } from '../settings/service';
import type { MeView, SessionView, UserView } from './contract';
import { countUsers, insertUser, listUsers, setRoles, updateUser, userById, userByName, type UserRow } from './data';
import { dummyVerify, hashPassword, verifyPassword } from './password';
import type { Session } from './sessions';

const isLocked = (u: UserRow, now: Date): boolean => u.locked_until !== null && u.locked_until > now.toISOString();

export function toUserView(u: UserRow, now: Date): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    lockedUntil: isLocked(u, now) ? u.locked_until : null,
    failedLogins: u.failed_logins,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}

const actorOf = (u: UserRow): Actor => ({ userId: u.id, username: u.username });

function sessionView(app: AppContext, u: UserRow, s: Session): SessionView {
  return {
    token: s.token,
    user: toUserView(u, app.clock.now()),
    permissions: [...permissionsOf(u.roles)] as Permission[],
    idleLockMinutes: getSettings(app.db).idleLockMinutes,
  };
}

export function meView(ctx: HandlerContext): MeView {
  const { app, user, session } = ctx;
  if (!user || !session) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  return {
    user: toUserView(user, app.clock.now()),
    permissions: [...ctx.permissions],
    idleLockMinutes: getSettings(app.db).idleLockMinutes,
    locked: session.locked,
  };
}

export function setupStatus(app: AppContext): { needsAdmin: boolean; officeName: string } {
  return { needsAdmin: countUsers(app.db) === 0, officeName: getSettings(app.db).officeName };
}

/** First run only: the one moment a public call may create an account. */
export async function createFirstAdmin(
  app: AppContext,
  input: { username: string; displayName: string; password: string },
): Promise<SessionView> {
  const hash = await hashPassword(input.password);
  const user = writeTransaction(app.db, () => {
    if (countUsers(app.db) > 0) throw new ServiceError('ALREADY_SET_UP', '系统已有用户，不能再次初始化；请用已有账户登录');
    const now = app.clock.now().toISOString();
    const id = insertUser(
      app.db,
      {
        username: input.username,
        display_name: input.displayName,
        password_hash: hash,
        must_change_password: 0,
        created_at: now,
      },
      ['administrator'],
    );
    const u = userById(app.db, id)!;
    const actor = actorOf(u);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'user',
      entityId: id,
      after: toUserView(u, app.clock.now()),
      detail: '首次运行创建系统管理员',
    });
    recordAudit(app.db, app.clock, actor, { action: 'login', entity: 'session', entityId: id });
    return u;
  });
  return sessionView(app, user, app.sessions.create(user.id));
}

export async function login(app: AppContext, input: { username: string; password: string }): Promise<SessionView> {
  const settings = getSettings(app.db);
  const found = userByName(app.db, input.username);
  const failAudit = (detail: string, u?: UserRow): void => {
    writeTransaction(app.db, () =>
      recordAudit(
        app.db,
        app.clock,
        { userId: u?.id ?? null, username: u?.username ?? input.username },
        {
          action: 'login_failed',
          entity: 'session',
          entityId: u?.id ?? null,
          detail,
        },
      ),
    );
  };
  if (!found) {
    await dummyVerify(input.password);
    failAudit('用户名不存在');
    throw new ServiceError('BAD_CREDENTIALS', '用户名或密码不正确');
  }
  if (found.disabled) {
    failAudit('账户已停用', found);
    throw new ServiceError('ACCOUNT_DISABLED', '该账户已停用，请联系系统管理员');
  }
  if (isLocked(found, app.clock.now())) {
    failAudit('账户锁定期间尝试登录', found);
    throw lockedError(found.locked_until!);
  }
  const good = await verifyPassword(input.password, found.password_hash);
  // The transaction returns the outcome instead of throwing: a throw inside it would roll back the
  // failed-login count and its audit entry, which must stick.
  const outcome = writeTransaction(app.db, (): { session: SessionView } | { error: ServiceError } => {
    const u = userById(app.db, found.id)!;
    const now = app.clock.now();
    const nowIso = now.toISOString();
    if (!good) {
      // A lock that has run out starts the count again.
      const previous = u.locked_until !== null && !isLocked(u, now) ? 0 : u.failed_logins;
      const failed = previous + 1;
      const lockNow = failed >= settings.lockoutThreshold;
      const lockedUntil = lockNow ? new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString() : null;
      updateUser(app.db, u.id, { failed_logins: failed, locked_until: lockedUntil, updated_at: nowIso });
      recordAudit(app.db, app.clock, actorOf(u), {
        action: 'login_failed',
        entity: 'session',
        entityId: u.id,
        detail: `密码错误（第 ${failed} 次）`,
      });
      if (lockNow) {
        recordAudit(app.db, app.clock, actorOf(u), {
          action: 'status',
          entity: 'user',
          entityId: u.id,
          before: { lockedUntil: null },
          after: { lockedUntil },
          detail: `连续 ${failed} 次密码错误，账户锁定 ${settings.lockoutMinutes} 分钟`,
        });
        return { error: lockedError(lockedUntil!) };
      }
      const left = settings.lockoutThreshold - failed;
      return { error: new ServiceError('BAD_CREDENTIALS', `用户名或密码不正确（再错 ${left} 次将锁定账户）`) };
    }
    updateUser(app.db, u.id, { failed_logins: 0, locked_until: null, last_login_at: nowIso, updated_at: nowIso });
    recordAudit(app.db, app.clock, actorOf(u), { action: 'login', entity: 'session', entityId: u.id });
    const fresh = userById(app.db, u.id)!;
    return { session: sessionView(app, fresh, app.sessions.create(u.id)) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.session;
}

function lockedError(untilIso: string): ServiceError {
  const t = new Date(untilIso);
  const hhmm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return new ServiceError('ACCOUNT_LOCKED', `账户因多次密码错误已被锁定，请于 ${hhmm} 后重试，或请系统管理员解锁`);
}

export function logout(ctx: HandlerContext): null {
  const { app, session, actor } = ctx;
  if (session) {
    app.sessions.end(session.token);
    writeTransaction(app.db, () =>
      recordAudit(app.db, app.clock, actor, { action: 'logout', entity: 'session', entityId: session.userId }),
    );
  }
  return null;
}

export function lockSession(ctx: HandlerContext): null {
  if (ctx.session && !ctx.session.locked) {
    ctx.session.locked = true;
    writeTransaction(ctx.app.db, () =>
      recordAudit(ctx.app.db, ctx.app.clock, ctx.actor, { action: 'lock', entity: 'session', entityId: ctx.session!.userId }),
    );
  }
  return null;
}

export async function unlockSession(ctx: HandlerContext, password: string): Promise<MeView> {
  const { app, session, user } = ctx;
  if (!session || !user) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  const good = await verifyPassword(password, user.password_hash);
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, ctx.actor, {
      action: good ? 'unlock' : 'login_failed',
      entity: 'session',
      entityId: user.id,
      detail: good ? null : '解锁时密码错误',
    }),
  );
  if (!good) throw new ServiceError('BAD_CREDENTIALS', '密码不正确', 'password');
  app.sessions.unlock(session);
  return meView(ctx);
}

export async function changeOwnPassword(ctx: HandlerContext, currentPassword: string, newPassword: string): Promise<MeView> {
  const { app, user, session } = ctx;
  if (!user || !session) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(currentPassword, user.password_hash))) {
    throw new ServiceError('BAD_CREDENTIALS', '原密码不正确', 'currentPassword');
  }
  if (currentPassword === newPassword) throw new ServiceError('RULE_VIOLATION', '新密码不能与原密码相同', 'newPassword');
  const hash = await hashPassword(newPassword);
  writeTransaction(app.db, () => {
    updateUser(app.db, user.id, { password_hash: hash, must_change_password: 0, updated_at: app.clock.now().toISOString() });
    recordAudit(app.db, app.clock, ctx.actor, { action: 'password', entity: 'user', entityId: user.id, detail: '本人修改密码' });
  });
  // Other sessions of the same user end: a changed password must shut out whoever knew the old one.
  app.sessions.endAllOf(user.id, session.token);
  const refreshed = userById(app.db, user.id)!;
  return meView({ ...ctx, user: refreshed });
}

// ——— administration of accounts ———

export function listUserViews(app: AppContext): UserView[] {
  const now = app.clock.now();
  return listUsers(app.db).map((u) => toUserView(u, now));
}

function requireUser(app: AppContext, id: number): UserRow {
  const u = userById(app.db, id);
  if (!u) throw notFound('该用户');
  return u;
}

/** The office must never be left without an enabled administrator (nobody could manage accounts). */
function assertAdminRemains(app: AppContext, changedId: number, stillAdmin: boolean): void {
  if (stillAdmin) return;
  const others = listUsers(app.db).filter((u) => u.id !== changedId && !u.disabled && u.roles.includes('administrator'));
  if (others.length === 0) throw new ServiceError('RULE_VIOLATION', '至少要保留一名启用的系统管理员');
}

export async function createUser(
  ctx: HandlerContext,
  input: { username: string; displayName: string; roles: Role[]; password: string },
): Promise<UserView> {
  const { app } = ctx;
  const hash = await hashPassword(input.password);
  return writeTransaction(app.db, () => {
    if (userByName(app.db, input.username)) throw new ServiceError('CONFLICT', `用户名“${input.username}”已被使用`, 'username');
    const id = insertUser(
      app.db,
      {
        username: input.username,
        display_name: input.displayName,
        password_hash: hash,
        must_change_password: 1,
        created_at: app.clock.now().toISOString(),
      },
      input.roles,
    );
    const view = toUserView(userById(app.db, id)!, app.clock.now());
    recordAudit(app.db, app.clock, ctx.actor, { action: 'create', entity: 'user', entityId: id, after: view });
    return view;
  });
}

/**
 * One change to an account by an administrator: read it, check the rule, write, audit before and
 * after — all in one write transaction. Returns the account as it now is.
 */
function changeUser(
  ctx: HandlerContext,
  id: number,
  change: { action: AuditAction; detail?: string; check?: (u: UserRow) => void; apply: (u: UserRow, nowIso: string) => void },
): UserView {
  const { app } = ctx;
  return writeTransaction(app.db, () => {
    const u = requireUser(app, id);
    change.check?.(u);
    const before = toUserView(u, app.clock.now());
    change.apply(u, app.clock.now().toISOString());
    const after = toUserView(userById(app.db, id)!, app.clock.now());
    recordAudit(app.db, app.clock, ctx.actor, {
      action: change.action,
      entity: 'user',
      entityId: id,
      before,
      after,
      detail: change.detail ?? null,
    });
    return after;
  });
}

export function updateUserProfile(ctx: HandlerContext, input: { id: number; displayName: string; roles: Role[] }): UserView {
  return changeUser(ctx, input.id, {
    action: 'update',
    check: (u) => {
      if (!u.disabled) assertAdminRemains(ctx.app, u.id, input.roles.includes('administrator'));
    },
    apply: (u, now) => {
      updateUser(ctx.app.db, u.id, { display_name: input.displayName, updated_at: now });
      setRoles(ctx.app.db, u.id, input.roles);
    },
  });
}

export function setUserDisabled(ctx: HandlerContext, id: number, disabled: boolean): UserView {
  if (disabled && ctx.user?.id === id) throw new ServiceError('RULE_VIOLATION', '不能停用自己的账户');
  const view = changeUser(ctx, id, {
    action: 'status',
    detail: disabled ? '停用账户' : '启用账户',
    check: (u) => {
      if (disabled) assertAdminRemains(ctx.app, u.id, false);
    },
    apply: (u, now) => updateUser(ctx.app.db, u.id, { disabled: disabled ? 1 : 0, updated_at: now }),
  });
  if (disabled) ctx.app.sessions.endAllOf(id);
  return view;
}

export async function resetUserPassword(ctx: HandlerContext, id: number, newPassword: string): Promise<UserView> {
  const hash = await hashPassword(newPassword);
  const view = changeUser(ctx, id, {
    action: 'password',
    detail: '管理员重置密码',
    apply: (u, now) =>
      updateUser(ctx.app.db, u.id, {
        password_hash: hash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: now,
      }),
  });
  ctx.app.sessions.endAllOf(id);
  return view;
}

export function unlockUser(ctx: HandlerContext, id: number): UserView {
  return changeUser(ctx, id, {
    action: 'status',
    detail: '管理员解除锁定',
    apply: (u, now) => updateUser(ctx.app.db, u.id, { failed_logins: 0, locked_until: null, updated_at: now }),
  });
}

import type { AppContext } from './app';
import { userById } from './auth/data';
import {
  allowedBeforePasswordChange,
  allowedWhileLocked,
  contract,
  fail,
  notUserActivity,
  ok,
  permissionLabels,
  permissionsOf,
  type ChannelName,
  type Result,
} from './contract';
import { formatIssues } from './contract/messages';
import { ServiceError } from './errors';
import type { Handler, HandlerContext } from './handler';
import { handlers } from './handlers';
import { getSettings } from './settings/service';
import { logError } from './log';

const isChannel = (name: unknown): name is ChannelName => typeof name === 'string' && Object.hasOwn(contract, name);

/**
 * The single entrance into main for every transport (Electron IPC, HTTP bridge, tests):
 * unknown → session → permission → parsed input → handler → value. Nothing thrown escapes.
 */
export async function dispatch(
  app: AppContext,
  name: unknown,
  rawInput: unknown,
  token: string | undefined,
): Promise<Result<unknown>> {
  if (!isChannel(name)) return fail('UNKNOWN_CHANNEL', '不支持的操作');
  const def = contract[name];

  let ctx: HandlerContext = { app, session: null, user: null, permissions: new Set(), actor: { userId: null, username: null } };
  if (def.access.kind !== 'public') {
    const idle = getSettings(app.db).idleLockMinutes;
    const session = app.sessions.resolve(token, idle, !notUserActivity.has(name));
    if (!session) return fail('UNAUTHENTICATED', '登录已失效，请重新登录');
    const user = userById(app.db, session.userId);
    if (!user || user.disabled) {
      app.sessions.end(session.token);
      return fail('UNAUTHENTICATED', '账户已停用或不存在，请重新登录');
    }
    if (session.locked && !allowedWhileLocked.has(name)) return fail('SESSION_LOCKED', '屏幕已锁定，请输入密码解锁');
    if (user.must_change_password && !allowedBeforePasswordChange.has(name)) {
      return fail('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，须先修改密码');
    }
    const permissions = permissionsOf(user.roles);
    if (def.access.kind === 'permission' && !def.access.permissions.some((p) => permissions.has(p))) {
      const names = def.access.permissions.map((p) => `“${permissionLabels[p]}”`).join('或');
      return fail('FORBIDDEN', `您没有${names}权限，无法执行此操作`);
    }
    ctx = { app, session, user, permissions, actor: { userId: user.id, username: user.username } };
  }

  // Input is judged only after the caller is known to be allowed: strangers learn nothing of the schema.
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { message, field } = formatIssues(def.input, parsed.error.issues);
    return fail('INVALID_INPUT', message, field);
  }

  try {
    const handler = handlers[name] as Handler<ChannelName>;
    return ok(await handler(parsed.data as never, ctx));
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.toValue() };
    const ref = logError(app, name, e);
    return fail('INTERNAL', `系统内部错误，请联系系统管理员（错误编号 ${ref}）`);
  }
}

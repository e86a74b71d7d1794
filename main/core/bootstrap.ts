import { authContract } from './auth/contract';
import { createFirstAdmin, setupStatus } from './auth/service';
import { formatIssues } from './contract/messages';
import type { AppContext } from './app';
import { runDailyBackupIfDue } from './backup/service';
import { logError } from './log';

/**
 * `REGISTRY_INIT_ADMIN=name:password` creates the administrator on a headless first run (serve,
 * tests, scripted installs). It does nothing once any user exists.
 */
export async function applyInitAdmin(app: AppContext, spec: string | undefined): Promise<boolean> {
  if (!spec || !setupStatus(app).needsAdmin) return false;
  const at = spec.indexOf(':');
  if (at <= 0) throw new Error('REGISTRY_INIT_ADMIN 格式应为 用户名:密码');
  const username = spec.slice(0, at);
  const password = spec.slice(at + 1);
  const parsed = authContract['setup.createAdmin'].input.safeParse({ username, displayName: '系统管理员', password });
  if (!parsed.success)
    throw new Error(
      `REGISTRY_INIT_ADMIN 无效：${formatIssues(authContract['setup.createAdmin'].input, parsed.error.issues).message}`,
    );
  const session = await createFirstAdmin(app, parsed.data);
  app.sessions.end(session.token);
  return true;
}

/** Every few minutes: take today's automatic backup when due, and refresh the planner's statistics. */
export function startBackupSchedule(app: AppContext, everyMs = 5 * 60_000): () => void {
  const tick = (): void => {
    runDailyBackupIfDue(app).catch((e: unknown) => logError(app, 'daily-backup', e));
    try {
      app.db.pragma('optimize');
    } catch (e) {
      logError(app, 'optimize', e);
    }
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

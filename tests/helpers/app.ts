import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeApp, openApp, type AppContext } from '../../main/core/app';
import type { Clock } from '../../main/core/clock';
import type { ChannelName, InputOf, OutputOf, Result } from '../../main/core/contract';
import { dispatch } from '../../main/core/dispatch';
import type { Role } from '../../main/core/contract/roles';

export const repoRoot = resolve(__dirname, '../..');

/** Worker threads run the TypeScript job entry through tsx, exactly the code the build bundles. */
export const testWorker = { script: join(repoRoot, 'tests/fixtures/worker-bootstrap.cjs'), execArgv: [] };

export function tempDir(prefix = 'registry-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestApp {
  app: AppContext;
  dataDir: string;
  call<C extends ChannelName>(channel: C, input: InputOf<C>, token?: string): Promise<Result<OutputOf<C>>>;
  /** Calls and insists on success; returns the value. */
  must<C extends ChannelName>(channel: C, input: InputOf<C>, token?: string): Promise<OutputOf<C>>;
  close(): void;
}

export function openTestApp(options: { clock?: Clock; dataDir?: string } = {}): TestApp {
  const tmp = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? tmp!.dir;
  const app = openApp({
    dataDir,
    resourcesDir: join(repoRoot, 'resources'),
    appVersion: 'test',
    transport: 'http',
    worker: testWorker,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>, token?: string) =>
    dispatch(app, channel, input, token) as Promise<Result<OutputOf<C>>>;
  return {
    app,
    dataDir,
    call,
    async must(channel, input, token) {
      const r = await call(channel, input, token);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    close() {
      closeApp(app);
      tmp?.cleanup();
    },
  };
}

export const ADMIN_PASSWORD = 'Admin1234';
export const USER_PASSWORD = 'Passw0rd9';

/** Creates the first administrator and returns its token. */
export async function setupAdmin(t: TestApp): Promise<string> {
  const s = await t.must('setup.createAdmin', { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD });
  return s.token;
}

/** Creates a user with the given roles, changes the forced first password, logs in; returns the token. */
export async function userWithRoles(t: TestApp, adminToken: string, username: string, roles: Role[]): Promise<string> {
  await t.must('users.create', { username, displayName: username, roles, password: 'Initial123' }, adminToken);
  const first = await t.must('auth.login', { username, password: 'Initial123' });
  await t.must('auth.changePassword', { currentPassword: 'Initial123', newPassword: USER_PASSWORD }, first.token);
  return first.token;
}

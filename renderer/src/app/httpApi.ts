import { channelNames, type Api, type ChannelName, type Result } from './contract';

// The browser shell (`npm run serve`): the same Api as the Electron preload, over
// `POST /api/<channel>`. The token lives in sessionStorage so a reload of the tab keeps the
// clerk logged in, while closing the tab (or the browser) ends it. Like the preload, the token is
// stripped from results so no page code ever handles it.

const TOKEN_KEY = 'registry.sessionToken';
const HIDDEN = 'held-by-transport';

const readToken = (): string | null => {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
};

const writeToken = (token: string | null): void => {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage can be disabled by policy; the session then lasts as long as this page.
  }
};

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

async function post(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(channel)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    return unavailable('无法连接到业务服务，请确认服务程序正在运行');
  }
  let result: Result<unknown>;
  try {
    result = (await response.json()) as Result<unknown>;
  } catch {
    return unavailable(`业务服务返回了无法识别的内容（HTTP ${response.status}）`);
  }
  if (result.ok && (channel === 'auth.login' || channel === 'setup.createAdmin')) {
    const value = result.value as { token?: unknown };
    if (typeof value.token === 'string') writeToken(value.token);
    value.token = HIDDEN;
  }
  // A logout always ends the local session, even when the server already forgot it.
  if (channel === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) writeToken(null);
  return result;
}

export function createHttpApi(): Api {
  return Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => post(name, input)])) as unknown as Api;
}

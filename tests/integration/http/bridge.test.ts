import { request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../../../main/core/http/server';
import { openTestApp, setupAdmin, type TestApp } from '../../helpers/app';

let t: TestApp;
let server: Server;
let base: string;
let port: number;

beforeAll(async () => {
  t = openTestApp();
  await setupAdmin(t);
  server = createHttpServer(t.app, { host: '127.0.0.1', port: 0, staticDir: null });
  port = await listen(server, '127.0.0.1', 0);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  t.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response): Promise<any> => r.json();

const post = (channel: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });

describe('HTTP bridge', () => {
  it('answers health checks', async () => {
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, app: 'civil-affairs-registry' });
  });

  it('logs in and calls channels with the bearer token, same results as IPC', async () => {
    const login = await json(await post('auth.login', { username: 'admin', password: 'Admin1234' }));
    expect(login.ok).toBe(true);
    const users = await json(await post('users.list', {}, login.value.token));
    expect(users).toMatchObject({ ok: true, value: [{ username: 'admin', roles: ['administrator'] }] });
  });

  it('returns errors as values with Chinese messages, never stack traces', async () => {
    const noToken = await json(await post('users.list', {}));
    expect(noToken).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
    const unknown = await json(await post('nope.nothing', {}));
    expect(unknown.error.code).toBe('UNKNOWN_CHANNEL');
    const bad = await json(await post('auth.login', { username: 'admin' }));
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts/);
  });

  it('refuses other sites: wrong Host (DNS rebinding), foreign Origin, non-JSON posts', async () => {
    // fetch will not send a forged Host header; a raw request can, as a rebinding page's browser would.
    const rebindingStatus = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/setup.status',
          method: 'POST',
          headers: { Host: `evil.example:${port}`, 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebindingStatus).toBe(403);
    const foreign = await post('setup.status', {}, undefined, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${base}/api/setup.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const get = await fetch(`${base}/api/users.list`);
    expect(get.status).toBe(405);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const r = await fetch(`${base}/api/health`);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../../../main/core/http/server';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { setDivision } from '../../helpers/marriage';

// The archive file crosses the HTTP bridge base64-encoded inside the JSON body, like every other
// call; a body beyond the bridge's limit is refused with 413 and a Chinese message.

let t: TestApp;
let server: Server;
let base: string;
let boss: string;

beforeAll(async () => {
  t = openTestApp();
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
  server = createHttpServer(t.app, { host: '127.0.0.1', port: 0, staticDir: null });
  base = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  t.close();
});

interface Answer {
  ok: boolean;
  value: { jobId: string } & Record<string, unknown>;
  error?: { code: string; message: string };
}

const post = (channel: string, body: string) =>
  fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${boss}` },
    body,
  });

describe('archive files over the HTTP bridge', () => {
  it('checks a CSV sent as base64 and reports through jobs.get', async () => {
    const content =
      '结婚证字号,登记日期,登记机关,男方姓名,男方出生日期,女方姓名,女方出生日期\r\n(85)永婚字第1号,1985-06-01,永川县民政局,张三丰,1960-01-01,单雪梅,1962-02-02\r\n';
    const started = (await (
      await post('marriage.archive.check', JSON.stringify({ fileName: 'a.csv', base64: Buffer.from(content).toString('base64') }))
    ).json()) as Answer;
    expect(started.ok).toBe(true);
    await t.app.jobs.wait(started.value.jobId);
    const job = (await (await post('jobs.get', JSON.stringify({ id: started.value.jobId }))).json()) as Answer;
    expect(job.value).toMatchObject({ state: 'done', result: { rows: 1, validRows: 1, canImport: true, problems: [] } });
  });

  it('refuses a body over the limit with 413 and says what to do', async () => {
    const huge = JSON.stringify({ fileName: 'big.csv', base64: 'A'.repeat(65 * 1024 * 1024) });
    const r = await post('marriage.archive.check', huge);
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求内容过大（上限 64 MB），导入的文件请拆分后分批导入' },
    });
  });
});

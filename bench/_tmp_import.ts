import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeApp } from '../main/core/app';
import { importArchiveFile } from '../main/marriage/archive/service';
import { openBenchApp } from './core';

const n = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const app = openBenchApp(dir);
app.db.exec("INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at, must_change_password) VALUES (1, 'b', 'B', 'x', 't', 't', 0)");
app.db.exec("UPDATE settings SET value = json_set(value, '$.divisionCode', '500118') WHERE 1") ;
const s = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const g = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超';
const rows = ['结婚证字号,登记日期,登记机关,登记机关区划代码,男方姓名,男方出生日期,女方姓名,女方出生日期'];
for (let i = 0; i < n; i++) rows.push(`(85)永婚字第${i}号,1985-06-01,永川县民政局,500118,${s[i % 20]}${g[i % 19]}${g[(i * 7) % 19]},1960-01-01,${s[(i * 3) % 20]}${g[(i * 5) % 19]},1962-01-01`);
const base64 = Buffer.from(rows.join('\r\n')).toString('base64');
let lockStart = 0;
const t0 = performance.now();
importArchiveFile(app.db, app.clock, { userId: 1, username: 'b' }, { fileName: 'x.csv', base64 }, (done, total, msg) => {
  if (msg?.startsWith('已写入 0') && lockStart === 0) lockStart = performance.now();
}).then((r) => {
  const t1 = performance.now();
  console.log('imported', r.imported, r.imported ? r.batch.rowCount : JSON.stringify(r.report.problems.slice(0, 3)), 'total ms', Math.round(t1 - t0), 'write phase ms', Math.round(t1 - lockStart));
  closeApp(app);
  rmSync(dir, { recursive: true, force: true });
});

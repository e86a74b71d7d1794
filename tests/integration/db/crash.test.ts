import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/core/audit/service';
import { openDatabase } from '../../../main/core/db/connection';
import { getSettings } from '../../../main/core/settings/service';
import { repoRoot, tempDir } from '../../helpers/app';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('a process killed in the middle of writing', () => {
  it('leaves a consistent database: intact file, intact audit chain, no change without its entry', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/fixtures/crash-writer.ts'), dir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 400));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const db = openDatabase(join(dir, 'registry.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const chain = verifyAuditChain(db);
    expect(chain.intact).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(500);
    // The settings row and the newest audit entry describe the same, last committed, change.
    const last = db.prepare("SELECT after FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1").get() as {
      after: string;
    };
    expect(JSON.parse(last.after).officeName).toBe(getSettings(db).officeName);
    const n = db.prepare("SELECT count(*) n FROM audit_log WHERE entity = 'settings'").get() as { n: number };
    expect(getSettings(db).officeName).toBe(`w第${n.n}号窗口`);
    db.close();
  });
});

describe('several processes writing to one database file at once', () => {
  it('serialise their transactions: every write lands once and the audit chain stays unbroken', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const writers = ['a', 'b', 'c'].map((label) =>
      spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/fixtures/crash-writer.ts'), dir, '300', label], {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    const codes = await Promise.all(writers.map((w) => new Promise<number | null>((r) => w.once('exit', r))));
    expect(codes).toEqual([0, 0, 0]);
    const db = openDatabase(join(dir, 'registry.db'));
    const chain = verifyAuditChain(db);
    expect(chain).toEqual({ checked: 900, intact: true, firstBroken: null });
    const perWriter = db.prepare('SELECT username, count(*) n FROM audit_log GROUP BY username ORDER BY username').all();
    expect(perWriter).toEqual([
      { username: 'writer-a', n: 300 },
      { username: 'writer-b', n: 300 },
      { username: 'writer-c', n: 300 },
    ]);
    db.close();
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';

const repoRoot = resolve(__dirname, '../..');

export interface ServedApp {
  url: string;
  dataDir: string;
  /** Stops the server; the data folder is removed unless kept for a restart on another day. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the built app (`out/main/serve.js`) on a free loopback port, with a fresh data folder or
 * an existing one (a restart).
 */
export async function startServe(env: Record<string, string> = {}, existingDataDir?: string): Promise<ServedApp> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'registry-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repoRoot, 'out/main/serve.js'), '--data-dir', dataDir, '--port', '0'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('serve did not start in 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /serving on (http:\/\/\S+?)\/?\s/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`serve exited (${code})`)));
  });
  return {
    url,
    dataDir,
    async stop(options) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
      if (!options?.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ served: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const app = await startServe();
    await use(app);
    await app.stop();
  },
});

export { expect };

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The desktop shell itself. Electron ≥ 42 downloads its binary on first launch, which these
// machines cannot do, so this test runs where the binary (and the Electron build of
// better-sqlite3) exists and otherwise skips, saying why.
const repoRoot = resolve(__dirname, '../..');

function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(repoRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

function electronSqlite(): boolean {
  const version = JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')).version;
  return existsSync(join(repoRoot, '.native', `electron-${version}`, 'better_sqlite3.node'));
}

test('the desktop window opens on the login screen with the security defaults', async () => {
  const bin = electronBinary();
  const reason = !bin
    ? 'Electron binary not present (Electron ≥ 42 downloads it on first launch; no network here) — run where it exists'
    : !electronSqlite()
      ? 'better-sqlite3 has no Electron-ABI build (.native/); run `node scripts/electron-native.mjs` online'
      : null;
  if (reason) console.log(`[electron e2e] skipped: ${reason}`);
  test.skip(reason !== null, reason ?? '');

  const dataDir = mkdtempSync(join(tmpdir(), 'registry-electron-'));
  const app = await electron.launch({
    executablePath: bin!,
    args: [repoRoot, '--data-dir', dataDir, '--no-sandbox'],
    env: { ...process.env, REGISTRY_INIT_ADMIN: 'admin:Admin1234' },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('button', { name: /登\s*录/ })).toBeVisible();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      // getLastWebPreferences exists at run time (Electron ≥ 13) but is missing from some typings.
      const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }).getLastWebPreferences();
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // Page scripts get the contract's functions, never Node or ipcRenderer.
    expect(await win.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(
      await win.evaluate(() => typeof (globalThis as unknown as { registry: Record<string, unknown> }).registry['auth.login']),
    ).toBe('function');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// `npm start`: build, make sure better-sqlite3 exists for Electron's ABI, then open the app window.
// Electron ≥ 42 downloads its own binary on first launch; offline that fails, and we say what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const step = (args, what) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${what} failed.`);
    process.exit(r.status ?? 1);
  }
};

step(['node_modules/electron-vite/bin/electron-vite.js', 'build'], 'Build');
step(['scripts/electron-native.mjs'], 'Building better-sqlite3 for Electron');

const run = spawnSync(process.execPath, ['node_modules/electron/cli.js', '.', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.status !== 0) {
  const hasBinary = existsSync('node_modules/electron/path.txt') && existsSync('node_modules/electron/dist');
  if (!hasBinary) {
    console.error(`
无法启动 Electron：首次启动时需要下载 Electron 程序本体，而本机无法访问下载地址。
Electron could not start: Electron ≥ 42 downloads its binary on first launch and this machine cannot reach it.

  • 使用镜像 / use a mirror:   ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start
  • 或在浏览器中使用同一程序 / or run the same app in a browser:   npm run serve
`);
  }
  process.exit(run.status ?? 1);
}

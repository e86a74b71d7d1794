// `npm run serve [-- --port 5170 --data-dir DIR]`: builds the app, then runs the renderer and the
// service handlers behind a loopback HTTP bridge under plain Node (no Electron binary needed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build') || process.env.REGISTRY_SKIP_BUILD === '1';
const passOn = args.filter((a) => a !== '--no-build');

if (!skipBuild || !existsSync('out/main/serve.js')) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, ['out/main/serve.js', ...passOn], { stdio: 'inherit' });
process.exit(run.status ?? 1);

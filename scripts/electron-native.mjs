// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, apart from the
// node_modules build that `npm test` uses under system Node. Both then coexist: main passes the
// Electron build to better-sqlite3 through its `nativeBinding` option. Running it again is a no-op.
//
//   node scripts/electron-native.mjs               build if missing, fail loudly if impossible
//   node scripts/electron-native.mjs --if-possible  (postinstall) warn instead of failing
//
// The build needs Electron's headers. Offline, point ELECTRON_HEADERS_URL at a mirror
// (e.g. https://npmmirror.com/mirrors/electron/ style "dist-url"), or use `npm run serve`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lenient = process.argv.includes('--if-possible');
const electronPkg = join(root, 'node_modules/electron/package.json');
const sqlitePkg = join(root, 'node_modules/better-sqlite3');

function finish(ok, message) {
  if (ok) {
    if (message) console.log(`[electron-native] ${message}`);
    process.exit(0);
  }
  console.error(`[electron-native] ${message}`);
  process.exit(lenient ? 0 : 1);
}

if (!existsSync(electronPkg) || !existsSync(sqlitePkg))
  finish(false, 'electron or better-sqlite3 is not installed; run npm install first');

const version = JSON.parse(readFileSync(electronPkg, 'utf8')).version;
const outDir = join(root, '.native', `electron-${version}`);
const target = join(outDir, 'better_sqlite3.node');
if (existsSync(target)) finish(true, '');

const work = join(root, '.native', 'build-src');
rmSync(work, { recursive: true, force: true });
cpSync(sqlitePkg, work, { recursive: true, filter: (src) => !src.includes(`${join(sqlitePkg, 'build')}`) });

// npm passes the machine's `nodedir` (Node's own headers) to child processes; for Electron it must not apply.
const env = { ...process.env };
for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];

const distUrl = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
console.log(`[electron-native] building better-sqlite3 for Electron ${version} (headers from ${distUrl}) …`);
const gyp = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${version}`,
    '--runtime=electron',
    `--dist-url=${distUrl}`,
    `--devdir=${join(root, '.native', 'headers')}`,
  ],
  // postinstall keeps the compiler's output in a log: offline it is a page of expected errors.
  { cwd: work, env, stdio: lenient ? ['ignore', 'pipe', 'pipe'] : 'inherit', timeout: 15 * 60_000, encoding: 'utf8' },
);
if (lenient) {
  mkdirSync(join(root, '.native'), { recursive: true });
  writeFileSync(join(root, '.native', 'build.log'), `${gyp.stdout ?? ''}${gyp.stderr ?? ''}`);
}
const built = join(work, 'build/Release/better_sqlite3.node');
if (gyp.status !== 0 || !existsSync(built)) {
  rmSync(work, { recursive: true, force: true });
  finish(
    false,
    'could not build better-sqlite3 for Electron (no network to fetch Electron headers?' +
      (lenient ? ' details: .native/build.log). ' : '). ') +
      '`npm test` and `npm run serve` are unaffected; `npm start` needs this build — retry online or set ELECTRON_HEADERS_URL.',
  );
}
mkdirSync(outDir, { recursive: true });
cpSync(built, target);
rmSync(work, { recursive: true, force: true });
finish(true, `built ${target}`);

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_ID = 'civil-affairs-registry';

/** Where Electron keeps userData for this app; `npm run serve` uses the same folder by default. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_ID);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_ID);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_ID);
}

/** `--data-dir DIR` beats `REGISTRY_DATA_DIR` beats the default. */
export function dataDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--data-dir');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return resolve(flag ?? env.REGISTRY_DATA_DIR ?? defaultDataDir(env));
}

export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

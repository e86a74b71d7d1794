// Injected at build time by electron-vite (define); tests and tsx runs read package.json.
declare const __APP_VERSION__: string | undefined;

export const appVersion: string =
  typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0-dev');

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app as electronApp, BrowserWindow, session, shell, type WebContents } from 'electron';
import { closeApp, openApp, type AppContext } from './core/app';
import { applyInitAdmin, startBackupSchedule } from './core/bootstrap';
import { contentSecurityPolicy, isAllowedExternalUrl } from './core/http/security';
import { dataDirFrom, defaultDataDir } from './core/paths';
import { appVersion } from './core/version';
import { bindIpc } from './ipc';
import { appUrlMatcher } from './ipcGuard';

// Electron lifecycle and windows only. Everything the app does goes through the handler registry.

const argv = process.argv.slice(1);
electronApp.setPath('userData', defaultDataDir());
let ctx: AppContext | null = null;
let mainWindow: BrowserWindow | null = null;

const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by `electron-vite dev`
const rendererFile = join(__dirname, '../renderer/index.html');

const isAppUrl = appUrlMatcher(rendererUrl);

/** better-sqlite3 built for Electron's ABI lives apart from the Node build (scripts/electron-native.mjs). */
function electronNativeBinding(): string {
  const file = join(electronApp.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`缺少 Electron 版 better-sqlite3（${file}）。请运行 npm start（会自动编译），或使用 npm run serve。`);
  }
  return file;
}

function hardenContents(contents: WebContents): void {
  // No navigation away from the app and no new windows; allowed external links open in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: '民政业务窗口',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's PDF viewer shows generated certificates in the preview pane.
      plugins: true,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererFile);
  return win;
}

async function start(): Promise<void> {
  const single = electronApp.requestSingleInstanceLock();
  if (!single) {
    electronApp.quit();
    return;
  }
  await electronApp.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  ctx = openApp({
    dataDir: dataDirFrom(argv),
    resourcesDir: electronApp.isPackaged ? join(process.resourcesPath, 'resources') : join(electronApp.getAppPath(), 'resources'),
    appVersion,
    transport: 'ipc',
    nativeBinding: electronNativeBinding(),
    worker: { script: join(__dirname, 'worker.js'), execArgv: [] },
  });
  await applyInitAdmin(ctx, process.env.REGISTRY_INIT_ADMIN);
  startBackupSchedule(ctx);
  bindIpc(ctx, (wc) => mainWindow !== null && wc === mainWindow.webContents, isAppUrl);
  mainWindow = createWindow();
  electronApp.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
}

electronApp.on('web-contents-created', (_e, contents) => hardenContents(contents));
electronApp.on('window-all-closed', () => electronApp.quit());
electronApp.on('will-quit', () => {
  if (ctx) closeApp(ctx);
});

start().catch((e: unknown) => {
  console.error(e);
  electronApp.exit(1);
});

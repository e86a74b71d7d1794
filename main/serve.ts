import { join } from 'node:path';
import { closeApp, openApp } from './core/app';
import { clockFromEnv } from './core/clock';
import { applyInitAdmin, startBackupSchedule } from './core/bootstrap';
import { createHttpServer, listen } from './core/http/server';
import { argValue, dataDirFrom } from './core/paths';
import { appVersion } from './core/version';

// `npm run serve`: the built renderer and the same service handlers behind a loopback HTTP bridge,
// for machines without a display or without the Electron binary. Runs under plain Node.
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = dataDirFrom(argv);
  const host = argValue(argv, '--host') ?? process.env.REGISTRY_HOST ?? '127.0.0.1';
  const port = Number(argValue(argv, '--port') ?? process.env.REGISTRY_PORT ?? 5170);
  const clock = clockFromEnv(process.env.REGISTRY_CLOCK_START);
  if (clock)
    console.warn(`注意：本次运行使用设定的时钟，当前为 ${clock.now().toLocaleString('zh-CN')}（REGISTRY_CLOCK_START）。`);
  const app = openApp({
    dataDir,
    ...(clock ? { clock } : {}),
    resourcesDir: join(__dirname, '../../resources'),
    appVersion,
    transport: 'http',
    worker: { script: join(__dirname, 'worker.js'), execArgv: [] },
  });
  await applyInitAdmin(app, process.env.REGISTRY_INIT_ADMIN);
  const stopBackups = startBackupSchedule(app);
  const server = createHttpServer(app, { host, port, staticDir: join(__dirname, '../renderer') });
  const actualPort = await listen(server, host, port);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.warn(`警告：服务监听在 ${host}，局域网内其他电脑也能访问。`);
  }
  // The line tests and scripts wait for; keep its shape.
  console.log(`民政业务窗口 serving on http://${host === '::1' ? '[::1]' : host}:${actualPort}/  (data: ${dataDir})`);
  const shutdown = (): void => {
    stopBackups();
    server.close();
    closeApp(app);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import { join } from 'node:path';
import { closeApp, openApp, type AppContext } from '../main/core/app';
import { recordAudit } from '../main/core/audit/service';
import { listAudit } from '../main/core/audit/service';
import { writeTransaction } from '../main/core/db/connection';
import { createHttpServer, listen } from '../main/core/http/server';
import { loadFontSet } from '../main/core/pdf';
import { renderTestPage } from '../main/core/pdf/testPage';
import { createFirstAdmin } from '../main/core/auth/service';
import { median, percentile, round, samples, seeded, timeMs, type BenchResult } from './measure';

const repoRoot = join(__dirname, '..');
// Jobs are not benchmarked here; the TS entry is loaded through the same bootstrap the tests use.
const worker = { script: join(repoRoot, 'tests/fixtures/worker-bootstrap.cjs'), execArgv: [] };

export function openBenchApp(dataDir: string): AppContext {
  return openApp({ dataDir, resourcesDir: join(repoRoot, 'resources'), appVersion: 'bench', transport: 'http', worker });
}

export async function benchDbOpen(tmp: () => string, runs: number): Promise<BenchResult> {
  const times = await samples(runs, () => closeApp(openBenchApp(tmp())));
  return { id: 'core.db_open_migrate.ms', value: round(median(times)), unit: 'ms', n: runs };
}

export async function benchTestPage(runs: number): Promise<BenchResult[]> {
  const input = {
    officeName: '重庆市永川区民政局婚姻登记处',
    divisionCode: '500118',
    printedBy: 'bench',
    printedAt: new Date(),
    printerOffset: { name: '窗口1', dxMm: 1.5, dyMm: -0.5 },
  };
  const cold = await timeMs(async () => renderTestPage(loadFontSet(join(repoRoot, 'resources/fonts')), input));
  const warm = await samples(runs, () => renderTestPage(loadFontSet(join(repoRoot, 'resources/fonts')), input));
  return [
    { id: 'core.test_pdf_cold.ms', value: round(cold), unit: 'ms', n: 1 },
    { id: 'core.test_pdf_warm.ms', value: round(median(warm)), unit: 'ms', n: runs, target: '≤ 50' },
  ];
}

export async function benchHttp(dataDir: string, calls: number): Promise<BenchResult> {
  const app = openBenchApp(dataDir);
  const session = await createFirstAdmin(app, { username: 'bench', displayName: 'bench', password: 'Bench12345' });
  const server = createHttpServer(app, { host: '127.0.0.1', port: 0, staticDir: null });
  const port = await listen(server, '127.0.0.1', 0);
  const call = () =>
    fetch(`http://127.0.0.1:${port}/api/settings.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: '{}',
    }).then((r) => r.json());
  await samples(20, call); // warm the connection pool and statement cache
  const times = await samples(calls, call);
  await new Promise((r) => server.close(r));
  closeApp(app);
  return { id: 'core.http_roundtrip.p50_ms', value: round(median(times), 3), unit: 'ms', n: calls };
}

const actions = ['create', 'update', 'status', 'print', 'login', 'login_failed', 'export'];
const entities = ['user', 'settings', 'marriageRegistration', 'burial', 'placeName'];

/** Fills the audit log with a realistic mix, then times appends and filtered page reads. */
export async function benchAudit(dataDir: string, entries: number): Promise<BenchResult[]> {
  let app = openBenchApp(dataDir);
  const rnd = seeded(42);
  const users = Array.from({ length: 40 }, (_, i) => `clerk${i}`);
  let t = Date.parse('2024-01-01T00:00:00Z');
  const clock = { now: () => new Date((t += 20_000 + Math.floor(rnd() * 60_000))) };
  const batch = 5_000;
  const started = performance.now();
  for (let done = 0; done < entries; done += batch) {
    writeTransaction(app.db, () => {
      for (let i = 0; i < batch && done + i < entries; i++) {
        const u = users[Math.floor(rnd() * users.length)]!;
        recordAudit(
          app.db,
          clock,
          { userId: 1, username: u },
          {
            action: actions[Math.floor(rnd() * actions.length)]!,
            entity: entities[Math.floor(rnd() * entities.length)]!,
            entityId: String(Math.floor(rnd() * 100_000)),
            after: { name: `张${Math.floor(rnd() * 1000)}`, status: 'registered' },
          },
        );
      }
    });
  }
  const appendPerS = entries / ((performance.now() - started) / 1000);
  // Query as the app does in steady state: reopened, so PRAGMA optimize has seen the data.
  closeApp(app);
  app = openBenchApp(dataDir);
  const queries = await samples(50, (i) =>
    listAudit(app.db, {
      page: 1 + (i % 3),
      pageSize: 50,
      username: users[i % users.length],
      action: i % 2 ? 'update' : undefined,
    }),
  );
  closeApp(app);
  return [
    { id: 'core.audit_append.per_s', value: round(appendPerS, 0), unit: 'per_s', n: entries },
    { id: 'core.audit_list_filtered.p95_ms', value: round(percentile(queries, 95)), unit: 'ms', n: entries },
  ];
}

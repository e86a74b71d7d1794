// `npm test`: unit + integration tests (vitest, real SQLite files, real pdfkit output), then the
// end-to-end tests (Playwright driving Debian's Chromium against `npm run serve`). Builds first,
// because the E2E tests run the built app. Prints one closing line with the combined counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv[2]; // "unit" or "e2e" to run one half
const reports = mkdtempSync(join(tmpdir(), 'registry-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;

function run(args, env = {}) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

if (only !== 'e2e') {
  const file = join(reports, 'vitest.json');
  const code = run([
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  } catch {
    failed += 1;
  }
  if (code !== 0) status = code;
}

if (only !== 'unit') {
  const build = run(['node_modules/electron-vite/bin/electron-vite.js', 'build']);
  if (build !== 0) {
    status = build;
    failed += 1;
  } else {
    const file = join(reports, 'playwright.json');
    const code = run(['node_modules/@playwright/test/cli.js', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    try {
      const r = JSON.parse(readFileSync(file, 'utf8'));
      passed += r.stats.expected;
      failed += r.stats.unexpected + r.stats.flaky;
      skipped += r.stats.skipped;
    } catch {
      failed += 1;
    }
    if (code !== 0) status = code;
  }
}

rmSync(reports, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);

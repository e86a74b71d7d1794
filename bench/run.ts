// Benchmarks on generated, seeded data in a temp folder. Writes bench/results.json as a list of
// { id, value, unit, n } and prints the same as a table. `--quick` is the small version CI runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAudit, benchDbOpen, benchHttp, benchTestPage } from './core';
import { benchMarriageSearch } from './marriage';
import { benchMarriageRegister } from './marriageRegister';
import { benchMarriageStats } from './marriageStats';
import { benchFuneralBurials } from './funeralBurials';
import { benchFuneralSubsidies } from './funeralSubsidies';
import { benchFuneralReports } from './funeralReports';
import type { BenchResult } from './measure';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const root = mkdtempSync(join(tmpdir(), 'registry-bench-'));
  let k = 0;
  const tmp = (): string => mkdtempSync(join(root, `d${k++}-`));
  const results: BenchResult[] = [];
  try {
    results.push(await benchDbOpen(tmp, quick ? 5 : 20));
    results.push(...(await benchTestPage(quick ? 5 : 20)));
    results.push(await benchHttp(tmp(), quick ? 100 : 1000));
    results.push(...(await benchAudit(tmp(), quick ? 20_000 : 200_000)));
    const marriageDir = tmp(); // the generated register: search first, then registrations on top of it
    results.push(await benchMarriageSearch(marriageDir, quick ? 20_000 : 1_000_000));
    results.push(...(await benchMarriageRegister(marriageDir, quick ? 300 : 2000, quick ? 5 : 20)));
    results.push(...(await benchMarriageStats(tmp(), quick ? 20_000 : 1_000_000)));
    results.push(
      ...(await benchFuneralBurials(
        tmp(),
        quick ? { rows: 20, numbers: 50, burials: 20_000 } : { rows: 50, numbers: 100, burials: 300_000 },
      )),
    );
    results.push(...(await benchFuneralSubsidies(tmp(), quick ? 200 : 1000, quick ? 1 : 3)));
    results.push(
      ...(await benchFuneralReports(
        tmp(),
        quick ? { rows: 20, numbers: 50, burials: 20_000 } : { rows: 50, numbers: 100, burials: 300_000 },
      )),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const out = results.map(({ id, value, unit, n }) => ({ id, value, unit, n }));
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  const w = Math.max(...results.map((r) => r.id.length));
  console.log(`\n${'benchmark'.padEnd(w)}  ${'value'.padStart(12)}  unit    ${'n'.padStart(8)}  target`);
  for (const r of results) {
    console.log(
      `${r.id.padEnd(w)}  ${String(r.value).padStart(12)}  ${r.unit.padEnd(6)}  ${String(r.n).padStart(8)}  ${r.target ?? ''}`,
    );
  }
  console.log(`\n(${quick ? 'quick run' : 'full run'}; written to bench/results.json)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchMarriageSearch } from './marriage';
const n = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
const t0 = performance.now();
benchMarriageSearch(dir, n).then((r) => {
  console.log(r, 'total s', ((performance.now() - t0) / 1000).toFixed(1));
  rmSync(dir, { recursive: true, force: true });
});

// `npm run bench [-- --quick]`: runs bench/run.ts under tsx against real SQLite files in a temp folder.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/gen-api-docs';
import { repoRoot, tempDir } from '../helpers/app';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('docs/api.md', () => {
  it('matches the contract (run `npm run docs:api` after changing a channel)', () => {
    expect(readFileSync(join(repoRoot, 'docs/api.md'), 'utf8')).toBe(renderApiDocs());
  });
});

describe('layering check', () => {
  const runCheck = (root: string) =>
    spawnSync(process.execPath, [join(repoRoot, 'scripts/check-layers.mjs'), root], { encoding: 'utf8' });
  const plant = (files: Record<string, string>) => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('passes on this repository', () => {
    expect(runCheck(repoRoot).status).toBe(0);
  });

  it('fails when the renderer imports a service, or a contract imports node code', () => {
    const dir = plant({
      'main/core/db/connection.ts': 'export const x = 1;\n',
      'main/core/auth/contract.ts': "import { x } from '../db/connection';\nexport const c = x;\n",
      'renderer/src/app.tsx': "import { x } from '../../main/core/db/connection';\nimport fs from 'node:fs';\n",
      'preload/index.ts': "import { x } from '../main/core/db/connection';\n",
      'main/core/idnumber/residentId.ts': "import fs from 'node:fs';\nexport const y = fs;\n",
      'renderer/src/idCheck.ts': "import { y } from '../../main/core/idnumber/residentId';\n",
    });
    const r = runCheck(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('renderer may import only contract files');
    expect(r.stderr).toContain('renderer must not import "node:fs"');
    expect(r.stderr).toContain('a contract file may import only zod');
    expect(r.stderr).toContain('preload may import only electron');
    // Shared rule modules are open to the renderer but held to the contract's purity.
    expect(r.stderr).toContain('main/core/idnumber/residentId.ts: a contract file may import only zod');
    expect(r.stderr).not.toContain('renderer/src/idCheck.ts');
  });
});

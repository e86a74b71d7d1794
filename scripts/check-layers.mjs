// Layering rules (architecture): data flows renderer → preload → main, and only the contract is shared.
//  - renderer/ imports from main/ only contract files, and never Node, Electron or database code;
//  - preload/ imports only electron and contract files;
//  - contract files, and the pure rule modules in main/core/idnumber, main/core/codes and
//    main/funeral/shared, import only zod and each other (the renderer bundles them).
// Part of `npm run lint`; a test runs it too, on a planted violation, so the check itself can fail.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const rel = (p) => relative(root, p).split(sep).join('/');

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const isContract = (file) => {
  const r = rel(file);
  return /^main\/.*\/contract\.ts$/.test(r) || r.startsWith('main/core/contract/');
};

// Pure rule modules the renderer also runs for instant form feedback (ID numbers, national code
// tables). Like contract files, they may import nothing but zod and each other.
const sharedFolders = ['main/core/idnumber/', 'main/core/codes/', 'main/funeral/shared/'];
const isShared = (file) => isContract(file) || sharedFolders.some((f) => rel(file).startsWith(f));

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return base;
}

function imports(file) {
  const text = readFileSync(file, 'utf8');
  const specs = [];
  const re =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (let m; (m = re.exec(text));) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

const problems = [];
const forbiddenInRenderer = /^(node:|electron$|better-sqlite3|pdfkit|kysely|fontkit|exceljs)/;

for (const file of walk(join(root, 'renderer'))) {
  for (const spec of imports(file)) {
    if (forbiddenInRenderer.test(spec)) problems.push(`${rel(file)}: renderer must not import "${spec}"`);
    if (spec.startsWith('.')) {
      const target = resolveImport(file, spec);
      if (rel(target).startsWith('main/') && !isShared(target))
        problems.push(`${rel(file)}: renderer may import only contract files from main/, not "${spec}"`);
      if (rel(target).startsWith('preload/')) problems.push(`${rel(file)}: renderer must not import preload code ("${spec}")`);
    }
  }
}

for (const file of walk(join(root, 'preload'))) {
  for (const spec of imports(file)) {
    if (spec === 'electron') continue;
    if (!spec.startsWith('.') || !isContract(resolveImport(file, spec)))
      problems.push(`${rel(file)}: preload may import only electron and the contract, not "${spec}"`);
  }
}

for (const file of walk(join(root, 'main')).filter(isShared)) {
  for (const spec of imports(file)) {
    if (spec === 'zod') continue;
    if (!spec.startsWith('.') || !isShared(resolveImport(file, spec)))
      problems.push(`${rel(file)}: a contract file may import only zod and contract files, not "${spec}"`);
  }
}

if (problems.length > 0) {
  console.error(`Layering rules broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('layering: ok');

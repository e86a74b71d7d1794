// Generates docs/api.md from the contract: every channel with its access rule, summary, input
// schema (JSON Schema from zod) and output type (read from the `returns<T>()` in the source).
// `npm run docs:api` writes it; a unit test fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { channelNames, contract, permissionLabels } from '../main/core/contract';

const root = resolve(__dirname, '..');

/** channel name → output type text, found in any main/**\/contract.ts. */
function outputTypes(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && ts.isCallExpression(node.initializer)) {
        const arg = node.initializer.arguments[0];
        if (arg && ts.isObjectLiteralExpression(arg)) {
          for (const p of arg.properties) {
            if (ts.isPropertyAssignment(p) && p.name.getText() === 'output' && ts.isCallExpression(p.initializer)) {
              const t = p.initializer.typeArguments?.[0];
              if (t) found.set(node.name.text, t.getText(src).replace(/\s+/g, ' '));
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return found;
}

export function contractFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of ts.sys.readDirectory(dir, ['.ts'], undefined, ['**/contract.ts'])) out.push(e);
  };
  walk(join(root, 'main'));
  return out.sort();
}

export function renderApiDocs(): string {
  const outputs = outputTypes(contractFiles());
  const lines: string[] = [
    '# API channels',
    '',
    '_Generated from the contract by `npm run docs:api`; do not edit by hand._',
    '',
    'Every channel is called the same way over Electron IPC (`window.registry[channel](input)`) and over the',
    'HTTP bridge of `npm run serve` (`POST /api/<channel>` with a JSON body and `Authorization: Bearer <token>`).',
    'Each answers `{ "ok": true, "value": … }` or `{ "ok": false, "error": { "code", "message", "field"? } }`,',
    'with `message` in Simplified Chinese. `GET /api/health` answers `{ ok, app, version, schemaVersion }` for scripts.',
    '',
    '| channel | access | changes data | summary |',
    '|---|---|---|---|',
  ];
  const access = (c: (typeof channelNames)[number]): string => {
    const a = contract[c].access;
    return a.kind === 'public'
      ? 'public'
      : a.kind === 'session'
        ? 'any logged-in user'
        : a.permissions.map((p) => `\`${p}\` (${permissionLabels[p]})`).join(' or ');
  };
  for (const c of channelNames)
    lines.push(`| \`${c}\` | ${access(c)} | ${contract[c].mutates ? 'yes' : 'no'} | ${contract[c].summary} |`);
  for (const c of channelNames) {
    const schema = z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' });
    delete (schema as { $schema?: string }).$schema;
    lines.push(
      '',
      `## \`${c}\``,
      '',
      contract[c].summary,
      '',
      `- access: ${access(c)}`,
      `- output: \`${outputs.get(c) ?? 'unknown'}\``,
      '',
      '```json',
      JSON.stringify(schema, null, 2),
      '```',
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  writeFileSync(join(root, 'docs/api.md'), renderApiDocs());
  console.log(`docs/api.md: ${channelNames.length} channels`);
}

/**
 * `npm run check:lint` must fail on an import cycle (dynamic `import()` included, which tsc does not
 * see), on an unused export, and on a resolver of a clean area that calls the ORM itself. These probes write the faulty code into throw-away files and run the
 * same tools with the project's configuration.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('check:lint', () => {
  it('fails on an import cycle closed through a dynamic import()', { timeout: 120_000 }, async () => {
    // Inside the tree (tests/ is in tsconfig.json, not in the build), so the project's resolver settings apply.
    const dir = path.resolve('tests', 'tooling', `.cycle-probe-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir);
    try {
      writeFileSync(path.join(dir, 'index.ts'), "import { part } from './part.js';\nexport const parts = [part];\n");
      writeFileSync(path.join(dir, 'part.ts'), "export const part = { load: async () => (await import('./index.js')).parts };\n");
      const results = await new ESLint().lintFiles([path.join(dir, 'index.ts'), path.join(dir, 'part.ts')]);
      const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId));
      expect(rules).toEqual(['import-x/no-cycle', 'import-x/no-cycle']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a resolver that calls the ORM, in every subgraph', { timeout: 120_000 }, async () => {
    // lintText with a path: the configuration of that path applies, nothing is written to the tree.
    const code = [
      'export async function probe(context: { em: { findOne(id: string): Promise<unknown>; fork(): unknown } }, em: { transactional(): Promise<void> }) {',
      "  context.em.fork();",
      "  await em.transactional();",
      "  return context.em.findOne('x');",
      '}',
      '',
    ].join('\n');
    const ruleLines = async (filePath: string) =>
      (await new ESLint().lintText(code, { filePath })).flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line));
    expect(await ruleLines('subgraphs/devices/video/probe.resolver.ts')).toEqual([3, 4]);
    expect(await ruleLines('subgraphs/governance/portal/probe.resolver.ts')).toEqual([3, 4]);
    expect(await ruleLines('subgraphs/commerce/orders/probe.resolver.ts')).toEqual([3, 4]);
    expect(await ruleLines('subgraphs/commerce/shops/probe.resolver.ts')).toEqual([3, 4]);
    expect(await ruleLines('subgraphs/society/postal/probe.resolver.ts')).toEqual([3, 4]);
    // A query or command is where the ORM work goes.
    expect(await ruleLines('subgraphs/devices/video/probe.query.ts')).toEqual([]);
    expect(await ruleLines('subgraphs/society/postal/probe.command.ts')).toEqual([]);
  });

  it('fails on an unused export (knip)', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'knip-probe-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'knip-probe', type: 'module', private: true }));
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
      writeFileSync(path.join(dir, 'knip.json'), JSON.stringify({ entry: ['main.ts'], project: ['**/*.ts'] }));
      writeFileSync(path.join(dir, 'main.ts'), "import { used } from './lib.js';\nconsole.log(used);\n");
      writeFileSync(path.join(dir, 'lib.ts'), 'export const used = 1;\nexport const forgotten = 2;\n');
      const run = spawnSync(path.resolve('node_modules/.bin/knip'), ['--no-progress'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/Unused exports \(1\)[\s\S]*forgotten/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

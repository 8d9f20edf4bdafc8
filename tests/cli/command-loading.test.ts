import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `hub` loads the subgraphs' definitions (settings, commands), never their GraphQL layer nor their
 * tables, and a command loads its own code when it runs: an import of a million rows carries
 * nothing else. Each run records every module the process resolves, through a module hook loaded
 * with --import, and a line `WORKER_STARTED` where the main thread starts a worker thread.
 */
describe('hub: what a command loads', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-loading-'));
    writeFileSync(
      path.join(dir, 'hooks.mjs'),
      [
        "import { appendFileSync } from 'node:fs';",
        'let log;',
        'export function initialize(data) { log = data.log; }',
        'export async function resolve(specifier, context, next) {',
        '  const resolved = await next(specifier, context);',
        "  appendFileSync(log, resolved.url + '\\n');",
        '  return resolved;',
        '}',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function hub(name: string, ...args: string[]): { status: number | null; stdout: string; stderr: string; modules: string[] } {
    const log = path.join(dir, `${name}.modules`);
    writeFileSync(log, '');
    const register = path.join(dir, `${name}.register.mjs`);
    writeFileSync(
      register,
      [
        "import { appendFileSync } from 'node:fs';",
        "import { register, syncBuiltinESMExports } from 'node:module';",
        "import workerThreads from 'node:worker_threads';",
        `register(${JSON.stringify(new URL(`file://${path.join(dir, 'hooks.mjs')}`).href)}, { data: { log: ${JSON.stringify(log)} } });`,
        // Every module the main thread imported so far has been resolved (and logged) when it starts a worker.
        'if (workerThreads.isMainThread) {',
        '  const { Worker } = workerThreads;',
        `  workerThreads.Worker = class extends Worker { constructor(...args) { appendFileSync(${JSON.stringify(log)}, 'WORKER_STARTED\\n'); super(...args); } };`,
        '  syncBuiltinESMExports();',
        '}',
      ].join('\n'),
    );
    // The embedded default (a SQLite file in a data directory of its own), whatever the caller's environment says.
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const run = spawnSync('node', ['--import', register, 'dist/cli/hub.js', ...args], {
      encoding: 'utf8',
      env: { ...env, HUB_DATA_DIR: path.join(dir, `${name}-data`), HUB_SEED: 'none', LOG_LEVEL: 'warn' },
      timeout: 120_000,
    });
    const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((url) => url.replace(/^file:\/\//, ''));
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, modules };
  }

  /** Modules no command but `start` and `serve` may load: any GraphQL layer, the gateway, Apollo's servers. */
  const servingCode = (modules: string[]) =>
    modules.filter((m) => /\.(resolver|type|inputs)\.js$/.test(m) || /\/dist\/gateway\//.test(m) || /\/node_modules\/@apollo\/(server|gateway|subgraph)\//.test(m) || /\/dist\/subgraphs\/\w+\/index\.js$/.test(m));

  /**
   * Packages only a server, a request or a token needs: GraphQL (the domain enums and rules name no
   * GraphQL type), HTTP clients and servers (connectors and sandboxes load them when they call or
   * start), JWT. Together they were 25 MB and 0.4 s of CPU of every command.
   */
  const servingPackages = (modules: string[]) =>
    [...new Set(modules.map((m) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1]).filter((p): p is string => !!p))].filter((p) =>
      /^(graphql|graphql-scalars|type-graphql|@apollo\/.*|axios|express|jose|fast-jwt|exceljs)$/.test(p),
    );

  /**
   * The database layer: MikroORM, its drivers and knex, the client libraries, core/db, the entities
   * and the migrations (a subgraph's tables.ts lists them). Loading them took ~0.45 s of every
   * command; now only a command that opens a database loads them, when it does.
   */
  const databaseCode = (modules: string[]) =>
    modules.filter(
      (m) =>
        /\/node_modules\/(@mikro-orm\/[^/]+|knex|pg|pg-[^/]+|better-sqlite3)\//.test(m) ||
        /\/dist\/core\/db\//.test(m) ||
        /\.entity\.js$/.test(m) ||
        /\/dist\/subgraphs\/\w+\/(tables\.js|migrations\/)/.test(m),
    );

  it('`hub --help` lists every command from the definitions, loading no GraphQL layer and no command\'s code', () => {
    const run = hub('help', '--help');
    expect(run.status).toBe(0);
    for (const command of ['start', 'serve', 'migrate', 'reconcile', 'reconciliation', 'import', 'worker']) expect(run.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    expect(run.modules.some((m) => m.endsWith('/dist/subgraphs/commerce/definition.js'))).toBe(true);
    expect(servingCode(run.modules)).toEqual([]);
    expect(servingPackages(run.modules)).toEqual([]);
    expect(databaseCode(run.modules)).toEqual([]);
    expect(run.modules.filter((m) => /\.(command|query)\.js$|\/import-runner\.js$|\/worker-runtime\.js$|\/node_modules\/exceljs\//.test(m))).toEqual([]);
  });

  it('`hub reconcile` loads its own code and nothing of the other commands or of the servers', () => {
    const run = hub('reconcile', 'reconcile', '--provider', 'viettel-money', '--file', 'connectors/statements/samples/viettel-money-2026-11-01.csv', '--period', '2026-11-01');
    expect(run.stderr).not.toMatch(/^hub:/m);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Run \S+: viettel-money, period 2026-11-01/m);
    expect(run.modules.some((m) => m.endsWith('/reconciliation/reconcile.command.js'))).toBe(true);
    expect(servingCode(run.modules)).toEqual([]);
    expect(servingPackages(run.modules)).toEqual([]);
    // The other commands' code: the governance imports, the unit registry import, the sync worker.
    expect(run.modules.filter((m) => /\/import-runner\.js$|\/unit-import\.command\.js$|\/worker-runtime\.js$|\/default-connectors\.js$/.test(m))).toEqual([]);
    // The statement is read on a worker thread started before the database layer loads: the reading
    // (the longer branch of a large import) starts as soon as the action runs.
    const started = run.modules.indexOf('WORKER_STARTED');
    expect(started).toBeGreaterThan(0);
    expect(run.modules.slice(0, started).some((m) => m.endsWith('/reconciliation/statement-read.js'))).toBe(true);
    expect(databaseCode(run.modules.slice(0, started))).toEqual([]);
    expect(databaseCode(run.modules.slice(started)).some((m) => m.endsWith('/dist/subgraphs/commerce/tables.js'))).toBe(true);
  });
});

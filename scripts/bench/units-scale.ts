/**
 * The whole country at scale, through the gateway: loads the national unit registry, seeds dossiers
 * for the communes in force from 2025-07-01 (default 3,321 communes × 3 years × 3,000 a commune-year,
 * about 30 million), then times these requests and counts the SQL statements each costs:
 * `commune(code) { dossierStats }` over every commune code in turn, as a frontend sends it (one
 * document, the code in a variable) and with the code written into the document (a new document each
 * time, which the gateway parses, validates and plans again), a province page of 100 communes with
 * their `dossierStats`, and `Province.dossierStats`; then the first one's subgraph call alone (signed as
 * the gateway signs it), which splits that request's CPU between governance and the gateway.
 *
 *   npm run bench -- units-scale [--per 3000] [--communes 3321] [--years 3] [--runs 30] [--only sqlite|postgresql] [--database NAME] [--scenarios 1,5] [--profile DIR] [--explain]
 *
 * `--scenarios 1,5` runs only those (numbered as listed above). `--profile DIR` profiles each scenario's timed runs (in this process: gateway, governance and the
 * client) into DIR/<n>.cpuprofile and prints where the CPU went; `--explain` prints the statements of
 * one request of each scenario with their EXPLAIN ANALYZE planning and execution times (PostgreSQL).
 *
 * PostgreSQL: BENCH_DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres;
 * the benchmark creates its own database there and drops it afterwards. With `--database NAME` it
 * keeps that database instead, and a later run with the same name and sizes reuses its dossiers
 * (seeding 30 million rows takes tens of minutes on a shared machine): drop it yourself when done
 * (`dropdb NAME`). Default: PostgreSQL only (pass --only sqlite for SQLite, with a smaller --per).
 *
 * PostgreSQL seeding makes the dossier table UNLOGGED and drops its indexes for the insert, then
 * rebuilds them: acceptable for a throw-away benchmark database only, never for a real one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId } from '../../core/auth/gateway-assertion.js';
import { loadConfig } from '../../core/config.js';
import type { Connection } from '@mikro-orm/core';
import pg from 'pg';
import { Agent, request } from 'undici';
import type { DatabaseTarget } from '../../core/db/database.js';
import { startSubgraph } from '../../core/subgraph-server.js';
import { startGateway } from '../../gateway/gateway-server.js';
import { tableName } from '../../subgraphs/governance/common/dialect.js';
import { rebuildMonthSummary } from '../../subgraphs/governance/common/month-summary.store.js';
import { DOSSIER_SUMMARY } from '../../subgraphs/governance/dossiers/dossier-summary.cli.js';
import { governance } from '../../subgraphs/governance/index.js';
import { unitSnapshot } from '../../subgraphs/governance/units/unit-snapshot.store.js';
import { seedNationalUnits } from '../../subgraphs/governance/units/national-units.seed.js';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry.js';
import { composeSupergraph } from '../support/compose.js';
import { summarizeProfile } from '../support/cpu-profile.js';
import { profileDuring } from '../support/in-process-profile.js';
import { withTemporaryPostgresDatabase } from '../support/temporary-database.js';

const FIRST_YEAR = 2026;
const PROVINCE = '25';

interface Options {
  per: number;
  communes: number;
  years: number;
  runs: number;
  only: 'sqlite' | 'postgresql';
  database?: string;
  /** A directory: each scenario is profiled on its own (V8 CPU profile) and summarized. */
  profile?: string;
  /** Prints the SQL of one request of each scenario with, on PostgreSQL, its EXPLAIN ANALYZE times. */
  explain: boolean;
  /** Which scenarios to run (1-based, as printed); default all. */
  scenarios?: number[];
}

function parseArgs(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = value('only') ?? 'postgresql';
  if (only !== 'sqlite' && only !== 'postgresql') throw new Error('--only takes sqlite or postgresql');
  return {
    per: Number(value('per') ?? 3000),
    communes: Number(value('communes') ?? 3321),
    years: Number(value('years') ?? 3),
    runs: Number(value('runs') ?? 30),
    only,
    database: value('database'),
    profile: value('profile'),
    explain: args.includes('--explain'),
    scenarios: value('scenarios')?.split(',').map(Number),
  };
}

/**
 * One insert … select: commune-year j gets `per` dossiers spread through the year, 40% online,
 * 73% resolved on time, 2% overdue, the rest returned, withdrawn, rejected or processing.
 */
function generateSql(dialect: 'sqlite' | 'postgresql', em: { dossier: string; unit: string }, options: Options): string {
  const { per, communes, years } = options;
  const rows = per * communes * years;
  const pg = dialect === 'postgresql';
  const seq = pg ? `generate_series(0, ${rows - 1}) as s(i)` : 'seq s';
  const recursive = pg ? '' : `recursive seq(i) as (select 0 union all select i + 1 from seq where i < ${rows - 1}), `;
  const numbered = `c as (select id, row_number() over (order by code) - 1 as n from ${em.unit} where level = 'COMMUNE' and valid_from = '2025-07-01')`;
  const k = `(s.i / ${communes * years})`;
  const year = `${FIRST_YEAR} + (s.i / ${communes}) % ${years}`;
  const yearStart = pg ? `make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')` : `(strftime('%s', printf('%04d-01-01', ${year})) * 1000 - 25200000)`;
  const step = Math.max(1, Math.floor((365 * 24 * 60) / per));
  const received = pg ? `(${yearStart} + ${k} * interval '${step} minutes')` : `(${yearStart} + ${k} * ${step * 60_000})`;
  const plus = (days: number) => (pg ? `${received} + interval '${days} days'` : `${received} + ${days * 86_400_000}`);
  const status = `case when ${k} % 100 < 75 then 'RESOLVED' when ${k} % 100 < 85 then 'RETURNED' when ${k} % 100 < 90 then 'WITHDRAWN' when ${k} % 100 < 95 then 'PROCESSING' else 'REJECTED' end`;
  const completed = `case when ${k} % 100 < 73 then ${plus(1)} when ${k} % 100 < 75 then ${plus(5)} when ${k} % 100 < 90 then ${plus(1)} when ${k} % 100 < 95 then null else ${plus(1)} end`;
  return `with ${recursive}${numbered}
    insert into ${em.dossier} (id, commune_id, code, procedure_code, procedure_name, procedure_field, channel, online_level, received_at, due_at, completed_at, status, status_changed_at, applicant_name, applicant_id_number, applicant_phone)
    select 'u' || s.i, c.id, 'SCALE-' || s.i, '1.001193', 'Đăng ký khai sinh', 'Hộ tịch',
      case when ${k} % 10 < 4 then 'ONLINE' else 'DIRECT' end, case when ${k} % 10 < 4 then 'FULL' else null end,
      ${received}, ${plus(3)}, ${completed}, ${status}, coalesce(${completed}, ${received}), 'Người nộp ' || s.i, null, null
    from ${seq} join c on c.n = s.i % ${communes}`;
}

function summarize(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (${samples.length} runs)`;
}

const SEED_MARK = 'units-scale seed';

/**
 * The seed a table of this database already holds (a comment on it: the dossiers once seeded, the month
 * summary once recounted from them), so a kept database is neither seeded nor recounted twice.
 */
async function seededAlready(connection: Connection, table: string, options: Options): Promise<boolean> {
  const [row] = (await connection.execute(`select obj_description(?::regclass, 'pg_class') as mark`, [table])) as { mark: string | null }[];
  return row?.mark === seedMark(options);
}

function seedMark(options: Options): string {
  return `${SEED_MARK} ${options.communes}x${options.years}x${options.per}`;
}

/**
 * The fast way to 30 million rows: an unlogged table without indexes takes the insert … select,
 * then each index is built once from sorted data (far cheaper than maintaining three b-trees row by row).
 */
async function seedPostgres(connection: Connection, tables: { dossier: string; unit: string }, options: Options): Promise<void> {
  const [schema, table] = tables.dossier.split('.').map((part) => part.replace(/"/g, ''));
  const constraints = (await connection.execute(
    `select conname, pg_get_constraintdef(c.oid) as def from pg_constraint c where conrelid = ?::regclass and contype in ('p', 'u') order by contype`,
    [tables.dossier],
  )) as { conname: string; def: string }[];
  const indexes = (await connection.execute(
    `select indexname, indexdef from pg_indexes i where schemaname = ? and tablename = ?
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.conrelid = ?::regclass)`,
    [schema, table, tables.dossier],
  )) as { indexname: string; indexdef: string }[];
  await connection.execute(`truncate ${tables.dossier}`, [], 'run');
  await connection.execute(`alter table ${tables.dossier} set unlogged`, [], 'run');
  for (const index of indexes) await connection.execute(`drop index "${schema}"."${index.indexname}"`, [], 'run');
  for (const constraint of constraints) await connection.execute(`alter table ${tables.dossier} drop constraint "${constraint.conname}"`, [], 'run');
  await connection.execute(generateSql('postgresql', tables, options), [], 'run');
  await connection.execute(`set maintenance_work_mem = '512MB'`, [], 'run');
  for (const constraint of constraints) await connection.execute(`alter table ${tables.dossier} add constraint "${constraint.conname}" ${constraint.def}`, [], 'run');
  for (const index of indexes) await connection.execute(index.indexdef, [], 'run');
  await connection.execute(`comment on table ${tables.dossier} is '${seedMark(options)}'`, [], 'run');
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

async function benchOne(label: string, target: DatabaseTarget, dataDir: string, options: Options): Promise<void> {
  const config = loadConfig(
    // A generous subgraph timeout: on a loaded machine one slow request must show in p99/max, not abort the run.
    { NODE_ENV: 'production', LOG_LEVEL: 'silent', GOVERNANCE_TIMEOUT_MS: '60000', HUB_DATA_DIR: dataDir, AUTH_SECRET: randomBytes(32).toString('hex'), GATEWAY_SIGNING_KEY: randomBytes(32).toString('hex') },
    { subgraphs: SUBGRAPH_REGISTRY },
  );
  let start = performance.now();
  const subgraph = await startSubgraph(governance, { config, port: 0, host: '127.0.0.1', seed: false, target });
  console.log(`${label}: subgraph started (migrations included) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  const client = new Agent({ keepAliveTimeout: 60_000 });
  try {
    const em = subgraph.orm.em.fork();
    start = performance.now();
    await seedNationalUnits(em);
    console.log(`${label}: national unit registry loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const tables = { dossier: tableName(em, 'dossier'), unit: tableName(em, 'administrative_unit'), summary: tableName(em, 'dossier_month_summary') };
    const total = options.per * options.communes * options.years;
    const connection = em.getConnection();
    // Planner statistics for the registry the province figures join (a server without autovacuum has none).
    await connection.execute(`analyze ${tables.unit}`, [], 'run');
    let summaryCurrent = target.kind === 'postgresql' && (await seededAlready(connection, tables.summary, options));
    if (target.kind === 'postgresql' && (await seededAlready(connection, tables.dossier, options))) {
      console.log(`${label}: reusing the ${total.toLocaleString('en')} dossiers already seeded in this database`);
    } else {
      start = performance.now();
      if (target.kind === 'postgresql') await seedPostgres(connection, tables, options);
      else await connection.execute(generateSql(target.kind, tables, options), [], 'run');
      const seeded = performance.now() - start;
      start = performance.now();
      await connection.execute(target.kind === 'postgresql' ? `vacuum analyze ${tables.dossier}` : 'analyze', [], 'run');
      console.log(`${label}: seeded ${total.toLocaleString('en')} dossiers in ${(seeded / 1000).toFixed(1)} s (vacuum/analyze ${((performance.now() - start) / 1000).toFixed(1)} s)`);
      summaryCurrent = false;
    }
    if (summaryCurrent) {
      console.log(`${label}: reusing the month summary already recounted from these dossiers`);
    } else {
      // The seed wrote straight into the table, past the write paths that keep the month summary: recount it, as an operator would.
      start = performance.now();
      const { communeMonths } = await rebuildMonthSummary(em, DOSSIER_SUMMARY);
      if (target.kind === 'postgresql') await connection.execute(`comment on table ${tables.summary} is '${seedMark(options)}'`, [], 'run');
      console.log(`${label}: month summary rebuilt (${communeMonths.toLocaleString('en')} commune-months) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }

    // The registry snapshot is loaded once per process; load it before timing, as a running hub has.
    await unitSnapshot(em);
    // Subgraphs answer only calls the gateway signed: sign the SDL request as it would.
    const sdlBody = JSON.stringify({ query: '{ _service { sdl } }' });
    const sign = createAssertionSigner(config);
    const assertion = sign('governance', { viewer: null, requestId: newRequestId() }, sdlBody);
    const sdl = ((await (await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: assertion }, body: sdlBody })).json()) as {
      data: { _service: { sdl: string } };
    }).data._service.sdl;
    gateway = await startGateway({ config, port: 0, host: '127.0.0.1', supergraphSdl: composeSupergraph([{ name: 'governance', url: subgraph.url, sdl }]) });
    const execute = connection.execute.bind(connection);
    let statements = 0;
    let recorded: { sql: string; params: unknown[] }[] | undefined;
    connection.execute = ((...args: Parameters<typeof execute>) => {
      statements++;
      if (recorded && typeof args[0] === 'string') recorded.push({ sql: args[0], params: [...((args[1] as unknown[] | undefined) ?? [])] });
      return execute(...args);
    }) as typeof connection.execute;

    const codes = (await em.getConnection().execute(`select code from ${tables.unit} where level = 'COMMUNE' and valid_from = '2025-07-01' order by code`)) as { code: string }[];
    const year = FIRST_YEAR + Math.min(1, options.years - 1);
    type Body = { query: string; variables?: Record<string, unknown>; operationName?: string };
    const code = (i: number) => codes[i % codes.length]!.code;
    const requests: [string, (i: number) => Body, ('governance' | undefined)?][] = [
      // As a frontend sends it: one document, the code in a variable, so the gateway plans it once.
      [
        'commune(code) { dossierStats }',
        (i) => ({
          query: `query CommuneStats($code: String!, $year: Int!) { commune(code: $code) { dossierStats(year: $year) { received online onlineRate onTimeRate targetMet } } }`,
          variables: { code: code(i), year },
        }),
      ],
      // The code written into the document: every request is a new document the gateway parses, validates and plans.
      ['commune(code: literal) { dossierStats }', (i) => ({ query: `{ commune(code: "${code(i)}") { dossierStats(year: ${year}) { received online onlineRate onTimeRate targetMet } } }` })],
      [
        `province(${PROVINCE}) page of 100 communes with dossierStats`,
        () => ({ query: `{ province(code: "${PROVINCE}") { communes(first: 100) { totalCount edges { node { id name dossierStats(year: ${year}) { received onlineRate onTimeRate targetMet } } } } } }` }),
      ],
      [`Province(${PROVINCE}).dossierStats`, () => ({ query: `{ province(code: "${PROVINCE}") { dossierStats(year: ${year}) { received online onlineRate onTimeRate targetMet } } }` })],
      // The first scenario's subgraph call alone, signed as the gateway signs it: what governance costs
      // of the commune request; the rest of that request's CPU is the gateway's (and the client's).
      [
        'governance alone: the subgraph call of commune(code) { dossierStats }',
        (i) => ({
          query: `query CommuneStats__governance__0($code:String!$year:Int!){commune(code:$code){dossierStats(year:$year){received online onlineRate onTimeRate targetMet}}}`,
          variables: { code: code(i), year },
          operationName: 'CommuneStats__governance__0',
        }),
        'governance',
      ],
    ];
    const send = async (name: string, body: Body, to?: 'governance') => {
      const text = JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
      if (to) headers[GATEWAY_ASSERTION_HEADER] = sign(to, { viewer: null, requestId: newRequestId() }, text);
      // undici's request, not the WHATWG fetch: this client shares the process (and its CPU) with the
      // gateway and governance, and fetch's streams cost it ~1 ms of CPU a request more, which the
      // times would charge to the hub.
      const response = await request(to ? subgraph.url : gateway!.url, { method: 'POST', headers, body: text, dispatcher: client });
      const json = (await response.body.json()) as { errors?: unknown; data?: unknown };
      if (json.errors) throw new Error(`${name}: ${JSON.stringify(json.errors)}`);
    };
    for (const [n, [name, query, to]] of requests.entries()) {
      if (options.scenarios && !options.scenarios.includes(n + 1)) continue;
      const samples: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) await send(name, query(i), to);
      if (options.explain) {
        recorded = [];
        await send(name, query(3), to);
        const sqls = recorded;
        recorded = undefined;
        console.log(`${label}: ${name}: ${sqls.length} SQL statements`);
        for (const { sql, params } of sqls) console.log(`  ${sql.replace(/\s+/g, ' ')}\n    ${await explainTimes(connection, target, sql, params)}`);
      }
      // CPU the process spent (gateway, governance and this client share it): unlike the times, barely
      // inflated by other work on a busy machine, so before/after comparisons hold under load.
      const cpu = process.cpuUsage();
      const timed = async () => {
        for (let i = 0; i < options.runs; i++) {
          statements = 0;
          const begin = performance.now();
          await send(name, query(i + 4), to);
          samples.push(performance.now() - begin);
          counts.push(statements);
        }
      };
      const profileFile = options.profile ? path.join(options.profile, `${label}-${n + 1}.cpuprofile`) : undefined;
      if (profileFile) await profileDuring(profileFile, timed);
      else await timed();
      const used = process.cpuUsage(cpu);
      const cpuPerRequest = (used.user + used.system) / 1000 / options.runs;
      console.log(
        `${label}: ${name}: ${summarize(samples)}; SQL statements per request ${Math.min(...counts)}–${Math.max(...counts)}; ` +
          `process CPU ${cpuPerRequest.toFixed(1)} ms a request; load average ${loadAverage()}`,
      );
      if (profileFile) {
        console.log(`${label}: ${name}: CPU profile ${profileFile} (the profiler's own cost is in the figures above)`);
        for (const line of summarizeProfile(profileFile, { from: 0, to: Number.MAX_SAFE_INTEGER }, 30)) console.log(`  ${line}`);
      }
    }
  } finally {
    await client.close();
    await gateway?.close();
    await subgraph.close();
  }
}

/** Planning and execution time of a statement as PostgreSQL reports them (EXPLAIN ANALYZE); SQLite has no such report. */
async function explainTimes(connection: Connection, target: DatabaseTarget, sql: string, params: unknown[]): Promise<string> {
  if (target.kind !== 'postgresql') return '(no EXPLAIN ANALYZE on SQLite)';
  const rows = (await connection.execute(`explain (analyze, buffers, format text) ${sql}`, params as never[], 'all')) as Record<string, string>[];
  const lines = rows.map((row) => Object.values(row)[0]!);
  const times = lines.filter((line) => /^(Planning|Execution) Time/.test(line)).join(', ');
  const plan = lines.filter((line) => /Scan|Aggregate|Join|Loop/.test(line)).map((line) => line.trim().replace(/\s+\(cost=[^)]*\)/, '')).slice(0, 4);
  return [times, ...plan].join('\n    ');
}

export async function run(args: string[]): Promise<void> {
  if (args.includes('--help')) {
    console.log(
      'npm run bench -- units-scale [--per 3000] [--communes 3321] [--years 3] [--runs 30] [--only sqlite|postgresql] [--database NAME] [--scenarios 1,5] [--profile DIR] [--explain]',
    );
    return;
  }
  const options = parseArgs(args);
  console.log(
    `units-scale: ${options.communes} communes × ${options.years} years (${FIRST_YEAR}–) × ${options.per} dossiers = ${(options.communes * options.years * options.per).toLocaleString('en')} dossiers, through the gateway`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
  try {
    if (options.only === 'sqlite') {
      await benchOne('sqlite', { kind: 'sqlite', file: path.join(dataDir, 'governance.sqlite') }, dataDir, options);
    } else {
      const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
      if (options.database) {
        await benchOne('postgresql', { kind: 'postgresql', url: await keptDatabase(baseUrl, options.database), schema: 'governance' }, dataDir, options);
        return;
      }
      await withTemporaryPostgresDatabase(baseUrl, `hub_bench_${randomBytes(4).toString('hex')}`, (url) =>
        benchOne('postgresql', { kind: 'postgresql', url, schema: 'governance' }, dataDir, options),
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The URL of database `name` beside baseUrl, created if missing (a kept benchmark database). */
async function keptDatabase(baseUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--database takes a lower-case name of letters, digits and _, got ${name}`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

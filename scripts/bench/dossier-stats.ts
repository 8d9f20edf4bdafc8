/**
 * dossierStats at scale: seeds N dossiers (default 1,000,000: 40 communes × 10 years × 2,500 a
 * commune-year) on SQLite and on PostgreSQL, then times dossierStats for one commune-year, both as
 * the aggregate query alone and as a GraphQL request to the governance subgraph over HTTP.
 *
 *   npm run bench -- dossier-stats [--rows 1000000] [--runs 50] [--only sqlite|postgresql]
 *
 * PostgreSQL: BENCH_DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres;
 * the benchmark creates its own database there and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/core';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId } from '../../core/auth/gateway-assertion.js';
import { loadConfig } from '../../core/config.js';
import type { DatabaseTarget } from '../../core/db/database.js';
import { withTemporaryPostgresDatabase } from '../support/temporary-database.js';
import { startSubgraph } from '../../core/subgraph-server.js';
import { tableName } from '../../subgraphs/governance/common/dialect.js';
import { governance } from '../../subgraphs/governance/index.js';
import { countDossiers } from '../../subgraphs/governance/kpis/dossier-stats.query.js';
import { AdministrativeUnit, CommuneKind, UnitLevel } from '../../subgraphs/governance/units/administrative-unit.entity.js';

const COMMUNES = 40;
const YEARS = 10;
const FIRST_YEAR = 2016;
const TARGET_COMMUNE = 'B0007/1';
const TARGET_YEAR = 2021;

interface Options {
  rows: number;
  runs: number;
  only?: 'sqlite' | 'postgresql';
}

function parseArgs(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = value('only');
  if (only && only !== 'sqlite' && only !== 'postgresql') throw new Error('--only takes sqlite or postgresql');
  return { rows: Number(value('rows') ?? 1_000_000), runs: Number(value('runs') ?? 50), only: only as Options['only'] };
}

/**
 * One insert … select generating every row in the database: row i goes to commune i mod 40, year
 * (i div 40) mod 10, every 3.5 hours through the year; 40% online; statuses 73% resolved on time,
 * 2% overdue, the rest returned, withdrawn, rejected or still processing.
 */
function generateSql(dialect: 'sqlite' | 'postgresql', table: string, rows: number): string {
  const columns =
    'id, commune_id, code, procedure_code, procedure_name, procedure_field, channel, online_level, received_at, due_at, completed_at, status, status_changed_at, applicant_name, applicant_id_number, applicant_phone';
  const pg = dialect === 'postgresql';
  const idx = pg ? `generate_series(0, ${rows - 1}) as i` : `seq`;
  const cte = pg ? '' : `with recursive seq(i) as (select 0 union all select i + 1 from seq where i < ${rows - 1}) `;
  const commune = pg ? `'B' || lpad((i % ${COMMUNES})::text, 4, '0') || '/1'` : `'B' || printf('%04d', i % ${COMMUNES}) || '/1'`;
  const yearStart = pg
    ? `make_timestamptz(${FIRST_YEAR} + (i / ${COMMUNES}) % ${YEARS}, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')`
    : `(strftime('%s', printf('%04d-01-01', ${FIRST_YEAR} + (i / ${COMMUNES}) % ${YEARS})) * 1000 - 25200000)`;
  const k = `(i / ${COMMUNES * YEARS})`;
  const received = pg ? `(${yearStart} + ${k} * interval '210 minutes')` : `(${yearStart} + ${k} * 12600000)`;
  const plus = (days: number) => (pg ? `${received} + interval '${days} days'` : `${received} + ${days * 86_400_000}`);
  const status = `case when ${k} % 100 < 75 then 'RESOLVED' when ${k} % 100 < 85 then 'RETURNED' when ${k} % 100 < 90 then 'WITHDRAWN' when ${k} % 100 < 95 then 'PROCESSING' else 'REJECTED' end`;
  const completed = `case when ${k} % 100 < 73 then ${plus(1)} when ${k} % 100 < 75 then ${plus(5)} when ${k} % 100 < 90 then ${plus(1)} when ${k} % 100 < 95 then null else ${plus(1)} end`;
  return `${cte}insert into ${table} (${columns})
    select 'b' || i, ${commune}, 'BENCH-' || i, '1.001193', 'Đăng ký khai sinh', 'Hộ tịch',
      case when ${k} % 10 < 4 then 'ONLINE' when ${k} % 23 = 0 then 'POSTAL' else 'DIRECT' end,
      case when ${k} % 10 < 4 then (case when (i / ${COMMUNES}) % ${YEARS} + ${FIRST_YEAR} < 2022 then 'LEVEL_4' else 'FULL' end) else null end,
      ${received}, ${plus(3)}, ${completed}, ${status}, coalesce(${completed}, ${received}), 'Người nộp ' || i, null, null
    from ${idx}`;
}

function summarize(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms (${samples.length} runs)`;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function benchOne(label: string, target: DatabaseTarget, dataDir: string, options: Options): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', HUB_DATA_DIR: dataDir, AUTH_SECRET: randomBytes(32).toString('hex'), GATEWAY_SIGNING_KEY: randomBytes(32).toString('hex') });
  const sign = createAssertionSigner(config);
  // Starting the subgraph applies the migrations (indexes included), as production does.
  const subgraph = await startSubgraph(governance, { config, port: 0, host: '127.0.0.1', seed: false, target });
  try {
    const em: EntityManager = subgraph.orm.em.fork();
    await em.upsertMany(
      AdministrativeUnit,
      Array.from({ length: COMMUNES }, (_, c) =>
        Object.assign(new AdministrativeUnit(), {
          id: `B${String(c).padStart(4, '0')}/1`,
          code: String(90000 + c),
          level: UnitLevel.COMMUNE,
          kind: CommuneKind.COMMUNE,
          name: `Bench ${c}`,
          provinceId: null,
          districtId: null,
          validFrom: null,
          validTo: null,
          legalBasis: null,
        }),
      ),
    );
    const table = tableName(em, 'dossier');
    let start = performance.now();
    await em.getConnection().execute(generateSql(target.kind, table, options.rows), [], 'run');
    const seeded = performance.now() - start;
    start = performance.now();
    await em.getConnection().execute(target.kind === 'postgresql' ? `vacuum analyze ${table}` : 'analyze', [], 'run');
    console.log(`${label}: seeded ${options.rows.toLocaleString('en')} dossiers in ${(seeded / 1000).toFixed(1)} s (analyze ${((performance.now() - start) / 1000).toFixed(1)} s)`);

    const counts = await countDossiers(em, [TARGET_COMMUNE], TARGET_YEAR);
    console.log(`${label}: ${TARGET_COMMUNE} ${TARGET_YEAR}: ${JSON.stringify(counts)}`);
    if (target.kind === 'postgresql') {
      const plan = (await em.getConnection().execute(
        `explain (analyze, buffers) select count(*), sum(case when status = 'RESOLVED' and completed_at <= due_at then 1 else 0 end) from ${table}
         where commune_id in ('${TARGET_COMMUNE}') and received_at >= '${TARGET_YEAR}-01-01T00:00:00+07:00' and received_at < '${TARGET_YEAR + 1}-01-01T00:00:00+07:00'`,
      )) as { 'QUERY PLAN': string }[];
      console.log(plan.map((p) => `    ${p['QUERY PLAN']}`).join('\n'));
    }
    const query = await time(options.runs, () => countDossiers(subgraph.orm.em.fork(), [TARGET_COMMUNE], TARGET_YEAR));
    console.log(`${label}: aggregate query alone: ${summarize(query)}`);
    const body = JSON.stringify({
      query: `{ communeById(id: "${TARGET_COMMUNE}") { dossierStats(year: ${TARGET_YEAR}) { received resolvedOnTime resolvedOverdue online onlineRate onTimeRate targetMet } } }`,
    });
    const http = await time(options.runs, async () => {
      // Signed as the gateway signs each call (subgraphs answer nothing else): its cost is part of the figure.
      const assertion = await sign('governance', { viewer: null, requestId: newRequestId() }, body);
      const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: assertion }, body });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) throw new Error(JSON.stringify(json.errors));
    });
    console.log(`${label}: GraphQL dossierStats over HTTP (subgraph): ${summarize(http)}`);
  } finally {
    await subgraph.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const options = parseArgs(args);
  console.log(
    `dossier-stats: ${options.rows.toLocaleString('en')} dossiers over ${COMMUNES} communes × ${YEARS} years; timing dossierStats(${TARGET_YEAR}) of ${TARGET_COMMUNE}`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
  try {
    if (options.only !== 'postgresql') {
      await benchOne('sqlite', { kind: 'sqlite', file: path.join(dataDir, 'governance.sqlite') }, dataDir, options);
    }
    if (options.only !== 'sqlite') {
      const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
      await withTemporaryPostgresDatabase(baseUrl, `hub_bench_${randomBytes(4).toString('hex')}`, (url) =>
        benchOne('postgresql', { kind: 'postgresql', url, schema: 'governance' }, dataDir, options),
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

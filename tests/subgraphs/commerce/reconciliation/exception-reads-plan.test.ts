import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import { isPostgres, rawTableName } from '../../../../core/db/raw-sql.js';
import type { SubgraphRuntime } from '../../../../core/subgraph.js';
import { agingReport } from '../../../../subgraphs/commerce/reconciliation/aging.query.js';
import { openExpectations, openPayments } from '../../../../subgraphs/commerce/reconciliation/carry-over.store.js';
import { openItems } from '../../../../subgraphs/commerce/reconciliation/open-items.query.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { forgetOrderPayment } from '../../../../subgraphs/commerce/reconciliation/order-payment.command.js';
import { MatchRule, ReconciliationOutcome } from '../../../../subgraphs/commerce/reconciliation/outcomes.js';
import { EXCEPTIONS_INDEX, ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { registerReconciliationMetrics } from '../../../../subgraphs/commerce/reconciliation/reconciliation-metrics.js';
import { ReconciliationRun } from '../../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import { openCount, runItems } from '../../../../subgraphs/commerce/reconciliation/run-items.query.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { reconciliationOnly } from './fixtures.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const UNIQUE_INDEX = 'reconciliation_item_run_id_seq_unique';
const ITEMS_PER_RUN = 3000;
const RUNS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
const EXCEPTIONS = [ReconciliationOutcome.AMOUNT_MISMATCH, ReconciliationOutcome.MISSING_IN_STATEMENT, ReconciliationOutcome.MISSING_IN_LEDGER, ReconciliationOutcome.DUPLICATE];

/** One statement as the code sent it to the database (MikroORM inlines parameters; raw reads may not). */
interface Statement {
  sql: string;
  bindings: unknown[];
}

/** How a plan reaches reconciliation_item: the indexes it uses, and whether it reads the table (or a whole index) from end to end. */
interface ItemAccess {
  indexes: string[];
  fullScan: boolean;
}

/** The statements touching reconciliation_item that `work` sends, in order. */
async function statementsOf(orm: MikroORM, work: () => Promise<unknown>): Promise<Statement[]> {
  const knex = (orm.em.getConnection() as unknown as { getKnex(): { on(e: string, f: (q: Statement) => void): void; off(e: string, f: (q: Statement) => void): void } }).getKnex();
  const seen: Statement[] = [];
  const listener = (q: Statement) => seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return seen.filter((s) => /reconciliation_item\b/.test(s.sql));
}

/** Only the statements whose WHERE filters on the outcome (not a load by id). */
const filteringOutcome = (statements: Statement[]) => statements.filter((s) => /\bwhere\b[\s\S]*\boutcome\b/i.test(s.sql));

/** The alias reconciliation_item has in the statement (SQLite's plan names the table by it). */
function itemAlias(sql: string): string {
  const m = /reconciliation_item[`"]?\s+(?:as\s+)?[`"]?(\w+)/i.exec(sql);
  return m && !/^(where|join|inner|left|on|group|order|limit|set)$/i.test(m[1]) ? m[1] : 'reconciliation_item';
}

/** SQLite: EXPLAIN QUERY PLAN, with the statement's own bindings (a bound value can decide whether a partial index applies). */
async function sqliteAccess(em: EntityManager, statement: Statement): Promise<ItemAccess> {
  const alias = itemAlias(statement.sql);
  const rows = (await em.getConnection().execute(`explain query plan ${statement.sql}`, statement.bindings)) as { detail: string }[];
  const access: ItemAccess = { indexes: [], fullScan: false };
  for (const { detail } of rows) {
    const m = /^(SCAN|SEARCH) (\S+)(.*)$/.exec(detail);
    if (!m || m[2] !== alias) continue;
    const index = /USING (?:COVERING )?INDEX (\S+)/.exec(m[3])?.[1];
    if (index) access.indexes.push(index);
    // A SCAN reads the whole table, or the whole index it names: only a partial index makes that small.
    if (m[1] === 'SCAN' && index !== EXCEPTIONS_INDEX) access.fullScan = true;
    if (m[1] === 'SEARCH' && /INTEGER PRIMARY KEY \(rowid>/.test(m[3])) access.fullScan = true;
  }
  return access;
}

interface PgPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgPlanNode[];
}

/**
 * PostgreSQL: EXPLAIN with sequential scans discouraged, so that the answer does not depend on how
 * few rows the test holds: a plan still reading reconciliation_item sequentially has no usable index.
 */
async function postgresAccess(em: EntityManager, statement: Statement): Promise<ItemAccess> {
  const access: ItemAccess = { indexes: [], fullScan: false };
  await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    await connection.execute('set local enable_seqscan = off', [], 'run', ctx);
    const [row] = (await connection.execute(`explain (format json) ${statement.sql}`, statement.bindings, 'all', ctx)) as { 'QUERY PLAN': { Plan: PgPlanNode }[] | string }[];
    const plan = typeof row['QUERY PLAN'] === 'string' ? (JSON.parse(row['QUERY PLAN']) as { Plan: PgPlanNode }[]) : row['QUERY PLAN'];
    const walk = (node: PgPlanNode, onItems: boolean) => {
      const items = node['Relation Name'] === 'reconciliation_item';
      if (items && node['Node Type'] === 'Seq Scan') access.fullScan = true;
      // A bitmap heap scan names the table, its bitmap index scans below it name the index.
      if ((items || onItems) && node['Index Name']) {
        access.indexes.push(node['Index Name']);
        if (!node['Index Cond'] && node['Index Name'] !== EXCEPTIONS_INDEX) access.fullScan = true;
      }
      for (const child of node.Plans ?? []) walk(child, items && node['Node Type'] === 'Bitmap Heap Scan' ? true : onItems && node['Node Type'].startsWith('Bitmap'));
    };
    walk(plan[0].Plan, false);
  });
  return access;
}

describe.each(DIALECTS)('reads of reconciliation items on %s find them by index', (dialect) => {
  let env: TestEnvironment;
  let orm: MikroORM;
  const access = (statement: Statement) => (isPostgres(orm.em) ? postgresAccess(orm.em.fork(), statement) : sqliteAccess(orm.em.fork(), statement));

  /** Each statement of `work` that filters by outcome reaches the items through `index`, never by reading them all. */
  async function expectIndex(work: (em: EntityManager) => Promise<unknown>, index: string, minStatements = 1): Promise<void> {
    const statements = filteringOutcome(await statementsOf(orm, () => work(orm.em.fork())));
    expect(statements.length).toBeGreaterThanOrEqual(minStatements);
    for (const statement of statements) {
      const plan = await access(statement);
      expect({ sql: statement.sql, ...plan }).toEqual({ sql: statement.sql, indexes: expect.arrayContaining([index]), fullScan: false });
    }
  }

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    const em = orm.em.fork();
    for (const [n, month] of ['2026-10', '2026-11'].entries()) {
      em.create(ReconciliationRun, {
        id: RUNS[n], provider: 'viettel-money', periodStart: `${month}-01`, periodEnd: `${month}-28`, periodLabel: month, fileName: `${month}.csv`, fileSha256: String(n).repeat(64),
        importedAt: new Date(`${month}-28T00:00:00Z`), version: 1, currentKey: `viettel-money|${month}`, importedBy: 'test', ledgerSource: 'test', toleranceMinutes: 0,
        statementRows: ITEMS_PER_RUN, ignoredRows: 0, statementGrossVnd: 0, reversedVnd: 0, statementFeeVnd: 0, expectedVnd: 0, matchedVnd: 0, matchedCount: 0,
        amountMismatchCount: 0, missingInStatementCount: 0, missingInLedgerCount: 0, duplicateCount: 0,
      });
    }
    await em.flush();
    // As an import leaves them: ~99 % MATCHED, a few exceptions of every kind.
    for (const runId of RUNS) {
      const rows = Array.from({ length: ITEMS_PER_RUN }, (_, seq) => {
        const outcome = seq % 100 === 7 ? EXCEPTIONS[(seq / 100) % EXCEPTIONS.length | 0] : ReconciliationOutcome.MATCHED;
        return {
          runId, seq, outcome, rule: outcome === ReconciliationOutcome.MISSING_IN_LEDGER ? MatchRule.UNPAIRED : MatchRule.REFERENCE,
          referencesJson: `["R-${seq}"]`, transactionIdsJson: `["T-${runId.slice(0, 1)}-${seq}"]`, linesJson: `[${seq + 2}]`, expectedPaymentIdsJson: outcome === ReconciliationOutcome.MISSING_IN_LEDGER ? '[]' : `["E-${seq}"]`,
          producerKey: '|p1|', payer: null, paidVnd: 10_000, reversedVnd: 0, feeVnd: 0, expectedVnd: 10_000, paidAt: new Date('2026-11-10T00:00:00Z'), expectedAt: null,
        };
      });
      for (let k = 0; k < rows.length; k += 500) await orm.em.fork().insertMany(ReconciliationItem, rows.slice(k, k + 500));
    }
    if (isPostgres(orm.em)) await orm.em.getConnection().execute(`analyze ${rawTableName(orm.em, 'reconciliation_item')}`, [], 'run');
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('the (run_id, outcome, seq) index holds the exceptions only, and the full one is gone', async () => {
    const connection = orm.em.getConnection();
    const definitions = isPostgres(orm.em)
      ? ((await connection.execute(`select indexname as name, indexdef as sql from pg_indexes where schemaname = 'commerce' and tablename = 'reconciliation_item'`)) as { name: string; sql: string }[])
      : ((await connection.execute(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'reconciliation_item'`)) as { name: string; sql: string | null }[]);
    const exceptions = definitions.find((d) => d.name === EXCEPTIONS_INDEX);
    expect(exceptions?.sql).toMatch(/\(\s*"?run_id"?\s*,\s*"?outcome"?\s*,\s*"?seq"?\s*\)\s+where\s+\(?\s*"?outcome"?\s*\)?(::text)?\s*<>\s*'MATCHED'/i);
    expect(definitions.map((d) => d.name)).not.toContain('reconciliation_item_run_id_outcome_seq_index');
  });

  it('a run filtered by an exception outcome: the page and its total read the exceptions index', async () => {
    for (const outcome of EXCEPTIONS) {
      await expectIndex((em) => runItems(em, { runId: RUNS[1], producerIds: null, outcome, limit: 50, afterSeq: 7 }), EXCEPTIONS_INDEX, 2);
    }
    // Filtered by producers and open state too.
    await expectIndex((em) => runItems(em, { runId: RUNS[1], producerIds: ['p1'], outcome: ReconciliationOutcome.DUPLICATE, unresolvedOnly: true, limit: 50 }), EXCEPTIONS_INDEX, 2);
  });

  it('a run filtered by MATCHED walks the run in result order instead', async () => {
    await expectIndex((em) => runItems(em, { runId: RUNS[1], producerIds: null, outcome: ReconciliationOutcome.MATCHED, limit: 50, afterSeq: 7 }), UNIQUE_INDEX, 2);
  });

  it('the open count of a run reads the exceptions index', async () => {
    await expectIndex((em) => openCount(em, RUNS[0]), EXCEPTIONS_INDEX);
  });

  it('aging and the aged open-item list (count and page) read the exceptions index, not every item', async () => {
    await expectIndex(async (em) => expect((await agingReport(em, 'viettel-money', '2026-12-15')).reduce((n, b) => n + b.count, 0)).toBe(60), EXCEPTIONS_INDEX);
    await expectIndex(async (em) => expect((await openItems(em, { asOf: '2026-12-15', limit: 20 })).total).toBe(60), EXCEPTIONS_INDEX, 2);
    await expectIndex((em) => openItems(em, { provider: 'viettel-money', asOf: '2026-12-15', bucket: '31-90', limit: 20, after: [Date.parse('2026-11-10T00:00:00Z'), 100] }), EXCEPTIONS_INDEX, 2);
  });

  it('carry-over of open expectations and open payments reads the exceptions index', async () => {
    await expectIndex(async (em) => expect((await openExpectations(em, 'viettel-money', RUNS[1])).size).toBe(8), EXCEPTIONS_INDEX);
    await expectIndex(async (em) => expect(await openPayments(em, 'viettel-money', RUNS[1])).toHaveLength(7), EXCEPTIONS_INDEX);
  });

  it('a cancelled order searches only the items of runs imported since it was pulled, by run', async () => {
    const expect_ = (id: string) => ({ id: `order-${id}`, provider: 'viettel-money', reference: `DH-${id}`, amountVnd: 10_000, expectedAt: new Date('2026-11-10T00:00:00Z'), payer: null, producerId: 'p1' });
    const forget = async (id: string, pulledAt: string) => {
      const em = orm.em.fork();
      em.create(ExpectedPayment, expect_(id));
      await em.flush();
      const statements = (await statementsOf(orm, async () => {
        await forgetOrderPayment(em, { id, pulledAt: new Date(pulledAt) });
        await em.flush();
      })).filter((st) => /expected_payment_ids_json/.test(st.sql));
      const plans = await Promise.all(statements.map(async (st) => ({ runs: RUNS.filter((r) => st.sql.includes(r) || st.bindings.includes(r)), ...(await access(st)) })));
      return { plans, left: await orm.em.fork().count(ExpectedPayment, { id: `order-${id}` }) };
    };
    // Pulled between the two runs: only the November run's items are searched, through the run's index.
    expect(await forget('a1', '2026-11-15T00:00:00Z')).toEqual({ plans: [{ runs: [RUNS[1]], indexes: expect.arrayContaining([UNIQUE_INDEX]), fullScan: false }], left: 0 });
    // Pulled after every run: no item can name it, none is read.
    expect(await forget('a2', '2026-12-15T00:00:00Z')).toEqual({ plans: [], left: 0 });
    // An item of a run since then names it: it stays.
    const em = orm.em.fork();
    await em.nativeUpdate(ReconciliationItem, { runId: RUNS[0], seq: 5 }, { expectedPaymentIdsJson: '["order-a3"]' });
    expect((await forget('a3', '2026-10-01T00:00:00Z')).left).toBe(1);
  });

  it('the open-items gauge reads the exceptions index, not the whole table', async () => {
    const registry = new Registry();
    registerReconciliationMetrics({ orm, metrics: registry } as unknown as SubgraphRuntime);
    await expectIndex(async () => expect(await registry.metrics()).toMatch(/hub_reconciliation_open_items\{outcome="DUPLICATE"\} 14/), EXCEPTIONS_INDEX);
  });
});

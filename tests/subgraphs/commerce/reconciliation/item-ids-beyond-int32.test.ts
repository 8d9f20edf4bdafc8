import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { isPostgres } from '../../../../core/db/raw-sql.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { ReconciliationResolution } from '../../../../subgraphs/commerce/reconciliation/reconciliation-resolution.entity.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { itemsOfRun, reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

/**
 * Every item of a run takes an id, packed or not: at a million rows a day the ids pass int4's
 * 2,147,483,647 within years. Beyond it, a run is still stored, its items read, resolved by id
 * over GraphQL, and a late payment still links the two runs' items, on both databases.
 */
const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const BEYOND_INT32 = 3_000_000_000;
const at = (day: string, hhmm: string) => new Date(`2026-11-${day}T${hhmm}:00+07:00`);
const row = (n: number, txn: string, ref: string, day: string, amount: string) => `${n},${txn},${ref},${day}/11/2026 09:00:00,${amount},0,VND,Thành công,Thanh toán,,\n`;

describe.each(DIALECTS)('reconciliation item ids beyond 2^31 on %s', (dialect) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let finance: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    subgraph = await startSubgraph(reconciliationOnly, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('commerce') });
    const em = subgraph.orm.em.fork();
    await em.insertMany(ExpectedPayment, [
      { id: 'e1', provider: 'viettel-money', reference: 'DH-1', amountVnd: 150_000, expectedAt: at('01', '08:00'), payer: null, producerId: 'p1' },
      { id: 'e3', provider: 'viettel-money', reference: 'DH-3', amountVnd: 70_000, expectedAt: at('01', '10:00'), payer: null, producerId: 'p2' },
    ]);
    // The item ids' own counter moved past int4, as years of imports would move it.
    const connection = em.getConnection();
    if (isPostgres(em)) {
      await connection.execute(`select setval(pg_get_serial_sequence('"commerce"."reconciliation_item"', 'id'), ${BEYOND_INT32})`);
    } else {
      await connection.execute(`delete from sqlite_sequence where name = 'reconciliation_item'`);
      await connection.execute(`insert into sqlite_sequence (name, seq) values ('reconciliation_item', ${BEYOND_INT32})`);
    }
    finance = await signHubToken(env.config, { subject: 'ke-toan-1', roles: [Role.FINANCE] });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('stores, reads, resolves by id over GraphQL, and links a late payment, with ids past int4', async () => {
    const day1 = writeFile(env.dataDir, 'day1.csv', VIETTEL_HEADER + row(1, 'A1', 'DH-1', '01', '150.000') + row(2, 'X1', 'DH-X', '01', '45.000'));
    const first = (await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: day1, period: '2026-11-01', importedBy: 'test' })).run;
    expect(first).toMatchObject({ matchedCount: 1, missingInLedgerCount: 1, missingInStatementCount: 1 });
    expect(first.firstItemId).toBeGreaterThan(BEYOND_INT32);
    const items = await itemsOfRun(subgraph.orm.em.fork(), first.id);
    expect(items.map((i) => i.id - first.firstItemId!)).toEqual([0, 1, 2]);
    const unexpected = items.find((i) => i.transactionIdsJson === '["X1"]')!;

    const resolved = await postGraphQL<{ resolveReconciliationItem: { item: { id: string; resolved: boolean } } }>(
      subgraph.url,
      `mutation ($input: ResolveReconciliationItemInput!) { resolveReconciliationItem(input: $input) { item { id resolved } } }`,
      { input: { itemId: String(unexpected.id), category: 'REFUNDED', note: 'Hoàn tiền cho người mua' } },
      bearer(finance),
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveReconciliationItem.item).toEqual({ id: String(unexpected.id), resolved: true });
    const [resolution] = await subgraph.orm.em.fork().find(ReconciliationResolution, { itemId: unexpected.id });
    expect(resolution.itemId).toBe(unexpected.id);

    const listed = await postGraphQL<{ reconciliationRun: { items: { edges: { node: { id: string } }[] } } }>(
      subgraph.url,
      `query ($id: ID!) { reconciliationRun(id: $id) { items(first: 10) { edges { node { id } } } } }`,
      { id: first.id },
      bearer(finance),
    );
    expect(listed.data!.reconciliationRun.items.edges.map((e) => Number(e.node.id))).toEqual(items.map((i) => i.id));

    // DH-3, expected on day 1 and never paid then, is paid on day 3: the two items name each other.
    const day3 = writeFile(env.dataDir, 'day3.csv', VIETTEL_HEADER + row(1, 'L1', 'DH-3', '03', '70.000'));
    const late = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: day3, period: '2026-11-03', importedBy: 'test' });
    expect(late.settledOpenItems).toBe(1);
    const [matched] = await itemsOfRun(subgraph.orm.em.fork(), late.run.id);
    const open = (await itemsOfRun(subgraph.orm.em.fork(), first.id)).find((i) => i.expectedPaymentIdsJson === '["e3"]')!;
    expect(open.id).toBeGreaterThan(BEYOND_INT32);
    expect(matched).toMatchObject({ outcome: 'MATCHED', carriedFromItemId: open.id });
    expect(open).toMatchObject({ settledByItemId: matched.id, settledByRunId: late.run.id });
  });
});

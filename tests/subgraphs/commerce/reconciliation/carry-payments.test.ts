import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { itemsOfRun, reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const row = (n: number, txn: string, ref: string, day: string, hhmm: string, amount: string) => `${n},${txn},${ref},${day}/11/2026 ${hhmm}:00,${amount},0,VND,Thành công,Thanh toán,,\n`;
const RECORD = `mutation ($input: RecordExpectedPaymentInput!) { recordExpectedPayment(input: $input) { created } }`;

describe.each(DIALECTS)('a payment the ledger did not expect is carried to later runs, on %s', (dialect) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let finance: string;
  const items = (runId: string) => itemsOfRun(subgraph.orm.em.fork(), runId);
  const byTxn = (list: ReconciliationItem[], txn: string) => list.find((i) => JSON.parse(i.transactionIdsJson).includes(txn));

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    subgraph = await startSubgraph(reconciliationOnly, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('commerce') });
    finance = await signHubToken(env.config, { subject: 'ke-toan-1', roles: [Role.FINANCE] });
    await subgraph.orm.em.fork().insertMany(ExpectedPayment, [
      { id: 'd3', provider: 'viettel-money', reference: 'DH-30', amountVnd: 40_000, expectedAt: new Date('2026-11-03T09:00:00+07:00'), payer: null, producerId: 'p1' },
    ]);
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('matches in a later run once the expected payment is entered, linking the two items; what stays unmatched is not reported twice', async () => {
    // 1 November: three payments nobody expected yet (L2 quotes no reference).
    const day1 = writeFile(env.dataDir, 'day1.csv', VIETTEL_HEADER + row(1, 'L1', 'DH-50', '01', '10:00', '80.000') + row(2, 'L2', '', '01', '11:00', '33.000') + row(3, 'L3', 'DH-99', '01', '12:00', '12.000'));
    const first = (await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: day1, period: '2026-11-01', importedBy: 'test' })).run;
    expect(first.missingInLedgerCount).toBe(3);

    // The orders are entered afterwards, through the mutation, with the times they were placed.
    for (const input of [
      { id: 'late-50', reference: 'DH-50', amountVnd: 80_000, expectedAt: '2026-11-01T09:58:00+07:00' },
      { id: 'late-51', reference: 'DH-51', amountVnd: 33_000, expectedAt: '2026-11-01T10:59:00+07:00' },
    ]) {
      const recorded = await postGraphQL(subgraph.url, RECORD, { input: { ...input, provider: 'viettel-money', producerId: 'p1' } }, bearer(finance));
      expect(recorded.errors).toBeUndefined();
    }

    // 3 November: the next statement, with its own payment.
    const day3 = writeFile(env.dataDir, 'day3.csv', VIETTEL_HEADER + row(1, 'M1', 'DH-30', '03', '09:05', '40.000'));
    const outcome = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: day3, period: '2026-11-03', importedBy: 'test' });
    const third = outcome.run;
    expect(outcome.settledOpenItems).toBe(2);
    // The run's statement totals are its file's; what it matched includes the carried payments.
    expect(third).toMatchObject({ statementRows: 1, statementGrossVnd: 40_000, matchedCount: 3, matchedVnd: 153_000, missingInLedgerCount: 0, missingInStatementCount: 0 });

    const earlier = await items(first.id);
    const later = await items(third.id);
    expect(later).toHaveLength(3);
    const l1 = byTxn(later, 'L1')!;
    const l2 = byTxn(later, 'L2')!;
    expect(l1).toMatchObject({ outcome: 'MATCHED', rule: 'REFERENCE', expectedPaymentIdsJson: '["late-50"]', carriedFromItemId: byTxn(earlier, 'L1')!.id, linesJson: '[0]' });
    expect(l2).toMatchObject({ outcome: 'MATCHED', rule: 'AMOUNT_TIME', expectedPaymentIdsJson: '["late-51"]', carriedFromItemId: byTxn(earlier, 'L2')!.id });
    expect(byTxn(earlier, 'L1')).toMatchObject({ settledByItemId: l1.id, settledByRunId: third.id });
    expect(byTxn(earlier, 'L2')).toMatchObject({ settledByItemId: l2.id, settledByRunId: third.id });
    // L3 is still unknown: open on 1 November, not reported again on the 3rd.
    expect(byTxn(later, 'L3')).toBeUndefined();
    expect(byTxn(earlier, 'L3')).toMatchObject({ outcome: 'MISSING_IN_LEDGER', settledByItemId: null });

    const open = await postGraphQL<{ reconciliationOpenItems: { totalCount: number; edges: { node: { item: { transactionIds: string[] } } }[] } }>(
      subgraph.url,
      '{ reconciliationOpenItems(asOf: "2026-11-05") { totalCount edges { node { item { transactionIds } } } } }',
      {},
      bearer(finance),
    );
    expect(open.data!.reconciliationOpenItems.edges.map((e) => e.node.item.transactionIds)).toEqual([['L3']]);
  });
});

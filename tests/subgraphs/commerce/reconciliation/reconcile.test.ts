import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { UnknownProviderError } from '../../../../connectors/statements/registry.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { outcomeTotals } from '../../../../subgraphs/commerce/reconciliation/outcome-totals.query.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { ReconciliationRun } from '../../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import { StatementRejectedError } from '../../../../subgraphs/commerce/reconciliation/statement-load.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { ALL_OUTCOMES_LEDGER, ALL_OUTCOMES_STATEMENT, insertExpected, itemsOfRun, reconciliationOnly, storedItemCount, VIETTEL_HEADER, writeFile } from './fixtures.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../connectors/statements/samples');
const at = (hhmm: string) => new Date(`2026-11-01T${hhmm}:00+07:00`);

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI). */
const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);

describe.each(DIALECTS)('reconciliation on %s: import, store, GraphQL', (dialect) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let runId: string;
  const tokens: Record<string, string> = {};

  const count = async (entity: typeof ReconciliationRun | typeof ReconciliationItem) => subgraph.orm.em.fork().count(entity, {});

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    subgraph = await startSubgraph(reconciliationOnly, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('commerce') });
    await insertExpected(subgraph.orm.em.fork(), ALL_OUTCOMES_LEDGER);
    tokens.finance = await signHubToken(env.config, { subject: 'ke-toan-1', roles: [Role.FINANCE] });
    tokens.p1 = await signHubToken(env.config, { subject: 'htx-1', roles: [Role.PRODUCER], producerIds: ['p1'] });
    tokens.p2 = await signHubToken(env.config, { subject: 'ho-2', roles: [Role.PRODUCER], producerIds: ['p2'] });
    tokens.officer = await signHubToken(env.config, { subject: 'can-bo', roles: [Role.OFFICER], communeCodes: ['05068'] });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('imports a statement with every outcome and stores the run with its totals', async () => {
    const file = writeFile(env.dataDir, 'viettel-2026-11-01.csv', ALL_OUTCOMES_STATEMENT);
    const { run, alreadyImported, byOutcome } = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-11-01', importedBy: 'test' });
    runId = run.id;
    expect(alreadyImported).toBe(false);
    // The summary `hub reconcile` prints comes from the import's own sums: they must be what the stored items add up to.
    expect(byOutcome).toEqual(await outcomeTotals(subgraph.orm.em.fork(), run.id));
    expect(byOutcome!.MISSING_IN_STATEMENT.count).toBe(2);
    expect(byOutcome!.MATCHED.paidVnd).toBe(480_000);
    expect(run).toMatchObject({
      provider: 'viettel-money',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-01',
      statementRows: 8,
      ignoredRows: 1,
      statementGrossVnd: 675_000, // the repeated row A1 is not counted twice
      reversedVnd: 60_000,
      statementFeeVnd: 7_425,
      expectedVnd: 710_000,
      matchedVnd: 480_000,
      matchedCount: 3,
      amountMismatchCount: 1,
      missingInStatementCount: 2,
      missingInLedgerCount: 1,
      duplicateCount: 1,
      ledgerSource: 'expected_payment',
    });
    expect(run.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedItemCount(subgraph.orm.em.fork())).toBe(8);
  });

  it('recognises the same file imported again and doubles nothing', async () => {
    const file = writeFile(env.dataDir, 'renamed-copy.csv', ALL_OUTCOMES_STATEMENT);
    const again = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-11-01', importedBy: 'test' });
    expect(again.byOutcome).toBeUndefined();
    expect(again.alreadyImported).toBe(true);
    expect(again.run.id).toBe(runId);
    expect(await count(ReconciliationRun)).toBe(1);
    expect(await storedItemCount(subgraph.orm.em.fork())).toBe(8);
  });

  it('two imports of the same new file at once leave one run', async () => {
    // Another day, so that it does not supersede the run of 2026-11-01.
    const file = writeFile(env.dataDir, 'twice.csv', `${VIETTEL_HEADER}1,C1,DH-1,02/11/2026 08:00:00,1.000,0,VND,Thành công,Thanh toán,,\n`);
    const request = { provider: 'viettel-money', file, period: '2026-11-02', importedBy: 'test' };
    const [a, b] = await Promise.all([reconcileStatement(subgraph.orm.em.fork(), request), reconcileStatement(subgraph.orm.em.fork(), request)]);
    expect(a.run.id).toBe(b.run.id);
    expect([a.alreadyImported, b.alreadyImported].sort()).toEqual([false, true]);
    const em = subgraph.orm.em.fork();
    expect(await em.count(ReconciliationRun, { fileName: 'twice.csv' })).toBe(1);
    // C1 quotes DH-1, which the run of 2026-11-01 matched already: nothing expects it here.
    expect(await em.count(ReconciliationItem, { runId: a.run.id })).toBe(1);
    await em.nativeDelete(ReconciliationItem, { runId: a.run.id });
    await em.nativeDelete(ReconciliationRun, { id: a.run.id });
  });

  it('rejects a bad file whole, listing each problem with its line, and writes nothing', async () => {
    const file = writeFile(
      env.dataDir,
      'bad.csv',
      VIETTEL_HEADER +
        '1,B1,DH-1,01/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,\n' +
        '2,B2,DH-2,01/11/2026 09:00:00,"90.000,5",0,VND,Thành công,Thanh toán,,\n' +
        '3,B3,DH-3,01/11/2026 09:00:00,90.000,0,USD,Thành công,Thanh toán,,\n' +
        '4,B4,DH-4,02/11/2026 00:05:00,90.000,0,VND,Thành công,Thanh toán,,\n' +
        '5,B5,DH-5\n',
    );
    const attempt = reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-11-01', importedBy: 'test' });
    await expect(attempt).rejects.toBeInstanceOf(StatementRejectedError);
    const error = (await attempt.catch((e: unknown) => e)) as StatementRejectedError;
    expect(error.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(error.message).toContain('bad.csv was not imported: 4 problems found. Nothing was written');
    expect(error.message).toContain('bad.csv:3: "Số tiền" "90.000,5" has a fraction of a đồng');
    expect(error.message).toContain('bad.csv:4: "Loại tiền" is "USD", not VND');
    expect(error.message).toContain('bad.csv:5: the transaction time 2026-11-02 00:05:00 (UTC+7) is outside the period 2026-11-01 of this run');
    expect(error.message).toContain('bad.csv:6: expected 11 fields');
    expect(await count(ReconciliationRun)).toBe(1);
    expect(await storedItemCount(subgraph.orm.em.fork())).toBe(8);
  });

  it('rejects a file for another period (a month run given next month\'s file) and an unknown provider', async () => {
    const same = writeFile(env.dataDir, 'same.csv', ALL_OUTCOMES_STATEMENT);
    await expect(reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: same, period: '2026-10', importedBy: 'test' })).rejects.toThrow(
      /same.csv was already imported as run .* for the period 2026-11-01, not 2026-10/,
    );
    const file = writeFile(env.dataDir, 'october.csv', `${ALL_OUTCOMES_STATEMENT}9,A9,DH-9,01/11/2026 14:00:00,1.000,0,VND,Thất bại,Thanh toán,,\n`);
    const error = (await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-10', importedBy: 'test' }).catch((e: unknown) => e)) as StatementRejectedError;
    expect(error).toBeInstanceOf(StatementRejectedError);
    expect(error.total).toBe(9);
    expect(error.errors[0].message).toMatch(/october.csv:2: the transaction time 2026-11-01 08:00:00 \(UTC\+7\) is outside the period 2026-10/);
    await expect(reconcileStatement(subgraph.orm.em.fork(), { provider: 'momo', file, period: '2026-11-01', importedBy: 'test' })).rejects.toBeInstanceOf(UnknownProviderError);
    await expect(reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-13', importedBy: 'test' })).rejects.toThrow(/neither a day/);
    expect(await count(ReconciliationRun)).toBe(1);
  });

  it('the ×100 provider (VNPT Money): amounts divided by 100, net + fee compared as gross; split, duplicate and partial refund', async () => {
    const em = subgraph.orm.em.fork();
    await em.insertMany(ExpectedPayment, [
      // VP..01 pays 150.000 then VP..05 refunds 50.000: the order was changed to 100.000.
      { id: 'n1', provider: 'vnpt-money', reference: 'DH-000201', amountVnd: 100_000, expectedAt: at('08:14'), payer: null, producerId: 'p1' },
      // Paid twice (VP..02, VP..03).
      { id: 'n2', provider: 'vnpt-money', reference: 'DH-000202', amountVnd: 100_000, expectedAt: at('08:59'), payer: null, producerId: 'p1' },
      // VP..06 has no reference: 300.000 at 19:00, payer masked 84977***333.
      { id: 'n3', provider: 'vnpt-money', reference: 'DH-000299', amountVnd: 300_000, expectedAt: at('18:30'), payer: '84977123333', producerId: 'p2' },
    ]);
    const { run } = await reconcileStatement(em, { provider: 'vnpt-money', file: path.join(samples, 'vnpt-money-2026-11-01.csv'), period: '2026-11-01', importedBy: 'test' });
    // v1 (from the first test's ledger) is a VNPT Money expectation nobody paid.
    expect(run).toMatchObject({ statementRows: 6, ignoredRows: 1, statementGrossVnd: 150_000 + 100_000 + 100_000 + 300_000, reversedVnd: 50_000, matchedCount: 3, duplicateCount: 1, amountMismatchCount: 0, missingInLedgerCount: 0, missingInStatementCount: 1 });
    const items = await itemsOfRun(em.fork(), run.id);
    expect(items.map((i) => [i.outcome, i.rule, JSON.parse(i.transactionIdsJson)])).toEqual([
      ['MATCHED', 'REFERENCE', ['VP26110100000001', 'VP26110100000005']],
      ['MATCHED', 'REFERENCE', ['VP26110100000002']],
      ['DUPLICATE', 'DUPLICATE_PAYMENT', ['VP26110100000003']],
      ['MATCHED', 'AMOUNT_TIME', ['VP26110100000006']],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', []],
    ]);
  });

  it('ViViet: split payments, a full reversal and a row booked the next day', async () => {
    const em = subgraph.orm.em.fork();
    await em.insertMany(ExpectedPayment, [
      { id: 'w1', provider: 'viviet', reference: 'DH-000301', amountVnd: 200_000, expectedAt: at('07:40'), payer: null, producerId: 'p1' },
      { id: 'w2', provider: 'viviet', reference: 'DH-000302', amountVnd: 250_000, expectedAt: at('08:25'), payer: null, producerId: 'p1' },
      { id: 'w3', provider: 'viviet', reference: 'DH-000303', amountVnd: 75_000, expectedAt: at('23:45'), payer: null, producerId: 'p1' },
    ]);
    const { run } = await reconcileStatement(em, { provider: 'viviet', file: path.join(samples, 'viviet-2026-11-01.tsv'), period: '2026-11', importedBy: 'test' });
    const items = await itemsOfRun(em.fork(), run.id);
    expect(items.map((i) => [i.outcome, i.rule, JSON.parse(i.transactionIdsJson), JSON.parse(i.expectedPaymentIdsJson)])).toEqual([
      ['MATCHED', 'REVERSED', ['FT26305000001', 'FT26305000005'], []],
      ['MATCHED', 'SPLIT_PAYMENTS', ['FT26305000002', 'FT26305000003'], ['w2']],
      ['MATCHED', 'REFERENCE', ['FT26305000004'], ['w3']],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', [], ['w1']],
    ]);
    expect(JSON.parse(items[1].linesJson)).toEqual([6, 7]);
  });

  const RUN = `query ($id: ID!, $outcome: ReconciliationOutcome, $first: Int, $after: String) {
    reconciliationRun(id: $id) {
      id provider period periodStart periodEnd fileName statementRows
      summary { statementGrossVnd reversedVnd statementFeeVnd statementNetVnd expectedVnd matchedVnd matchedCount amountMismatchCount missingInStatementCount missingInLedgerCount duplicateCount openCount }
      items(outcome: $outcome, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id outcome rule references transactionIds statementLines expectedPaymentIds payer paidVnd reversedVnd feeVnd expectedVnd shortfallVnd excessVnd paidAt expectedAt resolved } }
      }
    }
  }`;
  type Node = { id: string; outcome: string; paidAt: string | null; expectedAt: string | null; payer: string | null; statementLines: number[]; rule: string; references: string[]; transactionIds: string[]; expectedPaymentIds: string[]; shortfallVnd: number; excessVnd: number; resolved: boolean };
  type RunData = { reconciliationRun: { summary: Record<string, number> | null; items: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] } } };

  it('finance sees the summary and every item, filtered by outcome and paged', async () => {
    const all = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId, first: 5 }, bearer(tokens.finance));
    expect(all.errors).toBeUndefined();
    const run = all.data!.reconciliationRun;
    expect(run.summary).toEqual({
      statementGrossVnd: 675_000, // the repeated row A1 is not counted twice
      reversedVnd: 60_000,
      statementFeeVnd: 7_425,
      statementNetVnd: 675_000 - 60_000 - 7_425,
      expectedVnd: 710_000,
      matchedVnd: 480_000,
      matchedCount: 3,
      amountMismatchCount: 1,
      missingInStatementCount: 2,
      missingInLedgerCount: 1,
      duplicateCount: 1,
      openCount: 5,
    });
    expect(run.items.totalCount).toBe(8);
    expect(run.items.pageInfo.hasNextPage).toBe(true);
    const next = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId, first: 5, after: run.items.pageInfo.endCursor }, bearer(tokens.finance));
    const nodes = [...run.items.edges, ...next.data!.reconciliationRun.items.edges].map((e) => e.node);
    expect(nodes.map((n) => [n.outcome, n.rule, n.transactionIds.join('+'), n.expectedPaymentIds.join('+')])).toEqual([
      ['MATCHED', 'REFERENCE', 'A1', 'o1'],
      ['AMOUNT_MISMATCH', 'REFERENCE', 'A2', 'o2'],
      ['MISSING_IN_LEDGER', 'UNPAIRED', 'A3', ''],
      ['DUPLICATE', 'DUPLICATE_TRANSACTION', 'A1', ''],
      ['MATCHED', 'COMBINED_PAYMENT', 'A5', 'o7a+o7b'],
      ['MATCHED', 'REVERSED', 'A6+A7', ''],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'o8'],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'o3'],
    ]);
    expect(nodes[1]).toMatchObject({ shortfallVnd: 10_000, excessVnd: 0 });
    expect(nodes[0]).toMatchObject({ paidAt: '2026-11-01T01:00:00.000Z', expectedAt: '2026-11-01T00:58:00.000Z', payer: '0987***321', statementLines: [2] });
    const missing = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId, outcome: 'MISSING_IN_STATEMENT' }, bearer(tokens.finance));
    expect(missing.data!.reconciliationRun.items.edges.map((e) => e.node.expectedPaymentIds[0])).toEqual(['o8', 'o3']);
    expect(missing.data!.reconciliationRun.items.totalCount).toBe(2);
  });

  it('a producer sees only the items concerning it, and no run totals', async () => {
    const p2 = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId }, bearer(tokens.p2));
    expect(p2.errors).toBeUndefined();
    expect(p2.data!.reconciliationRun.summary).toBeNull();
    expect(p2.data!.reconciliationRun.items.edges.map((e) => e.node.references.join('+'))).toEqual(['DH-2', 'CK-7', 'DH-3']);
    const p1 = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId }, bearer(tokens.p1));
    expect(p1.data!.reconciliationRun.items.edges.map((e) => e.node.references.join('+'))).toEqual(['DH-1', 'CK-7', 'DH-8']);
  });

  it('refuses anonymous callers and other roles', async () => {
    const anonymous = await postGraphQL(subgraph.url, RUN, { id: runId });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const officer = await postGraphQL(subgraph.url, RUN, { id: runId }, bearer(tokens.officer));
    expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const list = await postGraphQL(subgraph.url, '{ reconciliationRuns { totalCount } }', {}, bearer(tokens.officer));
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const missing = await postGraphQL(subgraph.url, '{ reconciliationRun(id: "nope") { id } }', {}, bearer(tokens.finance));
    expect(missing.data).toEqual({ reconciliationRun: null });
  });

  it('lists runs newest first', async () => {
    const list = await postGraphQL<{ reconciliationRuns: { totalCount: number; edges: { node: { provider: string } }[] } }>(
      subgraph.url,
      '{ reconciliationRuns(first: 10) { totalCount edges { node { provider } } } }',
      {},
      bearer(tokens.finance),
    );
    expect(list.data!.reconciliationRuns.edges.map((e) => e.node.provider)).toEqual(['viviet', 'vnpt-money', 'viettel-money']);
    const one = await postGraphQL<{ reconciliationRuns: { totalCount: number } }>(subgraph.url, '{ reconciliationRuns(provider: "viviet") { totalCount } }', {}, bearer(tokens.p1));
    expect(one.data!.reconciliationRuns.totalCount).toBe(1);
  });

  const RESOLVE = `mutation ($input: ResolveReconciliationItemInput!) {
    resolveReconciliationItem(input: $input) { item { id resolved outcome resolutionCategory resolutions { note category resolvedBy resolvedAt } } }
  }`;

  it('finance resolves an item by hand with a note; who and when are kept, each time', async () => {
    const page = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId, outcome: 'DUPLICATE' }, bearer(tokens.finance));
    const itemId = page.data!.reconciliationRun.items.edges[0].node.id;
    const byProducer = await postGraphQL(subgraph.url, RESOLVE, { input: { itemId, category: 'ACCEPTED', note: 'ok' } }, bearer(tokens.p1));
    expect(byProducer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const empty = await postGraphQL(subgraph.url, RESOLVE, { input: { itemId, category: 'ACCEPTED', note: '   ' } }, bearer(tokens.finance));
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const unknown = await postGraphQL(subgraph.url, RESOLVE, { input: { itemId: '999999', category: 'ACCEPTED', note: 'x' } }, bearer(tokens.finance));
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const before = Date.now();
    const first = await postGraphQL<{ resolveReconciliationItem: { item: { resolved: boolean; resolutions: { note: string; resolvedBy: string; resolvedAt: string }[] } } }>(
      subgraph.url,
      RESOLVE,
      { input: { itemId, category: 'PROVIDER_ERROR', note: 'Dòng lặp trong file của nhà cung cấp; đã báo Viettel' } },
      bearer(tokens.finance),
    );
    expect(first.errors).toBeUndefined();
    const item = first.data!.resolveReconciliationItem.item;
    expect(item.resolved).toBe(true);
    expect(item.resolutions).toHaveLength(1);
    expect(item.resolutions[0]).toMatchObject({ note: 'Dòng lặp trong file của nhà cung cấp; đã báo Viettel', category: 'PROVIDER_ERROR', resolvedBy: 'ke-toan-1' });
    expect(Date.parse(item.resolutions[0].resolvedAt)).toBeGreaterThanOrEqual(before - 1000);
    const second = await postGraphQL<{ resolveReconciliationItem: { item: { resolutions: { note: string }[] } } }>(subgraph.url, RESOLVE, { input: { itemId, category: 'PROVIDER_ERROR', note: 'Viettel confirmed' } }, bearer(tokens.finance));
    expect(second.data!.resolveReconciliationItem.item.resolutions.map((r) => r.note)).toEqual(['Dòng lặp trong file của nhà cung cấp; đã báo Viettel', 'Viettel confirmed']);
    const summary = await postGraphQL<RunData>(subgraph.url, RUN, { id: runId }, bearer(tokens.finance));
    expect(summary.data!.reconciliationRun.summary!.openCount).toBe(4);
  });
});

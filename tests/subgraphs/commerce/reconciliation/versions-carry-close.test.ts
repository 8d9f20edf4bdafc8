import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { ConflictError } from '../../../../core/domain-errors.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { writeItemsCsv, writeItemsXlsx } from '../../../../subgraphs/commerce/reconciliation/items-export.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { ReconciliationRun } from '../../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { itemsOfRun, reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const at = (day: string, hhmm: string) => new Date(`2026-11-${day}T${hhmm}:00+07:00`);
const row = (n: number, txn: string, ref: string, day: string, hhmm: string, amount: string) => `${n},${txn},${ref},${day}/11/2026 ${hhmm}:00,${amount},0,VND,Thành công,Thanh toán,,\n`;

describe.each(DIALECTS)('reconciliation versions, carry-over, close and write-offs on %s', (dialect) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const tokens: Record<string, string> = {};
  let v1: ReconciliationRun;
  let v2: ReconciliationRun;
  const gql = <T>(query: string, variables: Record<string, unknown>, token = tokens.finance) => postGraphQL<T>(subgraph.url, query, variables, bearer(token));
  const items = (runId: string) => itemsOfRun(subgraph.orm.em.fork(), runId);
  const byTxnOrExpected = (list: ReconciliationItem[], key: string) => list.find((i) => i.transactionIdsJson.includes(`"${key}"`) || i.expectedPaymentIdsJson.includes(`"${key}"`))!;
  const RESOLVE = `mutation ($input: ResolveReconciliationItemInput!) { resolveReconciliationItem(input: $input) { item { id resolved resolutionCategory openVnd } resolution { id status amountVnd } } }`;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    subgraph = await startSubgraph(reconciliationOnly, { config: env.config, port: 0, host: '127.0.0.1', target: env.target('commerce') });
    await subgraph.orm.em.fork().insertMany(ExpectedPayment, [
      { id: 'e1', provider: 'viettel-money', reference: 'DH-1', amountVnd: 150_000, expectedAt: at('01', '08:00'), payer: null, producerId: 'p1' },
      { id: 'e2', provider: 'viettel-money', reference: 'DH-2', amountVnd: 100_000, expectedAt: at('01', '09:00'), payer: null, producerId: 'p1' },
      { id: 'e3', provider: 'viettel-money', reference: 'DH-3', amountVnd: 70_000, expectedAt: at('01', '10:00'), payer: null, producerId: 'p2' },
      { id: 'e4', provider: 'viettel-money', reference: 'DH-4', amountVnd: 2_000_000, expectedAt: at('01', '11:00'), payer: null, producerId: 'p1' },
    ]);
    tokens.finance = await signHubToken(env.config, { subject: 'ke-toan-1', roles: [Role.FINANCE] });
    tokens.finance2 = await signHubToken(env.config, { subject: 'ke-toan-2', roles: [Role.FINANCE] });
    tokens.producer = await signHubToken(env.config, { subject: 'htx-1', roles: [Role.PRODUCER], producerIds: ['p1'] });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('a corrected file supersedes the run as version 2, carrying resolutions of unchanged items; version 1 stays readable', async () => {
    const first = writeFile(env.dataDir, 'day1.csv', VIETTEL_HEADER + row(1, 'A1', 'DH-1', '01', '08:05', '150.000') + row(2, 'A2', 'DH-2', '01', '09:05', '90.000') + row(3, 'X1', 'DH-X', '01', '09:30', '45.000'));
    v1 = (await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: first, period: '2026-11-01', importedBy: 'test' })).run;
    expect(v1).toMatchObject({ version: 1, matchedCount: 1, amountMismatchCount: 1, missingInLedgerCount: 1, missingInStatementCount: 2 });
    const v1Items = await items(v1.id);
    const refunded = await gql<{ resolveReconciliationItem: { item: { resolved: boolean } } }>(RESOLVE, { input: { itemId: String(byTxnOrExpected(v1Items, 'X1').id), category: 'REFUNDED', note: 'Hoàn tiền cho người mua ngày 02/11' } });
    expect(refunded.errors).toBeUndefined();
    await gql(RESOLVE, { input: { itemId: String(byTxnOrExpected(v1Items, 'A2').id), category: 'LEDGER_CORRECTED', note: 'Đơn hàng sửa giá' } });

    // The provider corrects A2's amount; the rest of the file is the same.
    const corrected = writeFile(env.dataDir, 'day1-v2.csv', VIETTEL_HEADER + row(1, 'A1', 'DH-1', '01', '08:05', '150.000') + row(2, 'A2', 'DH-2', '01', '09:05', '100.000') + row(3, 'X1', 'DH-X', '01', '09:30', '45.000'));
    const outcome = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: corrected, period: '2026-11-01', importedBy: 'test' });
    v2 = outcome.run;
    expect(outcome.alreadyImported).toBe(false);
    expect(outcome.superseded?.id).toBe(v1.id);
    expect(outcome.carriedResolutions).toBe(1);
    expect(v2).toMatchObject({ version: 2, supersedesRunId: v1.id, matchedCount: 2, amountMismatchCount: 0 });
    const v2Items = await items(v2.id);
    const x1 = byTxnOrExpected(v2Items, 'X1');
    expect(x1).toMatchObject({ resolvedBy: 'ke-toan-1', resolutionCategory: 'REFUNDED' });
    // A2 changed (now MATCHED): the decision about the mismatch does not carry.
    expect(byTxnOrExpected(v2Items, 'A2')).toMatchObject({ outcome: 'MATCHED', resolvedAt: null });

    const RUN = `query ($id: ID!) { reconciliationRun(id: $id) { version current supersededByRunId versions { id version current }
      items(first: 10) { edges { node { id transactionIds resolved resolutions { note category carriedFromRunId } } } } } }`;
    type Run = { reconciliationRun: { version: number; current: boolean; supersededByRunId: string | null; versions: { id: string; version: number; current: boolean }[]; items: { edges: { node: { id: string; transactionIds: string[]; resolved: boolean; resolutions: { note: string; category: string; carriedFromRunId: string | null }[] } }[] } } };
    const old = await gql<Run>(RUN, { id: v1.id });
    expect(old.errors).toBeUndefined();
    expect(old.data!.reconciliationRun).toMatchObject({ version: 1, current: false, supersededByRunId: v2.id });
    expect(old.data!.reconciliationRun.versions).toEqual([{ id: v1.id, version: 1, current: false }, { id: v2.id, version: 2, current: true }]);
    expect(old.data!.reconciliationRun.items.edges.find((e) => e.node.transactionIds[0] === 'A2')!.node.resolutions.map((r) => r.category)).toEqual(['LEDGER_CORRECTED']);
    const now = await gql<Run>(RUN, { id: v2.id });
    expect(now.data!.reconciliationRun.items.edges.find((e) => e.node.transactionIds[0] === 'X1')!.node.resolutions).toEqual([
      { note: 'Hoàn tiền cho người mua ngày 02/11', category: 'REFUNDED', carriedFromRunId: v1.id },
    ]);

    // Decisions are taken on the current version only.
    const onOld = await gql(RESOLVE, { input: { itemId: String(byTxnOrExpected(v1Items, 'A1').id), category: 'ACCEPTED', note: 'x' } });
    expect(onOld.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Re-sending version 1 changes nothing.
    const again = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: first, period: '2026-11-01', importedBy: 'test' });
    expect(again).toMatchObject({ alreadyImported: true });
    expect(again.run.id).toBe(v1.id);
  });

  it('a late payment is matched in a later period and the two runs are linked', async () => {
    const late = writeFile(env.dataDir, 'day3.csv', VIETTEL_HEADER + row(1, 'L1', 'DH-3', '03', '09:00', '70.000'));
    const outcome = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: late, period: '2026-11-03', importedBy: 'test' });
    expect(outcome.settledOpenItems).toBe(1);
    // DH-4 stays open on day 1: it is not reported again on day 3.
    expect(outcome.run).toMatchObject({ matchedCount: 1, missingInLedgerCount: 0, missingInStatementCount: 0 });
    const [matched] = await items(outcome.run.id);
    const open = byTxnOrExpected(await items(v2.id), 'e3');
    expect(matched).toMatchObject({ outcome: 'MATCHED', expectedPaymentIdsJson: '["e3"]', carriedFromItemId: open.id });
    expect(open).toMatchObject({ outcome: 'MISSING_IN_STATEMENT', settledByItemId: matched.id, settledByRunId: outcome.run.id });

    // The aged list: only DH-4 is still open (X1 resolved, DH-3 settled, version 1 superseded).
    const aging = await gql<{ reconciliationAging: { totalCount: number; openVnd: number; buckets: { label: string; count: number; openVnd: number }[] } }>(
      '{ reconciliationAging(provider: "viettel-money", asOf: "2026-11-10") { totalCount openVnd buckets { label count openVnd } } }',
      {},
    );
    expect(aging.errors).toBeUndefined();
    expect(aging.data!.reconciliationAging).toEqual({
      totalCount: 1,
      openVnd: 2_000_000,
      buckets: [
        { label: '0-7', count: 0, openVnd: 0 },
        { label: '8-30', count: 1, openVnd: 2_000_000 },
        { label: '31-90', count: 0, openVnd: 0 },
        { label: '>90', count: 0, openVnd: 0 },
      ],
    });
    const list = await gql<{ reconciliationOpenItems: { totalCount: number; edges: { node: { ageDays: number; bucket: string; item: { expectedPaymentIds: string[] } } }[] } }>(
      '{ reconciliationOpenItems(asOf: "2026-11-10") { totalCount edges { node { ageDays bucket item { expectedPaymentIds } } } } }',
      {},
    );
    expect(list.data!.reconciliationOpenItems.edges.map((e) => e.node)).toEqual([{ ageDays: 9, bucket: '8-30', item: { expectedPaymentIds: ['e4'] } }]);
    const producer = await gql('{ reconciliationAging { totalCount } }', {}, tokens.producer);
    expect(producer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a write-off above the approval amount needs a second person; a resolved item can be reopened', async () => {
    const e4 = byTxnOrExpected(await items(v2.id), 'e4');
    const proposed = await gql<{ resolveReconciliationItem: { item: { resolved: boolean; openVnd: number }; resolution: { id: string; status: string; amountVnd: number } } }>(RESOLVE, {
      input: { itemId: String(e4.id), category: 'WRITE_OFF', note: 'Người mua không trả, không đòi được' },
    });
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.resolveReconciliationItem).toMatchObject({ item: { resolved: false, openVnd: 2_000_000 }, resolution: { status: 'PENDING_APPROVAL', amountVnd: 2_000_000 } });
    const APPROVE = `mutation ($input: ApproveReconciliationWriteOffInput!) { approveReconciliationWriteOff(input: $input) { item { resolved resolutionCategory resolutions { status approvedBy } } } }`;
    const input = { resolutionId: proposed.data!.resolveReconciliationItem.resolution.id };
    const self = await gql(APPROVE, { input });
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(self.errors?.[0].message).toMatch(/second person/);
    const byProducer = await gql(APPROVE, { input }, tokens.producer);
    expect(byProducer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const second = await gql<{ approveReconciliationWriteOff: { item: { resolved: boolean; resolutionCategory: string; resolutions: { status: string; approvedBy: string | null }[] } } }>(APPROVE, { input }, tokens.finance2);
    expect(second.errors).toBeUndefined();
    expect(second.data!.approveReconciliationWriteOff.item).toEqual({ resolved: true, resolutionCategory: 'WRITE_OFF', resolutions: [{ status: 'EFFECTIVE', approvedBy: 'ke-toan-2' }] });
    const twice = await gql(APPROVE, { input }, tokens.finance2);
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

    const REOPEN = `mutation ($input: ReopenReconciliationItemInput!) { reopenReconciliationItem(input: $input) { item { resolved resolutionCategory resolutions { action category } } } }`;
    const noReason = await gql(REOPEN, { input: { itemId: String(e4.id), note: ' ' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const reopened = await gql<{ reopenReconciliationItem: { item: { resolved: boolean; resolutionCategory: string | null; resolutions: { action: string; category: string | null }[] } } }>(REOPEN, {
      input: { itemId: String(e4.id), note: 'Người mua hứa trả trong tháng 12' },
    });
    expect(reopened.data!.reopenReconciliationItem.item).toEqual({
      resolved: false,
      resolutionCategory: null,
      resolutions: [{ action: 'RESOLVE', category: 'WRITE_OFF' }, { action: 'REOPEN', category: null }],
    });
    // A small write-off takes effect at once.
    const x1v2 = byTxnOrExpected(await items(v2.id), 'A2');
    const nothingOpen = await gql(RESOLVE, { input: { itemId: String(x1v2.id), category: 'WRITE_OFF', note: 'x' } });
    expect(nothingOpen.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category' });
  });

  it('a closed period refuses a new run and changes to its items; reopening needs a reason and is audited', async () => {
    const CLOSE = `mutation ($input: ReconciliationPeriodInput!) { closeReconciliationPeriod(input: $input) { period { provider period closed events { action actor reason } } } }`;
    const REOPEN = `mutation ($input: ReconciliationPeriodInput!) { reopenReconciliationPeriod(input: $input) { period { closed events { action actor reason } } } }`;
    expect((await gql(CLOSE, { input: { provider: 'viettel-money', period: '2026-11' } }, tokens.producer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(CLOSE, { input: { provider: 'viettel-money', period: '2026-13' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period' });
    const closed = await gql<{ closeReconciliationPeriod: { period: { closed: boolean } } }>(CLOSE, { input: { provider: 'viettel-money', period: '2026-11', reason: 'Khoá sổ tháng 11' } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeReconciliationPeriod.period.closed).toBe(true);

    const file = writeFile(env.dataDir, 'day4.csv', VIETTEL_HEADER + row(1, 'M1', 'DH-9', '04', '09:00', '10.000'));
    const attempt = reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-11-04', importedBy: 'test' });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/The period 2026-11 of viettel-money is closed .* Reopen the period first/);
    expect(await subgraph.orm.em.fork().count(ReconciliationRun, { periodLabel: '2026-11-04' })).toBe(0);
    const e4 = byTxnOrExpected(await items(v2.id), 'e4');
    expect((await gql(RESOLVE, { input: { itemId: String(e4.id), category: 'ACCEPTED', note: 'x' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    // Another provider's period is not closed.
    const other = writeFile(env.dataDir, 'vnpt.csv', readFileSync(path.join(import.meta.dirname, '../../../../connectors/statements/samples/vnpt-money-2026-11-01.csv'), 'utf8'));
    await expect(reconcileStatement(subgraph.orm.em.fork(), { provider: 'vnpt-money', file: other, period: '2026-11-01', importedBy: 'test' })).resolves.toMatchObject({ alreadyImported: false });

    expect((await gql(REOPEN, { input: { provider: 'viettel-money', period: '2026-11' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const reopened = await gql<{ reopenReconciliationPeriod: { period: { closed: boolean; events: { action: string; actor: string; reason: string }[] } } }>(REOPEN, {
      input: { provider: 'viettel-money', period: '2026-11', reason: 'Viettel gửi lại sao kê ngày 04' },
    }, tokens.finance2);
    expect(reopened.data!.reopenReconciliationPeriod.period).toEqual({
      closed: false,
      events: [
        { action: 'CLOSE', actor: 'ke-toan-1', reason: 'Khoá sổ tháng 11' },
        { action: 'REOPEN', actor: 'ke-toan-2', reason: 'Viettel gửi lại sao kê ngày 04' },
      ],
    });
    await expect(reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file, period: '2026-11-04', importedBy: 'test' })).resolves.toMatchObject({ alreadyImported: false });
  });

  it('exports a run as CSV (UTF-8 BOM, Vietnam time, run id, period, notes) and XLSX with a totals sheet, read back', async () => {
    const csvFile = path.join(env.dataDir, 'v2.csv');
    expect(await writeItemsCsv(subgraph.orm.em.fork(), v2, csvFile)).toBe(5);
    const bytes = readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 5)).toEqual(['run_id', 'provider', 'period', 'version', 'seq']);
    expect(header).toContain('resolution_notes');
    const a1 = lines.find((l) => l.includes(',A1,'))!.split(',');
    expect(a1.slice(0, 4)).toEqual([v2.id, 'viettel-money', '2026-11-01', '2']);
    expect(a1[header.indexOf('paid_at')]).toBe('2026-11-01T08:05:00+07:00');
    expect(a1[header.indexOf('expected_at')]).toBe('2026-11-01T08:00:00+07:00');
    const text = bytes.toString('utf8');
    expect(text).toMatch(/\+07:00 ke-toan-1 REFUNDED: Hoàn tiền cho người mua ngày 02\/11/);

    const xlsxFile = path.join(env.dataDir, 'v2.xlsx');
    expect(await writeItemsXlsx(subgraph.orm.em.fork(), v2, xlsxFile)).toBe(5);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const totals = book.getWorksheet('Totals')!;
    const rowsOf = (label: string) => totals.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as unknown[];
    expect(rowsOf('MATCHED').slice(1, 5)).toEqual(['MATCHED', 2, 250_000, 250_000]);
    expect(rowsOf('MISSING_IN_LEDGER').slice(1, 5)).toEqual(['MISSING_IN_LEDGER', 1, 45_000, 0]);
    expect(rowsOf('TOTAL').slice(1, 5)).toEqual(['TOTAL', 5, 295_000, 2_320_000]);
    expect(rowsOf('run_id')[2]).toBe(v2.id);
    expect(rowsOf('statement_gross_vnd')[2]).toBe(295_000);
    const sheet = book.getWorksheet('Items')!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).getCell(1).value).toBe('run_id');
  });
  it('a resolved plain MATCHED item is carried to the corrected version as a row with its resolution', async () => {
    await subgraph.orm.em.fork().insertMany(ExpectedPayment, [
      { id: 'e12', provider: 'viettel-money', reference: 'DH-12', amountVnd: 80_000, expectedAt: new Date('2026-12-05T08:00:00+07:00'), payer: null, producerId: 'p1' },
    ]);
    const line = (n: number, txn: string, ref: string, amount: string) => `${n},${txn},${ref},05/12/2026 08:05:00,${amount},0,VND,Thành công,Thanh toán,,\n`;
    const first = writeFile(env.dataDir, 'day12.csv', VIETTEL_HEADER + line(1, 'A12', 'DH-12', '80.000'));
    const v1 = (await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: first, period: '2026-12-05', importedBy: 'test' })).run;
    const a12 = byTxnOrExpected(await items(v1.id), 'A12');
    expect(a12).toMatchObject({ outcome: 'MATCHED', rule: 'REFERENCE' });
    expect(await subgraph.orm.em.fork().count(ReconciliationItem, { runId: v1.id })).toBe(0);
    expect((await gql(RESOLVE, { input: { itemId: String(a12.id), category: 'ACCEPTED', note: 'Đã đối chiếu với cửa hàng' } })).errors).toBeUndefined();

    const corrected = writeFile(env.dataDir, 'day12-v2.csv', VIETTEL_HEADER + line(1, 'A12', 'DH-12', '80.000') + line(2, 'X12', 'DH-X12', '45.000'));
    const outcome = await reconcileStatement(subgraph.orm.em.fork(), { provider: 'viettel-money', file: corrected, period: '2026-12-05', importedBy: 'test' });
    expect(outcome.carriedResolutions).toBe(1);
    const carried = byTxnOrExpected(await items(outcome.run.id), 'A12');
    expect(carried).toMatchObject({ outcome: 'MATCHED', resolvedBy: 'ke-toan-1', resolutionCategory: 'ACCEPTED' });
    expect(await subgraph.orm.em.fork().count(ReconciliationItem, { runId: outcome.run.id, id: carried.id })).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { NotFoundError } from '../../../../core/domain-errors.js';
import { openDatabase } from '../../../../core/db/database.js';
import { reserveItemIds } from '../../../../subgraphs/commerce/reconciliation/item-ids.store.js';
import { insertItems } from '../../../../subgraphs/commerce/reconciliation/item.store.js';
import { MatchRule, ReconciliationOutcome } from '../../../../subgraphs/commerce/reconciliation/outcomes.js';
import { outcomeTotals } from '../../../../subgraphs/commerce/reconciliation/outcome-totals.query.js';
import { ReconciliationItemPack } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item-pack.entity.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { ReconciliationRun } from '../../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import { resolveItem } from '../../../../subgraphs/commerce/reconciliation/resolve-item.command.js';
import { ResolutionCategory } from '../../../../subgraphs/commerce/reconciliation/resolution.rules.js';
import { PlainRow } from '../../../../subgraphs/commerce/reconciliation/plain-row.js';
import type { ResultItem } from '../../../../subgraphs/commerce/reconciliation/result-item.js';
import { resultEntries, resultItems } from '../../../../subgraphs/commerce/reconciliation/result-items.js';
import { runItems, type RunItemFilter } from '../../../../subgraphs/commerce/reconciliation/run-items.query.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { itemsOfRun, reconciliationOnly } from './fixtures.js';
import { matchedTables } from './plain-rows-fixture.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const COUNT = 2_500;

/** Item n: every 10th (n ≡ 3) an exception, the others plain MATCHED items with awkward texts now and then. */
function item(n: number): ResultItem {
  const at = new Date(Date.UTC(2026, 10, 1, 1, 0, 0, n));
  if (n % 10 === 3) {
    return {
      seq: n, outcome: ReconciliationOutcome.MISSING_IN_LEDGER, rule: MatchRule.UNPAIRED, references: [`ZZ-${n}`], transactionIds: [`T${n}`], lines: [n + 2],
      expectedPaymentIds: [], producerIds: [], payer: null, paidVnd: 1000 * n, reversedVnd: 0, feeVnd: n, expectedVnd: 0, paidAt: at, expectedAt: null,
    };
  }
  return {
    seq: n,
    outcome: ReconciliationOutcome.MATCHED,
    rule: MatchRule.REFERENCE,
    references: [n % 7 === 0 ? `DH"\\${n}\t😀` : `DH-${n}`],
    transactionIds: [`T${n}`],
    lines: [n + 2],
    expectedPaymentIds: [`o${n}`],
    producerIds: n % 5 === 0 ? [] : [`p${n % 3}`],
    payer: n % 4 === 0 ? null : n % 4 === 1 ? 'Nguyễn Văn "A"\n' : '0987654321',
    paidVnd: 1000 * n + 1,
    reversedVnd: 0,
    feeVnd: n % 9,
    expectedVnd: 1000 * n + 1,
    paidAt: at,
    expectedAt: n % 6 === 0 ? null : new Date(at.getTime() - 60_000),
  };
}

function* items(): Generator<ResultItem> {
  for (let n = 0; n < COUNT; n++) yield item(n);
}

/** A run as reconcile.command.ts stores it, its items given (packed as usual, or every one a row). */
async function storeRun(
  em: EntityManager,
  id: string,
  packable?: (item: ResultItem) => boolean,
  given: { items: Iterable<ResultItem | PlainRow>; count: number } = { items: items(), count: COUNT },
): Promise<ReconciliationRun> {
  return em.transactional(async (tx) => {
    const run = Object.assign(new ReconciliationRun(), {
      id, provider: 'viettel-money', periodStart: '2026-11-01', periodEnd: '2026-11-01', periodLabel: '2026-11-01', fileName: `${id}.csv`,
      fileSha256: id.padEnd(64, '0'), contentSha256: id.padEnd(64, '1'), importedAt: new Date(), importedBy: 'test', version: 1, currentKey: `viettel-money|${id}`,
      ledgerSource: 'test', toleranceMinutes: 120, statementRows: COUNT, ignoredRows: 0, statementGrossVnd: 0, reversedVnd: 0, statementFeeVnd: 0, expectedVnd: 0,
      matchedVnd: 0, matchedCount: 0, amountMismatchCount: 0, missingInStatementCount: 0, missingInLedgerCount: 0, duplicateCount: 0,
      firstItemId: await reserveItemIds(tx, given.count),
    });
    await tx.insert(ReconciliationRun, run);
    await insertItems(tx, id, given.items, { firstItemId: run.firstItemId!, packable });
    return run;
  });
}

/** What an item says, whatever its run and however it is stored. */
const facts = (i: ReconciliationItem) => {
  const { id: _id, runId: _run, ...rest } = { ...i };
  return rest;
};

describe.each(DIALECTS)('plain MATCHED items packed, on %s', (dialect) => {
  let env: TestEnvironment;
  let orm: MikroORM;
  let packed: ReconciliationRun;
  let rows: ReconciliationRun;
  const em = () => orm.em.fork();

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    packed = await storeRun(em(), 'run-packed');
    rows = await storeRun(em(), 'run-rows', () => false);
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('stores the exceptions as rows and the plain items a thousand to a pack, and reads each back as its row reads', async () => {
    expect(await em().count(ReconciliationItem, { runId: packed.id })).toBe(COUNT / 10);
    const packs = await em().find(ReconciliationItemPack, { runId: packed.id }, { orderBy: { firstSeq: 'asc' } });
    expect(packs.map((p) => p.itemCount)).toEqual([1000, 1000, 250]);
    const read = await itemsOfRun(em(), packed.id);
    const asRows = await itemsOfRun(em(), rows.id);
    expect(read.map((i) => i.seq)).toEqual(Array.from({ length: COUNT }, (_, n) => n));
    expect(read.map(facts)).toEqual(asRows.map(facts));
    // An item's id is its run's first id plus its seq, packed or not.
    expect(read.every((i) => i.id === packed.firstItemId! + i.seq)).toBe(true);
    expect(await outcomeTotals(em(), packed.id)).toEqual(await outcomeTotals(em(), rows.id));
  });

  it('stores plain items taken straight from the tables (PlainRow) as it stores the same items built, and reads them back alike', async () => {
    const { payments, ledger, result } = matchedTables(COUNT);
    const count = result.order.length;
    const fromRows = await storeRun(em(), 'run-plain-rows', undefined, { items: resultEntries(payments, ledger, result), count });
    const fromItems = await storeRun(em(), 'run-built-items', undefined, { items: resultItems(payments, ledger, result), count });
    const asRows = await storeRun(em(), 'run-built-rows', () => false, { items: resultItems(payments, ledger, result), count });
    expect([...resultEntries(payments, ledger, result)].filter((e) => e instanceof PlainRow).length).toBeGreaterThan(0.8 * count);
    const packsOf = async (runId: string) =>
      (await em().find(ReconciliationItemPack, { runId }, { orderBy: { firstSeq: 'asc' } })).map(({ id: _id, runId: _run, ...pack }) => pack);
    const packs = await packsOf(fromRows.id);
    expect(packs.length).toBeGreaterThan(1);
    if (dialect === 'sqlite') {
      // Written from bytes, stored as text (LIKE and the readers see a string, not a blob).
      const types: { t: string }[] = await em().getConnection().execute(`select distinct typeof(items_json) as t from reconciliation_item_pack`);
      expect(types.map((r) => r.t)).toEqual(['text']);
    }
    expect(packs).toEqual(await packsOf(fromItems.id));
    const read = await itemsOfRun(em(), fromRows.id);
    expect(read.map((i) => i.seq)).toEqual(Array.from({ length: count }, (_, n) => n));
    expect(read.map(facts)).toEqual((await itemsOfRun(em(), fromItems.id)).map(facts));
    expect(read.map(facts)).toEqual((await itemsOfRun(em(), asRows.id)).map(facts));
    expect(await outcomeTotals(em(), fromRows.id)).toEqual(await outcomeTotals(em(), asRows.id));
  });

  it('pages and counts as rows do, whatever the filter', async () => {
    const filters: Omit<RunItemFilter, 'runId'>[] = [
      { producerIds: null },
      { producerIds: null, outcome: ReconciliationOutcome.MATCHED },
      { producerIds: null, outcome: ReconciliationOutcome.MISSING_IN_LEDGER },
      { producerIds: null, unresolvedOnly: true },
      { producerIds: ['p1'] },
      { producerIds: ['p2', 'p0'], outcome: ReconciliationOutcome.MATCHED },
      { producerIds: ['nobody'] },
    ];
    const walk = async (runId: string, filter: Omit<RunItemFilter, 'runId'>, limit: number) => {
      const seqs: number[] = [];
      const totals = new Set<number>();
      for (let after: number | undefined; ; ) {
        const page = await runItems(em(), { ...filter, runId, limit, afterSeq: after });
        totals.add(page.total);
        seqs.push(...page.rows.slice(0, limit).map((r) => r.seq));
        if (page.rows.length <= limit) return { seqs, totals: [...totals] };
        after = page.rows[limit - 1].seq;
      }
    };
    for (const filter of filters) {
      const want = await walk(rows.id, filter, 1000);
      expect(await walk(packed.id, filter, 97)).toEqual(want);
      expect(want.totals).toEqual([want.seqs.length]);
    }
  });

  it('resolving a packed item makes it a row with the same id; the run reads the same otherwise', async () => {
    const before = await itemsOfRun(em(), packed.id);
    const totals = await outcomeTotals(em(), packed.id);
    const id = packed.firstItemId! + 1004;
    const { item: resolved } = await resolveItem(em(), { itemId: id, category: ResolutionCategory.ACCEPTED, note: 'checked with the shop', by: 'ke-toan-1', writeOffApprovalVnd: 500_000 });
    expect(resolved).toMatchObject({ id, seq: 1004, resolvedBy: 'ke-toan-1', resolutionCategory: 'ACCEPTED' });
    expect(await em().findOne(ReconciliationItem, { id })).toMatchObject({ seq: 1004, transactionIdsJson: '["T1004"]' });
    const pack = await em().findOneOrFail(ReconciliationItemPack, { runId: packed.id, firstSeq: { $lte: 1004 }, lastSeq: { $gte: 1004 } });
    expect(pack.itemCount).toBe(999);
    expect(pack.itemsJson).not.toContain('"T1004"');
    const after = await itemsOfRun(em(), packed.id);
    expect(after.map((i) => (i.seq === 1004 ? { ...facts(i), resolvedAt: null, resolvedBy: null, resolutionCategory: null } : facts(i)))).toEqual(before.map(facts));
    expect(await outcomeTotals(em(), packed.id)).toEqual(totals);
    // Resolved again: it is a row now, found as one.
    await resolveItem(em(), { itemId: id, category: ResolutionCategory.OTHER, note: 'again', by: 'ke-toan-2', writeOffApprovalVnd: 500_000 });
    expect(await em().count(ReconciliationItem, { id })).toBe(1);
  });

  it('an id no item has is NOT_FOUND, and nothing is written', async () => {
    const resolve = (itemId: number) => resolveItem(em(), { itemId, category: ResolutionCategory.OTHER, note: 'x', by: 'ke-toan-1', writeOffApprovalVnd: 500_000 });
    // Past the last run's range: the run found below it has no such seq.
    await expect(resolve(rows.firstItemId! + COUNT + 10_000)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolve(packed.firstItemId! - 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(await em().count(ReconciliationItem, { runId: rows.id })).toBe(COUNT);
  });

  it('runs get ids of their own, and ids the database hands out later come after them', async () => {
    expect(rows.firstItemId).toBeGreaterThanOrEqual(packed.firstItemId! + COUNT);
    const [a, b] = await Promise.all([em().transactional((tx) => reserveItemIds(tx, 10)), em().transactional((tx) => reserveItemIds(tx, 10))]);
    expect(Math.abs(a - b)).toBeGreaterThanOrEqual(10);
    const later = Object.assign(new ReconciliationItem(), {
      runId: 'run-later', seq: 0, outcome: ReconciliationOutcome.MISSING_IN_LEDGER, rule: MatchRule.UNPAIRED, referencesJson: '[]', transactionIdsJson: '["T"]', linesJson: '[2]',
      expectedPaymentIdsJson: '[]', producerKey: '', paidVnd: 1, reversedVnd: 0, feeVnd: 0, expectedVnd: 0,
    });
    await em().insert(ReconciliationItem, later);
    const stored = await em().findOneOrFail(ReconciliationItem, { runId: 'run-later' });
    expect(stored.id).toBeGreaterThanOrEqual(Math.max(a, b) + 10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../../../core/db/database.js';
import { insertItems } from '../../../../subgraphs/commerce/reconciliation/item.store.js';
import { MatchRule, ReconciliationOutcome } from '../../../../subgraphs/commerce/reconciliation/outcomes.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { ReconciliationRun } from '../../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import type { ResultItem } from '../../../../subgraphs/commerce/reconciliation/result-item.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);

/** Item n of a synthetic run; every 7th carries the characters COPY's text format must escape. */
function item(n: number, outcome = ReconciliationOutcome.MISSING_IN_LEDGER): ResultItem {
  const odd = n % 7 === 0;
  return {
    seq: n,
    outcome,
    rule: MatchRule.UNPAIRED,
    references: odd ? [`DH\\${n}\t\n\r`, 'N'] : [`DH-${n}`],
    // A quote, an astral or a control character takes JSON.stringify's path; plain ids are written directly.
    transactionIds: [n % 11 === 0 ? `T"${n}` : n % 13 === 0 ? `T😀${n}` : n % 17 === 0 ? `T\u0001\t${n}` : `T${n}`],
    lines: [n + 2],
    expectedPaymentIds: odd ? [] : [`o${n}`],
    producerIds: odd ? [] : ['p1', 'p2'],
    payer: odd ? 'Nguyễn Văn \\N\tA' : n % 3 === 0 ? null : '0987654321',
    paidVnd: n === 5 ? 1_000_000_000_000_000 : 1000 * n,
    reversedVnd: 0,
    feeVnd: 11 * n,
    expectedVnd: 0,
    paidAt: new Date(Date.UTC(2026, 10, 1, 1, 0, 0, n)),
    expectedAt: odd ? null : new Date(Date.UTC(2026, 10, 1, 0, 59, 0, 123)),
    carriedFromItemId: n === 9 ? 4242 : null,
  };
}

function* items(count: number, bad?: number): Generator<ResultItem> {
  for (let n = 0; n < count; n++) yield item(n, n === bad ? ('BOGUS' as ReconciliationOutcome) : undefined);
}

describe.each(DIALECTS)('storing a run\'s items on %s', (dialect) => {
  let env: TestEnvironment;
  let orm: MikroORM;
  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('writes every item as given, escapes included, however many rows a statement or chunk holds', async () => {
    const progress: number[] = [];
    const written = await orm.em.fork().transactional((tx) => insertItems(tx, 'run-a', items(12_345), { firstItemId: 1_000_000, onProgress: (n) => progress.push(n) }));
    expect(written).toBe(12_345);
    // Progress about every 10,000 items and at the end.
    expect(progress).toHaveLength(2);
    expect(progress[0]).toBeGreaterThanOrEqual(10_000);
    expect(progress[1]).toBe(12_345);
    const stored = await orm.em.fork().find(ReconciliationItem, { runId: 'run-a' }, { orderBy: { seq: 'asc' } });
    expect(stored).toHaveLength(12_345);
    for (const n of [0, 5, 7, 9, 11, 13, 17, 63, 64, 65, 12_344]) {
      const want = item(n);
      expect(stored[n]).toMatchObject({
        id: 1_000_000 + n,
        seq: n,
        outcome: want.outcome,
        rule: want.rule,
        referencesJson: JSON.stringify(want.references),
        transactionIdsJson: JSON.stringify(want.transactionIds),
        linesJson: JSON.stringify(want.lines),
        expectedPaymentIdsJson: JSON.stringify(want.expectedPaymentIds),
        producerKey: want.producerIds.length ? '|p1|p2|' : '',
        payer: want.payer,
        paidVnd: want.paidVnd,
        feeVnd: want.feeVnd,
        paidAt: want.paidAt,
        expectedAt: want.expectedAt,
        carriedFromItemId: want.carriedFromItemId,
      });
    }
  });

  it('a row the database refuses midway rolls back every item written before it', async () => {
    const attempt = orm.em.fork().transactional((tx) => insertItems(tx, 'run-b', items(25_000, 24_000), { firstItemId: 2_000_000 }));
    await expect(attempt).rejects.toThrow();
    expect(await orm.em.fork().count(ReconciliationItem, { runId: 'run-b' })).toBe(0);
    // The connection is usable again after the abandoned COPY.
    expect(await orm.em.fork().count(ReconciliationItem, { runId: 'run-a' })).toBe(12_345);
  });

  it('a batch refused while the next is being built stops the import there, and nothing stays written', async () => {
    // The first batch fails on the server while this thread builds the second (one COPY in flight).
    let pulled = 0;
    function* counted(): Generator<ResultItem> {
      for (const i of items(60_000, 3_000)) {
        pulled++;
        yield i;
      }
    }
    const attempt = orm.em.fork().transactional((tx) => insertItems(tx, 'run-c', counted(), { firstItemId: 3_000_000 }));
    await expect(attempt).rejects.toThrow(/check constraint.*outcome/i);
    if (dialect === 'postgresql') expect(pulled).toBeLessThan(20_000);
    expect(await orm.em.fork().count(ReconciliationItem, { runId: 'run-c' })).toBe(0);
    expect(await orm.em.fork().count(ReconciliationItem, { runId: 'run-a' })).toBe(12_345);
  });

  it('an import failing while it stores items leaves neither the run nor any item, and the same file imports afterwards', async () => {
    let body = '';
    for (let n = 1; n <= 21_000; n++) body += `${n},X${n},ZZ-${n},01/11/2026 08:${String(n % 60).padStart(2, '0')}:00,10.000,0,VND,Thành công,Thanh toán,,\n`;
    const file = writeFile(env.dataDir, `big-${dialect}.csv`, VIETTEL_HEADER + body);
    const request = { provider: 'viettel-money', file, period: '2026-11-01', importedBy: 'test' };
    const failing = reconcileStatement(orm.em.fork(), {
      ...request,
      onProgress: (phase, done) => {
        if (phase === 'storing' && done >= 20_000) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await orm.em.fork().count(ReconciliationRun, {})).toBe(0);
    expect(await orm.em.fork().count(ReconciliationItem, { runId: { $nin: ['run-a'] } })).toBe(0);
    const { run, alreadyImported } = await reconcileStatement(orm.em.fork(), request);
    expect(alreadyImported).toBe(false);
    expect(run.missingInLedgerCount).toBe(21_000);
    expect(await orm.em.fork().count(ReconciliationItem, { runId: run.id })).toBe(21_000);
  });
});

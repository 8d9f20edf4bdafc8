import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../../../core/db/database.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { rawRows } from '../../../../core/db/prepared-statements.js';
import { rawTableName } from '../../../../core/db/raw-sql.js';
import { expectedPaymentLedger, type ExpectedPaymentRecord } from '../../../../subgraphs/commerce/reconciliation/ledger.js';
import { LedgerTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { reconciliationOnly } from './fixtures.js';

const DIALECTS = TEST_DATABASE_URL ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
const DAY = Date.parse('2026-11-01T00:00:00+07:00');
const from = new Date(DAY);
const to = new Date(DAY + 86_400_000);

/**
 * 40 expectations of the day in groups sharing one instant (pages end inside a group), ids not in
 * time order, plus rows the window leaves out: the day before, the day after, another provider.
 */
const rows = [
  ...Array.from({ length: 40 }, (_, n) => ({
    id: `e${String((n * 17) % 40).padStart(2, '0')}`,
    provider: 'viettel-money',
    reference: `DH-${n}`,
    // One above what Uint32 holds: the amount column widens.
    amountVnd: n === 13 ? 2 ** 32 + n : 1000 + n,
    expectedAt: new Date(DAY + 3_600_000 * Math.floor(n / 6)),
    payer: n % 4 === 0 ? `09${String(n).padStart(8, '0')}` : null,
    producerId: `p${n % 3}`,
  })),
  { id: 'before', provider: 'viettel-money', reference: 'DH-B', amountVnd: 1, expectedAt: new Date(DAY - 1), payer: null, producerId: 'p1' },
  { id: 'after', provider: 'viettel-money', reference: 'DH-A', amountVnd: 1, expectedAt: to, payer: null, producerId: 'p1' },
  { id: 'other', provider: 'vnpt-money', reference: 'DH-O', amountVnd: 1, expectedAt: new Date(DAY + 60_000), payer: null, producerId: 'p1' },
];
const inWindow = rows.filter((r) => r.provider === 'viettel-money' && r.expectedAt >= from && r.expectedAt < to).map((r) => r.id);

describe.each(DIALECTS)('the expected_payment ledger on %s', (dialect) => {
  let env: TestEnvironment;
  let orm: MikroORM;
  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: dialect === 'postgresql' });
    orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    await orm.em.fork().insertMany(ExpectedPayment, rows);
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it('reads a window page by page, each expectation once, pages ending inside a group of equal instants', async () => {
    for (const pageSize of [1, 4, 6, 7, 40, 1000]) {
      const read: string[] = [];
      for await (const e of expectedPaymentLedger(orm.em.fork(), { pageSize }).expectedPayments('viettel-money', from, to)) read.push(e.id);
      expect(read.toSorted(), `page size ${pageSize}`).toEqual(inWindow.toSorted());
    }
  });

  it('appends to a table the expectations it yields, page by page', async () => {
    for (const pageSize of [1, 7, 1000]) {
      const ledger = expectedPaymentLedger(orm.em.fork(), { pageSize });
      const yielded: ExpectedPaymentRecord[] = [];
      for await (const e of ledger.expectedPayments('viettel-money', from, to)) yielded.push(e);
      const table = new LedgerTable();
      let pages = 0;
      await ledger.appendExpectedPayments!(table, 'viettel-money', from, to, () => pages++);
      const appended = Array.from({ length: table.length }, (_, x) => ({
        id: table.id(x),
        reference: table.reference(x),
        amountVnd: table.amount[x],
        expectedAt: new Date(table.time[x]),
        payer: table.payer(x),
        producerId: table.producerId(x),
      }));
      expect(appended, `page size ${pageSize}`).toEqual(yielded);
      expect(yielded.toSorted((a, b) => a.id.localeCompare(b.id))).toEqual(rows.filter((r) => inWindow.includes(r.id)).map(({ provider: _, ...r }) => r).toSorted((a, b) => a.id.localeCompare(b.id)));
      expect(pages, `page size ${pageSize}`).toBe(Math.floor(inWindow.length / pageSize) + 1);
    }
  });

  it.runIf(dialect === 'postgresql')('reads each expectation once when pages end inside one millisecond (PostgreSQL keeps microseconds)', async () => {
    const em = orm.em.fork();
    const table = rawTableName(em, 'expected_payment');
    const micros = ['001', '999', '500', '002', '998', '003', '501'];
    for (const [k, us] of micros.entries()) {
      await rawRows(em, `insert into ${table} (id, provider, reference, amount_vnd, expected_at, payer, producer_id) values (?, 'micro', ?, 1000, ?::timestamptz, null, 'p1')`, [
        `m${micros.length - k}`,
        `DH-M${k}`,
        `2026-11-01 10:00:00.123${us}+07`,
      ]);
    }
    for (const pageSize of [1, 2, 3]) {
      const read: ExpectedPaymentRecord[] = [];
      for await (const e of expectedPaymentLedger(orm.em.fork(), { pageSize }).expectedPayments('micro', from, to)) read.push(e);
      expect(read.map((e) => e.id).toSorted(), `page size ${pageSize}`).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
      // Cut to the millisecond, as a Date made from the text is.
      expect(new Set(read.map((e) => e.expectedAt.getTime()))).toEqual(new Set([Date.parse('2026-11-01T10:00:00.123+07:00')]));
    }
  });

  it('goes on past a page whose last expectation is deleted meanwhile (a cancelled order)', async () => {
    const em = orm.em.fork();
    const read: string[] = [];
    let deleted: string | null = null;
    for await (const e of expectedPaymentLedger(em, { pageSize: 5 }).expectedPayments('viettel-money', from, to)) {
      read.push(e.id);
      // The fifth row ends the first page: it is the cursor of the next one.
      if (read.length === 5) {
        deleted = e.id;
        await orm.em.fork().nativeDelete(ExpectedPayment, { id: e.id });
      }
    }
    expect(deleted).not.toBeNull();
    expect(read.toSorted()).toEqual(inWindow.toSorted());
    await orm.em.fork().insertMany(ExpectedPayment, rows.filter((r) => r.id === deleted));
  });
});

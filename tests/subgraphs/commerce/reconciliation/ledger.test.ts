import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../../../core/db/database.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { rawRows } from '../../../../core/db/prepared-statements.js';
import { rawTableName } from '../../../../core/db/raw-sql.js';
import { expectedPaymentLedger, type ExpectedPaymentRecord } from '../../../../subgraphs/commerce/reconciliation/ledger.js';
import { LedgerTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';
import { MAX_ROW_VND } from '../../../../connectors/statements/amounts.js';
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

/** An expected payment to insert as it is, its instant with microseconds (PostgreSQL keeps them; SQLite gets the millisecond). */
interface StoredRow {
  id: string;
  provider: string;
  reference: string;
  amountVnd: number;
  /** Epoch ms and the microseconds after it (0–999). */
  ms: number;
  us: number;
  payer: string | null;
  producerId: string;
}

/** Rows inserted by raw SQL, so that PostgreSQL gets the microseconds a Date cannot carry. */
async function insertStored(em: EntityManager, postgres: boolean, stored: readonly StoredRow[]): Promise<void> {
  const table = rawTableName(em, 'expected_payment');
  const value = postgres ? '(?, ?, ?, ?, ?::timestamptz, ?, ?)' : '(?, ?, ?, ?, ?, ?, ?)';
  for (let k = 0; k < stored.length; k += 100) {
    const chunk = stored.slice(k, k + 100);
    await rawRows(em, `insert into ${table} (id, provider, reference, amount_vnd, expected_at, payer, producer_id) values ${chunk.map(() => value).join(', ')}`, chunk.flatMap((r) => [
      r.id,
      r.provider,
      r.reference,
      r.amountVnd,
      postgres ? new Date(r.ms).toISOString().replace('Z', `${String(r.us).padStart(3, '0')}Z`) : new Date(r.ms),
      r.payer,
      r.producerId,
    ]));
  }
}

/** What a ledger read gives for a stored row: the instant cut to the millisecond. */
function asRead({ provider: _, ms, us: __, ...r }: StoredRow): ExpectedPaymentRecord {
  return { ...r, expectedAt: new Date(ms) };
}

/** The rows of a ledger table as records, in its order. */
function tableRecords(table: LedgerTable): ExpectedPaymentRecord[] {
  return Array.from({ length: table.length }, (_, x) => ({
    id: table.id(x),
    reference: table.reference(x),
    amountVnd: table.amount[x],
    expectedAt: new Date(table.time[x]),
    payer: table.payer(x),
    producerId: table.producerId(x),
  }));
}

/** What appendExpectedPayments puts in a table, in window order (PostgreSQL's COPY gives the rows in no order). */
async function appended(em: EntityManager, provider: string, window: { from: Date; to: Date } = { from, to }): Promise<ExpectedPaymentRecord[]> {
  const table = new LedgerTable();
  await expectedPaymentLedger(em).appendExpectedPayments!(table, provider, window.from, window.to);
  return inWindowOrder(tableRecords(table));
}

async function paged(em: EntityManager, provider: string, pageSize: number): Promise<ExpectedPaymentRecord[]> {
  const read: ExpectedPaymentRecord[] = [];
  for await (const e of expectedPaymentLedger(em, { pageSize }).expectedPayments(provider, from, to)) read.push(e);
  return read;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** By instant, then id (code units): one order for rows however they came. */
const inWindowOrder = (records: readonly ExpectedPaymentRecord[]) => records.toSorted((a, b) => a.expectedAt.getTime() - b.expectedAt.getTime() || byId(a, b));

/** Texts COPY must escape or that look like its escapes, Vietnamese composed and decomposed, emoji. */
const TRICKY = ['\t', '\n', '\r', '\\', '\\N', 'N', '\u0008', '\u000c', '\u000b', 'Nguyễn', 'Nguye\u0302\u0303n', 'đ', '😀', '👨‍👩‍👧', 'a', ' ', "'", '"', ','];

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

  it('appends to a table the expectations it yields, calling onPage after each page (PostgreSQL: each pageSize rows)', async () => {
    for (const pageSize of [1, 7, 1000]) {
      const ledger = expectedPaymentLedger(orm.em.fork(), { pageSize });
      const yielded: ExpectedPaymentRecord[] = [];
      for await (const e of ledger.expectedPayments('viettel-money', from, to)) yielded.push(e);
      const table = new LedgerTable();
      let pages = 0;
      await ledger.appendExpectedPayments!(table, 'viettel-money', from, to, () => pages++);
      expect(inWindowOrder(tableRecords(table)), `page size ${pageSize}`).toEqual(inWindowOrder(yielded));
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

  const postgres = dialect === 'postgresql';
  const HOUR = 3_600_000;

  it('reads texts as stored: tab, newline, CR, backslash, \\N, Vietnamese composed and decomposed, emoji, long texts, no payer', async () => {
    const texts = [
      'a\tb',
      'line\nbreak',
      'cr\rlf\r\n',
      'back\\slash\\',
      '\\N',
      '\\\\N',
      '\\t not a tab',
      'Nguyễn Văn Ánh',
      'Nguye\u0302\u0303n Va\u0306n A\u0301nh',
      'ĐƠN-HÀNG-😀-👨‍👩‍👧',
      '\b\f\v',
      '',
      'ệ'.repeat(100),
      '😀'.repeat(64),
      'x'.repeat(64),
    ];
    // Cut by characters, as the columns' lengths count them.
    const cut = (text: string, length: number) => [...text].slice(0, length).join('');
    const stored: StoredRow[] = texts.map((text, k) => ({
      id: `${k}:${cut(text, 60)}`,
      provider: 'texts',
      reference: cut(text, 100),
      amountVnd: 1000 + k,
      ms: DAY + k * HOUR,
      us: 0,
      payer: k % 3 === 0 ? null : cut(text, 100),
      producerId: `${cut(text, 60)}${k}`,
    }));
    await insertStored(orm.em.fork(), postgres, stored);
    expect(await appended(orm.em.fork(), 'texts')).toEqual(inWindowOrder(stored.map(asRead)));
    expect(await paged(orm.em.fork(), 'texts', 4)).toEqual(stored.map(asRead));
  });

  it('reads [from, to): from included, to excluded, instants cut to the millisecond', async () => {
    // On SQLite the microseconds are not stored: the same rows, to the millisecond.
    const edge = (id: string, ms: number, us: number): StoredRow => ({ id, provider: 'edges', reference: `R-${id}`, amountVnd: 5, ms, us, payer: null, producerId: 'p' });
    const stored = [
      edge('at-from', DAY, 0),
      edge('before-from', DAY - 1, postgres ? 999 : 0),
      edge('from-plus', DAY, postgres ? 999 : 0),
      edge('last-ms', DAY + 86_400_000 - 1, postgres ? 999 : 0),
      edge('at-to', DAY + 86_400_000, 0),
      edge('mid', DAY + 12 * HOUR + 1, postgres ? 1 : 0),
    ];
    await insertStored(orm.em.fork(), postgres, stored);
    const expected = ['at-from', 'from-plus', 'mid', 'last-ms'].map((id) => asRead(stored.find((r) => r.id === id)!));
    expect(await appended(orm.em.fork(), 'edges')).toEqual(expected);
    expect(await paged(orm.em.fork(), 'edges', 1)).toEqual(expected);
    // A window of one millisecond.
    expect((await appended(orm.em.fork(), 'edges', { from: new Date(DAY), to: new Date(DAY + 1) })).map((e) => e.id)).toEqual(['at-from', 'from-plus']);
    expect(await appended(orm.em.fork(), 'edges', { from: to, to: new Date(DAY + 2 * 86_400_000) })).toEqual([asRead(stored[4]!)]);
  });

  it('treats a provider holding quotes and backslashes as data, not SQL', async () => {
    const providers = ["x' or '1'='1", "x\\' or 1=1 --", "x';truncate expected_payment;--", "x\\';truncate expected_payment;--", "E'\\x27'", '\\N\t\n'];
    const stored = providers.map((provider, k): StoredRow => ({ id: `inj-${k}`, provider, reference: `R-${k}`, amountVnd: 7, ms: DAY + k, us: 0, payer: null, producerId: 'p' }));
    await insertStored(orm.em.fork(), postgres, stored);
    const count = async () => (await rawRows<{ n: number | string }>(orm.em.fork(), `select count(*) as n from ${rawTableName(orm.em, 'expected_payment')}`))[0]!.n;
    const before = Number(await count());
    for (const [k, provider] of providers.entries()) expect((await appended(orm.em.fork(), provider)).map((e) => e.id), provider).toEqual([`inj-${k}`]);
    expect(await appended(orm.em.fork(), "' or ''='")).toEqual([]);
    expect(Number(await count())).toBe(before);
  });

  it('reads amounts exactly, up to beyond the per-row maximum', async () => {
    const amounts = [1, 2 ** 32 - 1, 2 ** 32, MAX_ROW_VND, 10 ** 15, 2 ** 53 - 1];
    const stored = amounts.map((amountVnd, k): StoredRow => ({ id: `amt-${k}`, provider: 'amounts', reference: `R-${k}`, amountVnd, ms: DAY + k * HOUR, us: 0, payer: null, producerId: 'p' }));
    await insertStored(orm.em.fork(), postgres, stored);
    expect((await appended(orm.em.fork(), 'amounts')).map((e) => e.amountVnd)).toEqual(amounts);
  });

  it('appends the same rows as the pages read them, for any rows', async () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...TRICKY), { maxLength: 6 }).map((parts) => parts.join('')),
      // Any text PostgreSQL can hold: well-formed UTF-16, no NUL.
      fc.string({ unit: 'binary', maxLength: 12 }).filter((t) => !t.includes('\0') && Buffer.from(t, 'utf8').toString('utf8') === t),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: text,
            reference: text,
            amountVnd: fc.integer({ min: 1, max: MAX_ROW_VND }),
            // Few instants, so that rows share them and id orders them.
            ms: fc.oneof(fc.constantFrom(DAY, DAY + 1, DAY + HOUR), fc.integer({ min: DAY - HOUR, max: DAY + 86_400_000 + HOUR })),
            us: fc.integer({ min: 0, max: 999 }),
            payer: fc.option(fc.oneof(text, fc.stringMatching(/^[0-9*]{1,16}$/)), { nil: null }),
            producerId: text,
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (generated, pageSize) => {
          const provider = `prop-${++run}`;
          const stored = generated.map((r, k): StoredRow => ({ ...r, id: `${run}-${k}-${r.id}`, provider, us: postgres ? r.us : 0 }));
          await insertStored(orm.em.fork(), postgres, stored);
          const pages = await paged(orm.em.fork(), provider, pageSize);
          const table = new LedgerTable();
          await expectedPaymentLedger(orm.em.fork()).appendExpectedPayments!(table, provider, from, to);
          const copied = tableRecords(table);
          expect(inWindowOrder(copied)).toEqual(inWindowOrder(pages));
          // Texts taken as bytes (COPY) or as strings, the table finds the same first row of each reference.
          const fromRecords = new LedgerTable();
          for (const record of copied) fromRecords.push(record);
          for (let x = 0; x < table.length; x++) {
            expect(table.firstWithSameReference(x)).toBe(fromRecords.firstWithSameReference(x));
            expect(table.firstWithReference(table.reference(x))).toBe(fromRecords.firstWithReference(table.reference(x)));
          }
          expect(copied.toSorted(byId)).toEqual(stored.filter((r) => r.ms >= DAY && r.ms < DAY + 86_400_000).map(asRead).toSorted(byId));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reads a window of thousands of long rows, cut across the connection\'s chunks', async () => {
    const stored = Array.from({ length: 3_000 }, (_, k): StoredRow => ({
      id: `long-${String(k).padStart(5, '0')}-${'ệ😀\t\\'.repeat(8)}`,
      provider: 'long',
      reference: `${'Nguyễn\n'.repeat(12)}${k}`,
      amountVnd: 1 + k,
      ms: DAY + k * 1000,
      us: k % 1000,
      payer: k % 2 ? null : `${'đ\r'.repeat(40)}${k}`,
      producerId: `p${k % 7}`,
    }));
    await insertStored(orm.em.fork(), postgres, stored);
    const table = new LedgerTable();
    let pages = 0;
    await expectedPaymentLedger(orm.em.fork(), { pageSize: 1000 }).appendExpectedPayments!(table, 'long', from, to, () => pages++);
    expect(inWindowOrder(tableRecords(table))).toEqual(inWindowOrder(stored.map(asRead)));
    expect(pages).toBe(4);
  });

  it.runIf(postgres)('gives the connection back when the table refuses a row in the middle of the COPY, and reads again afterwards', async () => {
    const em = orm.em.fork();
    const table = rawTableName(em, 'expected_payment');
    await rawRows(em, `insert into ${table} (id, provider, reference, amount_vnd, expected_at, payer, producer_id) select 'bulk-' || g, 'bulk', 'R-' || g, g, ?::timestamptz + g * interval '1 ms', null, 'p' from generate_series(1, 50000) g`, [from.toISOString()]);
    const pool = (orm.em.getConnection() as unknown as { getKnex(): { client: { pool: { numUsed(): number } } } }).getKnex().client.pool;
    let pushed = 0;
    const refusing = new LedgerTable();
    const refusingTenth =
      <A extends unknown[]>(push: (...values: A) => void) =>
      (...values: A) => {
        if (++pushed === 10) throw new Error('refused');
        push(...values);
      };
    refusing.pushValues = refusingTenth(refusing.pushValues.bind(refusing));
    refusing.pushValuesFromBytes = refusingTenth(refusing.pushValuesFromBytes.bind(refusing));
    await expect(expectedPaymentLedger(orm.em.fork()).appendExpectedPayments!(refusing, 'bulk', from, to)).rejects.toThrow('refused');
    expect(pool.numUsed()).toBe(0);
    expect((await appended(orm.em.fork(), 'bulk')).length).toBe(50_000);
    expect(pool.numUsed()).toBe(0);
    // A connection lent again inside the COPY makes the next read wait forever: fail instead.
  }, 60_000);
});

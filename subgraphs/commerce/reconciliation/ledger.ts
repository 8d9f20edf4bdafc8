import type { EntityManager } from '@mikro-orm/core';
import { escapeLiteral } from 'pg';
import { copyOut } from '../../../core/db/copy-out.js';
import { rawArrays } from '../../../core/db/prepared-statements.js';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { CopyBinaryRows } from './copy-binary-rows.js';
import { ExpectedPayment } from './expected-payment.entity.js';
import { sizeAhead, type Reservable } from './table-sizing.js';

/**
 * The ledger side of reconciliation, kept narrow on purpose: reconciliation needs only what was
 * expected to be paid, not how orders work. Today it is read from the `expected_payment` table;
 * when commerce orders exist, an implementation over them replaces `expectedPaymentLedger` here
 * and nothing else changes.
 */
export interface ExpectedPaymentRecord {
  /** Stable id of the expectation (an order id). */
  id: string;
  /** Reference the payer was told to quote; expectations paid together (one checkout) share it. */
  reference: string;
  amountVnd: number;
  /** When the payment was expected (order placed). */
  expectedAt: Date;
  payer: string | null;
  /** The producer concerned: it may see the payment details. */
  producerId: string;
}

/** Where `appendExpectedPayments` puts the rows: LedgerTable, one expected payment per call. */
export interface ExpectedPaymentColumns {
  pushValues(id: string, reference: string, amountVnd: number, expectedAtMs: number, payer: string | null, producerId: string): void;
  /** pushValues with the id and the reference as UTF-8 bytes in `source` (a COPY's fields, read in place). */
  pushValuesFromBytes?(source: Uint8Array, idStart: number, idEnd: number, referenceStart: number, referenceEnd: number, amountVnd: number, expectedAtMs: number, payer: string | null, producerId: string): void;
  /** Room ahead (table-sizing.ts): told once the first page is in. */
  reserve?: Reservable['reserve'];
}

export interface Ledger {
  /** Name stored on each run, so a result says what it was matched against. */
  readonly name: string;
  /** Expected payments for `provider` with expectedAt in [from, to). Any order: matching does not depend on it. */
  expectedPayments(provider: string, from: Date, to: Date): AsyncIterable<ExpectedPaymentRecord>;
  /**
   * The rows of `expectedPayments`, appended to `table` without a record and a Date per row, nor a
   * promise per row from the async iteration: what loading a million-row window mostly cost after
   * the driver. Optional: a ledger without it is read through `expectedPayments`. `onPage` runs
   * after each batch appended (progress).
   */
  appendExpectedPayments?(table: ExpectedPaymentColumns, provider: string, from: Date, to: Date, onPage?: () => void): Promise<void>;
  /** Expected payments by id (open items carried over from earlier runs); absent: no carry-over. */
  expectedPaymentsByIds?(ids: readonly string[]): AsyncIterable<ExpectedPaymentRecord>;
  /** Expected payments for `provider` quoting one of these references, whenever expected (payments carried over). */
  expectedPaymentsByReferences?(provider: string, references: readonly string[]): AsyncIterable<ExpectedPaymentRecord>;
}

/**
 * Rows per page (appendExpectedPayments on PostgreSQL: rows between two calls of `onPage`). A
 * page's row objects live while it is iterated; at 10,000 they outlived young collections and were
 * promoted, and a million-row read left a few hundred megabytes of them for
 * full collections (`hub reconcile` on PostgreSQL peaked at 402 MB, 327 MB at 2,000).
 */
const PAGE = 2_000;

/**
 * The ledger over the `expected_payment` table, read in keyset pages of plain rows (raw SQL, no
 * entity per row: at a million expected payments hydration cost more than the query). A window is
 * read as arrays of columns, not row objects, and its instants as epoch milliseconds: on
 * PostgreSQL, computed by the server rather than parsed from text per row (the same instant, cut to
 * the millisecond as a JavaScript Date cuts it).
 *
 * Pages follow the (provider, expected_at) index in (expected_at, id) order, each starting after
 * the last row of the one before, so reading a window costs one pass over it. Ordering the window
 * by id instead made every page scan and sort the whole window again: a million expected payments
 * took 100 pages of a million-row sort (29 s against 4 s). The cursor is the last row's id with
 * its expected_at read back by primary key inside the statement, so no instant is rounded through a
 * JavaScript Date between pages (PostgreSQL keeps microseconds); if that row was deleted meanwhile
 * (a cancelled order), its expected_at as read stands in, rather than the read stopping there.
 *
 * On PostgreSQL appendExpectedPayments reads the window in one binary COPY instead, in no order: the
 * driver's rows were most of a million-row load (3.6–4.6 s), and what they leave for collection took
 * the import over its memory bound.
 */
export function expectedPaymentLedger(em: EntityManager, options: { pageSize?: number } = {}): Ledger {
  const pageSize = options.pageSize ?? PAGE;
  const meta = em.getMetadata().get(ExpectedPayment.name);
  const table = rawTableName(em, meta.tableName);
  const column = (p: keyof ExpectedPayment) => `"${meta.properties[p].fieldNames[0]}"`;
  const [id, at] = [column('id'), column('expectedAt')];
  // Epoch ms, floored: a Date made from PostgreSQL's text drops the digits after the millisecond.
  const atMs = isPostgres(em) ? `floor(extract(epoch from ${at}) * 1000)::float8` : at;
  // One select list for every read: named for the row objects of `execute`, in this order for
  // `rawArrays`. Not named expected_at: ORDER BY would then sort by the floored output column, not by
  // the stored instant the keyset follows.
  const selected = `${id} as id, ${column('reference')} as reference, ${column('amountVnd')} as amount, ${atMs} as expected_at_ms, ${column('payer')} as payer, ${column('producerId')} as producer`;
  const select = `select ${selected} from ${table}`;
  const order = `order by ${at}, ${id} limit ${pageSize}`;
  const countWindow = `select count(*) from ${table} where ${column('provider')} = ? and ${at} >= ? and ${at} < ?`;
  const firstPage = `${select} where ${column('provider')} = ? and ${at} >= ? and ${at} < ? ${order}`;
  const cursor = `coalesce((select ${at} from ${table} where ${id} = ?), ?)`;
  const nextPage = `${select} where ${column('provider')} = ? and ${at} < ? and ${at} >= ${cursor} and (${at}, ${id}) > (${cursor}, ?) ${order}`;
  // SQLite: the (provider, expected_at) index holds each row's rowid after its instant, so pages in
  // (expected_at, rowid) order come straight off the index, with no sort of the rows sharing an
  // instant, and the cursor is the last row's own values (its instant as stored, no rounding; a
  // row deleted meanwhile changes nothing). A million expected payments: 1.17 → 0.87 s.
  const byRowid = `order by ${at}, rowid limit ${pageSize}`;
  const sqliteSelect = `select ${selected}, rowid from ${table}`;
  const sqliteFirst = `${sqliteSelect} where ${column('provider')} = ? and ${at} >= ? and ${at} < ? ${byRowid}`;
  const sqliteNext = `${sqliteSelect} where ${column('provider')} = ? and ${at} < ? and (${at}, rowid) > (?, ?) ${byRowid}`;

  async function* pages(provider: string, from: Date, to: Date): AsyncGenerator<WindowRow[]> {
    const sqlite = !isPostgres(em);
    let rows = await rawArrays<WindowRow>(em, sqlite ? sqliteFirst : firstPage, [provider, from, to]);
    for (;;) {
      yield rows;
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1];
      if (sqlite) rows = await rawArrays<WindowRow>(em, sqliteNext, [provider, to, last[3], last[6]!]);
      else {
        const lastAt = new Date(epochMs(last[3]));
        rows = await rawArrays<WindowRow>(em, nextPage, [provider, to, last[0], lastAt, last[0], lastAt, last[0]]);
      }
    }
  }

  // The window in one COPY, in the binary format (copy-binary-rows.ts): amounts as int8, instants as
  // the server keeps them (microseconds, floored to the millisecond here as above), texts as their
  // bytes. COPY takes no bind parameters: the values are quoted into the text. In no order: matching
  // does not depend on it (matcher-order.test.ts), and the server then reads a window that is most
  // of the table in one sequential scan (a million rows: 0.45 s of its time against 1.05 s sorted
  // off the index, on the same two cores).
  const copySelect = `select ${id}, ${column('reference')}, ${column('amountVnd')}::int8, ${at}, ${column('payer')}, ${column('producerId')} from ${table}`;
  const instant = (date: Date) => `${escapeLiteral(date.toISOString())}::timestamptz`;

  /**
   * appendExpectedPayments on PostgreSQL: the whole window as one COPY, read from its bytes into
   * the table, with no row array nor driver object per row. `pageRead` after each `pageSize` rows
   * and once at the end.
   */
  async function copyWindow(target: ExpectedPaymentColumns, provider: string, from: Date, to: Date, pageRead: (rows: number) => void): Promise<void> {
    const where = `${column('provider')} = ${escapeLiteral(provider)} and ${at} >= ${instant(from)} and ${at} < ${instant(to)}`;
    let next = pageSize;
    const rows = new CopyBinaryRows(6, (row) => {
      if (target.pushValuesFromBytes) {
        target.pushValuesFromBytes(row.bytes, row.fieldStart(0), row.fieldEnd(0), row.fieldStart(1), row.fieldEnd(1), row.int8(2), row.timestampMs(3), row.textOrNull(4), row.text(5));
      } else target.pushValues(row.text(0), row.text(1), row.int8(2), row.timestampMs(3), row.textOrNull(4), row.text(5));
      if (row.rows === next) {
        next += pageSize;
        pageRead(pageSize);
      }
    });
    await copyOut(em, `copy (${copySelect} where ${where}) to stdout with (format binary)`, (chunk) => rows.push(chunk));
    rows.end();
    pageRead(rows.rows % pageSize);
  }

  return {
    name: 'expected_payment',
    async *expectedPayments(provider, from, to) {
      for await (const rows of pages(provider, from, to)) for (const row of rows) yield fromWindowRow(row);
    },
    async appendExpectedPayments(target, provider, from, to, onPage) {
      // Counted first (the index alone answers), so that the table is sized once the first page
      // shows how long the texts are, rather than doubling its columns all the way to a million.
      const [[total]] = await rawArrays<[number | string]>(em, countWindow, [provider, from, to]);
      let sized = !target.reserve;
      const pageRead = (rows: number) => {
        if (!sized) {
          sized = true;
          sizeAhead(target as Reservable, rows, Number(total));
        }
        onPage?.();
      };
      if (isPostgres(em)) return copyWindow(target, provider, from, to, pageRead);
      for await (const rows of pages(provider, from, to)) {
        for (const row of rows) target.pushValues(row[0], row[1], Number(row[2]), epochMs(row[3]), row[4] ?? null, row[5]);
        pageRead(rows.length);
      }
    },
    async *expectedPaymentsByIds(ids) {
      for (let k = 0; k < ids.length; k += 500) {
        const chunk = ids.slice(k, k + 500);
        const rows = (await em.getConnection().execute(`${select} where ${column('id')} in (${chunk.map(() => '?').join(', ')}) order by ${column('id')}`, chunk, 'all')) as RawRow[];
        for (const row of rows) yield fromRaw(row);
      }
    },
    async *expectedPaymentsByReferences(provider, references) {
      for (let k = 0; k < references.length; k += 500) {
        const chunk = references.slice(k, k + 500);
        const rows = (await em.getConnection().execute(
          `${select} where ${column('provider')} = ? and ${column('reference')} in (${chunk.map(() => '?').join(', ')}) order by ${column('id')}`,
          [provider, ...chunk],
          'all',
        )) as RawRow[];
        for (const row of rows) yield fromRaw(row);
      }
    },
  };
}

interface RawRow {
  id: string;
  reference: string;
  /** bigint: a string on PostgreSQL. */
  amount: number | string;
  /** Epoch ms (a text instant if something wrote one into SQLite). */
  expected_at_ms: number | string;
  payer: string | null;
  producer: string;
}

/** A row of a window: id, reference, amount (bigint: a string on PostgreSQL), expected_at as epoch ms, payer, producer; on SQLite its rowid. */
type WindowRow = readonly [string, string, number | string, number | string, string | null, string, number?];

/** Epoch ms as the row holds it; a text instant, which SQLite keeps if something wrote one, as a Date reads it. */
function epochMs(value: number | string): number {
  return typeof value === 'number' ? value : new Date(value).getTime();
}

function fromWindowRow(row: WindowRow): ExpectedPaymentRecord {
  return { id: row[0], reference: row[1], amountVnd: Number(row[2]), expectedAt: new Date(epochMs(row[3])), payer: row[4] ?? null, producerId: row[5] };
}

function fromRaw(row: RawRow): ExpectedPaymentRecord {
  return { id: row.id, reference: row.reference, amountVnd: Number(row.amount), expectedAt: new Date(epochMs(row.expected_at_ms)), payer: row.payer ?? null, producerId: row.producer };
}

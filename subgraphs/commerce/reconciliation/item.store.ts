import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { Database } from 'better-sqlite3';
import type { ClientBase } from 'pg';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { copyRows, copyTextBytes, type CopyValue, type ItemValue } from './item-copy.js';
import { isPlainItem, PackBuilder, type BuiltPack, type PackValues } from './item-pack.js';
import { PlainRow } from './plain-row.js';
import { ReconciliationItemPack } from './reconciliation-item-pack.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import type { ResultItem } from './result-item.js';

/**
 * Writes a run's items straight through the transaction's own driver connection, without entities
 * or MikroORM's query formatting (which inlines and re-parses every value: at a million items it
 * cost more than reading the statement). Plain MATCHED items go into packs of a thousand
 * (item-pack.ts), the others are rows with the id their seq gives them. PostgreSQL gets COPY FROM
 * STDIN in batches; SQLite prepared INSERTs. Both run on the transaction's connection, so a failure
 * anywhere rolls back every item with the run.
 */
const PROPERTIES = [
  'id', 'runId', 'seq', 'outcome', 'rule', 'referencesJson', 'transactionIdsJson', 'linesJson', 'expectedPaymentIdsJson',
  'producerKey', 'payer', 'paidVnd', 'reversedVnd', 'feeVnd', 'expectedVnd', 'paidAt', 'expectedAt', 'carriedFromItemId',
] as const;
/** 18 columns × 64 rows stays far below SQLite's bound on parameters. */
const SQLITE_ROWS_PER_STATEMENT = 64;
/** Progress (and, on SQLite, a turn of the event loop) every this many items. */
const PROGRESS_EVERY = 10_000;

/** True when JSON.stringify would write the string as is: no control character, quote, backslash or surrogate (lone ones are escaped). */
function plainJson(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * JSON text of a list of strings, as JSON.stringify writes it. Nearly every item lists one plain
 * id or reference: that one is concatenated directly (a million items, four lists each).
 */
function jsonStrings(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  if (values.length === 1 && plainJson(values[0])) return `["${values[0]}"]`;
  return JSON.stringify(values);
}

/** JSON text of a list of statement lines (whole numbers). */
function jsonLines(values: readonly number[]): string {
  return values.length === 1 ? `[${values[0]}]` : JSON.stringify(values);
}

/**
 * An item's column values, written into `into` from `at` (one array reused for every row: a
 * million items make no array each). Instants as Date, or epoch milliseconds with `epochMs`
 * (SQLite stores them so, as MikroORM does).
 */
function putItemValues(runId: string, firstItemId: number, item: ResultItem, into: ItemValue[], at: number, epochMs: boolean): void {
  into[at] = firstItemId + item.seq;
  into[at + 1] = runId;
  into[at + 2] = item.seq;
  into[at + 3] = item.outcome;
  into[at + 4] = item.rule;
  into[at + 5] = jsonStrings(item.references);
  into[at + 6] = jsonStrings(item.transactionIds);
  into[at + 7] = jsonLines(item.lines);
  into[at + 8] = jsonStrings(item.expectedPaymentIds);
  into[at + 9] = item.producerIds.length ? `|${item.producerIds.join('|')}|` : '';
  into[at + 10] = item.payer;
  into[at + 11] = item.paidVnd;
  into[at + 12] = item.reversedVnd;
  into[at + 13] = item.feeVnd;
  into[at + 14] = item.expectedVnd;
  into[at + 15] = epochMs && item.paidAt ? item.paidAt.getTime() : item.paidAt;
  into[at + 16] = epochMs && item.expectedAt ? item.expectedAt.getTime() : item.expectedAt;
  into[at + 17] = item.carriedFromItemId ?? null;
}

const PACK_PROPERTIES = ['runId', 'firstSeq', 'lastSeq', 'itemCount', 'paidVnd', 'producerKey', 'producerCountsJson', 'itemsJson'] as const satisfies readonly (keyof PackValues)[];

const packRow = (pack: PackValues): ItemValue[] => PACK_PROPERTIES.map((p) => pack[p]);
const ITEMS_JSON = PACK_PROPERTIES.indexOf('itemsJson');

export interface StoreItemsOptions {
  /** Id of the item of seq 0 (item-ids.store.ts): an item's id is firstItemId + seq. */
  firstItemId: number;
  /** Which items may be packed: default the plain ones (isPlainItem). A PlainRow always is. */
  packable?: (item: ResultItem) => boolean;
  /** Items written so far (rows and packed), about every PROGRESS_EVERY items and at the end. */
  onProgress?: (written: number) => void;
}

/** Where rows and packs go: the driver's own way of writing them. */
interface ItemSink {
  row(item: ResultItem): Promise<void> | void;
  /** Takes what it keeps of the pack before it returns or awaits: the builder reuses its bytes. */
  pack(pack: BuiltPack): Promise<void> | void;
  end(): Promise<void> | void;
}

export async function insertItems(tx: EntityManager, runId: string, items: Iterable<ResultItem | PlainRow>, options: StoreItemsOptions): Promise<number> {
  const trx = tx.getTransactionContext<Knex.Transaction>();
  // Outside a transaction a failure would leave part of a run behind.
  if (!trx) throw new Error('insertItems must run inside the transaction that stores the run');
  const metadata = tx.getMetadata();
  const table = (entity: string, properties: readonly string[]) => {
    const meta = metadata.get(entity);
    return { name: rawTableName(tx, meta.tableName), columns: properties.map((p) => `"${meta.properties[p].fieldNames[0]}"`) };
  };
  const tables = { items: table(ReconciliationItem.name, PROPERTIES), packs: table(ReconciliationItemPack.name, PACK_PROPERTIES) };
  const connection = (await trx.client.acquireConnection()) as unknown;
  const sink = isPostgres(tx)
    ? postgresSink(connection as ClientBase, tables, runId, options.firstItemId)
    : sqliteSink(connection as Database, tables, runId, options.firstItemId);
  const packable = options.packable ?? isPlainItem;
  const packs = new PackBuilder(runId);
  let written = 0;
  for (const item of items) {
    if (item instanceof PlainRow) {
      const pack = packs.addRow(item);
      if (pack) await sink.pack(pack);
    } else if (packable(item)) {
      const pack = packs.add(item);
      if (pack) await sink.pack(pack);
    } else await sink.row(item);
    if (++written % PROGRESS_EVERY === 0) {
      options.onProgress?.(written);
      // better-sqlite3 is synchronous: let timers and I/O through now and then.
      await nextTurn();
    }
  }
  const last = packs.flush();
  if (last) await sink.pack(last);
  await sink.end();
  options.onProgress?.(written);
  return written;
}

type Tables = Record<'items' | 'packs', { name: string; columns: string[] }>;

/** Item rows in prepared 64-row INSERTs (one parameter array filled in place), each pack as it completes. */
function sqliteSink(db: Database, tables: Tables, runId: string, firstItemId: number): ItemSink {
  const { items } = tables;
  const rowSql = `(${items.columns.map(() => '?').join(', ')})`;
  const head = `insert into ${items.name} (${items.columns.join(', ')}) values `;
  const full = db.prepare(head + Array.from({ length: SQLITE_ROWS_PER_STATEMENT }, () => rowSql).join(', '));
  // The items' JSON is bound as its UTF-8 bytes and stored as the text they are (a cast, no copy
  // made in JavaScript): no string of 150 KB per pack (item-pack.ts, BuiltPack).
  const packValues = tables.packs.columns.map((_, k) => (PACK_PROPERTIES[k] === 'itemsJson' ? 'cast(? as text)' : '?'));
  const packInsert = db.prepare(`insert into ${tables.packs.name} (${tables.packs.columns.join(', ')}) values (${packValues.join(', ')})`);
  const params: ItemValue[] = new Array<ItemValue>(SQLITE_ROWS_PER_STATEMENT * items.columns.length).fill(null);
  let pending = 0;
  return {
    row(item) {
      putItemValues(runId, firstItemId, item, params, pending * items.columns.length, true);
      if (++pending < SQLITE_ROWS_PER_STATEMENT) return;
      full.run(params);
      pending = 0;
    },
    pack(pack) {
      packInsert.run(PACK_PROPERTIES.map((p) => pack[p]));
    },
    end() {
      if (pending) db.prepare(head + Array.from({ length: pending }, () => rowSql).join(', ')).run(params.slice(0, pending * items.columns.length));
    },
  };
}

/** Rows a COPY carries at most (a run of nothing but exceptions is a million rows). */
const POSTGRES_ROWS_PER_COPY = 5_000;
/** Packs per COPY: about a megabyte of text. */
const POSTGRES_PACKS_PER_COPY = 8;

/** Rows built between two turns of the event loop while a COPY is in flight (a pack is one turn). */
const ROWS_PER_TURN = 256;

/**
 * Rows and packs gathered into batches, each written with a COPY when full: a COPY holds the
 * connection, so the two kinds take turns. One COPY is in flight while the next batch is built,
 * and building gives the event loop a turn every pack (or ROWS_PER_TURN rows): the COPY's bytes
 * go out, and its end is read, only in those turns. Awaited one at a time, the server and this
 * thread took turns, each idle about half of storing; in flight without the turns, it waited for
 * the next one all the same (a million items: storing 1.8 s, then 1.8 s, now 1.3–1.4 s).
 */
function postgresSink(client: ClientBase, tables: Tables, runId: string, firstItemId: number): ItemSink {
  let rows: ItemValue[][] = [];
  let packs: CopyValue[][] = [];
  let inFlight: Promise<unknown> | null = null;
  /** Starts a COPY once the one before has finished (its failure is thrown here, before another starts). */
  const send = async (table: { name: string; columns: string[] }, batch: CopyValue[][]) => {
    if (inFlight) await inFlight;
    const copy = copyRows(client, table.name, table.columns, batch);
    // Awaited by the next send or by end(); until then a failure is held, not unhandled.
    copy.catch(() => undefined);
    inFlight = copy;
  };
  const flushRows = async () => {
    if (rows.length) await send(tables.items, rows);
    rows = [];
  };
  const flushPacks = async () => {
    if (packs.length) await send(tables.packs, packs);
    packs = [];
  };
  return {
    async row(item) {
      const values = new Array<ItemValue>(PROPERTIES.length);
      putItemValues(runId, firstItemId, item, values, 0, false);
      rows.push(values);
      if (rows.length >= POSTGRES_ROWS_PER_COPY) await flushRows();
      else if (inFlight && rows.length % ROWS_PER_TURN === 0) await nextTurn();
    },
    async pack(pack) {
      // The builder reuses its bytes: escaped into a buffer of their own now.
      const row: CopyValue[] = packRow({ ...pack, itemsJson: '' });
      row[ITEMS_JSON] = copyTextBytes(pack.itemsJson);
      packs.push(row);
      if (packs.length >= POSTGRES_PACKS_PER_COPY) await flushPacks();
      else if (inFlight) await nextTurn();
    },
    async end() {
      await flushRows();
      await flushPacks();
      if (inFlight) await inFlight;
    },
  };
}

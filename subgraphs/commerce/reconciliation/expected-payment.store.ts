import type { EntityManager } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { ClientBase } from 'pg';
import { rawArrays, rawRows } from '../../../core/db/prepared-statements.js';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { ExpectedPayment } from './expected-payment.entity.js';
import type { ValidExpectedPayment } from './expected-payment.rules.js';
import { copyRows, type ItemValue } from './item-copy.js';

/**
 * Expected payments read and written as raw SQL on the entity manager's transaction: an import of a
 * million rows made an entity per stored row read and MikroORM's insertMany inlined every value into
 * a new statement text. Here the texts keep their placeholders, so each is prepared once
 * (prepared-statements.ts); PostgreSQL is written with COPY, as a run's items are.
 */
const PROPERTIES = ['id', 'provider', 'reference', 'amountVnd', 'expectedAt', 'payer', 'producerId'] as const satisfies readonly (keyof ExpectedPayment)[];

/**
 * Rows per INSERT (SQLite; PostgreSQL outside a transaction): 1,050 parameters, and a text short enough (under LONGEST_KEPT_SQL) to stay
 * prepared; a statement per 150 rows costs little next to binding them.
 */
const ROWS_PER_INSERT = 150;

/** id, provider, reference, amount (bigint: a string on PostgreSQL), expected_at as epoch ms, payer, producer. */
type StoredRow = readonly [string, string, string, number | string, number | string, string | null, string];

function sqlOf(em: EntityManager) {
  const meta = em.getMetadata().get(ExpectedPayment.name);
  const columns = PROPERTIES.map((p) => `"${meta.properties[p].fieldNames[0]}"`);
  return { table: rawTableName(em, meta.tableName), columns };
}

/** The stored expected payments among `ids` (at most a thousand: one statement), by id. */
export async function storedExpectedPayments(em: EntityManager, ids: readonly string[]): Promise<Map<string, ValidExpectedPayment>> {
  if (!ids.length) return new Map();
  const { table, columns } = sqlOf(em);
  // Epoch ms, floored, as the ledger reads it: a Date made from PostgreSQL's text drops the digits after the millisecond.
  const select = columns.map((c, k) => (k === 4 && isPostgres(em) ? `floor(extract(epoch from ${c}) * 1000)::float8` : c));
  const rows = await rawArrays<StoredRow>(em, `select ${select.join(', ')} from ${table} where ${columns[0]} in (${ids.map(() => '?').join(', ')})`, ids);
  return new Map(
    rows.map((r) => [r[0], { id: r[0], provider: r[1], reference: r[2], amountVnd: Number(r[3]), expectedAt: new Date(r[4]), payer: r[5] ?? null, producerId: r[6] }]),
  );
}

const valuesOf = (r: ValidExpectedPayment): ItemValue[] => [r.id, r.provider, r.reference, r.amountVnd, r.expectedAt, r.payer ?? null, r.producerId];

/** Inserts the records in the entity manager's transaction. */
export async function insertExpectedPaymentRows(em: EntityManager, records: readonly ValidExpectedPayment[]): Promise<void> {
  if (!records.length) return;
  const { table, columns } = sqlOf(em);
  const trx = em.getTransactionContext<Knex.Transaction>();
  // COPY on the transaction's own connection: a statement per 150 rows was most of a PostgreSQL import's writing.
  if (trx && isPostgres(em)) {
    await copyRows((await trx.client.acquireConnection()) as ClientBase, table, columns, records.map(valuesOf));
    return;
  }
  const row = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
    const chunk = records.slice(i, i + ROWS_PER_INSERT);
    await rawRows(em, head + chunk.map(() => row).join(', '), chunk.flatMap(valuesOf));
  }
}
